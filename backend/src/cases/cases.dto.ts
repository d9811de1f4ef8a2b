import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Trim } from '../common/http/dto-helpers';
import { MESSAGE_CHANNELS, type MessageChannel } from '../messaging/message-types';
import { SLA_CHANNELS, SLA_PRIORITIES } from '../sla/clock';
import { CASE_SOURCES, CASE_STATUSES } from './case-rules';
import type { CaseEventRow, CaseRow } from './cases.repository';
import type { HopRow } from './routing/case-routing-hops.repository';
import { HOP_REASONS, type HopReason, ROUTING_RULES } from './routing/routing-reasons';

const reassignReason = () =>
  ApiPropertyOptional({
    enum: HOP_REASONS,
    enumName: 'ReassignReason',
    description:
      'Why the case moves to another owner or touchpoint; other when not given (wrong_touchpoint and wrong_owner count as misrouting)',
  });
const reasonIsKnown = () => IsIn(HOP_REASONS, { message: `reassignReason must be one of: ${HOP_REASONS.join(', ')}` });

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

export class CreateCaseDto {
  @ApiProperty({ maxLength: 300 }) @Trim() @IsString() @MinLength(1, { message: 'title is required' }) @MaxLength(300) title: string;
  @ApiPropertyOptional({ maxLength: 20000 }) @IsOptional() @IsString() @MaxLength(20000) description?: string;
  @ApiPropertyOptional({ enum: ['manual', 'api'], default: 'manual' }) @IsOptional() @IsIn(['manual', 'api']) source?: 'manual' | 'api';
  @ApiPropertyOptional({ maxLength: 300, description: "Your system's id for the problem; a second case with the same id answers 409" })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  sourceId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() touchpointId?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @Trim() @IsString() @MinLength(1) @MaxLength(200) customerId?: string;
  @ApiPropertyOptional({ enum: SLA_CHANNELS }) @IsOptional() @IsIn(SLA_CHANNELS) channel?: string;
  @ApiPropertyOptional({ enum: SLA_PRIORITIES, description: 'Set by the priority rules when left out' })
  @IsOptional()
  @IsIn(SLA_PRIORITIES)
  priority?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Routed to the touchpoint (team round robin, else owner) when left out' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the problem was reported (e.g. imported from another system); now by default',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  openedAt?: string;
}

export class ListCasesQuery {
  @ApiPropertyOptional({ description: `Comma-separated: ${CASE_STATUSES.join(', ')}` })
  @IsOptional()
  @list()
  @IsIn(CASE_STATUSES, { each: true, message: `status must be among ${CASE_STATUSES.join(', ')}` })
  status?: string[];
  @ApiPropertyOptional({ description: 'me, none (unassigned) or a user id' })
  @IsOptional()
  @ValidateIf((o) => o.owner !== 'me' && o.owner !== 'none')
  @IsUUID(undefined, { message: 'owner must be me, none or a user id' })
  owner?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() touchpoint?: string;
  @ApiPropertyOptional({ description: `Comma-separated: ${SLA_PRIORITIES.join(', ')}` })
  @IsOptional()
  @list()
  @IsIn(SLA_PRIORITIES, { each: true, message: `priority must be among ${SLA_PRIORITIES.join(', ')}` })
  priority?: string[];
  @ApiPropertyOptional({ description: `Comma-separated: ${CASE_SOURCES.join(', ')}` })
  @IsOptional()
  @list()
  @IsIn(CASE_SOURCES, { each: true, message: `source must be among ${CASE_SOURCES.join(', ')}` })
  source?: string[];
  @ApiPropertyOptional({ description: 'Only cases past an SLA deadline (true) or only the others (false)' })
  @IsOptional()
  @bool()
  @IsBoolean()
  breached?: boolean;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class UpdateCaseDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'A member, or null to unassign' })
  @IsOptional()
  @ValidateIf((o) => o.ownerId !== null)
  @IsUUID()
  ownerId?: string | null;
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Move the case to this touchpoint; without ownerId that touchpoint's routing picks the owner",
  })
  @IsOptional()
  @IsUUID('all', { message: 'touchpointId must be a touchpoint id' })
  touchpointId?: string;
  @reassignReason() @IsOptional() @reasonIsKnown() reassignReason?: HopReason;
  @ApiPropertyOptional({ enum: SLA_PRIORITIES }) @IsOptional() @IsIn(SLA_PRIORITIES) priority?: string;
  @ApiPropertyOptional({ enum: ['open', 'waiting_customer'], description: 'waiting_customer pauses the timers; open resumes them' })
  @IsOptional()
  @IsIn(['open', 'waiting_customer'])
  status?: 'open' | 'waiting_customer';
}

