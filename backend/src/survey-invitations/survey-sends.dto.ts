import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MAX_LIST_ROWS,
  SEND_AUDIENCES,
  SEND_EVENT_KINDS,
  SEND_STATUSES,
  SKIP_REASONS,
  type SendAudience,
  type SendEventKind,
  type SendStatus,
} from './invitation-rules';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

export class SendEventDto {
  @ApiProperty({
    enum: SEND_EVENT_KINDS,
    enumName: 'SendEventKind',
    description: 'activity: a customer activity (order, payment, login) or named event; signup: first seen; case_closed: a case closed',
  })
  @IsIn(SEND_EVENT_KINDS)
  kind: SendEventKind;

  @ApiPropertyOptional({ maxLength: 100, example: 'delivered', description: 'activity: the event name (or activity kind, e.g. order)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiProperty({ minimum: 0, maximum: 365, description: 'Days after the event' })
  @IsInt({ message: 'delayDays must be a whole number' })
  @Min(0)
  @Max(365)
  delayDays: number;
}

export class CreateSendDto {
  @ApiProperty({ enum: SEND_AUDIENCES, enumName: 'SendAudience' })
  @IsIn(SEND_AUDIENCES)
  audience: SendAudience;

  @ApiPropertyOptional({ format: 'uuid', description: 'audience segment: the saved segment' })
  @IsOptional()
  @IsUUID('all', { message: 'segmentId must be a segment id' })
  segmentId?: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: MAX_LIST_ROWS,
    description: `audience list: up to ${MAX_LIST_ROWS} external ids or emails; duplicates and unusable rows are reported, not sent`,
  })
  @IsOptional()
  @IsArray({ message: 'list must be a list of external ids or emails' })
  @ArrayMaxSize(MAX_LIST_ROWS, { message: `list may hold at most ${MAX_LIST_ROWS} rows` })
  @IsString({ each: true, message: 'every list row must be text' })
  @MaxLength(1000, { each: true, message: 'a list row may be at most 1000 characters' })
  list?: string[];

  @ApiPropertyOptional({ type: SendEventDto, description: 'audience event: who is invited, kept active until stopped' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SendEventDto)
  event?: SendEventDto;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "One of the survey's languages for everyone; omitted: each recipient's last response language, else the survey's default",
  })
  @IsOptional()
  @IsString()
  @Matches(LANGUAGE, { message: 'language must be a language code such as en or ru' })
  language?: string | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 30,
    default: 0,
    description: 'Remind once after this many days if unanswered; 0: no reminder',
  })
  @IsOptional()
  @IsInt({ message: 'reminderDays must be a whole number' })
  @Min(0)
  @Max(30)
  reminderDays?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'Send at this time (within a year); omitted: now' })
  @IsOptional()
  @IsDateString({}, { message: 'scheduledAt must be an ISO date' })
  scheduledAt?: string;
}

export class TestSendDto {
  @ApiPropertyOptional({ description: "Where to send the test; omitted: the signed-in member's address" })
  @IsOptional()
  @IsEmail({}, { message: 'to must be an email address' })
  @MaxLength(254)
  to?: string;

  @ApiPropertyOptional({ description: "One of the survey's languages; omitted: the survey's default" })
  @IsOptional()
  @IsString()
  @Matches(LANGUAGE, { message: 'language must be a language code such as en or ru' })
  language?: string;
}

export class PreviewQuery {
  @ApiPropertyOptional({ description: "One of the survey's languages; omitted: the survey's default" })
  @IsOptional()
  @IsString()
  @Matches(LANGUAGE, { message: 'language must be a language code such as en or ru' })
  language?: string;
}

