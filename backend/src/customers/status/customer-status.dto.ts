import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../common/http/dto-helpers';
import { PersonRefDto } from '../customers.dto';
import { COLOUR_STATUSES, STATUS_CHANGE_CAUSES, type ColourStatus, type StatusChangeCause } from './colour-status';
import { STATUS_RULE_KEYS } from './derive-colour-status';

export class OverrideStatusDto {
  @ApiProperty({ enum: COLOUR_STATUSES, enumName: 'ColourStatus' })
  @IsIn(COLOUR_STATUSES, { message: `status must be one of: ${COLOUR_STATUSES.join(', ')}` })
  status: ColourStatus;
  @ApiProperty({ maxLength: 500, description: 'Why the rules are overridden (kept in the history)' })
  @Trim()
  @IsString({ message: 'reason must be text' })
  @IsNotEmpty({ message: 'reason is required: say why the status is set by hand' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason: string;
}

export class StatusRulesInputDto {
  @ApiProperty({ minimum: 2, maximum: 1000, description: 'Orders that make a customer platinum' })
  @IsInt({ message: 'platinumOrders must be a whole number' })
  @Min(2, { message: 'platinumOrders must be at least 2' })
  @Max(1000, { message: 'platinumOrders must be at most 1000' })
  platinumOrders: number;
  @ApiProperty({ minimum: 1, maximum: 3650, description: 'Days from first seen to stopping that make cooperation long (red-platinum)' })
  @IsInt({ message: 'longCooperationDays must be a whole number' })
  @Min(1, { message: 'longCooperationDays must be at least 1' })
  @Max(3650, { message: 'longCooperationDays must be at most 3650' })
  longCooperationDays: number;
  @ApiProperty({ minimum: 1, maximum: 3650, description: 'Days without an order after which a buyer counts as stopped' })
  @IsInt({ message: 'stoppedAfterDays must be a whole number' })
  @Min(1, { message: 'stoppedAfterDays must be at least 1' })
  @Max(3650, { message: 'stoppedAfterDays must be at most 3650' })
  stoppedAfterDays: number;
}

export class StatusRulesDto extends StatusRulesInputDto {
  @ApiProperty({ description: 'True while the workspace uses the defaults (never saved)' }) isDefault: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) updatedBy: PersonRefDto | null;
  @ApiProperty({ enum: STATUS_RULE_KEYS, enumName: 'StatusRule', isArray: true, description: 'The rules in the order they are tried' })
  order: string[];
}

export class SaveStatusRulesResultDto {
  @ApiProperty({ type: StatusRulesDto }) rules: StatusRulesDto;
  @ApiProperty({ description: 'Customers whose status moved when the workspace was recomputed' }) moved: number;
}

export class StatusChangeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: COLOUR_STATUSES, enumName: 'ColourStatus', nullable: true, description: "Null for the customer's first status" })
  from: ColourStatus | null;
  @ApiProperty({ enum: COLOUR_STATUSES, enumName: 'ColourStatus' }) to: ColourStatus;
  @ApiProperty({ type: String, format: 'date-time' }) changedAt: string;
  @ApiProperty({ enum: STATUS_CHANGE_CAUSES, enumName: 'StatusChangeCause' }) cause: StatusChangeCause;
  @ApiProperty({ type: String, nullable: true, description: 'The rule that matched (a StatusRule key) or the reason given' })
  detail: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Who, for overrides and rule edits' }) actor: PersonRefDto | null;
}

export class StatusHistoryDto {
  @ApiProperty({ type: StatusChangeDto, isArray: true, description: 'Newest first (at most 200)' }) items: StatusChangeDto[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class StatusReportQuery {
  @ApiPropertyOptional({ example: '2026-01', description: 'First month (YYYY-MM); default 11 months before `to`' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month as YYYY-MM' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12', description: 'Last month (YYYY-MM); default the current month' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month as YYYY-MM' })
  to?: string;
  @ApiPropertyOptional({ default: 'UTC', description: 'IANA time zone whose calendar months are reported' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
}

export class StatusCountDto {
  @ApiProperty({ enum: COLOUR_STATUSES, enumName: 'ColourStatus' }) status: ColourStatus;
  @ApiProperty() count: number;
}

export class StatusMonthDto {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({
    type: StatusCountDto,
    isArray: true,
    description: 'Customers per status at the end of the month (every status, zeros too)',
  })
  counts: StatusCountDto[];
}

export class StatusMoveDto {
  @ApiProperty({ enum: COLOUR_STATUSES, enumName: 'ColourStatus' }) from: ColourStatus;
  @ApiProperty({ enum: COLOUR_STATUSES, enumName: 'ColourStatus' }) to: ColourStatus;
  @ApiProperty() count: number;
}

export class StatusReportDto {
  @ApiProperty({ example: '2026-01' }) from: string;
  @ApiProperty({ example: '2026-12' }) to: string;
  @ApiProperty({ type: StatusMonthDto, isArray: true }) months: StatusMonthDto[];
  @ApiProperty({ type: StatusMoveDto, isArray: true, description: 'Moves between statuses within the period, most frequent first' })
  moves: StatusMoveDto[];
  @ApiProperty({ type: StatusCountDto, isArray: true, description: 'Customers per status now (every status)' })
  current: StatusCountDto[];
}
