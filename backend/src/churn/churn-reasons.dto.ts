import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsLocalizedText } from '../common/http/localized-text.validator';
import { OFFER_TYPES, type LocalizedText, type OfferType } from '@otklik/survey-model';

const LOCALIZED = {
  type: 'object',
  additionalProperties: { type: 'string' },
  example: { en: 'Too expensive', ru: 'Слишком дорого' },
} as const;

export class SaveOfferDto {
  @ApiProperty({ enum: OFFER_TYPES, enumName: 'OfferType' })
  @IsIn(OFFER_TYPES, { message: `offer.type must be one of: ${OFFER_TYPES.join(', ')}` })
  type: OfferType;

  @ApiPropertyOptional({ description: 'pause: weeks; skip: orders; discount: percent' })
  @IsOptional()
  @IsInt({ message: 'offer.amount must be a whole number' })
  @Min(1)
  @Max(100)
  amount?: number;

  @ApiPropertyOptional({ description: 'downgrade: the plan offered' }) @IsOptional() @IsString() @MaxLength(100) plan?: string;

  @ApiProperty(LOCALIZED) @IsLocalizedText(500) text: LocalizedText;
}

class ReasonFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Group reasons roll up into, e.g. price, product; null = none' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9_]{1,60}$/, { message: 'group must be 1–60 of a-z, 0-9 or _' })
  group?: string | null;

  @ApiPropertyOptional({ type: SaveOfferDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SaveOfferDto)
  offer?: SaveOfferDto | null;

  @ApiPropertyOptional({ description: 'Order in the cancellation flow' }) @IsOptional() @IsInt() @Min(0) @Max(1000) position?: number;
}

export class CreateReasonDto extends ReasonFieldsDto {
  @ApiProperty({ example: 'slow_delivery', description: 'Stable key; never changes, so history stays comparable' })
  @Matches(/^[a-z0-9_]{1,60}$/, { message: 'key must be 1–60 of a-z, 0-9 or _' })
  key: string;

  @ApiProperty(LOCALIZED) @IsLocalizedText(200) labels: LocalizedText;

  @ApiProperty({ description: 'Could the company have prevented it?' }) @IsBoolean() avoidable: boolean;
}

export class UpdateReasonDto extends ReasonFieldsDto {
  @ApiPropertyOptional({ ...LOCALIZED, description: 'Renaming changes labels only; the key and history stay' })
  @IsOptional()
  @IsLocalizedText(200)
  labels?: LocalizedText;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() avoidable?: boolean;

  @ApiPropertyOptional({ description: 'Hidden from new flows, kept in history' }) @IsOptional() @IsBoolean() archived?: boolean;
}

export class ReasonDto {
  @ApiProperty() key: string;
  @ApiProperty(LOCALIZED) labels: LocalizedText;
  @ApiProperty() avoidable: boolean;
  @ApiProperty({ type: String, nullable: true }) group: string | null;
  @ApiProperty({ type: SaveOfferDto, nullable: true }) offer: SaveOfferDto | null;
  @ApiProperty() position: number;
  @ApiProperty() archived: boolean;
}
