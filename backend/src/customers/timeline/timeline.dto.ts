import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CASE_SOURCES, CASE_STATUSES, type CaseSource, type CaseStatus } from '../../cases/case-rules';
import { SLA_PRIORITIES, type SlaPriority } from '../../sla/clock/policy';
import { COLOUR_STATUSES, STATUS_CHANGE_CAUSES, type ColourStatus, type StatusChangeCause } from '../status/colour-status';
import { LANGUAGE_CODE, SURVEY_KINDS, type SurveyKind } from '@otklik/survey-model';

/** Kinds the built-in sources provide and the ones modules register (mentions, moments). */
export const TIMELINE_KINDS = [
  'response',
  'cancellation',
  'mention',
  'case',
  'moment',
  'customer',
  'warning',
  'status',
  'activity',
  'promise',
  'recovery',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** How a score reads for its survey kind: NPS promoter/passive/detractor, CSAT/CES satisfied/agree or not. */
export const SCORE_BANDS = ['positive', 'neutral', 'negative'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

export const CUSTOMER_EVENTS = ['first_seen', 'consent_granted', 'consent_withdrawn'] as const;
export type CustomerEventType = (typeof CUSTOMER_EVENTS)[number];

export class TimelineQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be between 1 and 100' })
  @Max(100, { message: 'limit must be between 1 and 100' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' }) @IsOptional() @IsString() @MaxLength(400) cursor?: string;

  @ApiPropertyOptional({
    example: 'response,cancellation',
    description: `Comma-separated kinds to include (${TIMELINE_KINDS.join(', ')}); all when omitted`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  kinds?: string;

  @ApiPropertyOptional({
    example: 'ru',
    description: 'Language for reason and offer labels; defaults to Accept-Language, then each label’s default',
  })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'language must be a code like en or ru' })
  language?: string;
}

export class ResponseEventDto {
  @ApiProperty({ enum: ['response'] }) kind: 'response';
  @ApiProperty({ format: 'uuid' }) responseId: string;
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty() surveyName: string;
  @ApiProperty({ enum: SURVEY_KINDS, enumName: 'SurveyKind' }) surveyKind: SurveyKind;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: Number, nullable: true }) scoreScaleMax: number | null;
  @ApiProperty({ enum: SCORE_BANDS, enumName: 'ScoreBand', nullable: true, description: 'null for custom surveys or no score' })
  band: ScoreBand | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ description: 'false for a partial response' }) finished: boolean;
  @ApiProperty({ type: String, nullable: true }) language: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export class TimelineOfferDto {
  @ApiProperty() type: string;
  @ApiProperty({ type: Number, nullable: true }) amount: number | null;
  @ApiProperty({ type: String, nullable: true }) plan: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The offer text in the requested language' }) text: string | null;
}

export class CancellationEventDto {
  @ApiProperty({ enum: ['cancellation'] }) kind: 'cancellation';
  @ApiProperty({ format: 'uuid' }) cancellationId: string;
  @ApiProperty({ format: 'uuid' }) flowId: string;
  @ApiProperty() flowName: string;
  @ApiProperty({ type: String, nullable: true }) reasonKey: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'In the requested language when the reason has it' }) reasonLabel:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Free text for the "other" reason' }) otherText: string | null;
  @ApiProperty({ type: String, nullable: true }) followUp: string | null;
  @ApiProperty({ type: TimelineOfferDto, nullable: true }) offer: TimelineOfferDto | null;
  @ApiProperty({
    enum: ['saved', 'cancelled'],
    enumName: 'CancellationOutcome',
    nullable: true,
    description: 'null: the flow was left unfinished',
  })
  outcome: 'saved' | 'cancelled' | null;
  @ApiProperty({ type: Number, nullable: true, description: 'MRR when the flow finished' }) mrr: number | null;
  @ApiProperty({ type: String, nullable: true }) language: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export class CustomerEventDto {
  @ApiProperty({ enum: ['customer'] }) kind: 'customer';
  @ApiProperty({ enum: CUSTOMER_EVENTS, enumName: 'CustomerEventType' }) event: CustomerEventType;
  @ApiProperty({ enum: ['survey', 'marketing'], nullable: true, description: 'For consent events' }) consent: 'survey' | 'marketing' | null;
  @ApiProperty({ type: String, nullable: true, description: 'How consent was given or withdrawn' }) source: string | null;
}