export class BulkAssignDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true })
  ids: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) @ValidateIf((o) => o.ownerId !== null) @IsUUID() ownerId: string | null;
  @reassignReason() @IsOptional() @reasonIsKnown() reassignReason?: HopReason;
}

export class BulkAssignResultDto {
  @ApiProperty({ type: [String] }) assigned: string[];
  @ApiProperty({ type: [String] }) notFound: string[];
}

export class ReplyDto {
  @ApiProperty({ maxLength: 20000 }) @Trim() @IsString() @MinLength(1, { message: 'text is required' }) @MaxLength(20000) text: string;
  @ApiPropertyOptional({ enum: SLA_CHANNELS }) @IsOptional() @IsIn(SLA_CHANNELS) channel?: string;
  @ApiPropertyOptional({
    enum: ['agent', 'customer'],
    default: 'agent',
    description: 'agent: our reply (the first meets the first-response target); customer: their answer, resumes a paused case',
  })
  @IsOptional()
  @IsIn(['agent', 'customer'])
  from?: 'agent' | 'customer';
  @ApiPropertyOptional({ description: 'After this reply, wait on the customer (pauses the timers)' })
  @IsOptional()
  @IsBoolean()
  waitForCustomer?: boolean;
  @ApiPropertyOptional({
    description:
      'Our reply: send it to the customer in their channel (true, the default) or only log it (false). A customer who cannot be reached is logged with the reason (delivery.reason), not refused',
  })
  @IsOptional()
  @IsBoolean()
  send?: boolean;
  @ApiPropertyOptional({
    maxLength: 2048,
    description: 'The link of our public answer to a mention or review: required to record it (a `public` message)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'publicUrl must be an http(s) link to the public answer' },
  )
  publicUrl?: string;
  @ApiPropertyOptional({ enum: MESSAGE_CHANNELS, description: "Send by this channel instead of the customer's own" })
  @IsOptional()
  @IsIn(MESSAGE_CHANNELS, { message: `via must be one of: ${MESSAGE_CHANNELS.join(', ')}` })
  via?: MessageChannel;
}

export class CloseCaseDto {
  @ApiPropertyOptional({ description: 'Required' }) @IsOptional() @IsString() @MaxLength(5000) rootCause?: string;
  @ApiPropertyOptional({ description: 'Required' }) @IsOptional() @IsString() @MaxLength(5000) actionTaken?: string;
  @ApiPropertyOptional({ description: 'A churn reason key; required when the customer has left' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  churnReasonKey?: string;
}

export class FollowUpDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) score: number;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) comment?: string;
}

export class BreachCheckDto {
  @ApiProperty() warned: number;
  @ApiProperty() breached: number;
}

export class CaseSyncOutcomeDto {
  @ApiProperty() response: number;
  @ApiProperty() cancellation: number;
  @ApiProperty() mention: number;
  @ApiProperty() cluster: number;
}

export class CaseSettingsDto {
  @ApiProperty({ minimum: 0, description: 'Customers with at least this MRR get high-priority cases (0 turns the rule off)' })
  @Type(() => Number)
  @Min(0)
  @Max(1e12)
  highMrrThreshold: number;
}

