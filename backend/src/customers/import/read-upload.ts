import { badFile, ParsedFile } from './parsed-file';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * Picks the reader by content, not by name: an .xlsx is a zip ("PK"), an old .xls an OLE file; any other
 * file named .csv/.txt/.tsv or sent as text is read as CSV.
 */
export async function readUpload(file: UploadedFile): Promise<ParsedFile> {
  const bytes = new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength);
  if (bytes.length === 0) throw badFile('empty_file', 'The file is empty: it has no header row and no customers.');
  const name = file.originalname.toLowerCase();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw badFile('unsupported_format', 'Old Excel files (.xls) are not supported. In Excel choose File → Save As → Excel Workbook (.xlsx) or CSV.');
  }
  const textual = /\.(csv|txt|tsv)$/.test(name) || /^text\//.test(file.mimetype) || file.mimetype === 'application/vnd.ms-excel';
  if (!textual) throw badFile('unsupported_format', `Unsupported file type "${file.originalname}". Upload a .csv or .xlsx file.`);
  return readCsv(bytes);
}
