import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { EXTERNAL_ID } from '../customers.dto';
import { ACTIVITY_KINDS, type ActivityKind } from './rfm-groups';

/** The sender's id of the event: 1–200 printable characters, no surrounding spaces. */
export const EVENT_ID = /^\S(?:[^\p{Cc}]{0,198}\S)?$/u;
/** A named event's name: a lower-case slug, safe in URLs, CSV cells and logs. */
export const EVENT_NAME = /^[a-z0-9][a-z0-9_.-]{0,99}$/;
/** ISO 4217 codes as the runtime's ICU knows them. */
const CURRENCIES: readonly string[] = Intl.supportedValuesOf('currency');
/** An event may be dated at most a day ahead (clock skew, time zones); anything later is a mistake. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
const EARLIEST = Date.UTC(1990, 0, 1);
/** Below numeric(14,2)'s ceiling with room for the customer's running purchase volume. */
export const MAX_AMOUNT = 999_999_999;

const MONEY_KINDS: readonly ActivityKind[] = ['order', 'payment'];

@ValidatorConstraint({ name: 'plausibleTime' })
class PlausibleTime implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    const time = typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isFinite(time) && time >= EARLIEST && time <= Date.now() + MAX_FUTURE_MS;
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be after 1990 and at most one day in the future`;
  }
}

@ValidatorConstraint({ name: 'moneyKind' })
class MoneyKind implements ValidatorConstraintInterface {
  validate(_: unknown, args: ValidationArguments): boolean {
    return MONEY_KINDS.includes((args.object as ActivityEventDto).kind);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} is only for orders and payments`;
  }
}

/** One event a customer's system reports. */
export class ActivityEventDto {
  @ApiProperty({ maxLength: 200, description: 'Your id of the event; sending it again is safe (idempotent)' })
  @IsString()
  @Matches(EVENT_ID, { message: 'eventId must be 1–200 printable characters without surrounding spaces' })
  eventId: string;

  @ApiProperty({ enum: ACTIVITY_KINDS, enumName: 'ActivityKind' })
  @IsIn(ACTIVITY_KINDS, { message: `kind must be one of: ${ACTIVITY_KINDS.join(', ')}` })
  kind: ActivityKind;

  @ApiPropertyOptional({ maxLength: 100, example: 'report_exported', description: "Required for kind 'event': a lower-case slug" })
  @ValidateIf((event: ActivityEventDto) => event.kind === 'event' || event.name !== undefined)
  @IsString({ message: "name is required for kind 'event'" })
  @Matches(EVENT_NAME, { message: 'name must be a lower-case slug of up to 100 letters, digits, _, . or -' })
  name?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_AMOUNT, description: 'Required for orders; payments may carry it; 2 decimals at most' })
  @ValidateIf((event: ActivityEventDto) => event.kind === 'order' || event.amount !== undefined)
  @Validate(MoneyKind)
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }, { message: 'amount must be a number with at most 2 decimals' })
  @Min(0)
  @Max(MAX_AMOUNT)
  amount?: number;

  @ApiPropertyOptional({ example: 'EUR', description: 'ISO 4217 code of the amount' })
  @IsOptional()
  @Validate(MoneyKind)
  @IsIn(CURRENCIES, { message: 'currency must be an ISO 4217 code such as EUR or RUB' })
  currency?: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'When it happened; at most one day in the future' })
  @IsISO8601({ strict: true }, { message: 'occurredAt must be an ISO date-time' })
  @Validate(PlausibleTime)
  occurredAt: string;
}

/** A bulk or CSV row: the event and whose it is. */
export class BulkActivityEventDto extends ActivityEventDto {
  @ApiProperty({ maxLength: 200, description: "The customer's id in your systems" })
  @IsString()
  @Matches(EXTERNAL_ID, { message: 'customerExternalId must be 1–200 characters without /, ? or #' })
  customerExternalId: string;
}

export class BulkActivityDto {
  @ApiProperty({
    type: () => BulkActivityEventDto,
    isArray: true,
    description: 'Up to 1000 events; each row is validated on its own (a bad row is reported, the others are stored)',
  })
  @IsArray({ message: 'events must be a list' })
  @ArrayMinSize(1, { message: 'events must not be empty' })
  @ArrayMaxSize(1000, { message: 'send at most 1000 events per request' })
  events: unknown[];
}

export class StoredActivityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() customerExternalId: string;
  @ApiProperty() eventId: string;
  @ApiProperty({ enum: ACTIVITY_KINDS, enumName: 'ActivityKind' }) kind: ActivityKind;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: Number, nullable: true }) amount: number | null;
  @ApiProperty({ type: String, nullable: true }) currency: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt: string;
}

export class ActivityRowErrorDto {
  @ApiProperty({ description: 'Position in the request or file (0-based data row)' }) index: number;
  @ApiProperty({ type: String, nullable: true }) customerExternalId: string | null;
  @ApiProperty({ type: String, nullable: true }) eventId: string | null;
  @ApiProperty() field: string;
  @ApiProperty({ description: 'validation_failed, customer_not_found or event_id_reused' }) code: string;
  @ApiProperty() message: string;
}

export class BulkActivityResultDto {
  @ApiProperty({ description: 'New events stored' }) created: number;
  @ApiProperty({ description: 'Events already stored with the same content (nothing changed)' }) unchanged: number;
  @ApiProperty({ type: ActivityRowErrorDto, isArray: true, description: 'Rows not stored, with why; all other rows were stored' })
  errors: ActivityRowErrorDto[];
}

export class RecentActivityQuery {
  @ApiPropertyOptional({
    type: String,
    description: `Comma-separated kinds (${ACTIVITY_KINDS.join(', ')}); all when omitted`,
    example: 'order,payment',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((kind) => kind.trim()) : value))
  @IsIn(ACTIVITY_KINDS, { each: true, message: `kinds must be a comma-separated list of: ${ACTIVITY_KINDS.join(', ')}` })
  kinds?: ActivityKind[];
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;
}

export class RecentActivityDto {
  @ApiProperty({ type: StoredActivityDto, isArray: true, description: 'Newest first' }) items: StoredActivityDto[];
}

export class ImportActivityResultDto extends BulkActivityResultDto {
  @ApiProperty({ description: 'Data rows read from the file' }) rows: number;
  @ApiProperty({ description: 'Row errors beyond the first 500, counted but not listed' }) errorsOmitted: number;
}
