import type { Delimiter, TextEncoding } from './decode-text';
import { IMPORT_LIMITS } from './import-limits';

export type ImportFormat = 'csv' | 'xlsx';

/** One data row: its number as a spreadsheet shows it (the header is row 1) and its cells as text. */
export interface ParsedRow {
  row: number;
  values: string[];
}

export interface ParsedFile {
  format: ImportFormat;
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  headers: string[];
  rows: ParsedRow[];
}

/**
 * A file the reader refuses, with the HTTP status and code it is answered with. Plain (no Nest): the readers run
 * in a worker thread, and the caller turns it into an ApiError.
 */
export class FileProblem extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badFile = (code: string, message: string) => new FileProblem(400, code, message);
export const tooLarge = (code: string, message: string) => new FileProblem(413, code, message);
export const tooManyRows = (maxRows: number) =>
  tooLarge(
    'too_many_rows',
    `The file has more than ${maxRows.toLocaleString('en')} customers; split it into files of at most that many rows.`,
  );

/**
 * Turns raw records (header first) into headers and data rows, with the checks every format shares:
 * a header row, named and distinct columns, at most the row limit. Empty trailing header cells (Excel
 * leaves them) are dropped; rows with no value at all are skipped.
 */
export function toParsedFile(
  records: { row: number; cells: string[] }[],
  meta: Pick<ParsedFile, 'format' | 'encoding' | 'delimiter'>,
  maxRows: number = IMPORT_LIMITS.maxRows,
): ParsedFile {
  const first = records.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (first < 0) throw badFile('empty_file', 'The file is empty: it has no header row and no customers.');
  const headers = records[first].cells.map((c) => c.trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  if (headers.length > IMPORT_LIMITS.maxColumns) {
    throw badFile('too_many_columns', `The file has ${headers.length} columns; at most ${IMPORT_LIMITS.maxColumns} can be imported.`);
  }
  const blank = headers.findIndex((h) => h === '');
  if (blank >= 0) {
    throw badFile(
      'missing_header',
      `Column ${blank + 1} has no name in the header row (row ${records[first].row}). Name every column, or delete the empty one.`,
    );
  }
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const header of headers) {
    const key = header.toLowerCase();
    if (seen.has(key)) duplicates.push(header);
    else seen.set(key, header);
  }
  if (duplicates.length > 0) {
    throw badFile(
      'duplicate_headers',
      `The header row names these columns more than once: ${[...new Set(duplicates)].join(', ')}. Give each column its own name.`,
    );
  }
  const rows: ParsedRow[] = [];
  for (const record of records.slice(first + 1)) {
    const values = record.cells.map((c) => c.trim());
    if (values.every((v) => v === '')) continue;
    while (values.length < headers.length) values.push('');
    const long = values.findIndex((v) => v.length > IMPORT_LIMITS.maxCellLength);
    if (long >= 0) {
      throw badFile(
        'cell_too_long',
        `Row ${record.row}, column ${long + 1} has more than ${IMPORT_LIMITS.maxCellLength.toLocaleString('en')} characters.`,
      );
    }
    rows.push({ row: record.row, values });
    if (rows.length > maxRows) throw tooManyRows(maxRows);
  }
  if (rows.length === 0) throw badFile('no_rows', 'The file has a header row but no customers below it.');
  return { ...meta, headers, rows };
}

/**
 * Counts non-blank records while a reader streams them, and stops the read as soon as there are more than the
 * header and maxRows: an 850,000-row file is refused at row 50,002, not after all of it is parsed.
 */
export function rowCounter(maxRows: number): (cells: readonly string[]) => void {
  let count = 0;
  return (cells) => {
    if (cells.some((c) => c.trim() !== '') && ++count > maxRows + 1) throw tooManyRows(maxRows);
  };
}
