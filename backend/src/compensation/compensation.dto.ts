import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ROLES, type Role } from '../common/auth/roles';
import { Trim } from '../common/http/dto-helpers';
import { CursorPageQuery } from '../common/http/cursor-page.query';
import { IsRealDay } from '../common/http/real-day.validator';
import { COMPENSATION_KINDS, GRANT_STATUSES, type CompensationKind, type GrantStatus } from '../common/recovery/compensation-lookup.port';
import { BUDGET_PERIODS, type BudgetPeriod } from './compensation-rules';

/** A money amount: up to 12 digits and 2 decimals, as a string (or a JSON number, read as written). */
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const CURRENCY = /^[A-Z]{3}$/;
const amountText = () => Transform(({ value }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value));
const upper = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));
const list = () =>
  Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : value,
  );

export class CompensationPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Name; without one, the email for people signed in and "Member <short id>" for API tokens' })
  name: string;
}

// ---- budgets ----

export class CompensationBudgetInputDto {
  @ApiPropertyOptional({ enum: ROLES, description: 'A role budget (give role or userId, not both)' })
  @ValidateIf((o: CompensationBudgetInputDto) => o.userId === undefined)
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')} (or give userId)` })
  role?: Role;
  @ApiPropertyOptional({ format: 'uuid', description: "A member's own budget, overriding their role's" })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a user id' })
  userId?: string;
  @ApiProperty({ example: '5000.00', description: 'Per period, decimal string, 0 or more (0: every grant waits for approval)' })
  @amountText()
  @IsString({ message: 'amount must be a decimal amount such as 5000.00' })
  @Matches(AMOUNT, { message: 'amount must be a decimal amount such as 5000.00 (at most 12 digits and 2 decimals)' })
  amount: string;
  @ApiProperty({ example: 'RUB', description: 'ISO 4217 code' })
  @upper()
  @IsString({ message: 'currency must be a 3-letter code' })
  @Matches(CURRENCY, { message: 'currency must be a 3-letter ISO code such as RUB' })
  currency: string;
  @ApiProperty({ enum: BUDGET_PERIODS, description: 'Calendar month, quarter or year (UTC)' })
  @IsIn(BUDGET_PERIODS, { message: `period must be one of: ${BUDGET_PERIODS.join(', ')}` })
  period: BudgetPeriod;
}

export class SaveCompensationBudgetsDto {
  @ApiProperty({
    type: [CompensationBudgetInputDto],
    maxItems: 500,
    description: 'Every budget of the workspace: the list replaces the saved one',
  })
  @IsArray({ message: 'budgets must be a list' })
  @ArrayMaxSize(500, { message: 'budgets must hold at most 500 entries' })
  @ValidateNested({ each: true })
  @Type(() => CompensationBudgetInputDto)
  budgets: CompensationBudgetInputDto[];
}

