import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsUUID,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NormaliseEmail, Trim } from '../common/http/dto-helpers';
import { SegmentIdQuery } from '../segments/segment-query';
import { RFM_GROUPS, type RfmGroup } from './activity/rfm-groups';
import { COLOUR_STATUSES, OFFER_RESPONSES, type ColourStatus, type OfferResponse } from './status/colour-status';

export const LIFECYCLE_STAGES = ['aware', 'considering', 'buying', 'repeat', 'left'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export const EXTERNAL_ID = /^[^\s/?#][^/?#]{0,199}$/;

export class ConsentDto {
  @ApiProperty() @IsBoolean() granted: boolean;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it was given or withdrawn' })
  @IsDateString({}, { message: 'at must be an ISO date' })
  at: string;
  @ApiProperty({ example: 'checkout checkbox', description: 'How it was given' }) @IsString() @IsNotEmpty() @MaxLength(200) source: string;
}

export class ConsentsDto {
  @ApiPropertyOptional({ type: ConsentDto }) @IsOptional() @ValidateNested() @Type(() => ConsentDto) survey?: ConsentDto;
  @ApiPropertyOptional({ type: ConsentDto }) @IsOptional() @ValidateNested() @Type(() => ConsentDto) marketing?: ConsentDto;
}

/** Fields of a customer; omitted fields keep their stored value. */
export class CustomerFieldsDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @Trim() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @NormaliseEmail()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string;
  @ApiPropertyOptional({ example: '+359 88 123 4567' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,40}$/, { message: 'phone must be digits with optional +, spaces, dashes or brackets' })
  phone?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Merged into the stored attributes' })
  @IsOptional()
  @IsObject({ message: 'attributes must be an object' })
  attributes?: Record<string, unknown>;
  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES, enumName: 'LifecycleStage' })
  @IsOptional()
  @IsIn(LIFECYCLE_STAGES, { message: `lifecycleStage must be one of: ${LIFECYCLE_STAGES.join(', ')}` })
  lifecycleStage?: LifecycleStage;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @Trim() @IsString() @MaxLength(100) segment?: string;
  @ApiPropertyOptional({ minimum: 0, description: 'Monthly recurring revenue' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'mrr must be a number with at most 2 decimals' })
  @Min(0)
  @Max(999_999_999_999)
  mrr?: number;
  @ApiPropertyOptional({ type: ConsentsDto }) @IsOptional() @ValidateNested() @Type(() => ConsentsDto) consents?: ConsentsDto;
  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt({ message: 'orderCount must be a whole number' })
  @Min(0)
  @Max(10_000_000)
  orderCount?: number;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({}, { message: 'firstSeenAt must be an ISO date' })
  firstSeenAt?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({}, { message: 'lastSeenAt must be an ISO date' })
  lastSeenAt?: string;
  @ApiPropertyOptional({ description: 'An organisation (B2B) rather than a person' })
  @IsOptional()
  @IsBoolean({ message: 'isOrganisation must be true or false' })
  isOrganisation?: boolean;
  // The fields below take null to clear them (IsOptional lets null through); omitted, they keep their stored value.
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: "The organisation's decision maker; null clears" })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  decisionMaker?: string | null;
  @ApiPropertyOptional({
    enum: OFFER_RESPONSES,
    enumName: 'OfferResponse',
    nullable: true,
    description: 'What they said to an offer; null clears',
  })
  @IsOptional()
  @IsIn(OFFER_RESPONSES, { message: `offerResponse must be one of: ${OFFER_RESPONSES.join(', ')}` })
  offerResponse?: OfferResponse | null;
  @ApiPropertyOptional({ format: 'date-time', description: 'When they answered the offer (default: now, when the answer changes)' })
  @IsOptional()
  @IsDateString({}, { message: 'offerResponseAt must be an ISO date' })
  offerResponseAt?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  country?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, description: 'Line of business' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A member of the workspace; null clears' })
  @IsOptional()
  @IsUUID('all', { message: 'accountManagerId must be a user id (uuid)' })
  accountManagerId?: string | null;
}

export class BulkCustomerDto extends CustomerFieldsDto {
  @ApiProperty({ maxLength: 200, description: "The customer's id in your systems" })
  @IsString()
  @Matches(EXTERNAL_ID, { message: 'externalId must be 1–200 characters without /, ? or #' })
  externalId: string;
}

