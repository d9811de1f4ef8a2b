import { HttpStatus } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { ApiError } from '../../common/http/api-error';
import { IMPORT_LIMITS } from './import-limits';
import { badFile, ParsedFile, toParsedFile } from './parsed-file';

/** A cell's value as the text a person sees: formulas give their result, dates ISO, rich text its words. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    // Excel dates carry no zone; a date without a time of day stays a plain date.
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
    if ('hyperlink' in value) return cellText((value as { text?: ExcelJS.CellValue }).text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** The first worksheet of an .xlsx file → headers and rows. */
export async function readXlsx(bytes: Uint8Array): Promise<ParsedFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw badFile('unreadable_xlsx', 'The Excel file could not be read. Save it again as .xlsx (Excel workbook) or .csv and retry.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badFile('empty_file', 'The Excel file has no worksheet.');
  if (sheet.actualRowCount > IMPORT_LIMITS.maxRows + 1) {
    throw new ApiError(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'too_many_rows',
      `The file has more than ${IMPORT_LIMITS.maxRows.toLocaleString('en')} customers; split it into files of at most that many rows.`,
    );
  }
  const records: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column <= IMPORT_LIMITS.maxColumns + 1) cells[column - 1] = cellText(cell.value);
    });
    records.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return toParsedFile(records, { format: 'xlsx', encoding: null, delimiter: null });
}