export class CompensationBudgetDto {
  @ApiProperty({ enum: ['role', 'member'] }) scope: 'role' | 'member';
  @ApiProperty({ enum: ROLES, nullable: true }) role: Role | null;
  @ApiProperty({ type: CompensationPersonDto, nullable: true }) member: CompensationPersonDto | null;
  @ApiProperty({ example: '5000.00' }) amount: string;
  @ApiProperty({ example: 'RUB' }) currency: string;
  @ApiProperty({ enum: BUDGET_PERIODS }) period: BudgetPeriod;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class CompensationBudgetsDto {
  @ApiProperty({ type: [CompensationBudgetDto] }) budgets: CompensationBudgetDto[];
}

/** A person's budget this period: what they may still grant without asking. */
export class MyCompensationBudgetDto {
  @ApiProperty({ description: 'Whether a budget applies (none: every grant waits for approval)' }) hasBudget: boolean;
  @ApiProperty({ enum: ['role', 'member'], nullable: true }) source: 'role' | 'member' | null;
  @ApiProperty({ example: '5000.00', nullable: true, type: String }) budget: string | null;
  @ApiProperty({ example: 'RUB', nullable: true, type: String }) currency: string | null;
  @ApiProperty({ enum: BUDGET_PERIODS }) period: BudgetPeriod;
  @ApiProperty({ example: '2026-12-01' }) periodStart: string;
  @ApiProperty({ example: '2027-01-01', description: 'Exclusive' }) periodEnd: string;
  @ApiProperty({ example: '1500.00', description: 'Approved within the budget this period' }) spent: string;
  @ApiProperty({ example: '3500.00', description: 'Budget − spent (never below 0)' }) remaining: string;
  @ApiProperty({ example: '0.00', description: 'Waiting for approval this period, in the budget currency' }) pending: string;
}

// ---- grants ----

export class CreateGrantDto {
  @ApiProperty({ enum: COMPENSATION_KINDS })
  @IsIn(COMPENSATION_KINDS, { message: `kind must be one of: ${COMPENSATION_KINDS.join(', ')}` })
  kind: CompensationKind;
  @ApiProperty({ example: '500.00', description: 'More than 0; decimal string' })
  @amountText()
  @IsString({ message: 'amount must be a decimal amount such as 500.00' })
  @Matches(AMOUNT, { message: 'amount must be a decimal amount such as 500.00 (at most 12 digits and 2 decimals)' })
  amount: string;
  @ApiPropertyOptional({ example: 'RUB', description: "ISO 4217; default the granter's budget currency" })
  @IsOptional()
  @upper()
  @IsString({ message: 'currency must be a 3-letter code' })
  @Matches(CURRENCY, { message: 'currency must be a 3-letter ISO code such as RUB' })
  currency?: string;
  @ApiProperty({ maxLength: 1000, description: 'Why, in a sentence the customer and the billing team understand' })
  @Trim()
  @IsString({ message: 'reason must be text' })
  @MinLength(1, { message: 'reason is required: say why' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason: string;
  @ApiPropertyOptional({ maxLength: 200, description: 'A retried request with the same key makes one grant' })
  @IsOptional()
  @IsString({ message: 'idempotencyKey must be text' })
  @MinLength(1, { message: 'idempotencyKey must not be empty' })
  @MaxLength(200, { message: 'idempotencyKey must be at most 200 characters' })
  idempotencyKey?: string;
}

export class DecideGrantDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Why (shown to the granter; required reading when rejecting)' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'note must be text' })
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string;
}

export class GrantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) caseId: string | null;
  @ApiProperty({ nullable: true, type: Number }) caseNumber: number | null;
  @ApiProperty({ nullable: true, type: String }) customerExternalId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) touchpointId: string | null;
  @ApiProperty({ type: CompensationPersonDto, nullable: true, description: 'Null when an API token asked for it' })
  grantedBy: CompensationPersonDto | null;
  @ApiProperty({ enum: COMPENSATION_KINDS }) kind: CompensationKind;
  @ApiProperty({ example: '500.00' }) amount: string;
  @ApiProperty({ example: 'RUB' }) currency: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: GRANT_STATUSES }) status: GrantStatus;
  @ApiProperty({ description: "Approved at once within the granter's budget (it spends the budget)" }) withinBudget: boolean;
  @ApiProperty({ type: CompensationPersonDto, nullable: true, description: 'The admin who approved or rejected it' })
  decidedBy: CompensationPersonDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty({ description: "Approved by its own granter: allowed only when they are the workspace's single admin" })
  selfApproved: boolean;
  @ApiProperty({ example: '2026-12-01' }) periodStart: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class GrantResultDto extends GrantDto {
  @ApiProperty({
    type: MyCompensationBudgetDto,
    nullable: true,
    description: "The granter's budget after this grant (null for API tokens)",
  })
  budget: MyCompensationBudgetDto | null;
}

export class GrantPageDto {
  @ApiProperty({ type: [GrantDto] }) items: GrantDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty() total: number;
}

export class CaseGrantsDto {
  @ApiProperty({ type: [GrantDto] }) items: GrantDto[];
}

export class ListGrantsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: GRANT_STATUSES, isArray: true, description: 'Comma-separated' })
  @IsOptional()
  @list()
  @IsIn(GRANT_STATUSES, { each: true, message: `status must be among: ${GRANT_STATUSES.join(', ')}` })
  @ArrayMaxSize(3)
  status?: GrantStatus[];
  @ApiPropertyOptional({ format: 'uuid', description: 'Granted by this member' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a user id' })
  userId?: string;
  @ApiPropertyOptional({ example: '2026-12-07', description: 'Grants counted in a budget period that contains this day' })
  @IsOptional()
  @IsRealDay({ message: 'period must be a real day from 1970 on: YYYY-MM-DD' })
  period?: string;
}

// ---- ledger ----

export class CompensationLedgerQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this member' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a user id' })
  userId?: string;
  @ApiPropertyOptional({ example: '2026-12-07', description: "Each person's budget period that contains this day (default today, UTC)" })
  @IsOptional()
  @IsRealDay({ message: 'period must be a real day from 1970 on: YYYY-MM-DD' })
  period?: string;
}

