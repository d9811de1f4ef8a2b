import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CursorPageQuery, cursorPageQuery } from '../common/http/cursor-page.query';
import { Trim } from '../common/http/dto-helpers';
import {
  MESSAGE_CHANNELS,
  MESSAGE_PURPOSES,
  MESSAGE_STATUSES,
  type MessageChannel,
  type MessagePurpose,
  type MessageStatus,
} from './message-types';

const SENDABLE_CHANNELS = ['email', 'sms', 'telegram', 'whatsapp'] as const;
export type SendableChannel = (typeof SENDABLE_CHANNELS)[number];
const DELIVERY_STATUSES = ['delivered', 'failed', 'bounced'] as const;
export type DeliveryReportStatus = (typeof DELIVERY_STATUSES)[number];

/** One line, no control characters and no characters that end a mailbox phrase: nothing can be smuggled into a header. */
const HEADER_SAFE = /^[^\p{Cc}<>"\\]*$/u;
const emptyToNull = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));

export class ListMessagesQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES, { message: `status must be one of: ${MESSAGE_STATUSES.join(', ')}` })
  status?: MessageStatus;
  @ApiPropertyOptional({ enum: MESSAGE_CHANNELS })
  @IsOptional()
  @IsIn(MESSAGE_CHANNELS, { message: `channel must be one of: ${MESSAGE_CHANNELS.join(', ')}` })
  channel?: MessageChannel;
  @ApiPropertyOptional({ enum: ['outbound', 'inbound'] })
  @IsOptional()
  @IsIn(['outbound', 'inbound'], { message: 'direction must be outbound or inbound' })
  direction?: 'outbound' | 'inbound';
  @ApiPropertyOptional({ description: "The customer's external id" })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'customer must be at most 200 characters' })
  customer?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Messages of this case' })
  @IsOptional()
  @IsUUID('all', { message: 'case must be a case id' })
  case?: string;
}

export class HoldReasonDto {
  @ApiProperty({
    description: 'open_complaint, recent_cancellation, recent_sla_breach, contacted_recently, consent_withdrawn, address_bounced',
  })
  code: string;
  @ApiProperty({ type: String, nullable: true }) until: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) caseId?: string | null;
}

export class MessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['outbound', 'inbound'] }) direction: 'outbound' | 'inbound';
  @ApiProperty({ enum: MESSAGE_CHANNELS }) channel: MessageChannel;
  @ApiProperty({ enum: MESSAGE_PURPOSES }) purpose: MessagePurpose;
  @ApiProperty({ enum: MESSAGE_STATUSES }) status: MessageStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Email address, phone, chat id, or the public answer’s URL' }) to:
    string | null;
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty({ type: String, nullable: true }) customerExternalId: string | null;
  @ApiProperty() language: string;
  @ApiProperty({ type: String, nullable: true }) subject: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true }) caseId: string | null;
  @ApiProperty({ type: String, nullable: true }) invitationRecipientId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'RFC 5322 Message-ID' }) messageId: string | null;
  @ApiProperty({ type: String, nullable: true }) inReplyTo: string | null;
  @ApiProperty({ type: HoldReasonDto, isArray: true, description: 'Why the contact policy holds it (status held)' })
  holdReasons: HoldReasonDto[];
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Queued or held: when it is tried next' }) nextAttemptAt: string | null;
  @ApiProperty({ type: String, nullable: true }) sendAfter: string | null;
  @ApiProperty({ type: String, nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, nullable: true }) deliveredAt: string | null;
  @ApiProperty({ type: String, nullable: true }) bouncedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) failedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: string;
}

export class MessagePageDto {
  @ApiProperty({ type: MessageDto, isArray: true }) items: MessageDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page' }) nextCursor: string | null;
}

export class MessagePreviewDto {
  @ApiProperty({ type: String, nullable: true, description: 'Email: the rendered HTML part (show it sandboxed)' }) html: string | null;
  @ApiProperty({ description: 'The plain-text part, or the gateway’s text' }) text: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Email headers as they are sent' })
  headers: Record<string, string>;
}

export class MessageDetailDto extends MessageDto {
  @ApiProperty({ type: MessagePreviewDto }) preview: MessagePreviewDto;
}

