import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CursorPageQuery } from '../common/http/cursor-page.query';
import { Trim } from '../common/http/dto-helpers';
import { PersonRefDto } from '../customers/customers.dto';
import { PROMISE_SOURCES, PROMISE_STATUSES, type PromiseSource, type PromiseStatus } from './promise-rules';

const list = () =>
  Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : value,
  );
const bool = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

const API_SOURCES = ['manual', 'case_reply', 'api'] as const;

export class DueInDto {
  @ApiProperty({ minimum: 1, maximum: 500, description: 'How many business hours or days' })
  @IsInt({ message: 'dueIn.amount must be a whole number' })
  @Min(1, { message: 'dueIn.amount must be at least 1' })
  @Max(500, { message: 'dueIn.amount must be at most 500' })
  amount: number;
  @ApiProperty({ enum: ['hours', 'days'], description: "Business hours, or business days (the calendar's usual working day)" })
  @IsIn(['hours', 'days'], { message: 'dueIn.unit must be hours or days' })
  unit: 'hours' | 'days';
}

const DUE_NOTE =
  'Give exactly one of dueAt (a time) or dueIn (N business hours/days on the SLA calendar of the case, else of the touchpoint, else the workspace default).';

export class CreatePromiseDto {
  @ApiProperty({ maxLength: 1000, description: 'What was promised, as the customer was told' })
  @Trim()
  @IsString({ message: 'text must be text' })
  @MinLength(1, { message: 'text is required: say what was promised' })
  @MaxLength(1000, { message: 'text must be at most 1000 characters' })
  text: string;
  @ApiPropertyOptional({
    enum: API_SOURCES,
    description: 'case_reply needs caseId and caseEventId (one promise per reply); default manual for people, api for tokens',
  })
  @IsOptional()
  @IsIn(API_SOURCES, { message: `source must be one of: ${API_SOURCES.join(', ')}` })
  source?: 'manual' | 'case_reply' | 'api';
  @ApiPropertyOptional({ format: 'uuid', description: 'Who must keep it (a member); default the person promising, else the case owner' })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'caseId must be a case id' }) caseId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The reply (case event) the promise was made in' })
  @IsOptional()
  @IsUUID('all', { message: 'caseEventId must be a case event id' })
  caseEventId?: string;
  @ApiPropertyOptional({ maxLength: 200, description: "The customer's external id (default: the case's customer)" })
  @IsOptional()
  @Trim()
  @IsString({ message: 'customerExternalId must be text' })
  @MinLength(1, { message: 'customerExternalId must not be empty' })
  @MaxLength(200, { message: 'customerExternalId must be at most 200 characters' })
  customerExternalId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Default: the case's touchpoint" })
  @IsOptional()
  @IsUUID('all', { message: 'touchpointId must be a touchpoint id' })
  touchpointId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: DUE_NOTE })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueAt must be an ISO 8601 time' })
  dueAt?: string;
  @ApiPropertyOptional({ type: DueInDto, description: DUE_NOTE })
  @IsOptional()
  @ValidateNested()
  @Type(() => DueInDto)
  dueIn?: DueInDto;
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 7200,
    description: 'Business minutes before the due time to remind the owner (0: none; default 120, two business hours)',
  })
  @IsOptional()
  @IsInt({ message: 'remindBeforeMinutes must be a whole number' })
  @Min(0, { message: 'remindBeforeMinutes must be at least 0' })
  @Max(7200, { message: 'remindBeforeMinutes must be at most 7200' })
  remindBeforeMinutes?: number;
}

export class UpdatePromiseDto {
  @ApiProperty({ description: 'The version you read: a promise changed since answers 409 (nothing changed)' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be at least 1' })
  version: number;
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Trim()
  @IsString({ message: 'text must be text' })
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(1000, { message: 'text must be at most 1000 characters' })
  text?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'A new due time (or dueIn); the reminder moves with it' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueAt must be an ISO 8601 time' })
  dueAt?: string;
  @ApiPropertyOptional({ type: DueInDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DueInDto)
  dueIn?: DueInDto;
}

const OUTCOMES = ['kept', 'broken', 'cancelled'] as const;

export class ResolvePromiseDto {
  @ApiProperty({ enum: OUTCOMES, description: 'kept (late when after the due time), broken, or cancelled (not counted in the rates)' })
  @IsIn(OUTCOMES, { message: `outcome must be one of: ${OUTCOMES.join(', ')}` })
  outcome: 'kept' | 'broken' | 'cancelled';
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Trim()
  @IsString({ message: 'note must be text' })
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string;
}

export class ListPromisesQuery extends CursorPageQuery {
  @ApiPropertyOptional({ description: `Comma-separated: ${PROMISE_STATUSES.join(', ')}` })
  @IsOptional()
  @list()
  @IsIn(PROMISE_STATUSES, { each: true, message: `status must be among ${PROMISE_STATUSES.join(', ')}` })
  status?: PromiseStatus[];
  @ApiPropertyOptional({ description: 'me or a user id' })
  @IsOptional()
  @ValidateIf((o) => o.owner !== 'me')
  @IsUUID('all', { message: 'owner must be me or a user id' })
  owner?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'touchpoint must be a touchpoint id' })
  touchpoint?: string;
  @ApiPropertyOptional({
    enum: PROMISE_SOURCES,
    enumName: 'PromiseSource',
    description: "Where the promises were made: audit is the service audit's improvement steps",
  })
  @IsOptional()
  @IsIn(PROMISE_SOURCES, { message: `source must be one of: ${PROMISE_SOURCES.join(', ')}` })
  source?: PromiseSource;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'case must be a case id' }) case?: string;
  @ApiPropertyOptional({ maxLength: 200, description: "A customer's external id" })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'customer must be at most 200 characters' })
  customer?: string;
  @ApiPropertyOptional({ description: 'Only open promises past their due time' })
  @IsOptional()
  @bool()
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class PromiseReportQuery {
  @ApiPropertyOptional({ example: '2026-09-01', description: 'First day (UTC) of due times counted; default 90 days before `to`' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date as YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-01', description: 'Last day (UTC, included); default today' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date as YYYY-MM-DD' })
  to?: string;
}

