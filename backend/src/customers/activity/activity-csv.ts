import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { HttpStatus } from '@nestjs/common';
import { ApiError } from '../../common/http/api-error';
import { detectDelimiter } from '../import/decode-text';

/** Bounds of one activity CSV: read in one request, so smaller than the customers import (which runs in the background). */
export const ACTIVITY_CSV_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 20_000,
  /** One row (a line with its quoted cells); a real one is under 1 KB. */
  maxRowBytes: 16 * 1024,
  /** Rows validated and stored per transaction (one bulk each). */
  chunkRows: 1_000,
  /** Row errors listed in the answer; the rest are counted. */
  maxErrors: 500,
} as const;

/** Header names (case, spaces, _ and - ignored) → the bulk row's fields. */
const COLUMNS: Record<string, string> = {
  customerexternalid: 'customerExternalId',
  customerid: 'customerExternalId',
  externalid: 'customerExternalId',
  eventid: 'eventId',
  kind: 'kind',
  name: 'name',
  amount: 'amount',
  currency: 'currency',
  occurredat: 'occurredAt',
};
const REQUIRED = ['customerExternalId', 'eventId', 'kind', 'occurredAt'];

const badCsv = (code: string, message: string) => new ApiError(HttpStatus.BAD_REQUEST, code, message);
const tooLarge = (code: string, message: string) => new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, code, message);
const fileTooLarge = () =>
  tooLarge('file_too_large', `The file is larger than ${ACTIVITY_CSV_LIMITS.maxBytes / (1024 * 1024)} MB; split it into smaller files.`);

function mapHeader(header: string[]): string[] {
  const fields = header.map((name) => {
    const field = COLUMNS[name.toLowerCase().replace(/[\s_-]/g, '')];
    if (!field) {
      throw badCsv(
        'unknown_column',
        `Unknown column "${name.slice(0, 100)}"; the columns are customerExternalId, eventId, kind, name, amount, currency, occurredAt.`,
      );
    }
    return field;
  });
  const missing = REQUIRED.filter((field) => !fields.includes(field));
  if (missing.length > 0) throw badCsv('missing_column', `The header row lacks ${missing.join(', ')}.`);
  if (new Set(fields).size !== fields.length) throw badCsv('duplicate_column', 'A column appears twice in the header row.');
  return fields;
}

/** A cell as the bulk row takes it: empty → absent; amounts as numbers ("12.50" or "12,50"), else left for validation. */
function toRow(record: Record<string, string>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, cell] of Object.entries(record)) {
    if (cell === '') continue;
    row[field] = field === 'amount' && /^\d{1,12}(?:[.,]\d{1,2})?$/.test(cell) ? Number(cell.replace(',', '.')) : cell;
  }
  return row;
}

/** Counts bytes as they stream and refuses a file over the limit or one that is not text. */
async function* guarded(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.length;
    if (bytes > ACTIVITY_CSV_LIMITS.maxBytes) throw fileTooLarge();
    if (chunk.includes(0)) throw badCsv('unsupported_format', 'The file is not a text CSV (UTF-8).');
    yield chunk;
  }
}

/**
 * Streams a UTF-8 CSV body (header row first; delimiter , ; tab or | found from the header) through csv-parse into bulk
 * rows, stopping at the first byte or row over the limits (413) or the first unreadable line (400).
 */
export async function readActivityCsv(body: Readable, declaredBytes: number | null): Promise<Record<string, unknown>[]> {
  if (declaredBytes !== null && declaredBytes > ACTIVITY_CSV_LIMITS.maxBytes) throw fileTooLarge();
  const source = guarded(body)[Symbol.asyncIterator]();
  const first = await source.next();
  if (first.done) throw badCsv('empty_file', 'The file is empty; the first row must name the columns.');
  const parser = parse({
    bom: true,
    delimiter: detectDelimiter(first.value.toString('utf8')),
    columns: mapHeader,
    skip_empty_lines: true,
    trim: true,
    max_record_size: ACTIVITY_CSV_LIMITS.maxRowBytes,
  });
  const feed = Readable.from(
    (async function* () {
      yield first.value;
      for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
    })(),
  );
  const rows: Record<string, unknown>[] = [];
  const piping = pipeline(feed, parser);
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (rows.length >= ACTIVITY_CSV_LIMITS.maxRows) {
        throw tooLarge(
          'too_many_rows',
          `The file has more than ${ACTIVITY_CSV_LIMITS.maxRows.toLocaleString('en')} events; split it into files of at most that many rows.`,
        );
      }
      rows.push(toRow(record));
    }
    await piping;
  } catch (error) {
    feed.destroy();
    await piping.catch(() => undefined);
    if (error instanceof ApiError) throw error;
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw badCsv('unreadable_csv', `The CSV could not be read${line ? ` near line ${line}` : ''}: ${error.message}. Check its quotes.`);
    }
    throw error;
  }
  return rows;
}
