import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../common/http/dto-helpers';
import { GATEWAY_CHANNELS } from '../message-types';

export class GatewayInboundDto {
  @ApiProperty({ enum: GATEWAY_CHANNELS })
  @IsIn(GATEWAY_CHANNELS, { message: `channel must be one of: ${GATEWAY_CHANNELS.join(', ')}` })
  channel: (typeof GATEWAY_CHANNELS)[number];
  @ApiProperty({ maxLength: 200, description: 'The sender: phone number, chat id or username' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'from is required' })
  @MaxLength(200)
  from: string;
  @ApiProperty({ maxLength: 20000 }) @IsString() @MinLength(1, { message: 'text is required' }) @MaxLength(20000) text: string;
  @ApiPropertyOptional({ maxLength: 200, description: "The customer's id in your system, when the gateway knows it" })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  customerExternalId?: string;
  @ApiPropertyOptional({
    maxLength: 998,
    description: 'The message of ours this answers: its id (message.requested data.messageId) or its Message-ID',
  })
  @IsOptional()
  @IsString()
  @MaxLength(998)
  inReplyTo?: string;
}

export class InboundResultDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The stored inbound message (null for a bounce report)' })
  id: string | null;
  @ApiProperty({
    enum: ['matched', 'unmatched', 'auto_reply', 'bounce'],
    description:
      'matched: landed on a case; unmatched: kept in the inbox; auto_reply: an autoresponder (out of office), kept but not landed; bounce: a delivery failure report was applied',
  })
  outcome: 'matched' | 'unmatched' | 'auto_reply' | 'bounce';
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) caseId: string | null;
  @ApiProperty({ enum: ['thread', 'customer'], nullable: true, type: String, description: 'How the case was found' })
  matchedBy: 'thread' | 'customer' | null;
  @ApiProperty({ nullable: true, type: String, description: 'The customer the sender was matched to' }) customerExternalId: string | null;
  @ApiPropertyOptional({ description: 'A bounce: the address now suppressed' }) bouncedAddress?: string;
  @ApiPropertyOptional({
    description:
      "false: the sender's address was not authenticated (no dkim/dmarc/spf pass for the From domain in the provider's " +
      'Authentication-Results), so the mail was matched only by its thread, never by the address; shown as "sender not verified"',
  })
  senderVerified?: boolean;
}
