import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { Trim } from '../../common/http/dto-helpers';
import { SOURCE_PATTERN } from '../mention-input.dto';

const FEED_STATUSES = ['ok', 'not_modified', 'error'] as const;
export const MIN_POLL_MINUTES = 5;
export const MAX_POLL_MINUTES = 1440;
const SOURCE_MESSAGE = 'source must be a lower-case slug of letters, digits, ".", "_" or "-" (at most 40), e.g. otzovik';
const INTERVAL_MESSAGE = `pollIntervalMinutes must be a whole number from ${MIN_POLL_MINUTES} to ${MAX_POLL_MINUTES}`;
/** Optional, but not nullable: null is validated (and refused) rather than skipped like @IsOptional would. */
const Omittable = () => ValidateIf((_object, value) => value !== undefined);

export class CreateMentionFeedDto {
  @ApiProperty({
    example: 'https://otzovik.example/reviews/acme.rss',
    description: 'RSS 2.0 or Atom 1.0 feed URL (http or https)',
    maxLength: 2000,
  })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'url must not be empty' })
  @MaxLength(2000)
  url: string;

  @ApiProperty({ example: 'Otzovik reviews', maxLength: 200 })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    example: 'otzovik',
    default: 'rss',
    description: 'Source slug given to the mentions from this feed',
    pattern: SOURCE_PATTERN.source,
  })
  @Omittable()
  @Trim()
  @IsString()
  @Matches(SOURCE_PATTERN, { message: SOURCE_MESSAGE })
  source?: string;

  @ApiPropertyOptional({ default: 15, minimum: MIN_POLL_MINUTES, maximum: MAX_POLL_MINUTES })
  @Omittable()
  @IsInt({ message: INTERVAL_MESSAGE })
  @Min(MIN_POLL_MINUTES, { message: INTERVAL_MESSAGE })
  @Max(MAX_POLL_MINUTES, { message: INTERVAL_MESSAGE })
  pollIntervalMinutes?: number;

  @ApiPropertyOptional({ default: true }) @Omittable() @IsBoolean() enabled?: boolean;
}

export class UpdateMentionFeedDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @Omittable()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'url must not be empty' })
  @MaxLength(2000)
  url?: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @Omittable()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ pattern: SOURCE_PATTERN.source })
  @Omittable()
  @Trim()
  @IsString()
  @Matches(SOURCE_PATTERN, { message: SOURCE_MESSAGE })
  source?: string;
  @ApiPropertyOptional({ minimum: MIN_POLL_MINUTES, maximum: MAX_POLL_MINUTES })
  @Omittable()
  @IsInt({ message: INTERVAL_MESSAGE })
  @Min(MIN_POLL_MINUTES, { message: INTERVAL_MESSAGE })
  @Max(MAX_POLL_MINUTES, { message: INTERVAL_MESSAGE })
  pollIntervalMinutes?: number;
  @ApiPropertyOptional() @Omittable() @IsBoolean() enabled?: boolean;
}

export class MentionFeedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'rss' }) source: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty() pollIntervalMinutes: number;
  @ApiProperty({ type: String, enum: FEED_STATUSES, nullable: true, description: 'Outcome of the last poll; null before the first' })
  lastStatus: 'ok' | 'not_modified' | 'error' | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last poll failed' }) lastError: string | null;
  @ApiProperty({ description: 'Failed polls in a row; each doubles the wait before the next, up to a day' }) consecutiveFailures: number;
  @ApiProperty({ description: 'Mentions created from this feed so far' }) itemsIngested: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastPolledAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the background poller fetches it next (if enabled)' })
  nextPollAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class FeedPollResultDto {
  @ApiProperty({ enum: FEED_STATUSES }) status: 'ok' | 'not_modified' | 'error';
  @ApiProperty({ description: 'New mentions stored' }) created: number;
  @ApiProperty({ description: 'Items already stored earlier' }) existing: number;
  @ApiProperty({ description: 'Items left out because they broke the mention rules (e.g. dated in the future)' }) invalid: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: MentionFeedDto, description: 'The feed after the poll' }) feed: MentionFeedDto;
}