export class ListSendsQuery {
  @ApiPropertyOptional({ description: 'Sends per page, newest first (default 50, at most 200)', minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Sends to skip (the next page: offset + limit)', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  offset?: number;
}

export class ListRowDto {
  @ApiProperty({ description: '1-based row of the pasted list' }) row: number;
  @ApiProperty() value: string;
  @ApiProperty() reason: string;
}

export class ListReportDto {
  @ApiProperty() rows: number;
  @ApiProperty({ description: 'Recipients the list became' }) recipients: number;
  @ApiProperty() duplicates: number;
  @ApiProperty({ type: ListRowDto, isArray: true, description: 'The first 100 unusable rows' }) invalid: ListRowDto[];
  @ApiProperty() invalidCount: number;
  @ApiProperty({ type: ListRowDto, isArray: true, description: 'External ids that are no customer (first 100)' }) unknown: ListRowDto[];
}

export class SendEventViewDto {
  @ApiProperty({ enum: SEND_EVENT_KINDS, enumName: 'SendEventKind' }) kind: SendEventKind;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty() delayDays: number;
}

export class SkippedByReasonDto {
  @ApiProperty({ enum: SKIP_REASONS, enumName: 'InvitationSkipReason' }) reason: string;
  @ApiProperty() count: number;
}

/** A send's response rate: invited, delivered, clicked, answered, finished… (delivery from the messaging outbox). */
export class SendStatsDto {
  @ApiProperty({ description: 'Everyone the audience named' }) recipients: number;
  @ApiProperty({ description: 'Not yet invited (the send is still going out)' }) pending: number;
  @ApiProperty() invited: number;
  @ApiProperty({ description: 'Waiting in the outbox (email not configured, held or retrying)' }) queued: number;
  @ApiProperty({ description: 'Handed to the mail server (delivered included)' }) sent: number;
  @ApiProperty() delivered: number;
  @ApiProperty() bounced: number;
  @ApiProperty() failed: number;
  @ApiProperty({ description: 'Clicked a score or opened the survey page' }) opened: number;
  @ApiProperty({ description: 'Gave at least one answer' }) answered: number;
  @ApiProperty({ description: 'Finished the survey' }) finished: number;
  @ApiProperty() reminded: number;
  @ApiProperty() unsubscribed: number;
  @ApiProperty() skipped: number;
  @ApiProperty({ type: SkippedByReasonDto, isArray: true }) skippedByReason: SkippedByReasonDto[];
  @ApiProperty({ description: 'answered / invited, 0..1 (0 before anyone is invited)' }) responseRate: number;
}

export class SendDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty({ enum: ['email'] }) channel: 'email';
  @ApiProperty({ enum: SEND_AUDIENCES, enumName: 'SendAudience' }) audience: SendAudience;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) segmentId: string | null;
  @ApiProperty({ type: String, nullable: true }) segmentName: string | null;
  @ApiProperty({ type: SendEventViewDto, nullable: true }) event: SendEventViewDto | null;
  @ApiProperty({ type: String, nullable: true }) language: string | null;
  @ApiProperty() reminderDays: number;
  @ApiProperty({ enum: SEND_STATUSES, enumName: 'SendStatus' }) status: SendStatus;
  @ApiProperty({ type: String, format: 'date-time' }) scheduledAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ description: 'Recipients so far' }) recipientsTotal: number;
  @ApiProperty({ description: 'Of them, invited or skipped so far (progress)' }) recipientsProcessed: number;
  @ApiProperty({ type: SendStatsDto }) stats: SendStatsDto;
}

export class CreatedSendDto {
  @ApiProperty({ type: SendDto }) send: SendDto;
  @ApiProperty({ type: ListReportDto, nullable: true, description: 'audience list: what became of each row' }) report: ListReportDto | null;
}

export class SendPreviewDto {
  @ApiProperty() language: string;
  @ApiProperty({ description: 'The languages the survey has' }) languages: string[];
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'The whole HTML email (show it in a sandboxed iframe)' }) html: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'The first question is a score, so its links are in the email itself' }) scoreInEmail: boolean;
}

export class TestSentDto {
  @ApiProperty() to: string;
  @ApiProperty({ format: 'uuid', description: 'The outbox message' }) messageId: string;
  @ApiProperty({ description: 'queued: in the outbox (email not configured, or waiting for the dispatcher)' }) status: string;
}
