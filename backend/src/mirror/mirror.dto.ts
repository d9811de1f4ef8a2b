import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../common/http/dto-helpers';
import { IsLocalizedText } from '../common/http/localized-text.validator';
import { MIRROR_PERIODS, type MirrorPeriod } from './mirror-period';

const LOCALIZED = {
  type: 'object' as const,
  additionalProperties: { type: 'string' },
  example: { en: 'How do you think customers answer:' },
};

export class MirrorTouchpointInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'touchpoints[].id must be a touchpoint id' })
  id: string;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    maxItems: 50,
    description: "Members who answer besides the touchpoint's owner, backup owner and team (admins only)",
  })
  @IsOptional()
  @IsArray({ message: 'extraStaffIds must be a list' })
  @ArrayMaxSize(50, { message: 'extraStaffIds can hold at most 50 members' })
  @ArrayUnique({ message: 'extraStaffIds must not repeat' })
  @IsUUID('all', { each: true, message: 'each of extraStaffIds must be a member id' })
  extraStaffIds?: string[];
}

/** What creating and editing share. */
export class MirrorSettingsDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString({ message: 'name must be text' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name?: string;
  @ApiPropertyOptional({ ...LOCALIZED, description: 'Put before each question, per language; missing languages use the built-in wording' })
  // Left out: unchanged. {} sets every language back to the built-in wording. null is refused.
  @ValidateIf(
    (o: MirrorSettingsDto) =>
      o.prefix !== undefined &&
      !(typeof o.prefix === 'object' && o.prefix !== null && !Array.isArray(o.prefix) && Object.keys(o.prefix).length === 0),
  )
  @IsLocalizedText(200)
  prefix?: Record<string, string>;
  @ApiPropertyOptional({ minimum: 0, maximum: 31, description: 'Days after a period ends during which staff may still answer for it' })
  @IsOptional()
  @IsInt({ message: 'graceDays must be a whole number' })
  @Min(0, { message: 'graceDays must be at least 0' })
  @Max(31, { message: 'graceDays must be at most 31' })
  graceDays?: number;
  @ApiPropertyOptional({ minimum: 0.1, maximum: 4, description: 'Blind spot when |gap| exceeds this on a 1–5 scale (scaled for 1–7)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }, { message: 'blindSpotRating must be a number' })
  @Min(0.1, { message: 'blindSpotRating must be at least 0.1' })
  @Max(4, { message: 'blindSpotRating must be at most 4' })
  blindSpotRating?: number;
  @ApiPropertyOptional({ minimum: 0.1, maximum: 10, description: 'Blind spot when |gap| exceeds this on the 0–10 NPS scale' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }, { message: 'blindSpotNps must be a number' })
  @Min(0.1, { message: 'blindSpotNps must be at least 0.1' })
  @Max(10, { message: 'blindSpotNps must be at most 10' })
  blindSpotNps?: number;
  @ApiPropertyOptional({ description: 'Inactive mirrors are not asked of staff; their answers stay in the report' })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
  @ApiPropertyOptional({ type: MirrorTouchpointInputDto, isArray: true, minItems: 1, maxItems: 20 })
  @IsOptional()
  @IsArray({ message: 'touchpoints must be a list' })
  @ArrayMinSize(1, { message: 'touchpoints must name at least one touchpoint' })
  @ArrayMaxSize(20, { message: 'touchpoints can hold at most 20' })
  @ValidateNested({ each: true })
  @Type(() => MirrorTouchpointInputDto)
  touchpoints?: MirrorTouchpointInputDto[];
}

export class UpdateMirrorDto extends MirrorSettingsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Another customer survey to mirror (409 mirror_answered once staff have answered)' })
  @IsOptional()
  @IsUUID('all', { message: 'surveyId must be a survey id' })
  surveyId?: string;
  @ApiPropertyOptional({ enum: MIRROR_PERIODS, enumName: 'MirrorPeriod', description: '409 mirror_answered once staff have answered' })
  @IsOptional()
  @IsIn(MIRROR_PERIODS, { message: `period must be one of: ${MIRROR_PERIODS.join(', ')}` })
  period?: MirrorPeriod;
  @ApiPropertyOptional({
    format: 'date-time',
    description: "The mirror's updatedAt as you read it: 409 stale_edit when someone else changed it since",
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'updatedAt must be a date-time' })
  updatedAt?: string;
}

export class CreateMirrorDto extends MirrorSettingsDto {
  @ApiProperty({ format: 'uuid', description: 'The customer survey mirrored (its NPS and rating questions are asked)' })
  @IsUUID('all', { message: 'surveyId must be a survey id' })
  surveyId: string;
  @ApiPropertyOptional({ enum: MIRROR_PERIODS, enumName: 'MirrorPeriod', default: 'month' })
  @IsOptional()
  @IsIn(MIRROR_PERIODS, { message: `period must be one of: ${MIRROR_PERIODS.join(', ')}` })
  period?: MirrorPeriod;
  @ApiProperty({ type: MirrorTouchpointInputDto, isArray: true, minItems: 1, maxItems: 20 })
  declare touchpoints: MirrorTouchpointInputDto[];
}

export class MirrorQuestionDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['nps', 'rating'] }) type: 'nps' | 'rating';
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty({ ...LOCALIZED, description: "The customer question with the mirror's prefix, per language" }) text: Record<string, string>;
  @ApiProperty({ ...LOCALIZED, description: 'The customer wording, per language' }) customerText: Record<string, string>;
  @ApiPropertyOptional({ ...LOCALIZED }) minLabel?: Record<string, string>;
  @ApiPropertyOptional({ ...LOCALIZED }) maxLabel?: Record<string, string>;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class MirrorTouchpointDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) extraStaffIds: string[];
  @ApiProperty({
    type: PersonDto,
    isArray: true,
    description: 'Who answers: owner, backup owner, team and extra staff still in the workspace',
  })
  staff: PersonDto[];
  @ApiProperty({ description: 'Staff who answered for the current period' }) answered: number;
  @ApiProperty({ type: Number, nullable: true, description: 'answered / staff, 0–1; null without staff' }) responseRate: number | null;
}

