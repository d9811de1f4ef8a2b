import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { RFM_GROUPS, type RfmGroup } from '../customers/activity/rfm-groups';
import { MOMENT_NAME } from '../customers/moments/moment-rules';
import { WARNING_RULES, type WarningRule } from './warning-rules';

/** A usage event: 'login', or a named event's lower-case slug (as the activity API accepts it). */
const USAGE_EVENT = /^[a-z0-9][a-z0-9_.-]{0,99}$/;

/** A workspace's early-warning rules; PUT replaces them whole. */
export class EarlyWarningRulesDto {
  @ApiProperty({ description: 'Warn when a customer breaks their own order rhythm' }) @IsBoolean() rhythmEnabled: boolean;
  @ApiProperty({ minimum: 1, maximum: 20, example: 2, description: 'No order for this many times their usual interval (median gap)' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'rhythmFactor must be a number with at most 2 decimals' })
  @Min(1, { message: 'rhythmFactor must be at least 1' })
  @Max(20, { message: 'rhythmFactor must be at most 20' })
  rhythmFactor: number;
  @ApiProperty({ minimum: 2, maximum: 100, example: 3, description: 'Orders a customer needs before they have a rhythm' })
  @IsInt({ message: 'rhythmMinOrders must be a whole number' })
  @Min(2, { message: 'rhythmMinOrders must be at least 2' })
  @Max(100, { message: 'rhythmMinOrders must be at most 100' })
  rhythmMinOrders: number;
  @ApiProperty({ description: 'Warn when payments stop' }) @IsBoolean() paymentsEnabled: boolean;
  @ApiProperty({ minimum: 0, maximum: 365, example: 7, description: 'Days past their usual payment interval before warning' })
  @IsInt({ message: 'paymentGraceDays must be a whole number' })
  @Min(0, { message: 'paymentGraceDays must be at least 0' })
  @Max(365, { message: 'paymentGraceDays must be at most 365' })
  paymentGraceDays: number;
  @ApiProperty({ description: 'Warn when usage drops month over month' }) @IsBoolean() usageEnabled: boolean;
  @ApiProperty({ maxLength: 100, example: 'login', description: "'login' counts logins; any other name counts events of that name" })
  @IsString({ message: 'usageEvent is required' })
  @Matches(USAGE_EVENT, { message: 'usageEvent must be login or a lower-case event name of up to 100 letters, digits, _, . or -' })
  usageEvent: string;
  @ApiProperty({ minimum: 1, maximum: 100, example: 50, description: 'Drop (percent) of the last 30 days against the 30 before' })
  @IsInt({ message: 'usageDropPercent must be a whole number' })
  @Min(1, { message: 'usageDropPercent must be at least 1' })
  @Max(100, { message: 'usageDropPercent must be at most 100' })
  usageDropPercent: number;
  @ApiProperty({ minimum: 1, maximum: 10000, example: 4, description: 'Events in the 30 days before below which a drop is noise' })
  @IsInt({ message: 'usageMinEvents must be a whole number' })
  @Min(1, { message: 'usageMinEvents must be at least 1' })
  @Max(10000, { message: 'usageMinEvents must be at most 10000' })
  usageMinEvents: number;
  @ApiProperty({ description: 'Warn when a customer moves into one of rfmGroups' }) @IsBoolean() rfmEnabled: boolean;
  @ApiProperty({ enum: RFM_GROUPS, enumName: 'RfmGroup', isArray: true, example: ['at_risk', 'cant_lose'] })
  @IsArray({ message: 'rfmGroups must be a list' })
  @ArrayMaxSize(RFM_GROUPS.length)
  @ArrayUnique({ message: 'rfmGroups must not repeat a group' })
  @IsIn(RFM_GROUPS, { each: true, message: `rfmGroups must be among ${RFM_GROUPS.join(', ')}` })
  rfmGroups: RfmGroup[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The touchpoint whose SLA (and team) the "at risk" case gets' })
  @ValidateIf((o: EarlyWarningRulesDto) => o.touchpointId !== null)
  @IsUUID(undefined, { message: 'touchpointId must be a touchpoint id or null' })
  touchpointId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'at_risk',
    description: 'A moment recorded with each warning (surveys waiting for it ask)',
  })
  @ValidateIf((o: EarlyWarningRulesDto) => o.surveyMoment !== null)
  @IsString({ message: 'surveyMoment must be a moment name or null' })
  @Matches(MOMENT_NAME, { message: 'surveyMoment must be 1–64 characters of a-z, 0-9, _ . -' })
  surveyMoment: string | null;
}

