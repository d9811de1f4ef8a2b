import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Trim } from '../common/http/dto-helpers';
import { MAX_MENTION_TEXT } from './mention-limits';

export { MAX_MENTION_TEXT };
export const MAX_MENTIONS_PER_REQUEST = 1000;
export const SOURCE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,39}$/;

/** One mention as sent by a webhook, the bulk API, a CSV row or a feed item. */
export class MentionInputDto {
  @ApiProperty({
    example: 'twitter',
    description: 'Where it was posted: a lower-case slug such as twitter, vk, telegram, otzovik, google-reviews, rss',
    pattern: SOURCE_PATTERN.source,
  })
  @Trim()
  @IsString()
  @Matches(SOURCE_PATTERN, { message: 'source must be a lower-case slug of letters, digits, ".", "_" or "-" (at most 40), e.g. twitter' })
  source: string;

  @ApiProperty({
    example: '1790000000000000001',
    description: 'The post id at the source; (source, externalId) is unique, so re-sending is harmless',
    maxLength: 300,
  })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  externalId: string;

  @ApiPropertyOptional({ example: 'https://twitter.com/someone/status/1790000000000000001', maxLength: 2000 })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ example: '@someone', maxLength: 300 }) @IsOptional() @Trim() @IsString() @MaxLength(300) author?: string;

  @ApiProperty({ example: 'Курьер опоздал на три часа, поддержка не отвечает', maxLength: MAX_MENTION_TEXT })
  @IsString()
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(MAX_MENTION_TEXT)
  text: string;

  @ApiPropertyOptional({ example: 'ru', description: 'ISO 639-1 code; detected when absent' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z]{2}$/, { message: 'language must be a two-letter ISO 639-1 code such as ru' })
  language?: string;

  @ApiProperty({ example: '2026-11-30T09:15:00Z', format: 'date-time', description: 'When it was posted' })
  @IsISO8601({ strict: true }, { message: 'postedAt must be an ISO 8601 date-time such as 2026-11-30T09:15:00Z' })
  postedAt: string;

  @ApiPropertyOptional({ example: 1200, description: 'Audience size (followers, views), if the source tells' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  reach?: number;

  @ApiPropertyOptional({
    example: '1789999999999999999',
    description: 'externalId of the post this one replies to (same source)',
    maxLength: 300,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  parentExternalId?: string;
}

export class MentionBatchDto {
  @ApiProperty({
    type: [MentionInputDto],
    minItems: 1,
    maxItems: MAX_MENTIONS_PER_REQUEST,
    description: 'Each mention is validated on its own: invalid ones are reported, valid ones stored',
  })
  @IsArray({ message: 'mentions must be a list' })
  @ArrayMinSize(1, { message: 'mentions must not be empty' })
  @ArrayMaxSize(MAX_MENTIONS_PER_REQUEST, { message: `send at most ${MAX_MENTIONS_PER_REQUEST} mentions per request` })
  mentions: unknown[];
}

export class MentionIngestItemDto {
  @ApiProperty({ description: 'Position in the request' }) index: number;
  @ApiProperty({ enum: ['created', 'existing', 'invalid'], description: 'existing: this (source, externalId) was already stored' }) status:
    'created' | 'existing' | 'invalid';
  @ApiPropertyOptional({ format: 'uuid' }) id?: string;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The original this mention copies (repost or near-identical text)',
  })
  duplicateOf?: string | null;
  @ApiPropertyOptional() language?: string;
  @ApiPropertyOptional({ enum: [-1, 0, 1] }) sentiment?: number;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } })
  errors?: { field: string; message: string }[];
}

export class MentionIngestResultDto {
  @ApiProperty() created: number;
  @ApiProperty() existing: number;
  @ApiProperty() invalid: number;
  @ApiProperty({ description: 'Of the created mentions, how many copy an earlier one' }) duplicates: number;
  @ApiProperty({ type: [MentionIngestItemDto] }) items: MentionIngestItemDto[];
}
