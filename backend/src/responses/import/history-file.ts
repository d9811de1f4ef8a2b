import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { detectDelimiter } from '../../customers/import/decode-text';
import { badFile } from '../../customers/import/parsed-file';
import { csvRecords, type HistoryEncoding } from './history-csv';
import { withoutNul } from './history-row';
import { RESPONSE_IMPORT_LIMITS } from './response-import-limits';
import type { PreviewRow } from './response-import.entity';

/** What the upload's first read finds in a history file. */
export interface HistoryFileSummary {
  encoding: HistoryEncoding;
  delimiter: string;
  headers: string[];
  preview: PreviewRow[];
  totalRows: number;
}

const READ_BYTES = 1024 * 1024;

/**
 * Reads a whole uploaded file once, streaming (runs in a worker thread, see readHistoryUpload): finds its encoding and
 * delimiter, checks the header, counts the data rows and keeps the first ones for the preview. A file that is not UTF-8
 * is read again as Windows-1251 (Excel's "CSV" on Russian Windows).
 */
export async function summariseHistoryFile(path: string): Promise<HistoryFileSummary> {
  const head = await readHead(path, 64 * 1024);
  if (head.length === 0) throw badFile('empty_file', 'The file is empty: it has no header row and no answers.');
  if (head[0] === 0x50 && head[1] === 0x4b) {
    throw badFile('unsupported_format', 'This looks like an Excel workbook. In Excel choose File → Save As → CSV UTF-8, and upload that.');
  }
  const bom: HistoryEncoding | null =
    head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'utf-8-bom' : head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : null;
  if (bom) return summarise(path, bom, head);
  try {
    return await summarise(path, 'utf-8', head, true);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_ENCODING_INVALID_ENCODED_DATA') throw error;
    return summarise(path, 'windows-1251', head);
  }
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

async function summarise(path: string, encoding: HistoryEncoding, head: Buffer, fatal = false): Promise<HistoryFileSummary> {
  const headText = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding).decode(head);
  if (headText.includes('\u0000')) throw badFile('unsupported_format', 'The file is not a text CSV. Upload a .csv file.');
  const delimiter = detectDelimiter(headText);
  let headers: string[] | null = null;
  const preview: PreviewRow[] = [];
  let totalRows = 0;
  try {
    for await (const item of csvRecords(createReadStream(path, { highWaterMark: READ_BYTES }), { encoding, delimiter, fatal })) {
      if ('header' in item) {
        headers = checkHeaders(item.header);
        continue;
      }
      totalRows += 1;
      if (preview.length < RESPONSE_IMPORT_LIMITS.previewRows) {
        const values = item.values.slice(0, headers!.length).map((v) => withoutNul(v.slice(0, 500)));
        while (values.length < headers!.length) values.push('');
        preview.push({ row: item.row, values });
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA' || !(error instanceof Error) || 'status' in error)
      throw error;
    const line = (error as { lines?: number }).lines;
    throw badFile('unreadable_csv', `The CSV could not be read${line ? ` near line ${line}` : ''}: ${error.message}. Check its quotes.`);
  }
  if (!headers) throw badFile('empty_file', 'The file is empty: it has no header row and no answers.');
  if (totalRows === 0) throw badFile('no_rows', 'The file has a header row but no answers below it.');
  return { encoding, delimiter, headers, preview, totalRows };
}

function checkHeaders(cells: string[]): string[] {
  const headers = [...cells];
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  if (headers.length > RESPONSE_IMPORT_LIMITS.maxColumns) {
    throw badFile('too_many_columns', `The file has ${headers.length} columns; at most ${RESPONSE_IMPORT_LIMITS.maxColumns} can be read.`);
  }
  const blank = headers.findIndex((h) => h === '');
  if (blank >= 0)
    throw badFile('missing_header', `Column ${blank + 1} has no name in the header row. Name every column, or delete the empty one.`);
  const seen = new Set<string>();
  for (const header of headers) {
    const key = header.toLowerCase();
    if (seen.has(key)) throw badFile('duplicate_headers', `The header row names the column "${header.slice(0, 100)}" more than once.`);
    seen.add(key);
  }
  return headers.map((h) => withoutNul(h.slice(0, 200)));
}
