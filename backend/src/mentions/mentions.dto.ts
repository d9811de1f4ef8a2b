import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Trim } from '../common/http/dto-helpers';
import { PUBLIC_STAGES } from '../common/recovery/mention-stage.port';
import { SegmentIdQuery } from '../segments/segment-query';

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

export class ListMentionsQuery {
  @ApiPropertyOptional({ description: 'Comma-separated sources, e.g. twitter,vk' })
  @IsOptional()
  @list()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,39}$/, { each: true, message: 'source must be source slugs separated by commas' })
  source?: string[];
  @ApiPropertyOptional({ description: 'Comma-separated: -1 negative, 0 neutral, 1 positive', example: '-1' })
  @IsOptional()
  @list()
  @IsIn(['-1', '0', '1'], { each: true, message: 'sentiment must be -1, 0 or 1 (comma-separated)' })
  sentiment?: string[];
  @ApiPropertyOptional({ description: 'Comma-separated ISO 639-1 codes; und for unknown' })
  @IsOptional()
  @list()
  @Matches(/^([a-z]{2}|und)$/, { each: true, message: 'language must be two-letter codes separated by commas' })
  language?: string[];
  @ApiPropertyOptional({ format: 'date-time', description: 'Posted at or after' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Posted before' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: '"me", "none", "any" or a member\'s user id' })
  @IsOptional()
  @ValidateIf((_, v) => !['me', 'none', 'any'].includes(v))
  @IsUUID('all', { message: 'assigned must be me, none, any or a user id' })
  assigned?: string;
  @ApiPropertyOptional() @IsOptional() @bool() @IsBoolean({ message: 'answered must be true or false' }) answered?: boolean;
  @ApiPropertyOptional({
    description: `Comma-separated public-answer stages of negative originals: ${PUBLIC_STAGES.join(', ')}`,
    example: 'not_started,answered',
  })
  @IsOptional()
  @list()
  @IsIn(PUBLIC_STAGES, { each: true, message: `stage must be ${PUBLIC_STAGES.join(', ')} (comma-separated)` })
  stage?: string[];
  @ApiPropertyOptional({ description: 'Include reposts and near-identical copies (left out by default)' })
  @IsOptional()
  @bool()
  @IsBoolean({ message: 'includeDuplicates must be true or false' })
  includeDuplicates?: boolean;
  @ApiPropertyOptional({ description: 'Text contains (case-insensitive)', maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Only mentions stored after this moment (live updates)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  newerThan?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  /** Only mentions linked to a customer of this saved segment. */
  @SegmentIdQuery() segmentId?: string;
}

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class MentionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() source: string;
  @ApiProperty() externalId: string;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: String, nullable: true }) author: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'ISO 639-1, und when unknown' }) language: string;
  @ApiProperty({ enum: [-1, 0, 1] }) sentiment: number;
  @ApiProperty({ description: '-1..1: how strongly' }) sentimentScore: number;
  @ApiProperty({ type: String, format: 'date-time' }) postedAt: string;
  @ApiProperty({ type: Number, nullable: true }) reach: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) duplicateOf: string | null;
  @ApiProperty({ type: String, enum: ['repost', 'exact', 'near'], nullable: true }) duplicateKind: string | null;
  @ApiProperty({ description: 'Reposts and copies linked to this mention' }) duplicateCount: number;
  @ApiProperty() replyCount: number;
  @ApiProperty({ type: PersonRefDto, nullable: true }) assignedTo: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) answeredBy: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Linked customer (external id)' }) customerId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The linked customer's name, when known" }) customerName: string | null;
  @ApiProperty({ enum: ['webhook', 'api', 'csv', 'feed'] }) channel: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: String,
    enum: PUBLIC_STAGES,
    nullable: true,
    description: 'Public-answer stage (the furthest step reached) of a negative original; null for other mentions',
  })
  stage: string | null;
}

