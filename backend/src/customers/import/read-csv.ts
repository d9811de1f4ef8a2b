import { parse } from 'csv-parse/sync';
import { decodeText, detectDelimiter } from './decode-text';
import { IMPORT_LIMITS } from './import-limits';
import { badFile, FileProblem, ParsedFile, rowCounter, toParsedFile } from './parsed-file';

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** A CSV file's bytes → headers and rows, whatever its encoding and delimiter; stops at the row limit. */
export function readCsv(bytes: Uint8Array, maxRows: number = IMPORT_LIMITS.maxRows): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw badFile('unsupported_format', 'The file is not a text CSV. Upload a .csv or .xlsx file.');
  const delimiter = detectDelimiter(text);
  const count = rowCounter(maxRows);
  let records: CsvRecord[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Counted as they are read, so a file of too many rows stops at the first one over the limit.
      // With info: true csv-parse hands on_record the { record, info } pair, which its types do not say.
      on_record: ((r: CsvRecord) => {
        count(r.record);
        return r;
      }) as never,
    }) as unknown as CsvRecord[];
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    const line = (error as { lines?: number }).lines;
    throw badFile(
      'unreadable_csv',
      `The CSV could not be read${line ? ` near line ${line}` : ''}: ${(error as Error).message.replace(/^Invalid Record Length: /, '')}. Check its quotes.`,
    );
  }
  // csv-parse counts the line a record ends on; a spreadsheet numbers the line it starts on.
  const rows = records.map(({ record, info }) => ({
    row: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record,
  }));
  return toParsedFile(rows, { format: 'csv', encoding, delimiter }, maxRows);
}
