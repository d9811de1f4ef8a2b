import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
const SOURCES = ['response', 'cancellation', 'mention', 'complaint', 'import'] as const;

export class ClusterFilterQuery {
  @ApiPropertyOptional({ description: `Comma-separated: ${SOURCES.join(', ')}` })
  @IsOptional()
  @list()
  @IsIn(SOURCES, { each: true, message: `source must be among ${SOURCES.join(', ')}` })
  source?: string[];
  @ApiPropertyOptional({ description: 'Comma-separated touchpoint names' })
  @IsOptional()
  @list()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  touchpoint?: string[];
  @ApiPropertyOptional({ description: 'Comma-separated survey question ids: only open answers to these questions (e.g. likes,dislikes)' })
  @IsOptional()
  @list()
  @ArrayMaxSize(30)
  @Matches(/^[a-z0-9_-]{1,40}$/, { each: true, message: 'question must be question ids separated by commas' })
  question?: string[];
  @ApiPropertyOptional({ description: 'Comma-separated ISO 639-1 codes' })
  @IsOptional()
  @list()
  @Matches(/^([a-z]{2}|und)$/, { each: true, message: 'language must be two-letter codes separated by commas' })
  language?: string[];
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class ListClustersQuery extends ClusterFilterQuery {
  /** Only texts linked to a customer of this saved segment (texts without a customer drop out). */
  @SegmentIdQuery() segmentId?: string;
  @ApiPropertyOptional({ enum: ['size', 'growth'], default: 'size' }) @IsOptional() @IsIn(['size', 'growth']) sort?: 'size' | 'growth';
  @ApiPropertyOptional({ description: 'Only known issues (true) or only the others (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  pinned?: boolean;
}

export class ClusterTextsQuery extends ClusterFilterQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class ClusterDetailQuery extends ClusterFilterQuery {
  @ApiPropertyOptional({ enum: ['day', 'week', 'month'], default: 'week' }) @IsOptional() @IsIn(['day', 'week', 'month']) interval?:
    'day' | 'week' | 'month';
  @ApiPropertyOptional({ example: 'Europe/Moscow' }) @IsOptional() @IsString() @MaxLength(64) timeZone?: string;
}

export class SentimentSplitDto {
  @ApiProperty() negative: number;
  @ApiProperty() neutral: number;
  @ApiProperty() positive: number;
}

export class FeedbackTextDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SOURCES }) source: string;
  @ApiProperty({ description: 'Id of the response, cancellation or mention, or your id for an imported complaint' }) sourceId: string;
  @ApiProperty() text: string;
  @ApiProperty() language: string;
  @ApiProperty({ type: Number, nullable: true, enum: [-1, 0, 1] }) sentiment: number | null;
  @ApiProperty({ type: String, nullable: true }) touchpoint: string | null;
  @ApiProperty({ type: String, nullable: true }) customerId: string | null;
  @ApiProperty({ type: String, nullable: true }) churnReasonKey: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) clusterId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['model', 'run', 'human'],
    description: 'Who put it there: the model at arrival, a rebuild, or a person',
  })
  placedBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The survey question an open answer answers' }) questionId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "That question's text in the survey's default language" })
  questionLabel: string | null;
}

export class ClusterQuestionDto {
  @ApiProperty({ example: 'dislikes' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: "What don't you like?" }) label: string | null;
  @ApiProperty({ description: 'Texts answering it' }) count: number;
}