export class MirrorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty() surveyName: string;
  @ApiProperty({ ...LOCALIZED }) prefix: Record<string, string>;
  @ApiProperty({ enum: MIRROR_PERIODS, enumName: 'MirrorPeriod' }) period: MirrorPeriod;
  @ApiProperty() graceDays: number;
  @ApiProperty() blindSpotRating: number;
  @ApiProperty() blindSpotNps: number;
  @ApiProperty() active: boolean;
  @ApiProperty({ example: '2026-12-01', description: "First day of the current period in the workspace's time zone" })
  currentPeriod: string;
  @ApiProperty({ example: 'Europe/Moscow', description: "The workspace's time zone (its default SLA calendar), which defines the periods" })
  timeZone: string;
  @ApiProperty({ type: MirrorQuestionDto, isArray: true }) questions: MirrorQuestionDto[];
  @ApiProperty({ type: MirrorTouchpointDto, isArray: true }) touchpoints: MirrorTouchpointDto[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Send it back with an edit to be told of edits made since' })
  updatedAt: string;
}

export class MirrorListDto {
  @ApiProperty({ type: MirrorDto, isArray: true }) items: MirrorDto[];
}

export class MyMirrorDto {
  @ApiProperty({ format: 'uuid' }) mirrorId: string;
  @ApiProperty() mirrorName: string;
  @ApiProperty({ format: 'uuid' }) touchpointId: string;
  @ApiProperty() touchpointName: string;
  @ApiProperty({ example: '2026-12-01' }) periodStart: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Answers for this period are accepted until then' }) closesAt: string;
  @ApiProperty({ type: MirrorQuestionDto, isArray: true }) questions: MirrorQuestionDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, nullable: true, description: 'Your answers, if given' })
  answers: Record<string, number> | null;
}

