import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { LANGUAGE_CODE } from '@otklik/survey-model';
import { SegmentIdQuery } from '../../segments/segment-query';
import { CustomerChurnDto, RevenueChurnDto, SaveRateDto } from '../churn-summary.dto';

const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** The report period shared by every analytics query. */
export class AnalyticsPeriodQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start (inclusive); default depends on the report' })
  @IsOptional()
  @IsDateString({}, { message: 'from must be an ISO date' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End (exclusive); default now' })
  @IsOptional()
  @IsDateString({}, { message: 'to must be an ISO date' })
  to?: string;

  @ApiPropertyOptional({ default: 'UTC', description: 'IANA time zone whose calendar months are reported' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @SegmentIdQuery() segmentId?: string;
}

export class LabelledPeriodQuery extends AnalyticsPeriodQuery {
  @ApiPropertyOptional({ example: 'ru', description: 'Language of the reason labels; default en' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'language must be a code like en or ru' })
  language?: string;
}

export class ReasonsOverTimeQuery extends LabelledPeriodQuery {
  @ApiPropertyOptional({ description: "Only customers of this segment (the customer's segment)" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  segment?: string;

  @ApiPropertyOptional({ description: 'Only customers on this plan (the customer attribute "plan")' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  plan?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only cancellations made in this cancellation flow (the touchpoint)' })
  @IsOptional()
  @IsUUID('all', { message: 'touchpoint must be the id of a cancellation flow' })
  touchpoint?: string;
}

export const BREAKDOWN_DIMENSIONS = ['segment', 'plan', 'touchpoint'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export class ReasonBreakdownQuery extends LabelledPeriodQuery {
  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS, enumName: 'BreakdownDimension' })
  @IsIn(BREAKDOWN_DIMENSIONS, { message: `by must be one of: ${BREAKDOWN_DIMENSIONS.join(', ')}` })
  by: BreakdownDimension;
}

export class ReasonCommentsQuery extends LabelledPeriodQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 20 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;
}

export class TrendQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 24, default: 6, description: 'Calendar months up to `to`, the month it falls in included' })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'months must be a whole number' })
  @Min(1, { message: 'months must be at least 1' })
  @Max(24, { message: 'months must be at most 24' })
  months?: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'End of the last month reported (exclusive); default now. A month start ends with the month before, complete',
  })
  @IsOptional()
  @IsDateString({}, { message: 'to must be an ISO date' })
  to?: string;

  @ApiPropertyOptional({ default: 'UTC' }) @IsOptional() @IsString() @MaxLength(64) timeZone?: string;

  @SegmentIdQuery() segmentId?: string;
}

export class MoneyLostQuery extends AnalyticsPeriodQuery {
  @ApiProperty({ minimum: 0, example: 2000, description: 'Average check (order value)' })
  @Transform(toNumber)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'averageCheck must be a number with at most 2 decimals' })
  @Min(0, { message: 'averageCheck must not be negative' })
  @Max(1_000_000_000, { message: 'averageCheck is too large' })
  averageCheck: number;

  @ApiProperty({ minimum: 0, example: 6, description: 'Purchases one customer makes per period' })
  @Transform(toNumber)
  @IsNumber({}, { message: 'purchasesPerPeriod must be a number' })
  @Min(0, { message: 'purchasesPerPeriod must not be negative' })
  @Max(100_000, { message: 'purchasesPerPeriod is too large' })
  purchasesPerPeriod: number;
}

// ---- responses ----

export class ReasonInfoDto {
  @ApiProperty({ description: 'Stable key' }) key: string;
  @ApiProperty({ description: 'Current label in the requested language (the key when the reason is not in the taxonomy)' }) label: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null when the key is not in the taxonomy' }) avoidable: boolean | null;
}

export class ReasonShareDto {
  @ApiProperty() reasonKey: string;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'Cancellations whose flow offered this reason' }) offered: number;
  @ApiProperty({ type: Number, nullable: true, description: 'count / offered in percent; null when never offered' }) percent: number | null;
}

export class AvoidableCountsDto {
  @ApiProperty() total: number;
  @ApiProperty() avoidable: number;
  @ApiProperty() unavoidable: number;
  @ApiProperty() unknown: number;
  @ApiProperty({ type: Number, nullable: true }) avoidablePercent: number | null;
  @ApiProperty({ type: Number, nullable: true }) unavoidablePercent: number | null;
  @ApiProperty({ type: Number, nullable: true }) unknownPercent: number | null;
}

export class ReasonsMonthDto {
  @ApiProperty({ example: '2026-10' }) label: string;
  @ApiProperty({ type: String, format: 'date-time' }) start: string;
  @ApiProperty({ type: String, format: 'date-time' }) end: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: ReasonShareDto, isArray: true }) reasons: ReasonShareDto[];
  @ApiProperty({ type: AvoidableCountsDto }) avoidable: AvoidableCountsDto;
}

export class ReasonsTotalsDto {
  @ApiProperty() cancellations: number;
  @ApiProperty({ type: ReasonShareDto, isArray: true, description: 'Most picked first' }) reasons: ReasonShareDto[];
  @ApiProperty({ type: AvoidableCountsDto }) avoidable: AvoidableCountsDto;
}

export class ReasonsOverTimeDto {
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() language: string;
  @ApiProperty({ type: ReasonInfoDto, isArray: true, description: 'Every reason in the months, in taxonomy order' })
  reasons: ReasonInfoDto[];
  @ApiProperty({ type: ReasonsMonthDto, isArray: true }) months: ReasonsMonthDto[];
  @ApiProperty({ type: ReasonsTotalsDto }) totals: ReasonsTotalsDto;
}

