import { parse } from 'csv-parse';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { RESPONSE_IMPORT_LIMITS } from './response-import-limits';

/** How a history file's bytes are read (found once, at upload). */
export type HistoryEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1251';

/** Bytes → text, chunk by chunk (a character split across two chunks is joined); a BOM is dropped. */
export function textDecoderStream(encoding: HistoryEncoding, fatal = false): Transform {
  const decoder = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding, { fatal });
  return new Transform({
    decodeStrings: true,
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** A data row: 0-based order among the file's data rows, its number as a spreadsheet shows it, its trimmed cells. */
export interface DataRow {
  position: number;
  row: number;
  values: string[];
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Streams a CSV's records: the header (first non-empty record) and then each non-empty data row, with constant memory
 * (csv-parse reads as bytes arrive; one record is at most 1 MB). The caller may stop early (a preview).
 */
export async function* csvRecords(
  source: AsyncIterable<Buffer> | Readable,
  opts: { encoding: HistoryEncoding; delimiter: string; fatal?: boolean },
): AsyncGenerator<{ header: string[] } | DataRow> {
  const parser = parse({
    delimiter: opts.delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: 1024 * 1024,
  });
  const feeding = pipeline(Readable.from(source), textDecoderStream(opts.encoding, opts.fatal), parser);
  // Its failure reaches the loop below through the parser; an early stop by the caller is not one.
  feeding.catch(() => undefined);
  let header: string[] | null = null;
  let position = 0;
  for await (const { record, info } of parser as AsyncIterable<CsvRecord>) {
    if (record.every((cell) => cell.trim() === '')) continue;
    // csv-parse counts the line a record ends on; a spreadsheet numbers the line it starts on.
    let row = info.lines;
    for (const cell of record) if (cell.includes('\n')) row -= cell.split('\n').length - 1;
    if (header === null) {
      header = record.map((c) => c.trim());
      yield { header };
      continue;
    }
    const values = record.map((c) => (c.length > RESPONSE_IMPORT_LIMITS.maxCellLength ? c : c.trim()));
    yield { position: position++, row, values };
  }
  await feeding;
}

/**
 * The same bytes in pieces of at most `bytes`, with a turn of the event loop before each: csv-parse parses what it is
 * given in one synchronous block, so the piece size bounds how long the main thread is held (16 KB of the worst shape,
 * tiny rows, is a few ms; a 1 MB stored piece was up to a second).
 */
export async function* inSlices(source: AsyncIterable<Buffer>, bytes: number): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    for (let at = 0; at < chunk.length; at += bytes) {
      await nextTurn();
      yield chunk.subarray(at, at + bytes);
    }
  }
}
