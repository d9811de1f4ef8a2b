import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import type { MessageView } from '../../messaging/message-view';
import { MESSAGE_CHANNELS, MESSAGE_STATUSES } from '../../messaging/message-types';
import { CaseDto } from '../cases.dto';
import type { ReplyDelivery, ReplyPlan } from './case-reply-delivery';

export class ReplyPlanQuery {
  @ApiPropertyOptional({ enum: MESSAGE_CHANNELS, description: "The agent's choice of channel; the customer's own when left out" })
  @IsOptional()
  @IsIn(MESSAGE_CHANNELS, { message: `via must be one of: ${MESSAGE_CHANNELS.join(', ')}` })
  via?: (typeof MESSAGE_CHANNELS)[number];
  @ApiPropertyOptional({ maxLength: 2048, description: 'The link of the public answer (mentions)' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'publicUrl must be an http(s) link' })
  publicUrl?: string;
}

export class ReplyPlanDto {
  @ApiProperty({ enum: MESSAGE_CHANNELS, nullable: true, type: String }) channel: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The address, gateway recipient or public link; null: cannot be reached' })
  to: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['no_customer', 'no_address', 'public_url_missing'],
    description: 'Why the reply could only be logged',
  })
  unreachable: string | null;
  @ApiProperty({ description: "The customer's language (en, ru, bg, …)" }) language: string;
  @ApiProperty({ nullable: true, type: String }) subject: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The Message-ID the reply threads under' }) inReplyTo: string | null;
}

export class ReplyDeliveryDto {
  @ApiProperty({ description: 'true: queued to the customer (see status); false: logged only (see reason)' }) sent: boolean;
  @ApiProperty({ enum: MESSAGE_CHANNELS, nullable: true, type: String }) channel: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'The message (GET …/cases/{id}/messages lists it)' }) messageId?: string;
  @ApiPropertyOptional() to?: string;
  @ApiPropertyOptional() language?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) subject?: string | null;
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES }) status?: string;
  @ApiPropertyOptional({ enum: ['not_requested', 'no_customer', 'no_address', 'public_url_missing'] }) reason?: string;
}

export class ReplyResultDto extends CaseDto {
  @ApiProperty({ type: ReplyDeliveryDto, nullable: true, description: "Where our reply went; null for the customer's reply" })
  delivery: ReplyDeliveryDto | null;
}

export class CaseMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['outbound', 'inbound'], description: 'outbound: ours; inbound: the customer’s' }) direction: string;
  @ApiProperty({ enum: MESSAGE_CHANNELS }) channel: string;
  @ApiProperty({ enum: MESSAGE_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String, description: "Recipient (email, phone, chat id) or, for public, the answer's link" })
  to: string | null;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty() language: string;
  @ApiProperty({ nullable: true, type: String }) subject: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) messageId: string | null;
  @ApiProperty({ nullable: true, type: String }) inReplyTo: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it bounced or failed' }) lastError: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) createdBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) bouncedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) failedAt: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const toCaseMessageDto = (m: MessageView): CaseMessageDto => ({
  id: m.id,
  direction: m.direction,
  channel: m.channel,
  status: m.status,
  to: m.to,
  from: m.from,
  language: m.language,
  subject: m.subject,
  text: m.text,
  messageId: m.messageId,
  inReplyTo: m.inReplyTo,
  lastError: m.lastError,
  createdBy: m.createdBy,
  createdAt: iso(m.createdAt)!,
  sentAt: iso(m.sentAt),
  deliveredAt: iso(m.deliveredAt),
  bouncedAt: iso(m.bouncedAt),
  failedAt: iso(m.failedAt),
});

export const toReplyPlanDto = (plan: ReplyPlan): ReplyPlanDto => ({
  channel: plan.route.channel,
  to: plan.route.to,
  unreachable: plan.route.to === null ? plan.route.unreachable : null,
  language: plan.language,
  subject: plan.subject,
  inReplyTo: plan.inReplyTo,
});

export const toReplyDeliveryDto = (d: ReplyDelivery | null): ReplyDeliveryDto | null => d && { ...d };
