import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsHexColor,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsLocalizedText } from '../common/http/localized-text.validator';
import { Trim } from '../common/http/dto-helpers';
import {
  DISPLAY_TRIGGERS,
  DisplayTrigger,
  LANGUAGE_CODE,
  LocalizedText,
  MATRIX_ROWS_MAX,
  MATRIX_ROWS_MIN,
  QUESTION_TYPES,
  QuestionType,
  SURVEY_KINDS,
  SURVEY_STATUSES,
  SurveyKind,
  SurveyStatus,
  TEXT_ANSWER_MAX,
  WIDGET_POSITIONS,
  type WidgetPosition,
} from '@otklik/survey-model';

const LOCALIZED = { type: 'object', additionalProperties: { type: 'string' }, example: { en: 'Why?', ru: 'Почему?' } } as const;
const QUESTION_ID = /^[a-z0-9_-]{1,40}$/;

export class ScaleDto {
  @ApiProperty({ minimum: 0, maximum: 1 }) @IsInt() @Min(0) @Max(1) min: number;
  @ApiProperty({ minimum: 2, maximum: 10 }) @IsInt() @Min(2) @Max(10) max: number;
  @ApiPropertyOptional(LOCALIZED) @IsOptional() @IsLocalizedText(200) minLabel?: LocalizedText;
  @ApiPropertyOptional(LOCALIZED) @IsOptional() @IsLocalizedText(200) maxLabel?: LocalizedText;
}

export class ChoiceOptionDto {
  @ApiProperty({ pattern: QUESTION_ID.source }) @Matches(QUESTION_ID, { message: 'option id must be 1–40 of a-z, 0-9, _ or -' }) id: string;
  @ApiProperty(LOCALIZED) @IsLocalizedText(300) label: LocalizedText;
}

export class MatrixRowDto {
  @ApiProperty({ pattern: QUESTION_ID.source, example: 'delivery' })
  @Matches(QUESTION_ID, { message: 'row id must be 1–40 of a-z, 0-9, _ or -' })
  id: string;
  @ApiProperty(LOCALIZED) @IsLocalizedText(300) label: LocalizedText;
}

export class ScoreBandDto {
  @ApiProperty() @IsInt() @Min(0) @Max(10) min: number;
  @ApiProperty() @IsInt() @Min(0) @Max(10) max: number;
  @ApiProperty(LOCALIZED) @IsLocalizedText() text: LocalizedText;
}

