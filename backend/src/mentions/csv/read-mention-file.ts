import { HttpStatus } from '@nestjs/common';
import { ApiError } from '../../common/http/api-error';
import { IMPORT_LIMITS, MAX_MEGABYTES } from '../../customers/import/import-limits';
import type { ParsedFile } from '../../customers/import/parsed-file';
import { parseUpload } from '../../customers/import/parse-upload';
import type { UploadedFile } from '../../customers/import/read-upload';

/** Bounds of one mention upload; the byte limit is the shared upload one (multer enforces it). */
export const MENTION_CSV_LIMITS = {
  maxBytes: IMPORT_LIMITS.maxBytes,
  maxMegabytes: MAX_MEGABYTES,
  maxRows: 20_000,
  previewRows: 20,
  /** Rows per ingest call (one transaction each): a failure loses at most this chunk, never the rows before. */
  chunkRows: 1000,
  /** Row errors returned in full; beyond this only counted. */
  maxErrors: 1000,
} as const;

/** Messages of the shared reader that speak of customers, said for mentions. */
const REWORDED: Record<string, string> = {
  empty_file: 'The file is empty: it has no header row and no mentions.',
  no_rows: 'The file has a header row but no mentions below it.',
};

/**
 * The customer import's reader (CSV in any of its encodings and delimiters, or XLSX, in the parse worker, bounded per
 * workspace), stopping at the mention row limit.
 */
export async function readMentionFile(workspaceId: string, file: UploadedFile | undefined): Promise<ParsedFile> {
  if (!file) throw new ApiError(HttpStatus.BAD_REQUEST, 'file_required', 'Attach a .csv file as the multipart/form-data field "file".');
  let parsed: ParsedFile;
  try {
    parsed = await parseUpload(workspaceId, file, MENTION_CSV_LIMITS.maxRows);
  } catch (error) {
    if (error instanceof ApiError && REWORDED[error.code]) throw new ApiError(error.getStatus(), error.code, REWORDED[error.code]);
    if (error instanceof ApiError && error.code === 'too_many_rows') throw tooManyRows();
    throw error;
  }
  if (parsed.rows.length > MENTION_CSV_LIMITS.maxRows) throw tooManyRows(parsed.rows.length);
  return parsed;
}

function tooManyRows(count?: number): ApiError {
  const limit = MENTION_CSV_LIMITS.maxRows.toLocaleString('en');
  const has = count ? `${count.toLocaleString('en')} mentions` : 'more mentions than that';
  return new ApiError(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'too_many_rows',
    `At most ${limit} mentions can be uploaded at once; this file has ${has}. Split it into smaller files.`,
  );
}
