import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { Trim } from '../common/http/dto-helpers';
import { PUBLIC_STAGES } from '../common/recovery/mention-stage.port';

export const STEP_TEXT_MAX = 5000;
export const STEP_URL_MAX = 2000;

/** What was posted in public (the answer, or the findings), its link and when it went up. */
class PublicPostInput {
  @ApiProperty({ maxLength: STEP_TEXT_MAX, description: 'The text as posted in public' })
  @Trim()
  @IsString()
  @MaxLength(STEP_TEXT_MAX)
  @Matches(/\S/, { message: 'text must not be empty' })
  text: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: STEP_URL_MAX, description: 'Link to the public post (http or https)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  // The scheme is case-insensitive (HTTPS://…), the table's CHECK is not: store it lower-cased.
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/^[a-z][a-z0-9+.-]*:/i, (s) => s.toLowerCase()) : value))
  @IsString()
  @MaxLength(STEP_URL_MAX)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) link' })
  url?: string | null;

  @ApiProperty({
    minimum: 0,
    description: 'The revision this edit is based on (0 when nothing is recorded yet); a stale one answers 409 stale_revision',
  })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  revision: number;
}

export class PublicAnswerInput extends PublicPostInput {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the answer went up (default now). Kept from the first record: edits keep it unless the answer is cleared',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  answeredAt?: string;
}

export class PublicFindingsInput extends PublicPostInput {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the findings went up (default now). Kept from the first record: edits keep it unless the findings are cleared',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  findingsAt?: string;
}

export class RevisionQuery {
  @ApiProperty({ minimum: 1, description: 'The revision the clearing is based on' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  revision: number;
}

export class StepPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class PublicPostStepDto {
  @ApiProperty() done: boolean;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it went up' }) at: string | null;
  @ApiProperty({ type: StepPersonDto, nullable: true }) by: StepPersonDto | null;
}

export class AnswerStepDto extends PublicPostStepDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Time to public answer: answered at − the mention posted at, in minutes' })
  minutesToAnswer: number | null;
}

export class MentionCaseRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: ['open', 'waiting_customer', 'resolved', 'closed'] }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Left out for an API token without cases:read' })
  rootCause?: string | null;
}

export class InvestigationStepDto {
  @ApiProperty({ description: 'The case recorded a root cause' }) done: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the root cause was first recorded' }) at:
    string | null;
  @ApiProperty({ type: MentionCaseRefDto, nullable: true, description: 'The case opened from the mention' }) case: MentionCaseRefDto | null;
}

export class MoneyDto {
  @ApiProperty({ example: 'RUB' }) currency: string;
  @ApiProperty({ example: '1500.00', description: 'Decimal string' }) amount: string;
}

export class CompensationStepDto {
  @ApiProperty({ description: 'An approved grant on the case' }) done: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the first grant was approved' }) at: string | null;
  @ApiPropertyOptional({ type: [MoneyDto], description: 'Left out for an API token without compensation:read' })
  approvedTotals?: MoneyDto[];
  @ApiPropertyOptional({ description: 'Grants waiting for an admin; left out for an API token without compensation:read' })
  pendingCount?: number;
  @ApiProperty({ description: 'False while compensation is not available in this installation' }) available: boolean;
}

export class PublicWorkflowDto {
  @ApiProperty({ format: 'uuid' }) mentionId: string;
  @ApiProperty({ description: 'Send it back with the next edit (0: nothing recorded yet)' }) revision: number;
  @ApiProperty({ enum: PUBLIC_STAGES, description: 'The furthest step reached' }) stage: string;
  @ApiProperty({ type: String, format: 'date-time' }) postedAt: string;
  @ApiProperty({ type: AnswerStepDto }) answer: AnswerStepDto;
  @ApiProperty({ type: InvestigationStepDto }) investigation: InvestigationStepDto;
  @ApiProperty({ type: PublicPostStepDto }) findings: PublicPostStepDto;
  @ApiProperty({ type: CompensationStepDto }) compensation: CompensationStepDto;
}

export class PublicAnswersReportQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Mentions posted at or after (default: 90 days before to)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Posted before (default now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @ApiPropertyOptional({ description: 'IANA time zone of the weeks', example: 'Europe/Moscow' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
}

export class PublicAnswersWeekDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'Monday 00:00 in the time zone' }) start: string;
  @ApiProperty({ format: 'date', example: '2026-11-30', description: 'That Monday as a date in the time zone' }) day: string;
  @ApiProperty() negative: number;
  @ApiProperty() answered: number;
  @ApiProperty() investigated: number;
  @ApiProperty() findingsPublished: number;
  @ApiProperty() compensated: number;
  @ApiProperty({ type: Number, nullable: true }) medianMinutesToAnswer: number | null;
}

export class PublicAnswersReportDto {
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ description: 'Negative original mentions posted in the period' }) negative: number;
  @ApiProperty() answered: number;
  @ApiProperty({ description: 'answered / negative, 0..1' }) answeredShare: number;
  @ApiProperty({ type: Number, nullable: true }) medianMinutesToAnswer: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90MinutesToAnswer: number | null;
  @ApiProperty({ description: 'Whose case recorded a root cause' }) investigated: number;
  @ApiProperty() investigatedShare: number;
  @ApiProperty() findingsPublished: number;
  @ApiProperty() findingsShare: number;
  @ApiProperty({ description: 'Whose case has an approved grant' }) compensated: number;
  @ApiProperty() compensatedShare: number;
  @ApiProperty({ type: [PublicAnswersWeekDto] }) series: PublicAnswersWeekDto[];
}
