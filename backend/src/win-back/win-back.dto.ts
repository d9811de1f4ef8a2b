import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
} from 'class-validator';
import { Trim } from '../common/http/dto-helpers';
import { CUSTOMER_STATES, type CustomerState } from './recovery-customers.repository';
import { NOTICE_LANGUAGES } from './notice-template';
import {
  RECENT_NOTICE_DAYS,
  AFFECTED_WHY,
  PROBLEM_KINDS,
  PROBLEM_STATUSES,
  RETURN_KINDS,
  type AffectedWhy,
  type ProblemKind,
  type ProblemStatus,
  type ReturnKind,
} from './win-back-rules';

/** The problems list (and the report) show at most this many; `total` says how many there are. */
export const PROBLEM_LIST_LIMIT = 500;

/** One line (no CR/LF); a linear pattern. */
const ONE_LINE = /^[^\r\n]*$/;

export class ListProblemsQuery {
  @ApiPropertyOptional({ enum: PROBLEM_STATUSES })
  @IsOptional()
  @IsIn(PROBLEM_STATUSES, { message: 'status must be open or fixed' })
  status?: ProblemStatus;

  @ApiPropertyOptional({ enum: PROBLEM_KINDS })
  @IsOptional()
  @IsIn(PROBLEM_KINDS, { message: 'kind must be cluster, churn_reason or known_issue' })
  kind?: ProblemKind;
}

export class CreateProblemDto {
  @ApiProperty({ enum: PROBLEM_KINDS, description: 'known_issue needs a title; cluster a clusterId; churn_reason a churnReasonKey' })
  @IsIn(PROBLEM_KINDS, { message: 'kind must be cluster, churn_reason or known_issue' })
  kind: ProblemKind;

  @ApiPropertyOptional({ maxLength: 200, example: 'Courier delays in Sofia' })
  @ValidateIf((o: CreateProblemDto) => o.kind === 'known_issue' || o.title !== undefined)
  @Trim()
  @IsString({ message: 'title must be text' })
  @MinLength(1, { message: 'title is required for a known issue' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  @Matches(ONE_LINE, { message: 'title must be one line' })
  title?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((o: CreateProblemDto) => o.kind === 'cluster' || o.clusterId !== undefined)
  @IsUUID('all', { message: 'clusterId must be a cluster id' })
  clusterId?: string;

  @ApiPropertyOptional({ maxLength: 60 })
  @ValidateIf((o: CreateProblemDto) => o.kind === 'churn_reason' || o.churnReasonKey !== undefined)
  @IsString({ message: 'churnReasonKey must be text' })
  @MinLength(1, { message: 'churnReasonKey is required for a churn reason' })
  @MaxLength(60, { message: 'churnReasonKey must be at most 60 characters' })
  churnReasonKey?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The touchpoint whose score is compared before and after the fix' })
  @IsOptional()
  @IsUUID('all', { message: 'touchpointId must be a touchpoint id' })
  touchpointId?: string;
}

export class FixProblemDto {
  @ApiProperty({ maxLength: 2000, example: 'Switched to a second courier in Sofia and Plovdiv; delivery promise now 2 days' })
  @Trim()
  @IsString({ message: 'whatChanged must be text' })
  @MinLength(1, { message: 'whatChanged is required: say what changed' })
  @MaxLength(2000, { message: 'whatChanged must be at most 2000 characters' })
  whatChanged: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'When it was fixed (default now; not in the future, at most a year ago)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'fixedAt must be an ISO date-time' })
  fixedAt?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'touchpointId must be a touchpoint id' })
  touchpointId?: string | null;
}

export class NotifyDto {
  @ApiProperty({ maxLength: 200, description: 'Email subject (one line); placeholders {name} and {what_changed}' })
  @Trim()
  @IsString({ message: 'subject must be text' })
  @MinLength(1, { message: 'subject is required' })
  @MaxLength(200, { message: 'subject must be at most 200 characters' })
  @Matches(ONE_LINE, { message: 'subject must be one line' })
  subject: string;