export class GroupReasonDto {
  @ApiProperty() reasonKey: string;
  @ApiProperty() count: number;
  @ApiProperty({ description: "Share of the group's cancellations, percent" }) percent: number;
}

export class ReasonGroupDto {
  @ApiProperty({ type: String, nullable: true, description: 'Segment, plan or cancellation flow id; null = none' }) group: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Display name (the flow name for touchpoints)' }) label: string | null;
  @ApiProperty() total: number;
  @ApiProperty({ type: GroupReasonDto, isArray: true }) reasons: GroupReasonDto[];
}

export class ReasonBreakdownDto {
  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS, enumName: 'BreakdownDimension' }) by: BreakdownDimension;
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
  @ApiProperty({ type: ReasonInfoDto, isArray: true }) reasons: ReasonInfoDto[];
  @ApiProperty({ type: ReasonGroupDto, isArray: true, description: 'Largest group first' }) groups: ReasonGroupDto[];
}

export class ReasonCommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The follow-up answer, or the "Other" text' }) text: string;
  @ApiProperty({ type: String, nullable: true }) customerId: string | null;
  @ApiProperty({ type: String, nullable: true }) customerName: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['saved', 'cancelled'] }) outcome: 'saved' | 'cancelled';
}

export class ReasonCommentsDto {
  @ApiProperty({ type: ReasonInfoDto }) reason: ReasonInfoDto;
  @ApiProperty({ type: ReasonCommentDto, isArray: true, description: 'Latest first' }) items: ReasonCommentDto[];
}

/** Both null while month cohort + k has not ended (and in an empty cohort). */
export class RetentionCellDto {
  @ApiProperty({ type: Number, nullable: true }) retained: number | null;
  @ApiProperty({ type: Number, nullable: true }) percent: number | null;
  @ApiProperty({ description: 'The month is not over yet: retained so far (a cancellation counts in its own month at once)' })
  partial: boolean;
}

export class CohortRowDto {
  @ApiProperty({ example: '2026-03' }) label: string;
  @ApiProperty() size: number;
  @ApiProperty({ type: RetentionCellDto, isArray: true, description: 'Index k = months after the cohort month (0 = its own month)' })
  retention: RetentionCellDto[];
}

export class CohortsDto {
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Retention is measured up to here (to, or now if earlier)' }) asOf: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() inactiveDays: number;
  @ApiProperty() maxOffset: number;
  @ApiProperty({ type: CohortRowDto, isArray: true }) rows: CohortRowDto[];
}

export const FUNNEL_STATUS_VALUES = [
  'new',
  'one_purchase',
  'repeat',
  'lost_early',
  'lost_after_one_purchase',
  'lost_after_long_cooperation',
] as const;

export class FunnelCountDto {
  @ApiProperty({ enum: FUNNEL_STATUS_VALUES, enumName: 'FunnelStatus' }) status: (typeof FUNNEL_STATUS_VALUES)[number];
  @ApiProperty() count: number;
}

export class FunnelReasonDto {
  @ApiProperty({ description: 'A reason key, "inactive" (silent churn) or "unknown"' }) reasonKey: string;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
}

export class FunnelLostDto {
  @ApiProperty({ enum: FUNNEL_STATUS_VALUES, enumName: 'FunnelStatus' }) status: (typeof FUNNEL_STATUS_VALUES)[number];
  @ApiProperty() total: number;
  @ApiProperty({ type: FunnelReasonDto, isArray: true }) reasons: FunnelReasonDto[];
}

export class FunnelDto {
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
  @ApiProperty() inactiveDays: number;
  @ApiProperty({ type: FunnelCountDto, isArray: true, description: 'Customers first seen before `to`, by status as of `to`' })
  statuses: FunnelCountDto[];
  @ApiProperty({ type: FunnelLostDto, isArray: true, description: 'Customers lost in the period, by status and reason' })
  lost: FunnelLostDto[];
}

export class TrendMonthDto {
  @ApiProperty({ example: '2026-10' }) label: string;
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
  @ApiProperty({ description: 'The current month, not over yet' }) partial: boolean;
  @ApiProperty({ type: CustomerChurnDto }) customerChurn: CustomerChurnDto;
  @ApiProperty({ type: RevenueChurnDto }) revenueChurn: RevenueChurnDto;
  @ApiProperty({ type: SaveRateDto }) saves: SaveRateDto;
}

export class ChurnTrendDto {
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: TrendMonthDto, isArray: true, description: 'Oldest first' }) months: TrendMonthDto[];
}

export class MoneyLostDto {
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
  @ApiProperty() inactiveDays: number;
  @ApiProperty({ description: 'Customers at the start of the period' }) atStart: number;
  @ApiProperty({ description: 'Of them, lost by cancelling' }) lostByCancellation: number;
  @ApiProperty({ description: 'Of them, lost by inactivity (silent churn)' }) lostByInactivity: number;
  @ApiProperty() customersLost: number;
  @ApiProperty({ type: Number, nullable: true, description: 'customersLost / atStart in percent, silent churn included' }) percent:
    number | null;
  @ApiProperty() averageCheck: number;
  @ApiProperty() purchasesPerPeriod: number;
  @ApiProperty({ description: 'customersLost × averageCheck × purchasesPerPeriod' }) amount: number;
}