export class MentionEventDto {
  @ApiProperty({ enum: ['mention'] }) kind: 'mention';
  @ApiProperty({ format: 'uuid' }) mentionId: string;
  @ApiProperty({ example: 'twitter' }) source: string;
  @ApiProperty({ type: String, nullable: true }) author: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ enum: [-1, 0, 1] }) sentiment: number;
  @ApiProperty() language: string;
  @ApiProperty({ description: 'Someone on the team marked it answered' }) answered: boolean;
}

export const CASE_MILESTONES = ['opened', 'first_reply', 'closed', 'reopened'] as const;
export type CaseMilestoneType = (typeof CASE_MILESTONES)[number];

export class CaseMilestoneDto {
  @ApiProperty({ enum: CASE_MILESTONES, enumName: 'CaseMilestoneType' }) type: CaseMilestoneType;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true, description: 'For closed: the root cause given' }) rootCause: string | null;
}

/** One case of the customer with its current state; the full audit trail is on /cases/{caseId}. */
export class CaseTimelineEventDto {
  @ApiProperty({ enum: ['case'] }) kind: 'case';
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: "The workspace's case number" }) number: number;
  @ApiProperty() title: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "As on the case: the dashboard writes the title from it in the reader's language",
  })
  titleKey: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) titleParams: Record<string, unknown>;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ enum: SLA_PRIORITIES }) priority: SlaPriority;
  @ApiProperty({ enum: CASE_SOURCES, description: 'What opened it' }) source: CaseSource;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) touchpointId: string | null;
  @ApiProperty({ type: String, nullable: true }) touchpointName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: unassigned' }) ownerId: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerName: string | null;
  @ApiProperty({ description: 'Reopened after a low follow-up score' }) reopened: boolean;
  @ApiProperty({ description: 'No first reply by its SLA deadline' }) firstResponseBreached: boolean;
  @ApiProperty({ description: 'Not resolved by its SLA deadline' }) resolutionBreached: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstRespondedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'From the latest closing' }) rootCause: string | null;
  @ApiProperty({
    type: CaseMilestoneDto,
    isArray: true,
    description: 'Opened, first reply, closings and reopenings, oldest first (the latest 20)',
  })
  milestones: CaseMilestoneDto[];
}

export const MOMENT_STATUSES = ['pending', 'answered', 'expired'] as const;
export type MomentStatus = (typeof MOMENT_STATUSES)[number];

/** A risky moment a server reported (see customers/moments). */
export class MomentEventDto {
  @ApiProperty({ enum: ['moment'] }) kind: 'moment';
  @ApiProperty({ format: 'uuid' }) momentId: string;
  @ApiProperty({ example: 'renewal_due' }) moment: string;
  @ApiProperty({
    enum: MOMENT_STATUSES,
    enumName: 'MomentStatus',
    description: 'answered: the customer responded to a survey waiting for it',
  })
  status: MomentStatus;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The survey answered' }) surveyName: string | null;
}

/** An early warning that the customer may be leaving (see early-warning). */
export class WarningEventDto {
  @ApiProperty({ enum: ['warning'] }) kind: 'warning';
  @ApiProperty({ format: 'uuid' }) warningId: string;
  @ApiProperty({ enum: ['rhythm_break', 'payments_stopped', 'usage_drop', 'rfm_at_risk'], enumName: 'WarningRule' }) rule: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the rule saw (usual interval, days since, counts, group)' })
  detail: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The "at risk" case it opened' }) caseId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the behaviour came back' }) clearedAt: string | null;
}

/** A move of the customer's colour status (see customers/status). */
export class StatusEventDto {
  @ApiProperty({ enum: ['status'] }) kind: 'status';
  @ApiProperty({ enum: COLOUR_STATUSES, enumName: 'ColourStatus', nullable: true, description: 'Null for the first status' })
  from: ColourStatus | null;
  @ApiProperty({ enum: COLOUR_STATUSES, enumName: 'ColourStatus' }) to: ColourStatus;
  @ApiProperty({ enum: STATUS_CHANGE_CAUSES, enumName: 'StatusChangeCause' }) cause: StatusChangeCause;
  @ApiProperty({ type: String, nullable: true, description: 'The rule that matched (a StatusRule key) or the reason given' })
  detail: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who set or cleared an override' }) actorName: string | null;
}

