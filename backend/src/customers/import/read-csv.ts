import { parse } from 'csv-parse/sync';
import { decodeText, detectDelimiter } from './decode-text';
import { badFile, ParsedFile, toParsedFile } from './parsed-file';

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** A CSV file's bytes → headers and rows, whatever its encoding and delimiter. */
export function readCsv(bytes: Uint8Array): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw badFile('unsupported_format', 'The file is not a text CSV. Upload a .csv or .xlsx file.');
  const delimiter = detectDelimiter(text);
  let records: CsvRecord[];
  try {
    records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as CsvRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw badFile('unreadable_csv', `The CSV could not be read${line ? ` near line ${line}` : ''}: ${(error as Error).message.replace(/^Invalid Record Length: /, '')}. Check its quotes.`);
  }
  // csv-parse counts the line a record ends on; a spreadsheet numbers the line it starts on.
  const rows = records.map(({ record, info }) => ({
    row: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record,
  }));
  return toParsedFile(rows, { format: 'csv', encoding, delimiter });
}