export class MyMirrorsDto {
  @ApiProperty({ type: MyMirrorDto, isArray: true, description: 'Every open period of every touchpoint you answer for' })
  items: MyMirrorDto[];
  @ApiProperty({ description: 'How many of them you have not answered yet' }) pending: number;
}

export class SubmitMirrorAnswersDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'touchpointId must be a touchpoint id' })
  touchpointId: string;
  @ApiPropertyOptional({ example: '2026-12-01', description: 'The period answered (its first day); default the current one' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-01$/, { message: 'periodStart must be the first day of a period as YYYY-MM-01' })
  periodStart?: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { score: 4 }, description: 'Question id → score' })
  @IsObject({ message: 'answers must map question ids to scores' })
  answers: Record<string, number>;
}

export class SubmitMirrorResultDto {
  @ApiProperty({ example: '2026-12-01' }) periodStart: string;
  @ApiProperty({ description: 'True when an earlier answer set of yours for this period was replaced' }) replaced: boolean;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class MirrorReportQuery {
  @ApiPropertyOptional({
    example: '2026-07',
    description: "First month (YYYY-MM, in the workspace's time zone); default 5 periods before `to`",
  })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month as YYYY-MM' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12', description: "Last month (YYYY-MM, in the workspace's time zone); default the current month" })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month as YYYY-MM' })
  to?: string;
}

export class MeanDto {
  @ApiProperty() n: number;
  @ApiProperty({ type: Number, nullable: true, description: '2 decimals; null when n = 0' }) mean: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '95 % margin of the mean (1.96·s/√n); null when n < 2' })
  marginOfError: number | null;
}

export const GAP_DIRECTIONS = ['staff_higher', 'staff_lower', 'same'] as const;
export type GapDirection = (typeof GAP_DIRECTIONS)[number];

export class GapFiguresDto {
  @ApiProperty({ type: MeanDto }) customers: MeanDto;
  @ApiProperty({ type: MeanDto }) staff: MeanDto;
  @ApiProperty({ type: Number, nullable: true, description: 'staff − customers, 2 decimals; null unless both have answers' })
  gap: number | null;
  @ApiProperty({
    enum: GAP_DIRECTIONS,
    enumName: 'GapDirection',
    nullable: true,
    description: 'staff_higher: staff think it is better than customers say',
  })
  direction: GapDirection | null;
  @ApiProperty({ description: '|gap| above the threshold' }) blindSpot: boolean;
}

export class GapPointDto extends GapFiguresDto {
  @ApiProperty({ example: '2026-11-01' }) periodStart: string;
}

export class MirrorReportRowDto extends GapFiguresDto {
  @ApiProperty({ format: 'uuid' }) touchpointId: string;
  @ApiProperty() touchpointName: string;
  @ApiProperty() questionId: string;
  @ApiProperty({ ...LOCALIZED }) questionText: Record<string, string>;
  @ApiProperty({ enum: ['nps', 'rating'] }) type: 'nps' | 'rating';
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty({ description: 'The blind-spot threshold on this question’s scale' }) threshold: number;
  @ApiProperty({ type: GapPointDto, isArray: true, description: 'Per period, oldest first (empty periods included)' }) trend: GapPointDto[];
}

export class MirrorReportDto {
  @ApiProperty({ format: 'uuid' }) mirrorId: string;
  @ApiProperty() mirrorName: string;
  @ApiProperty() surveyName: string;
  @ApiProperty({ enum: MIRROR_PERIODS, enumName: 'MirrorPeriod' }) period: MirrorPeriod;
  @ApiProperty({ example: '2026-07-01' }) from: string;
  @ApiProperty({ example: '2026-12-01', description: 'First day of the last period included' }) to: string;
  @ApiProperty({ type: String, isArray: true, description: 'The periods, oldest first' }) periods: string[];
  @ApiProperty({ example: 'Europe/Moscow', description: "The workspace's time zone, in which the periods (and customers' answers) fall" })
  timeZone: string;
  @ApiProperty({ type: MirrorReportRowDto, isArray: true, description: 'Per touchpoint and question, over the whole range' })
  rows: MirrorReportRowDto[];
}