export class MentionPageDto {
  @ApiProperty({ type: [MentionDto] }) items: MentionDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class MentionDetailDto extends MentionDto {
  @ApiProperty({ type: [MentionDto], description: 'Parents up the thread, nearest first' }) ancestors: MentionDto[];
  @ApiProperty({ type: [MentionDto], description: 'Direct replies, oldest first' }) replies: MentionDto[];
  @ApiProperty({ type: [MentionDto], description: 'Reposts and near-identical copies, oldest first' }) duplicates: MentionDto[];
  @ApiProperty({ type: MentionDto, nullable: true, description: 'The original when this one is a copy' }) original: MentionDto | null;
}

export class UpdateMentionDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A member to own the answer; null to unassign' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'assignedTo must be a user id or null' })
  assignedTo?: string | null;
  @ApiPropertyOptional({ description: 'Mark answered (true) or not yet answered (false)' }) @IsOptional() @IsBoolean() answered?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Link to a customer by external id; null to unlink', maxLength: 200 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  customerId?: string | null;
}

export class MentionStatsQuery {
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: 'IANA time zone for day/week/month boundaries', example: 'Europe/Moscow' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
  @ApiPropertyOptional({ enum: ['day', 'week', 'month'], default: 'day' }) @IsOptional() @IsIn(['day', 'week', 'month']) interval?:
    'day' | 'week' | 'month';
  @ApiPropertyOptional({ description: 'Comma-separated sources' })
  @IsOptional()
  @list()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,39}$/, { each: true, message: 'source must be source slugs separated by commas' })
  source?: string[];
  /** Only mentions linked to a customer of this saved segment. */
  @SegmentIdQuery() segmentId?: string;
}

export class SentimentCountsDto {
  @ApiProperty() negative: number;
  @ApiProperty() neutral: number;
  @ApiProperty() positive: number;
  @ApiProperty() total: number;
}

export class MentionBucketDto extends SentimentCountsDto {
  @ApiProperty({ type: String, format: 'date-time' }) start: string;
}

export class SourceShareDto extends SentimentCountsDto {
  @ApiProperty() source: string;
  @ApiProperty({ description: 'Share of all mentions in the period, 0..1' }) share: number;
  @ApiProperty({ description: 'Audience reached (sum of reach)' }) reach: number;
}

export class MentionStatsDto {
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
  @ApiProperty({ enum: ['day', 'week', 'month'] }) interval: string;
  @ApiProperty({ type: SentimentCountsDto, description: 'Originals only: reposts and copies do not inflate counts' })
  totals: SentimentCountsDto;
  @ApiProperty({ description: 'Reposts and copies left out of the counts' }) duplicates: number;
  @ApiProperty({ description: 'Negative originals nobody has answered' }) unansweredNegative: number;
  @ApiProperty({ type: [MentionBucketDto] }) series: MentionBucketDto[];
  @ApiProperty({ type: [SourceShareDto], description: 'Share of voice per source, largest first' }) bySource: SourceShareDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Originals per language' }) byLanguage: Record<
    string,
    number
  >;
}

export class SpikeSettingsDto {
  @ApiProperty({ minimum: 1.1, maximum: 20, description: 'A day is a spike above factor × the baseline' })
  @Type(() => Number)
  @IsNumber()
  @Min(1.1)
  @Max(20)
  factor: number;
  @ApiProperty({ minimum: 1, maximum: 100000, description: 'And at least this many negative mentions' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  minCount: number;
  @ApiProperty({ minimum: 3, maximum: 90, description: 'Days before it that make the baseline' })
  @Type(() => Number)
  @IsInt()
  @Min(3)
  @Max(90)
  baselineDays: number;
}

export class SpikeAlertDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date', example: '2026-11-30' }) day: string;
  @ApiProperty() negativeCount: number;
  @ApiProperty() baseline: number;
  @ApiProperty() factor: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class CreateIngestKeyDto {
  @ApiProperty({ maxLength: 200, example: 'Brand monitoring (YouScan)' })
  @Trim()
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be empty' })
  name: string;
}

export class IngestKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Send as the otklik-key header', example: 'mik_3f9a1c0d2e7b4a61' }) keyId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class CreatedIngestKeyDto extends IngestKeyDto {
  @ApiProperty({ description: 'Signing secret (Standard Webhooks format); shown once' }) secret: string;
}
