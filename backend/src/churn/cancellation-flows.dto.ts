import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsLocalizedText } from '../common/http/localized-text.validator';
import { LANGUAGE_CODE, OFFER_TYPES, type LocalizedText } from '@otklik/survey-model';
import { SaveOfferDto } from './churn-reasons.dto';
import { Trim } from '../common/http/dto-helpers';
import { CUSTOMER_HASH, CUSTOMER_HASH_DOC, CUSTOMER_HASH_MESSAGE } from '../surveys/public.dto';

const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i;
const REASON_KEY = /^[a-z0-9_]{1,60}$/;
const LOCALIZED = { type: 'object', additionalProperties: { type: 'string' }, example: { en: 'What could we have done better?' } } as const;

/** A save offer for one reason in one flow, replacing the taxonomy's offer for that reason. */
export class FlowOfferDto {
  @ApiProperty({ example: 'too_expensive' }) @Matches(REASON_KEY, { message: 'offers[].reasonKey must be a reason key' }) reasonKey: string;

  @ApiProperty({ type: SaveOfferDto, nullable: true, description: 'null: no offer for this reason in this flow' })
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => SaveOfferDto)
  offer: SaveOfferDto | null;
}

class FlowFieldsDto {
  @ApiPropertyOptional({ example: ['en', 'ru'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(LANGUAGE_CODE, { each: true, message: 'each language must be a code like en, ru, bg, de' })
  languages?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'defaultLanguage must be a code like en' })
  defaultLanguage?: string;

  @ApiPropertyOptional({ example: ['https://app.example.com'], description: 'Sites allowed to embed it; empty = any' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(ORIGIN, { each: true, message: 'each allowed origin must look like https://app.example.com (no path)' })
  allowedOrigins?: string[];

  @ApiPropertyOptional({ description: 'Reason keys offered, in order; empty = every active reason' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(REASON_KEY, { each: true, message: 'each reason key must be 1–60 of a-z, 0-9 or _' })
  reasonKeys?: string[];

  @ApiPropertyOptional({ description: 'Show the optional follow-up question after the reason (default on)' })
  @IsOptional()
  @IsBoolean()
  followUpEnabled?: boolean;

  @ApiPropertyOptional({ ...LOCALIZED, nullable: true, description: 'The follow-up question per language; null = the standard text' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsLocalizedText(300)
  followUpQuestion?: LocalizedText | null;

  @ApiPropertyOptional({
    type: FlowOfferDto,
    isArray: true,
    description: "This flow's save offers; a reason not listed keeps the taxonomy's offer. Replaces the whole list.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FlowOfferDto)
  offers?: FlowOfferDto[];

  @ApiPropertyOptional({ description: 'Shuffle the reasons for each respondent ("Other" stays last)' })
  @IsOptional()
  @IsBoolean()
  randomizeReasons?: boolean;

  @ApiPropertyOptional({
    description:
      'Refuse a run whose customerId comes without a valid customerHash (default on: a cancelled run marks its customer as left)',
  })
  @IsOptional()
  @IsBoolean()
  requireVerifiedCustomer?: boolean;
}

export class CreateFlowDto extends FlowFieldsDto {
  @ApiProperty({ example: 'Subscription cancellation' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    enum: ['live', 'paused'],
    description: 'Default live; the dashboard builder starts paused and publishes when ready',
  })
  @IsOptional()
  @IsIn(['live', 'paused'], { message: 'status must be live or paused' })
  status?: 'live' | 'paused';
}

export class UpdateFlowDto extends FlowFieldsDto {
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: ['live', 'paused'] })
  @IsOptional()
  @IsIn(['live', 'paused'], { message: 'status must be live or paused' })
  status?: 'live' | 'paused';
}

export class FlowDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() publicKey: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['live', 'paused'] }) status: 'live' | 'paused';
  @ApiProperty({ type: String, isArray: true }) languages: string[];
  @ApiProperty() defaultLanguage: string;
  @ApiProperty({ type: String, isArray: true }) allowedOrigins: string[];
  @ApiProperty({ type: String, isArray: true }) reasonKeys: string[];
  @ApiProperty() randomizeReasons: boolean;
  @ApiProperty() requireVerifiedCustomer: boolean;
  @ApiProperty() followUpEnabled: boolean;
  @ApiProperty({ ...LOCALIZED, description: "Empty: the standard question in the respondent's language" }) followUpQuestion: LocalizedText;
  @ApiProperty({ type: FlowOfferDto, isArray: true }) offers: FlowOfferDto[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class SubmitCancellationDto {
  @ApiProperty({ description: 'Client-generated, one per flow run; repeat it on every call' })
  @Matches(/^[\w-]{8,64}$/, { message: 'idempotencyKey must be 8–64 letters, digits, _ or -' })
  idempotencyKey: string;

  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) customerId?: string;

  @ApiPropertyOptional(CUSTOMER_HASH_DOC) @IsOptional() @Matches(CUSTOMER_HASH, CUSTOMER_HASH_MESSAGE) customerHash?: string;

  @ApiPropertyOptional({ example: 'too_expensive' })
  @IsOptional()
  @Matches(/^[a-z0-9_]{1,60}$/, { message: 'reasonKey must be a reason key' })
  reasonKey?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'The text for "Other"' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  otherText?: string;

  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) followUp?: string;

  @ApiPropertyOptional({ description: 'Whether the save offer was accepted' }) @IsOptional() @IsBoolean() offerAccepted?: boolean;

  @ApiProperty({ description: 'true on the last step: the outcome is then recorded' }) @IsBoolean() finished: boolean;

  @ApiPropertyOptional() @IsOptional() @Matches(LANGUAGE_CODE, { message: 'language must be a code like en or ru' }) language?: string;
}

export class CancellationRecordedDto {
  @ApiProperty({ format: 'uuid' }) cancellationId: string;
  @ApiProperty() finished: boolean;
  @ApiProperty({ type: String, nullable: true, enum: ['saved', 'cancelled'] }) outcome: 'saved' | 'cancelled' | null;
}

class PublicOfferDto {
  @ApiProperty({ enum: OFFER_TYPES }) type: string;
  @ApiPropertyOptional() amount?: number;
  @ApiPropertyOptional() plan?: string;
  @ApiProperty({ description: 'In the chosen language' }) text: string;
}

class PublicReasonDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: PublicOfferDto, nullable: true }) offer: PublicOfferDto | null;
}

class CancellationUiTextDto {
  @ApiProperty() title: string;
  @ApiProperty() otherPlaceholder: string;
  @ApiProperty({ description: 'Empty when the flow has no follow-up step' }) followUp: string;
  @ApiProperty() next: string;
  @ApiProperty() accept: string;
  @ApiProperty() decline: string;
  @ApiProperty() savedConfirmation: string;
  @ApiProperty() cancelledConfirmation: string;
  @ApiProperty() close: string;
}

/** What cancel.js renders: the public GET answer, also the builder preview's. */
export class PublicFlowConfigDto {
  @ApiProperty() publicKey: string;
  @ApiProperty() language: string;
  @ApiProperty({ enum: ['ltr', 'rtl'] }) direction: 'ltr' | 'rtl';
  @ApiProperty({ type: PublicReasonDto, isArray: true }) reasons: PublicReasonDto[];
  @ApiProperty({ type: CancellationUiTextDto }) ui: CancellationUiTextDto;
}