export class TouchpointRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class PromiseSourceRefDto {
  @ApiPropertyOptional({ format: 'uuid' }) caseEventId?: string;
  @ApiPropertyOptional() auditCriterionId?: string;
  @ApiPropertyOptional({ example: '2026-11' }) month?: string;
}

export class PromiseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: PROMISE_STATUSES, enumName: 'PromiseStatus' }) status: PromiseStatus;
  @ApiProperty({ enum: ['case_reply', 'manual', 'audit', 'api'], enumName: 'PromiseSource' }) source: PromiseSource;
  @ApiProperty({ type: PromiseSourceRefDto }) sourceRef: PromiseSourceRefDto;
  @ApiProperty({ type: PersonRefDto, nullable: true }) promisedBy: PersonRefDto | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) owner: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true }) customerExternalId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId: string | null;
  @ApiProperty({ type: TouchpointRefDto, nullable: true }) touchpoint: TouchpointRefDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) remindAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) remindedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) escalatedAt: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: "The owner's lead; null when escalated to the workspace admins" })
  escalatedTo: PersonRefDto | null;
  @ApiProperty({ description: 'Open and past its due time' }) overdue: boolean;
  @ApiProperty({ description: 'Kept, but after its due time' }) late: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was kept, broken or cancelled' })
  resolvedAt: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) resolvedBy: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true }) resolutionNote: string | null;
  @ApiProperty({ description: 'Send it back with an update' }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class PromisePageDto {
  @ApiProperty({ type: PromiseDto, isArray: true }) items: PromiseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page' }) nextCursor: string | null;
  @ApiProperty({ description: 'Promises matching the filter' }) total: number;
}

export class PromiseRatesDto {
  @ApiProperty({ description: 'Due in the period, cancelled ones left out' }) total: number;
  @ApiProperty({ description: 'Kept or broken: the base of the rates' }) decided: number;
  @ApiProperty() keptOnTime: number;
  @ApiProperty({ description: 'Kept after the due time' }) late: number;
  @ApiProperty() broken: number;
  @ApiProperty({ description: 'Still open (due later, or overdue)' }) open: number;
  @ApiProperty({ description: 'Open and past the due time now' }) overdue: number;
  @ApiProperty({ type: Number, nullable: true, description: 'keptOnTime / decided (0–1), null with nothing decided' }) keptRate:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'late / decided' }) lateRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'broken / decided' }) brokenRate: number | null;
}

export class PromiseGroupDto extends PromiseRatesDto {
  @ApiProperty({ type: String, nullable: true, description: 'Person or touchpoint id; a team key; null: none' }) key: string | null;
  @ApiProperty() name: string;
}

export class PromiseMonthDto extends PromiseRatesDto {
  @ApiProperty({ example: '2026-11' }) month: string;
}

export class PromiseReportDto {
  @ApiProperty({ example: '2026-09-01' }) from: string;
  @ApiProperty({ example: '2026-12-01' }) to: string;
  @ApiProperty({ type: PromiseRatesDto }) totals: PromiseRatesDto;
  @ApiProperty({ type: PromiseGroupDto, isArray: true, description: 'By owner' }) people: PromiseGroupDto[];
  @ApiProperty({ type: PromiseGroupDto, isArray: true, description: "By the team of the promise's touchpoint" }) teams: PromiseGroupDto[];
  @ApiProperty({ type: PromiseGroupDto, isArray: true }) touchpoints: PromiseGroupDto[];
  @ApiProperty({ type: PromiseMonthDto, isArray: true, description: 'By month of the due time (UTC)' }) months: PromiseMonthDto[];
}
