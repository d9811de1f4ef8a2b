import { HttpStatus } from '@nestjs/common';
import { ApiError } from './api-error';

/** A position in a newest-first list ordered by (time, id): the last row of the previous page. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

/** Opaque page cursor for keyset pagination; stable when many rows share a timestamp. */
export const encodeKeysetCursor = (position: KeysetPosition): string =>
  Buffer.from(`${position.at.toISOString()}|${position.id}`).toString('base64url');

/** Decodes a cursor this API returned, or answers 400 naming the `cursor` field. */
export function decodeKeysetCursor(cursor: string): KeysetPosition {
  const [rawAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(rawAt);
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(at.getTime())) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', 'Invalid request: cursor is not one this API returned', [
      { field: 'cursor', message: 'cursor is not one this API returned' },
    ]);
  }
  return { at, id };
}
