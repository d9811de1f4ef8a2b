import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LANGUAGE_CODE, type LocalizedText } from '@otklik/survey-model';
import { SegmentIdQuery } from '../segments/segment-query';
import { QUADRANTS, type Quadrant } from './quadrants';

export class ParametersQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start (inclusive); default 183 days before `to`' })
  @IsOptional()
  @IsDateString({}, { message: 'from must be an ISO date' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End (exclusive); default now' })
  @IsOptional()
  @IsDateString({}, { message: 'to must be an ISO date' })
  to?: string;

  @ApiPropertyOptional({ example: 'Europe/Moscow', default: 'UTC', description: 'IANA time zone of the monthly trend' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ example: 'ru', description: 'Only responses given in this language' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'language must be a code like en or ru' })
  language?: string;

  @ApiPropertyOptional({ description: 'Value of the "segment" hidden field' }) @IsOptional() @IsString() @MaxLength(200) segment?: string;

  @SegmentIdQuery() segmentId?: string;

  @ApiPropertyOptional({ description: "The matrix question; default the survey's first one", example: 'parameters' })
  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,40}$/, { message: 'questionId must be a question id (1–40 of a-z, 0-9, _ or -)' })
  questionId?: string;
}

const LOCALIZED = { type: 'object', additionalProperties: { type: 'string' }, example: { en: 'Delivery', ru: 'Доставка' } } as const;

export class ParameterBinDto {
  @ApiProperty() score: number;
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of the parameter’s answers, percent, 1 decimal' }) percent:
    number | null;
}

export class ParameterMonthDto {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() n: number;
  @ApiProperty({ description: '2 decimals' }) mean: number;
}

export class ParameterIntervalDto {
  @ApiProperty() lower: number;
  @ApiProperty() upper: number;
}

export class ParameterResultDto {
  @ApiProperty({ example: 'delivery' }) id: string;
  @ApiProperty(LOCALIZED) label: LocalizedText;
  @ApiProperty({ description: 'Answers rating this parameter' }) n: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean rating, 2 decimals' }) mean: number | null;
  @ApiProperty({ type: Number, nullable: true }) standardDeviation: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '95 % margin of error of the mean (1.96 · s/√n)' }) marginOfError:
    number | null;
  @ApiProperty({ type: ParameterIntervalDto, nullable: true }) interval: ParameterIntervalDto | null;
  @ApiProperty({ type: ParameterBinDto, isArray: true, description: 'Every point of the scale, zero counts included' })
  distribution: ParameterBinDto[];
  @ApiProperty({ type: Number, nullable: true, description: "Importance: Pearson's r with the overall score, 3 decimals" })
  correlation: number | null;
  @ApiProperty({ description: 'Responses with both this rating and an overall score (what r is computed from)' }) pairs: number;
  @ApiProperty({ enum: QUADRANTS, enumName: 'ParameterQuadrant', nullable: true }) quadrant: Quadrant | null;
  @ApiProperty({ type: ParameterMonthDto, isArray: true, description: 'Mean per calendar month with answers' }) trend: ParameterMonthDto[];
}

export class ParameterScaleDto {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
}

export class ParameterSplitDto {
  @ApiProperty({ enum: ['median'], description: 'Both axes are split at the median of the parameters' }) method: 'median';
  @ApiProperty({ type: Number, nullable: true, description: 'Median correlation, 3 decimals' }) importance: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Median mean, 2 decimals' }) satisfaction: number | null;
}

export class ParameterPeriodDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
}

export class SurveyParametersDto {
  @ApiProperty({ example: 'parameters' }) questionId: string;
  @ApiProperty(LOCALIZED) question: LocalizedText;
  @ApiProperty({ type: ParameterScaleDto }) scale: ParameterScaleDto;
  @ApiProperty({ type: ParameterPeriodDto }) period: ParameterPeriodDto;
  @ApiProperty() timeZone: string;
  @ApiProperty({ description: 'Finished responses that rated at least one parameter' }) responses: number;
  @ApiProperty({ type: ParameterSplitDto }) split: ParameterSplitDto;
  @ApiProperty({ type: ParameterResultDto, isArray: true, description: 'In the order of the question’s rows' })
  parameters: ParameterResultDto[];
}