  @ApiProperty({ maxLength: 5000, description: 'The message; placeholders {name} and {what_changed}' })
  @IsString({ message: 'text must be text' })
  @MinLength(1, { message: 'text is required' })
  @MaxLength(5000, { message: 'text must be at most 5000 characters' })
  text: string;

  @ApiPropertyOptional({ enum: NOTICE_LANGUAGES, default: 'en', description: 'The language the template is written in' })
  @IsOptional()
  @IsIn(NOTICE_LANGUAGES, { message: 'language must be en, ru or bg' })
  language?: string;

  @ApiPropertyOptional({ default: true, description: 'false: also try again customers skipped earlier for having no address' })
  @IsOptional()
  @IsBoolean({ message: 'onlyNotNotified must be true or false' })
  onlyNotNotified?: boolean;

  @ApiPropertyOptional({
    default: true,
    description: `false: also tell customers told about another problem in the last ${RECENT_NOTICE_DAYS} days (skipped by default)`,
  })
  @IsOptional()
  @IsBoolean({ message: 'skipRecentlyNotified must be true or false' })
  skipRecentlyNotified?: boolean;

  @ApiPropertyOptional({ type: [String], maxItems: 10000, description: 'Only these affected customers (external ids)' })
  @IsOptional()
  @IsArray({ message: 'customerIds must be a list' })
  @ArrayMaxSize(10000, { message: 'customerIds may hold at most 10000 ids' })
  @IsString({ each: true, message: 'customerIds must be external ids' })
  @MaxLength(200, { each: true, message: 'customerIds must be external ids of at most 200 characters' })
  customerIds?: string[];
}

export class MarkReturnedDto {
  @ApiPropertyOptional({ example: '120.00', description: 'Revenue the return brought that Otklik does not see (decimal string)' })
  @IsOptional()
  @IsString({ message: 'amount must be a decimal string like 120.00' })
  @Matches(/^\d{1,12}(\.\d{1,2})?$/, { message: 'amount must be a decimal string like 120.00' })
  amount?: string;

  @ApiPropertyOptional({ example: 'EUR', description: 'ISO 4217; required with amount' })
  @ValidateIf((o: MarkReturnedDto) => o.amount !== undefined || o.currency !== undefined)
  @IsString({ message: 'currency is required with amount' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO code like EUR' })
  currency?: string;
}

export class CustomersQuery {
  @ApiPropertyOptional({ enum: CUSTOMER_STATES })
  @IsOptional()
  @IsIn(CUSTOMER_STATES, { message: `state must be one of ${CUSTOMER_STATES.join(', ')}` })
  state?: CustomerState;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(500, { message: 'limit must be at most 500' })
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must be at least 0' })
  @Max(1_000_000, { message: 'offset must be at most 1000000' })
  offset?: number;
}

export class TemplateQuery {
  @ApiPropertyOptional({ enum: NOTICE_LANGUAGES })
  @IsOptional()
  @IsIn(NOTICE_LANGUAGES, { message: 'language must be en, ru or bg' })
  language?: string;
}

export class RootCauseDto {
  @ApiProperty({ format: 'uuid', description: 'An open known issue' })
  @IsUUID('all', { message: 'problemId must be a known issue id' })
  problemId: string;
}

export class MoneyDto {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '1250.00', description: 'Decimal string' }) amount: string;
}

export class ProblemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PROBLEM_KINDS }) kind: ProblemKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) clusterId: string | null;
  @ApiProperty({ type: String, nullable: true }) churnReasonKey: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROBLEM_STATUSES }) status: ProblemStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) fixedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) fixedByName: string | null;
  @ApiProperty({ type: String, nullable: true }) whatChanged: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) touchpointId: string | null;
  @ApiProperty({ description: 'Cases linked to the known issue as their root cause' }) linkedCases: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Customers in the snapshot taken when it was marked fixed' }) affected: number;
  @ApiProperty({ description: 'Customers a notice was queued for' }) told: number;
  @ApiProperty({ description: 'Notices the contact policy holds now' }) held: number;
  @ApiProperty({ description: 'Customers skipped for having neither email nor phone' }) noAddress: number;
  @ApiProperty() answered: number;
  @ApiProperty() returned: number;
  @ApiProperty({ type: MoneyDto, isArray: true, description: 'Per currency' }) revenueRecovered: MoneyDto[];
}

