import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LANGUAGE_CODE } from '@otklik/survey-model';
import { SegmentIdQuery } from '../segments/segment-query';

export const INTERVALS = ['day', 'week', 'month'] as const;

export class MetricsQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start (inclusive); default 30 days before `to`' })
  @IsOptional()
  @IsDateString({}, { message: 'from must be an ISO date' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End (exclusive); default now' })
  @IsOptional()
  @IsDateString({}, { message: 'to must be an ISO date' })
  to?: string;

  @ApiPropertyOptional({ enum: INTERVALS, default: 'day' })
  @IsOptional()
  @IsIn(INTERVALS, { message: 'interval must be day, week or month' })
  interval?: (typeof INTERVALS)[number];

  @ApiPropertyOptional({ example: 'Europe/Moscow', default: 'UTC', description: 'IANA time zone of the buckets' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ example: 'ru' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'language must be a code like en or ru' })
  language?: string;

  @ApiPropertyOptional({ description: 'Value of the "segment" hidden field' }) @IsOptional() @IsString() @MaxLength(200) segment?: string;

  @SegmentIdQuery() segmentId?: string;
}

export class KindMetricsQuery extends MetricsQuery {
  @ApiPropertyOptional({ description: 'Only surveys of this touchpoint' }) @IsOptional() @IsString() @MaxLength(200) touchpoint?: string;
}

export class IntervalDto {
  @ApiProperty() lower: number;
  @ApiProperty() upper: number;
}

export class NpsMetricDto {
  @ApiProperty() n: number;
  @ApiProperty() promoters: number;
  @ApiProperty() passives: number;
  @ApiProperty() detractors: number;
  @ApiProperty({ type: Number, nullable: true, description: '−100..100' }) nps: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '95% margin of error, points' }) marginOfError: number | null;
  @ApiProperty({ type: IntervalDto, nullable: true }) interval: IntervalDto | null;
}

export class CsatMetricDto {
  @ApiProperty() n: number;
  @ApiProperty() satisfied: number;
  @ApiProperty({ type: Number, nullable: true, description: '% of 4–5' }) csat: number | null;
  @ApiProperty({ type: Number, nullable: true }) marginOfError: number | null;
  @ApiProperty({ type: IntervalDto, nullable: true, description: '95% Wilson interval' }) interval: IntervalDto | null;
}

export class CesMeanDto {
  @ApiProperty({ enum: [5, 7] }) scaleMax: number;
  @ApiProperty() n: number;
  @ApiProperty() mean: number;
  @ApiProperty({ type: Number, nullable: true }) marginOfError: number | null;
}

export class CesMetricDto {
  @ApiProperty() n: number;
  @ApiProperty() agree: number;
  @ApiProperty({ type: Number, nullable: true, description: '% agree (5–7 of 7, 4–5 of 5)' }) agreePercent: number | null;
  @ApiProperty({ type: IntervalDto, nullable: true }) agreeInterval: IntervalDto | null;
  @ApiProperty({ type: CesMeanDto, isArray: true, description: 'Mean per scale; scales are never pooled' }) means: CesMeanDto[];
}

export class DistributionBinDto {
  @ApiProperty() score: number;
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true }) percent: number | null;
}

export class MetricsSummaryDto {
  @ApiProperty({ description: 'Finished responses' }) responses: number;
  @ApiProperty() displays: number;
  @ApiProperty({ type: Number, nullable: true, description: 'responses / displays, percent' }) responseRate: number | null;
  @ApiPropertyOptional({ type: NpsMetricDto }) nps?: NpsMetricDto;
  @ApiPropertyOptional({ type: CsatMetricDto }) csat?: CsatMetricDto;
  @ApiPropertyOptional({ type: CesMetricDto }) ces?: CesMetricDto;
  @ApiProperty({ type: DistributionBinDto, isArray: true }) distribution: DistributionBinDto[];
}

export class ComparisonDto {
  @ApiProperty({ enum: ['nps', 'csat', 'ces_agree'] }) metric: string;
  @ApiProperty({ type: Number, nullable: true }) current: number | null;
  @ApiProperty({ type: Number, nullable: true }) previous: number | null;
  @ApiProperty({ type: Number, nullable: true }) change: number | null;
  @ApiProperty({ type: Number, nullable: true }) pValue: number | null;
  @ApiProperty({ description: 'p < 0.05 with at least minN answers on each side' }) significant: boolean;
  @ApiProperty({ type: String, nullable: true, enum: ['insufficient-sample', 'zero-variance'] }) reason: string | null;
  @ApiProperty() minN: number;
}

export class SeriesPointDto {
  @ApiProperty({ example: '2026-11-16' }) key: string;
  @ApiProperty({ example: '2026-W47' }) label: string;
  @ApiProperty({ type: String, format: 'date-time' }) start: string;
  @ApiProperty({ type: String, format: 'date-time' }) end: string;
  @ApiProperty() n: number;
  @ApiProperty({ type: Number, nullable: true, description: 'NPS, CSAT % or CES % agree' }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) lower: number | null;
  @ApiProperty({ type: Number, nullable: true }) upper: number | null;
}

export class LatestCommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty() comment: string;
  @ApiProperty({ type: String, nullable: true }) language: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class PeriodDto {
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
}

export class SurveyMetricsDto {
  @ApiProperty({ enum: ['nps', 'csat', 'ces', 'custom'] }) kind: string;
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: PeriodDto }) previousPeriod: PeriodDto;
  @ApiProperty({ enum: INTERVALS }) interval: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: MetricsSummaryDto }) summary: MetricsSummaryDto;
  @ApiProperty({ type: MetricsSummaryDto }) previous: MetricsSummaryDto;
  @ApiProperty({ type: ComparisonDto, nullable: true }) comparison: ComparisonDto | null;
  @ApiProperty({ type: SeriesPointDto, isArray: true }) series: SeriesPointDto[];
  @ApiProperty({ type: LatestCommentDto, isArray: true }) latestComments: LatestCommentDto[];
}