export class CompensationLedgerRowDto {
  @ApiProperty({ type: CompensationPersonDto }) member: CompensationPersonDto;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: ['role', 'member'], nullable: true }) budgetSource: 'role' | 'member' | null;
  @ApiProperty({ example: 'RUB' }) currency: string;
  @ApiProperty({ enum: BUDGET_PERIODS }) period: BudgetPeriod;
  @ApiProperty({ example: '2026-12-01' }) periodStart: string;
  @ApiProperty({ example: '2027-01-01' }) periodEnd: string;
  @ApiProperty({ example: '5000.00', nullable: true, type: String, description: 'Null: no budget in this currency' }) budget: string | null;
  @ApiProperty({ example: '1500.00', description: 'Approved within the budget' }) spent: string;
  @ApiProperty({ example: '800.00', description: 'Approved by an admin over the budget (does not spend it)' }) approvedOverBudget: string;
  @ApiProperty({ example: '0.00', description: "Of approved over budget: what they approved themselves (a workspace's single admin)" })
  selfApproved: string;
  @ApiProperty({ example: '300.00', description: 'Waiting for approval' }) pending: string;
  @ApiProperty({ example: '3500.00', nullable: true, type: String }) remaining: string | null;
  @ApiProperty() approvedCount: number;
  @ApiProperty() pendingCount: number;
  @ApiProperty() rejectedCount: number;
}

export class CompensationLedgerDto {
  @ApiProperty({ example: '2026-12-07' }) day: string;
  @ApiProperty({
    type: [CompensationLedgerRowDto],
    description: 'Per person and currency: members with a budget or with grants in the period',
  })
  rows: CompensationLedgerRowDto[];
}

// ---- report ----

export class CompensationReportQuery {
  @ApiPropertyOptional({ example: '2026-09-01', description: 'Grants approved from this day (default 90 days ago), UTC' })
  @IsOptional()
  @IsRealDay({ message: 'from must be a real day from 1970 on: YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-07', description: 'Up to and including this day (default today)' })
  @IsOptional()
  @IsRealDay({ message: 'to must be a real day from 1970 on: YYYY-MM-DD' })
  to?: string;
  @ApiPropertyOptional({ example: 'RUB', description: 'Default: the currency most grants in the range used' })
  @IsOptional()
  @upper()
  @Matches(CURRENCY, { message: 'currency must be a 3-letter ISO code such as RUB' })
  currency?: string;
}

export class CompensationReportRowDto {
  @ApiProperty({ type: String, nullable: true, description: 'Touchpoint id or kind; null: no touchpoint' }) key: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Touchpoint name' }) label: string | null;
  @ApiProperty({ example: '4500.00' }) spent: string;
  @ApiProperty() grants: number;
  @ApiProperty({ description: 'Distinct compensated customers' }) customers: number;
  @ApiProperty({ description: 'Of them: no cancellation and no move into a red status in the 90 days after their first grant' })
  kept: number;
  @ApiProperty({ example: '18200.00', description: "Kept customers' orders (or payments, the larger) in those 90 days" })
  revenueSaved: string;
}

export class CompensationReportDto {
  @ApiProperty({ example: '2026-09-08' }) from: string;
  @ApiProperty({ example: '2026-12-07' }) to: string;
  @ApiProperty({ type: String, nullable: true, example: 'RUB' }) currency: string | null;
  @ApiProperty({ type: [String], description: 'Currencies of approved grants in the range, most used first' }) currencies: string[];
  @ApiProperty({ example: 90 }) outcomeDays: number;
  @ApiProperty({ type: CompensationReportRowDto }) total: CompensationReportRowDto;
  @ApiProperty({ type: [CompensationReportRowDto] }) byTouchpoint: CompensationReportRowDto[];
  @ApiProperty({ type: [CompensationReportRowDto], description: 'By kind (refund, discount, …)' }) byKind: CompensationReportRowDto[];
}
