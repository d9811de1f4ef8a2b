import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Rows a keyset-paged list answers when the request names no `limit`. */
export const DEFAULT_PAGE_LIMIT = 50;

/**
 * The `cursor` + `limit` (1–200) query fields of a keyset-paged list, declared once; a list's query extends it.
 * `cursorMaxLength` fits the list's own cursor (a time and an id, or longer keys such as an address).
 */
export function cursorPageQuery({ cursorMaxLength = 200 }: { cursorMaxLength?: number } = {}) {
  class CursorPage {
    @ApiPropertyOptional({ description: 'From the previous page: nextCursor' })
    @IsOptional()
    @IsString()
    @MaxLength(cursorMaxLength)
    cursor?: string;
    @ApiPropertyOptional({ minimum: 1, maximum: 200, default: DEFAULT_PAGE_LIMIT })
    @IsOptional()
    @Type(() => Number)
    @IsInt({ message: 'limit must be a whole number' })
    @Min(1, { message: 'limit must be at least 1' })
    @Max(200, { message: 'limit must be at most 200' })
    limit?: number;
  }
  return CursorPage;
}

/** `cursor` (up to 200 characters: a time and an id) + `limit` of a keyset-paged list. */
export class CursorPageQuery extends cursorPageQuery() {}