/** Orders and payments the customer's systems reported (see customers/activity); logins and named events are not listed. */
export const TIMELINE_ACTIVITY_KINDS = ['order', 'payment'] as const;
export type TimelineActivityKind = (typeof TIMELINE_ACTIVITY_KINDS)[number];

export class ActivityTimelineEventDto {
  @ApiProperty({ enum: ['activity'] }) kind: 'activity';
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ description: "The sender's event id" }) eventId: string;
  @ApiProperty({ enum: TIMELINE_ACTIVITY_KINDS, enumName: 'TimelineActivityKind' }) activity: TimelineActivityKind;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: Number, nullable: true }) amount: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'RUB' }) currency: string | null;
}

/** A promise made to the customer (see promises/): its text, due time and where it stands. */
export class PromiseTimelineEventDto {
  @ApiProperty({ enum: ['promise'] }) kind: 'promise';
  @ApiProperty({ format: 'uuid' }) promiseId: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: ['open', 'kept', 'broken', 'cancelled'], enumName: 'PromiseStatus' }) status:
    'open' | 'kept' | 'broken' | 'cancelled';
  @ApiProperty({ type: String, format: 'date-time' }) dueAt: string;
  @ApiProperty({ description: 'Open and past its due time' }) overdue: boolean;
  @ApiProperty({ description: 'Kept after its due time' }) late: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerName: string | null;
}

/** Win-back (see win-back/): affected by a problem that was fixed, told about the fix, came back. */
export class RecoveryTimelineEventDto {
  @ApiProperty({ enum: ['recovery'] }) kind: 'recovery';
  @ApiProperty({ enum: ['fixed', 'told', 'returned'] }) event: 'fixed' | 'told' | 'returned';
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) whatChanged: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['order', 'payment', 'activity', 'resumed', 'manual'] }) returnKind: string | null;
}

export type TimelineDetails =
  | ResponseEventDto
  | CancellationEventDto
  | MentionEventDto
  | CaseTimelineEventDto
  | MomentEventDto
  | CustomerEventDto
  | WarningEventDto
  | StatusEventDto
  | ActivityTimelineEventDto
  | PromiseTimelineEventDto
  | RecoveryTimelineEventDto;

@ApiExtraModels(
  ResponseEventDto,
  CancellationEventDto,
  MentionEventDto,
  CaseTimelineEventDto,
  MomentEventDto,
  CustomerEventDto,
  WarningEventDto,
  StatusEventDto,
  ActivityTimelineEventDto,
  PromiseTimelineEventDto,
  RecoveryTimelineEventDto,
)
export class TimelineItemDto {
  @ApiProperty({ example: 'response:0b6f…', description: 'Unique across kinds' }) id: string;
  @ApiProperty({ enum: TIMELINE_KINDS, enumName: 'TimelineKind' }) kind: TimelineKind;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Survey, flow or case name, mention source, moment name, an order’s or payment’s name; null for customer record events',
  })
  title: string | null;
  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(ResponseEventDto) },
      { $ref: getSchemaPath(CancellationEventDto) },
      { $ref: getSchemaPath(MentionEventDto) },
      { $ref: getSchemaPath(CaseTimelineEventDto) },
      { $ref: getSchemaPath(MomentEventDto) },
      { $ref: getSchemaPath(CustomerEventDto) },
      { $ref: getSchemaPath(WarningEventDto) },
      { $ref: getSchemaPath(StatusEventDto) },
      { $ref: getSchemaPath(ActivityTimelineEventDto) },
      { $ref: getSchemaPath(PromiseTimelineEventDto) },
      { $ref: getSchemaPath(RecoveryTimelineEventDto) },
    ],
    description: 'Per kind; details.kind equals kind',
  })
  details: TimelineDetails;
}

export class TimelinePageDto {
  @ApiProperty({ type: TimelineItemDto, isArray: true, description: 'Newest first' }) items: TimelineItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null at the end' }) nextCursor:
    string | null;
}
