import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../common/http/dto-helpers';
import { ALL_EVENTS, WEBHOOK_EVENT_TYPES } from './event-types';

const EVENT_CHOICES = [ALL_EVENTS, ...WEBHOOK_EVENT_TYPES];
const DELIVERY_STATUSES = ['pending', 'sending', 'succeeded', 'failed'] as const;

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://billing.example.com/hooks/otklik',
    description: 'HTTPS (or HTTP) URL that receives POSTed events',
    maxLength: 2000,
  })
  @Trim()
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @Trim() @IsString() @MaxLength(500) description?: string;

  @ApiProperty({ enum: EVENT_CHOICES, isArray: true, description: 'Event types to receive; "*" for all, including future ones' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_CHOICES.length)
  @IsIn(EVENT_CHOICES, { each: true, message: `each value in events must be one of: ${EVENT_CHOICES.join(', ')}` })
  events: string[];

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Trim() @IsString() @MaxLength(2000) url?: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @Trim() @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional({ enum: EVENT_CHOICES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_CHOICES.length)
  @IsIn(EVENT_CHOICES, { each: true, message: `each value in events must be one of: ${EVENT_CHOICES.join(', ')}` })
  events?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: EVENT_CHOICES, isArray: true }) events: string[];
  @ApiProperty() enabled: boolean;
  @ApiProperty({ description: 'Deliveries waiting or being sent' }) pending: number;
  @ApiProperty({ description: 'Deliveries that ran out of attempts' }) failed: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastDeliveryAt: string | null;
  @ApiProperty({ type: String, enum: DELIVERY_STATUSES, nullable: true }) lastStatus: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class WebhookSecretDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Signing secret (Standard Webhooks format)' })
  secret: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'Signing secret; shown here and on request by admins' }) secret: string;
}

export class EventTypeDto {
  @ApiProperty() type: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'Whether Otklik sends this event yet (others arrive with later features)' }) live: boolean;
}

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES }) @IsOptional() @IsIn(DELIVERY_STATUSES) status?: (typeof DELIVERY_STATUSES)[number];
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The event id, sent as webhook-id; the same on retries and replays' }) eventId: string;
  @ApiProperty() eventType: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the next attempt is due (pending only)' })
  nextAttemptAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) lastStatusCode: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Response time of the last attempt' }) lastDurationMs: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) replayOf: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] }) items: DeliveryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AttemptDto {
  @ApiProperty() attempt: number;
  @ApiProperty({ type: String, format: 'date-time' }) attemptedAt: string;
  @ApiProperty({ type: Number, nullable: true }) statusCode: number | null;
  @ApiProperty() durationMs: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: String, nullable: true }) responseExcerpt: string | null;
}

export class DeliveryDetailDto extends DeliveryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The JSON body sent' }) payload: Record<string, unknown>;
  @ApiProperty({ type: [AttemptDto] }) attemptLog: AttemptDto[];
}