export class ClusterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The human name when set, else the generated label' }) name: string;
  @ApiProperty({ description: 'Generated from the most distinctive words' }) label: string;
  @ApiProperty({ type: String, nullable: true, description: 'Set by a person; kept across rebuilds' }) customName: string | null;
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty() language: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The survey question whose open answers it groups (each such question clusters on its own); null: the main pool',
  })
  questionId: string | null;
  @ApiProperty({ description: 'Texts under the filter' }) size: number;
  @ApiProperty({ description: 'Texts in the last 7 days' }) lastSevenDays: number;
  @ApiProperty({ description: 'Texts in the 7 days before' }) previousSevenDays: number;
  @ApiProperty({ type: Number, nullable: true, description: 'lastSevenDays / previousSevenDays; null when there were none before' })
  growth: number | null;
  @ApiProperty({ type: SentimentSplitDto }) sentiment: SentimentSplitDto;
  @ApiProperty({ description: 'Pinned as a known issue' }) pinned: boolean;
  @ApiProperty({ type: [FeedbackTextDto], description: 'Most representative texts' }) examples: FeedbackTextDto[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class RunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger: string;
  @ApiProperty({ description: '0..1' }) progress: number;
  @ApiProperty({ type: String, nullable: true }) stage: string | null;
  @ApiProperty({ type: Number, nullable: true }) texts: number | null;
  @ApiProperty({ type: Number, nullable: true }) clusters: number | null;
  @ApiProperty({ type: Number, nullable: true }) unclustered: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Clusters that kept their id' }) continued: number | null;
  @ApiProperty({ type: Number, nullable: true }) created: number | null;
  @ApiProperty({ type: Number, nullable: true }) retired: number | null;
  @ApiProperty({ type: Number, nullable: true }) seconds: number | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

export class ClusterListDto {
  @ApiProperty({ type: [ClusterDto] }) items: ClusterDto[];
  @ApiProperty({ description: 'Texts under the filter that fit no cluster' }) unclustered: number;
  @ApiProperty({ description: 'Texts under the filter not yet placed (arrived since the last placement)' }) unplaced: number;
  @ApiProperty({ type: RunDto, nullable: true }) latestRun: RunDto | null;
}

export class CountDto {
  @ApiProperty() key: string;
  @ApiProperty() count: number;
}

export class TrendPointDto {
  @ApiProperty({ type: String, format: 'date-time' }) start: string;
  @ApiProperty() count: number;
}

export class ClusterDetailDto extends ClusterDto {
  @ApiProperty({ type: [TrendPointDto] }) trend: TrendPointDto[];
  @ApiProperty({ type: [CountDto], description: 'Churn reasons of the cancellations in this cluster' }) churnReasons: CountDto[];
  @ApiProperty({ type: [CountDto] }) touchpoints: CountDto[];
  @ApiProperty({ type: [CountDto] }) sources: CountDto[];
}

export class ClusterTextPageDto {
  @ApiProperty({ type: [FeedbackTextDto] }) items: FeedbackTextDto[];
  @ApiProperty() total: number;
}

export class UpdateClusterDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 300,
    description: 'A name that survives rebuilds; null to go back to the generated label',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trim()
  @IsString()
  @MaxLength(300)
  @Matches(/\S/, { message: 'name must not be empty (send null to clear it)' })
  name?: string | null;
  @ApiPropertyOptional({ description: 'Pin as a known issue' }) @IsOptional() @IsBoolean() pinned?: boolean;
}

export class MergeClusterDto {
  @ApiProperty({ format: 'uuid', description: 'The cluster that takes over the texts' })
  @IsUUID('all', { message: 'into must be a cluster id' })
  into: string;
}

export class MoveTextsDto {
  @ApiProperty({ type: [String], description: 'Feedback text ids (at most 1000)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'each text id must be a uuid' })
  textIds: string[];
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Target cluster; null takes them out of every cluster. Omit and give newClusterName to split them into a new cluster.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'to must be a cluster id or null' })
  to?: string | null;
  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  @Matches(/\S/, { message: 'newClusterName must not be empty' })
  newClusterName?: string;
}

export class MovedTextsDto {
  @ApiProperty() moved: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) clusterId: string | null;
}

export class SyncOutcomeDto {
  @ApiProperty({ description: 'New texts copied from responses, cancellations and mentions' }) copied: number;
  @ApiProperty({ description: 'Texts placed by the current model' }) placed: number;
  @ApiProperty({ description: 'Growth alerts raised' }) alerts: number;
  @ApiProperty() rebuildStarted: boolean;
}

export class ComplaintInputDto {
  @ApiProperty({ maxLength: 300, description: 'Your id for it; sending it again does nothing' })
  @Trim()
  @IsString()
  @MaxLength(300)
  @Matches(/\S/, { message: 'externalId must not be empty' })
  externalId: string;
  @ApiProperty({ maxLength: 5000 }) @IsString() @MaxLength(5000) @Matches(/\S{2}/, { message: 'text must contain words' }) text: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) occurredAt?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @Trim() @IsString() @MaxLength(200) touchpoint?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @Trim() @IsString() @MaxLength(200) customerId?: string;
  @ApiPropertyOptional({ description: 'ISO 639-1; detected when absent' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language must be a two-letter code' })
  language?: string;
}

export class ComplaintBatchDto {
  @ApiProperty({ type: [ComplaintInputDto], description: 'Up to 1000 complaints; each validated on its own' })
  @IsArray({ message: 'complaints must be a list' })
  @ArrayMinSize(1, { message: 'complaints must not be empty' })
  @ArrayMaxSize(1000, { message: 'send at most 1000 complaints per request' })
  complaints: unknown[];
}

export class ComplaintImportResultDto {
  @ApiProperty() created: number;
  @ApiProperty() existing: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { index: { type: 'number' }, field: { type: 'string' }, message: { type: 'string' } } },
  })
  errors: { index: number; field: string; message: string }[];
}

export class GrowthSettingsDto {
  @ApiProperty({ minimum: 1.1, maximum: 20 }) @Type(() => Number) @IsNumber() @Min(1.1) @Max(20) factor: number;
  @ApiProperty({ minimum: 1, maximum: 100000 }) @Type(() => Number) @IsInt() @Min(1) @Max(100000) minCount: number;
}

export class ClusterAlertDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clusterId: string;
  @ApiProperty() name: string;
  @ApiProperty() recentCount: number;
  @ApiProperty() previousCount: number;
  @ApiProperty() windowDays: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}