export class CasePauseDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) to: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'SLA minutes the first-response timer had left when this wait began (negative: overdue by that much; null: no target)',
  })
  firstResponseMinutesLeft?: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'SLA minutes the resolution timer had left when this wait began (negative: overdue by that much; null: no target)',
  })
  resolutionMinutesLeft?: number | null;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({
    description: 'English title; cases opened from feedback also carry titleKey and titleParams to write it in another language',
  })
  title: string;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['low_score', 'cancellation', 'negative_mention', 'known_issue'],
    description: 'null: a title someone wrote (by hand or through the API)',
  })
  titleKey: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'low_score: kind, score, scale, survey; cancellation: reason (a churn reason key or null); negative_mention: source, author; known_issue: name',
  })
  titleParams: Record<string, unknown>;
  @ApiProperty() description: string;
  @ApiProperty({ enum: CASE_SOURCES }) source: string;
  @ApiProperty({ nullable: true, type: String }) sourceId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) touchpointId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The touchpoint the case opened at' }) firstTouchpointId:
    string | null;
  @ApiProperty({
    enum: ROUTING_RULES,
    nullable: true,
    type: String,
    description: 'How the case got its first owner; null for cases opened before this was recorded',
  })
  routedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) customerId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The customer's name, when known" }) customerName: string | null;
  @ApiProperty() channel: string;
  @ApiProperty({ enum: SLA_PRIORITIES }) priority: string;
  @ApiProperty({
    type: [String],
    description: 'Why the rules chose the priority: known_issue, cancellation, high_mrr, repeated_complaint, set_by_hand',
  })
  priorityReasons: string[];
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty() reopened: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: unassigned' }) ownerId: string | null;
  @ApiProperty({ type: [String] }) escalatedTo: string[];
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: [CasePauseDto] }) pauses: CasePauseDto[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) firstResponseDue: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) firstResponseWarnAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolutionDue: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolutionWarnAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) firstRespondedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) warnedFirstResponseAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) warnedResolutionAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) breachedFirstResponseAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) breachedResolutionAt: string | null;
  @ApiProperty() breached: boolean;
  @ApiProperty({ nullable: true, type: String }) rootCause: string | null;
  @ApiProperty({ nullable: true, type: String }) actionTaken: string | null;
  @ApiProperty({ nullable: true, type: String }) churnReasonKey: string | null;
  @ApiProperty({ nullable: true, type: Number }) followUpCsat: number | null;
  @ApiProperty({ nullable: true, type: String }) followUpComment: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CaseEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['user', 'token', 'system'] }) actorKind: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({
    description:
      'opened, reply, assigned, touchpoint_changed, priority_changed, status_changed, sla_warned, sla_breached, closed, follow_up, reopened',
  })
  kind: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CaseHopDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) hoppedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) fromTouchpointId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) toTouchpointId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) fromOwnerId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) toOwnerId: string | null;
  @ApiProperty({ enum: HOP_REASONS, enumName: 'ReassignReason' }) reason: string;
  @ApiProperty({ enum: ['user', 'token', 'system'] }) actorKind: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
}

export class CaseDetailDto extends CaseDto {
  @ApiProperty({ type: [CaseEventDto] }) events: CaseEventDto[];
  @ApiProperty({ type: [CaseHopDto], description: 'Moves to another touchpoint or owner, oldest first' }) hops: CaseHopDto[];
}

export class CasePageDto {
  @ApiProperty({ type: [CaseDto] }) items: CaseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toCaseDto(c: CaseRow, names: ReadonlyMap<string, string> = new Map()): CaseDto {
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    titleKey: c.titleKey,
    titleParams: c.titleParams ?? {},
    description: c.description,
    source: c.source,
    sourceId: c.sourceId,
    touchpointId: c.touchpointId,
    firstTouchpointId: c.firstTouchpointId,
    routedBy: c.routedBy,
    customerId: c.customerExternalId,
    customerName: (c.customerExternalId && names.get(c.customerExternalId)) || null,
    channel: c.channel,
    priority: c.priority,
    priorityReasons: c.priorityReasons,
    status: c.status,
    reopened: c.reopened,
    ownerId: c.ownerId,
    escalatedTo: c.escalatedTo,
    openedAt: iso(c.openedAt)!,
    pauses: c.pauses,
    firstResponseDue: iso(c.firstResponseDue),
    firstResponseWarnAt: iso(c.firstResponseWarnAt),
    resolutionDue: iso(c.resolutionDue),
    resolutionWarnAt: iso(c.resolutionWarnAt),
    firstRespondedAt: iso(c.firstRespondedAt),
    resolvedAt: iso(c.resolvedAt),
    closedAt: iso(c.closedAt),
    warnedFirstResponseAt: iso(c.warnedFirstResponseAt),
    warnedResolutionAt: iso(c.warnedResolutionAt),
    breachedFirstResponseAt: iso(c.breachedFirstResponseAt),
    breachedResolutionAt: iso(c.breachedResolutionAt),
    breached: c.breachedFirstResponseAt !== null || c.breachedResolutionAt !== null,
    rootCause: c.rootCause,
    actionTaken: c.actionTaken,
    churnReasonKey: c.churnReasonKey,
    followUpCsat: c.followUpCsat,
    followUpComment: c.followUpComment,
    createdAt: iso(c.createdAt)!,
    updatedAt: iso(c.updatedAt)!,
  };
}

export const toCaseEventDto = (e: CaseEventRow): CaseEventDto => ({ ...e, createdAt: iso(e.createdAt)! });

export const toCaseHopDto = ({ caseId: _caseId, ...h }: HopRow): CaseHopDto => ({ ...h, hoppedAt: iso(h.hoppedAt)! });