export class TextByScoreDto {
  @ApiProperty() @Matches(QUESTION_ID) scoreQuestionId: string;
  @ApiProperty({ type: ScoreBandDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(11)
  @ValidateNested({ each: true })
  @Type(() => ScoreBandDto)
  bands: ScoreBandDto[];
}

export class QuestionDto {
  @ApiProperty({ pattern: QUESTION_ID.source, example: 'score' })
  @Matches(QUESTION_ID, { message: 'id must be 1–40 of a-z, 0-9, _ or -' })
  id: string;

  @ApiProperty({ enum: QUESTION_TYPES, enumName: 'QuestionType' })
  @IsIn(QUESTION_TYPES, { message: `type must be one of: ${QUESTION_TYPES.join(', ')}` })
  type: QuestionType;

  @ApiProperty() @IsBoolean() required: boolean;

  @ApiProperty(LOCALIZED) @IsLocalizedText() text: LocalizedText;

  @ApiPropertyOptional({ type: ScaleDto }) @IsOptional() @ValidateNested() @Type(() => ScaleDto) scale?: ScaleDto;

  @ApiPropertyOptional({ type: ChoiceOptionDto, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChoiceOptionDto)
  options?: ChoiceOptionDto[];

  @ApiPropertyOptional({
    type: MatrixRowDto,
    isArray: true,
    description: `matrix: the parameters rated on the scale (${MATRIX_ROWS_MIN}–${MATRIX_ROWS_MAX})`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(MATRIX_ROWS_MIN, { message: `a matrix question needs at least ${MATRIX_ROWS_MIN} rows` })
  @ArrayMaxSize(MATRIX_ROWS_MAX, { message: `a matrix question has at most ${MATRIX_ROWS_MAX} rows` })
  @ValidateNested({ each: true })
  @Type(() => MatrixRowDto)
  rows?: MatrixRowDto[];

  @ApiPropertyOptional({ type: TextByScoreDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TextByScoreDto)
  textByScore?: TextByScoreDto;

  @ApiPropertyOptional({ maximum: TEXT_ANSWER_MAX })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(TEXT_ANSWER_MAX)
  maxLength?: number;
}

export class DisplayRulesDto {
  @ApiProperty({ enum: DISPLAY_TRIGGERS, enumName: 'DisplayTrigger' })
  @IsIn(DISPLAY_TRIGGERS, { message: `trigger must be one of: ${DISPLAY_TRIGGERS.join(', ')}` })
  trigger: DisplayTrigger;

  @ApiPropertyOptional({ minimum: 0, maximum: 3600 }) @IsOptional() @IsInt() @Min(0) @Max(3600) delaySeconds?: number;

  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) eventName?: string;

  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt() @Min(0) @Max(100) samplePercent: number;

  @ApiProperty({ minimum: 0, maximum: 3650 }) @IsInt() @Min(0) @Max(3650) recontactDays: number;

  @ApiProperty() @IsBoolean() stopAfterResponse: boolean;
}

export class ThemeDto {
  @ApiProperty({ example: '#3451d1' }) @IsHexColor({ message: 'primaryColor must be a hex colour like #3451d1' }) primaryColor: string;
  @ApiProperty({ enum: WIDGET_POSITIONS })
  @IsIn(WIDGET_POSITIONS)
  position: WidgetPosition;
}

class SurveyFieldsDto {
  @ApiPropertyOptional({ maxLength: 200, type: String, nullable: true, description: 'null clears it' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  touchpointName?: string | null;

  @ApiPropertyOptional({ example: ['en', 'ru'], description: 'Languages the survey is shown in' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(LANGUAGE_CODE, { each: true, message: 'each language must be a code like en, ru, bg, de' })
  languages?: string[];

  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'defaultLanguage must be a code like en' })
  defaultLanguage?: string;

  @ApiPropertyOptional({ example: ['https://shop.example.com'], description: 'Sites allowed to embed it; empty = any' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i, {
    each: true,
    message: 'each allowed origin must look like https://shop.example.com or https://*.example.com (no path)',
  })
  allowedOrigins?: string[];

  @ApiPropertyOptional({ type: DisplayRulesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DisplayRulesDto)
  displayRules?: DisplayRulesDto;

  @ApiPropertyOptional({ type: ThemeDto }) @IsOptional() @ValidateNested() @Type(() => ThemeDto) theme?: ThemeDto;

  @ApiPropertyOptional({
    description: 'Refuse a customerId without a valid customerHash (identity verification); anonymous answers stay allowed',
  })
  @IsOptional()
  @IsBoolean()
  requireVerifiedCustomer?: boolean;

  @ApiPropertyOptional({
    description: "Skip the workspace's contact frequency cap (contact policy) for this survey; the communication guard still applies",
  })
  @IsOptional()
  @IsBoolean()
  contactPolicyExempt?: boolean;

  @ApiPropertyOptional({
    type: QuestionDto,
    isArray: true,
    description: 'Required for custom surveys; built-in kinds get default questions',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions?: QuestionDto[];
}

export class CreateSurveyDto extends SurveyFieldsDto {
  @ApiProperty({ maxLength: 200, example: 'Checkout NPS' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: SURVEY_KINDS, enumName: 'SurveyKind' })
  @IsIn(SURVEY_KINDS, { message: `kind must be one of: ${SURVEY_KINDS.join(', ')}` })
  kind: SurveyKind;

  @ApiPropertyOptional({ enum: [5, 7], description: 'CES scale: 1–5 or 1–7 (default 7)' }) @IsOptional() @IsIn([5, 7]) cesScale?: 5 | 7;
}

export class UpdateSurveyDto extends SurveyFieldsDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;

  @ApiPropertyOptional({ enum: SURVEY_STATUSES, enumName: 'SurveyStatus' })
  @IsOptional()
  @IsIn(SURVEY_STATUSES, { message: `status must be one of: ${SURVEY_STATUSES.join(', ')}` })
  status?: SurveyStatus;

  @ApiPropertyOptional({
    minimum: 1,
    description:
      "The survey's `revision` this edit was made from. When it is no longer the current one (someone saved in between), " +
      'the edit is refused with 409 stale_survey and nothing changes. The dashboard always sends it; omitted, the edit ' +
      'applies to whatever is current (kept for existing API clients). The `If-Match` header with the ETag works too.',
  })
  @IsOptional()
  @IsInt({ message: 'expectedRevision must be a whole number' })
  @Min(1)
  expectedRevision?: number;
}

export class SurveyStatsDto {
  @ApiProperty() displays: number;
  @ApiProperty() responses: number;
  @ApiProperty() finished: number;
}

export class SurveyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Key used by the embed snippet and the public API' }) publicKey: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SURVEY_KINDS, enumName: 'SurveyKind' }) kind: SurveyKind;
  @ApiProperty({ enum: SURVEY_STATUSES, enumName: 'SurveyStatus' }) status: SurveyStatus;
  @ApiProperty({ type: String, nullable: true }) touchpointName: string | null;
  @ApiProperty({ type: String, isArray: true }) languages: string[];
  @ApiProperty() defaultLanguage: string;
  @ApiProperty({ type: String, isArray: true }) allowedOrigins: string[];
  @ApiProperty({ type: DisplayRulesDto }) displayRules: DisplayRulesDto;
  @ApiProperty({ type: ThemeDto }) theme: ThemeDto;
  @ApiProperty() requireVerifiedCustomer: boolean;
  @ApiProperty({ description: 'Opted out of the contact frequency cap' }) contactPolicyExempt: boolean;
  @ApiProperty({ description: 'Current questions version' }) version: number;
  @ApiProperty({ description: 'Goes up with every saved edit; send it back as expectedRevision (or If-Match) when editing' })
  revision: number;
  @ApiProperty({ type: QuestionDto, isArray: true }) questions: QuestionDto[];
  @ApiProperty({ type: SurveyStatsDto }) stats: SurveyStatsDto;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class SurveyVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ type: QuestionDto, isArray: true }) questions: QuestionDto[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty() responses: number;
}