export class EarlyWarningRulesResponseDto extends EarlyWarningRulesDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: the defaults, never saved' }) updatedAt:
    string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) updatedBy: string | null;
}

const bool = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class ListWarningsQuery {
  @ApiPropertyOptional({ description: 'true: open only; false: cleared only; both when omitted' })
  @IsOptional()
  @bool()
  @IsBoolean({ message: 'open must be true or false' })
  open?: boolean;
  @ApiPropertyOptional({ enum: WARNING_RULES, enumName: 'WarningRule' })
  @IsOptional()
  @IsIn(WARNING_RULES, { message: `rule must be among ${WARNING_RULES.join(', ')}` })
  rule?: WarningRule;
  @ApiPropertyOptional({ description: "me, or a member's user id: only the customers they manage" })
  @IsOptional()
  @ValidateIf((o: ListWarningsQuery) => o.managerId !== 'me')
  @IsUUID(undefined, { message: 'managerId must be me or a user id' })
  managerId?: string;
  @ApiPropertyOptional({ description: "One customer's warnings (their external id)" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  customerId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class WarningDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() customerId: string;
  @ApiProperty({ type: String, nullable: true }) customerName: string | null;
  @ApiProperty({ type: String, nullable: true }) customerEmail: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) accountManagerId: string | null;
  @ApiProperty({ enum: WARNING_RULES, enumName: 'WarningRule' }) rule: WarningRule;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What the rule saw. rhythm_break: orders, usualIntervalDays, daysSinceLast, lastAt; payments_stopped: payments, usualIntervalDays, ' +
      'graceDays, daysSinceLast, lastAt; usage_drop: event, previous, current, dropPercent; rfm_at_risk: group',
  })
  detail: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) raisedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the behaviour came back or the customer left' })
  clearedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The "at risk" case' }) caseId: string | null;
}

export class WarningPageDto {
  @ApiProperty({ type: WarningDto, isArray: true, description: 'Newest first' }) items: WarningDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Open warnings per rule (same manager filter)' })
  openByRule: Record<string, number>;
}

export class ScanOutcomeDto {
  @ApiProperty() raised: number;
  @ApiProperty() cleared: number;
}

export class BacktestQuery {
  @ApiPropertyOptional({ minimum: 4, maximum: 104, default: 26, description: 'Weeks to replay, up to now' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'weeks must be a whole number' })
  @Min(4, { message: 'weeks must be at least 4' })
  @Max(104, { message: 'weeks must be at most 104' })
  weeks?: number;
}

class RuleBacktestDto {
  @ApiProperty() warnings: number;
  @ApiProperty() warnedFirst: number;
}

class BacktestByRuleDto {
  @ApiProperty({ type: RuleBacktestDto }) rhythm_break: RuleBacktestDto;
  @ApiProperty({ type: RuleBacktestDto }) payments_stopped: RuleBacktestDto;
  @ApiProperty({ type: RuleBacktestDto }) usage_drop: RuleBacktestDto;
  @ApiProperty({ type: RuleBacktestDto, description: 'Always 0 in a replay (RFM groups have no history)' }) rfm_at_risk: RuleBacktestDto;
}

export class BacktestDto {
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
  @ApiProperty({ description: 'Customers who cancelled in the period' }) cancelled: number;
  @ApiProperty({ description: 'Of those, warned within 90 days before cancelling' }) warnedFirst: number;
  @ApiProperty() share: number;
  @ApiProperty({ type: Number, nullable: true }) medianDaysBefore: number | null;
  @ApiProperty({ type: Number, nullable: true }) p25DaysBefore: number | null;
  @ApiProperty() warnedCustomers: number;
  @ApiProperty({ description: 'Warned customers who did not cancel within 90 days' }) falseAlarms: number;
  @ApiProperty() falseAlarmShare: number;
  @ApiProperty({ type: BacktestByRuleDto }) byRule: BacktestByRuleDto;
}
