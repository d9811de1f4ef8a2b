import { IMPORT_LIMITS } from './import-limits';
import { badFile, ParsedFile } from './parsed-file';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** What the reader needs of an upload; plain data, so it can be handed to the parse worker. */
export interface UploadToRead {
  originalname: string;
  mimetype: string;
  bytes: Uint8Array;
}

/**
 * Picks the reader by content, not by name: an .xlsx is a zip ("PK"), an old .xls an OLE file; any other
 * file named .csv/.txt/.tsv or sent as text is read as CSV. Runs in the parse worker (see parseUpload).
 */
export async function readUpload(file: UploadToRead, maxRows: number = IMPORT_LIMITS.maxRows): Promise<ParsedFile> {
  const bytes = file.bytes;
  if (bytes.length === 0) throw badFile('empty_file', 'The file is empty: it has no header row and no customers.');
  const name = file.originalname.toLowerCase();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes, maxRows);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw badFile(
      'unsupported_format',
      'Old Excel files (.xls) are not supported. In Excel choose File → Save As → Excel Workbook (.xlsx) or CSV.',
    );
  }
  const textual = /\.(csv|txt|tsv)$/.test(name) || /^text\//.test(file.mimetype) || file.mimetype === 'application/vnd.ms-excel';
  if (!textual) throw badFile('unsupported_format', `Unsupported file type "${file.originalname}". Upload a .csv or .xlsx file.`);
  return readCsv(bytes, maxRows);
}