export class BulkUpsertDto {
  @ApiProperty({
    type: () => BulkCustomerDto,
    isArray: true,
    description: 'Up to 1000 customers; each row is validated on its own (a bad row is reported, the others are kept)',
  })
  @IsArray({ message: 'customers must be a list' })
  @ArrayMinSize(1, { message: 'customers must not be empty' })
  @ArrayMaxSize(1000, { message: 'send at most 1000 customers per request' })
  customers: unknown[];
}

export class RowErrorDto {
  @ApiProperty({ description: 'Position in the request (0-based)' }) index: number;
  @ApiProperty({ type: String, nullable: true }) externalId: string | null;
  @ApiProperty() field: string;
  @ApiProperty() message: string;
}

export class BulkUpsertResultDto {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty({ type: RowErrorDto, isArray: true, description: 'Rows not stored, with why; all other rows were stored' })
  errors: RowErrorDto[];
}

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Name, or email when the person has no name' }) name: string;
}

export class StatusOverrideDto {
  @ApiProperty({ enum: COLOUR_STATUSES, enumName: 'ColourStatus' }) status: ColourStatus;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) at: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'Null when that user was deleted' }) by: PersonRefDto | null;
}

export class RfmDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) recency: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) frequency: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) monetary: number;
  @ApiProperty({ enum: RFM_GROUPS, enumName: 'RfmGroup', nullable: true }) group: RfmGroup | null;
  @ApiProperty({ type: String, format: 'date-time' }) scoredAt: string;
}

export class CustomerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() externalId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) attributes: Record<string, unknown>;
  @ApiProperty({ enum: LIFECYCLE_STAGES, enumName: 'LifecycleStage' }) lifecycleStage: LifecycleStage;
  @ApiProperty({ type: String, nullable: true }) segment: string | null;
  @ApiProperty() mrr: number;
  @ApiProperty({ type: ConsentsDto }) consents: ConsentsDto;
  @ApiProperty() orderCount: number;
  @ApiProperty({ type: String, format: 'date-time' }) firstSeenAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) lastSeenAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty() isOrganisation: boolean;
  @ApiProperty({ type: String, nullable: true }) decisionMaker: string | null;
  @ApiProperty({ enum: OFFER_RESPONSES, enumName: 'OfferResponse', nullable: true }) offerResponse: OfferResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) offerResponseAt: string | null;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: String, nullable: true }) industry: string | null;
  @ApiProperty({ enum: COLOUR_STATUSES, enumName: 'ColourStatus', description: 'The override when set, else derived by the rules' })
  colourStatus: ColourStatus;
  @ApiProperty({ type: StatusOverrideDto, nullable: true }) statusOverride: StatusOverrideDto | null;
  @ApiProperty({ description: 'Sum of the recorded orders' }) purchaseVolume: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastOrderAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When they stopped; null while active' })
  stoppedAt: string | null;
  @ApiProperty({ type: RfmDto, nullable: true, description: 'Read-only: scored from activity' }) rfm: RfmDto | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) accountManager: PersonRefDto | null;
}

export class ListCustomersQuery {
  @ApiPropertyOptional({ description: 'Matches external id, name or email' }) @IsOptional() @IsString() @MaxLength(200) search?: string;
  @SegmentIdQuery() segmentId?: string;
  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES })
  @IsOptional()
  @IsIn(LIFECYCLE_STAGES, { message: `stage must be one of: ${LIFECYCLE_STAGES.join(', ')}` })
  stage?: LifecycleStage;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) segment?: string;
  @ApiPropertyOptional({ enum: COLOUR_STATUSES, enumName: 'ColourStatus' })
  @IsOptional()
  @IsIn(COLOUR_STATUSES, { message: `colourStatus must be one of: ${COLOUR_STATUSES.join(', ')}` })
  colourStatus?: ColourStatus;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) country?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'accountManagerId must be a user id (uuid)' })
  accountManagerId?: string;
  @ApiPropertyOptional({ enum: RFM_GROUPS, enumName: 'RfmGroup' })
  @IsOptional()
  @IsIn(RFM_GROUPS, { message: `rfmGroup must be one of: ${RFM_GROUPS.join(', ')}` })
  rfmGroup?: RfmGroup;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

export class CustomerPageDto {
  @ApiProperty({ type: CustomerDto, isArray: true }) items: CustomerDto[];
  @ApiProperty() total: number;
}