export class SendMessageDto {
  @ApiProperty({ maxLength: 200, description: "The customer's external id: the address for the channel comes from their record" })
  @Trim()
  @IsString({ message: 'customerExternalId must be text' })
  @MinLength(1, { message: 'customerExternalId is required' })
  @MaxLength(200, { message: 'customerExternalId must be at most 200 characters' })
  customerExternalId: string;
  @ApiProperty({ enum: SENDABLE_CHANNELS })
  @IsIn(SENDABLE_CHANNELS, { message: `channel must be one of: ${SENDABLE_CHANNELS.join(', ')}` })
  channel: SendableChannel;
  @ApiPropertyOptional({ enum: MESSAGE_PURPOSES, default: 'service' })
  @IsOptional()
  @IsIn(MESSAGE_PURPOSES, { message: `purpose must be one of: ${MESSAGE_PURPOSES.join(', ')}` })
  purpose?: MessagePurpose;
  @ApiPropertyOptional({ maxLength: 200, description: 'Required for email' })
  @ValidateIf((o: SendMessageDto) => o.channel === 'email' || o.subject !== undefined)
  @Trim()
  @IsString({ message: 'subject is required for an email' })
  @MinLength(1, { message: 'subject is required for an email' })
  @MaxLength(200, { message: 'subject must be at most 200 characters' })
  @Matches(/^[^\r\n]*$/, { message: 'subject must be one line' })
  subject?: string;
  @ApiProperty({ maxLength: 10000 })
  @IsString({ message: 'text must be text' })
  @MinLength(1, { message: 'text is required' })
  @MaxLength(10000, { message: 'text must be at most 10000 characters' })
  text: string;
  @ApiPropertyOptional({ description: 'The language the text is written in (en, ru, bg…); default en', default: 'en' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { message: 'language must be a language tag like en, ru or pt-BR' })
  language?: string;
}

export class DeliveryReportDto {
  @ApiProperty({ enum: DELIVERY_STATUSES })
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of: ${DELIVERY_STATUSES.join(', ')}` })
  status: DeliveryReportStatus;
  @ApiPropertyOptional({ maxLength: 1000, description: "The gateway's reason when it failed or bounced" })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'error must be at most 1000 characters' })
  error?: string;
}

export class MessagingStatusEmailDto {
  @ApiProperty({ description: 'SMTP_URL is set: emails are sent; otherwise they wait in the outbox' }) configured: boolean;
  @ApiProperty({ description: 'The sender emails go out with, "Name <address>"' }) from: string;
}

export class MessagingStatusDto {
  @ApiProperty({ type: MessagingStatusEmailDto }) email: MessagingStatusEmailDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Messages per status (absent = 0)' })
  counts: Record<string, number>;
}

export class MessagingSettingsDto {
  @ApiProperty({ type: String, nullable: true, description: "Sender name; null = the workspace's name" }) fromName: string | null;
  @ApiProperty({ type: String, nullable: true, description: "Sender address; null = the instance's MAIL_FROM" }) fromAddress: string | null;
  @ApiProperty({ type: String, nullable: true }) replyTo: string | null;
  @ApiProperty({ description: '#rrggbb' }) brandColour: string;
  @ApiProperty({ description: 'What emails go out as now, "Name <address>"' }) effectiveFrom: string;
  @ApiProperty({ description: 'An inbound secret exists (reveal it to create one)' }) inboundSecretSet: boolean;
}

export class MessagingSettingsInputDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @emptyToNull()
  @ValidateIf((_o, value) => value !== null)
  @IsString({ message: 'fromName must be text' })
  @MaxLength(100, { message: 'fromName must be at most 100 characters' })
  @Matches(HEADER_SAFE, { message: 'fromName must be one line without < > " or \\' })
  fromName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 254 })
  @IsOptional()
  @emptyToNull()
  @ValidateIf((_o, value) => value !== null)
  @MaxLength(254, { message: 'fromAddress must be at most 254 characters' })
  @IsEmail({}, { message: 'fromAddress must be an email address' })
  fromAddress?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 254 })
  @IsOptional()
  @emptyToNull()
  @ValidateIf((_o, value) => value !== null)
  @MaxLength(254, { message: 'replyTo must be at most 254 characters' })
  @IsEmail({}, { message: 'replyTo must be an email address' })
  replyTo?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '#4f46e5' })
  @IsOptional()
  @emptyToNull()
  @ValidateIf((_o, value) => value !== null)
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'brandColour must look like #1a2b3c' })
  brandColour?: string | null;
}

export class InboundSecretDto {
  @ApiProperty({
    description: 'Signs the inbound endpoints’ requests (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature)',
  })
  secret: string;
}

/** Its cursor carries an address (up to 320 characters), hence the longer limit. */
export class ListSuppressionsQuery extends cursorPageQuery({ cursorMaxLength: 600 }) {}

export class SuppressionDto {
  @ApiProperty({ description: 'The address, lower-case' }) address: string;
  @ApiProperty({ enum: ['bounced', 'complained'] }) reason: 'bounced' | 'complained';
  @ApiProperty({ type: String, nullable: true, description: "The server's refusal or the bounce report's reason" }) detail: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The message that bounced' }) messageId: string | null;
  @ApiProperty() createdAt: string;
}

export class SuppressionPageDto {
  @ApiProperty({ type: SuppressionDto, isArray: true }) items: SuppressionDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page' }) nextCursor: string | null;
}