export class ProblemListDto {
  @ApiProperty({ type: ProblemDto, isArray: true, description: `At most ${PROBLEM_LIST_LIMIT}: open ones first, then the latest fixes` })
  items: ProblemDto[];
  @ApiProperty({ description: 'Problems matching the filter (more than items when the list was cut)' }) total: number;
}

export class WeekCountDto {
  @ApiProperty({ description: 'Weeks from the fix: -8..-1 before, 0..7 after' }) week: number;
  @ApiProperty() count: number;
}

export class ScoreCompareDto {
  @ApiProperty({ enum: ['nps', 'csat'] }) metric: string;
  @ApiProperty({ type: Number, nullable: true }) before: number | null;
  @ApiProperty({ type: Number, nullable: true }) after: number | null;
  @ApiProperty() responsesBefore: number;
  @ApiProperty() responsesAfter: number;
  @ApiProperty({ type: String, nullable: true }) touchpointName: string | null;
}

export class ProblemDetailDto extends ProblemDto {
  @ApiProperty({ enum: ['texts', 'cancellations', 'cases'], description: 'What the weekly volume counts' }) volumeOf: string;
  @ApiProperty({ type: WeekCountDto, isArray: true, description: '16 weeks around the fix (empty while open)' }) volume: WeekCountDto[];
  @ApiProperty({ type: ScoreCompareDto, nullable: true }) score: ScoreCompareDto | null;
}

export class HoldReasonDto {
  @ApiProperty() code: string;
  @ApiProperty({ type: String, nullable: true }) until: string | null;
}

export class RecoveryCustomerDto {
  @ApiProperty() customerExternalId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ enum: AFFECTED_WHY, isArray: true }) why: AffectedWhy[];
  @ApiProperty({ enum: CUSTOMER_STATES }) state: CustomerState;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) notifiedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) messageId: string | null;
  @ApiProperty({ type: String, nullable: true }) channel: string | null;
  @ApiProperty({ type: String, nullable: true }) messageStatus: string | null;
  @ApiProperty({ type: HoldReasonDto, isArray: true }) holdReasons: HoldReasonDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) returnedAt: string | null;
  @ApiProperty({ type: String, nullable: true, enum: RETURN_KINDS }) returnKind: ReturnKind | null;
  @ApiProperty({ type: MoneyDto, isArray: true }) revenue: MoneyDto[];
}

export class RecoveryCustomerPageDto {
  @ApiProperty({ type: RecoveryCustomerDto, isArray: true }) items: RecoveryCustomerDto[];
  @ApiProperty() total: number;
}

export class NotifySkippedDto {
  @ApiProperty() noAddress: number;
  @ApiProperty() alreadyNotified: number;
  @ApiProperty({ description: 'Asked ids that are not among the affected customers' }) notAffected: number;
  @ApiProperty({ description: `Not told now: told about another problem in the last ${RECENT_NOTICE_DAYS} days` })
  recentlyNotified: number;
}

export class NotifyResultDto {
  @ApiProperty() queued: number;
  @ApiProperty({ type: NotifySkippedDto }) skipped: NotifySkippedDto;
}

export class NoticeTemplateDto {
  @ApiProperty() language: string;
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
}

export class RootCauseViewDto {
  @ApiProperty({ type: ProblemDto, nullable: true }) problem: ProblemDto | null;
}

export class RecoveryReportDto {
  @ApiProperty({ type: ProblemDto, isArray: true, description: `Fixes, latest first (at most ${PROBLEM_LIST_LIMIT}; totals over these)` })
  fixes: ProblemDto[];
  @ApiProperty({ description: 'Fixes in the workspace (more than fixes when the list was cut)' }) totalFixes: number;
  @ApiProperty() affected: number;
  @ApiProperty() told: number;
  @ApiProperty() answered: number;
  @ApiProperty() returned: number;
  @ApiProperty({ type: MoneyDto, isArray: true }) revenueRecovered: MoneyDto[];
}

export class RefreshResultDto {
  @ApiProperty({ description: 'False when the problem is not fixed yet (nothing to look for)' })
  refreshed: boolean;
}
