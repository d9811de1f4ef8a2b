import { posix } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { IMPORT_LIMITS, MAX_INFLATED_MEGABYTES, XLSX_LIMITS } from './import-limits';
import { badFile, FileProblem, ParsedFile, rowCounter, tooLarge, toParsedFile } from './parsed-file';

/*
 * An .xlsx is a zip of XML parts. It is read part by part, streaming: yauzl inflates an entry as a stream (and checks
 * each entry's declared size against what it inflates to) and saxes parses the XML as it arrives. Every inflated byte
 * is counted against XLSX_LIMITS and rows against the row limit, so a zip bomb or a sheet of a million rows is refused
 * as soon as it crosses a limit instead of after it has been inflated into memory.
 */

const unreadable = (why?: string) =>
  badFile(
    'unreadable_xlsx',
    `The Excel file could not be read${why ? ` (${why})` : ''}. Save it again as .xlsx (Excel workbook) or .csv and retry.`,
  );

const tooMuchData = () =>
  tooLarge(
    'xlsx_too_large',
    `The Excel file unpacks to more than ${MAX_INFLATED_MEGABYTES} MB of sheet data; at most ${MAX_INFLATED_MEGABYTES} MB can be read. Save the sheet as CSV or split it into smaller files.`,
  );

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30, with the CJK ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format code shows a date when, outside quoted text and [colour]/[$-locale] brackets, it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  // `[^[\]]`, not `[^\]]`: a bracket never closed would otherwise be rescanned from every "[" after it (quadratic).
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^[\]]*]/g, '')
    .replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** A date as the text a person sees: ISO, without a time of day when it is midnight (Excel dates carry no zone). */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

/** An Excel serial day number as a date (1900 system, or 1904 when the workbook says so). */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Column index (0-based) of a cell reference such as "AB12"; -1 when it has no letters. */
function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const code = ref.charCodeAt(i) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return i === 0 ? -1 : col - 1;
}

interface Budget {
  /** Inflated bytes still allowed for the rest of the parts. */
  remaining: number;
}

/** Opens the zip and lists its entries, refusing the tricks a crafted zip plays before anything is inflated. */
async function openZip(buffer: Buffer): Promise<{ zip: ZipFile; entries: Map<string, Entry> }> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (error, file) =>
      error || !file ? reject(unreadable()) : resolve(file),
    ),
  );
  if (zip.entryCount > XLSX_LIMITS.maxEntries) {
    throw tooLarge(
      'xlsx_too_many_parts',
      `The Excel file has ${zip.entryCount.toLocaleString('en')} parts; a workbook has at most ${XLSX_LIMITS.maxEntries.toLocaleString('en')}. Save it again from Excel or as CSV.`,
    );
  }
  const list: Entry[] = await new Promise((resolve, reject) => {
    const found: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      found.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(found));
    // Bad names (absolute, "..", backslashes) and broken directories arrive here.
    zip.on('error', (error: Error) => reject(unreadable(error.message)));
    zip.readEntry();
  });
  const entries = new Map<string, Entry>();
  for (const entry of list) {
    const name = entry.fileName.toLowerCase();
    if (entries.has(name)) throw unreadable(`it holds "${entry.fileName}" twice`);
    if ((entry.generalPurposeBitFlag & 0x1) !== 0) throw unreadable('it is encrypted; remove the password in Excel first');
    entries.set(name, entry);
  }
  // Overlapping entries (several names sharing one compressed stream) are how "non-recursive" zip bombs multiply.
  const byOffset = [...list].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i];
    const end = e.relativeOffsetOfLocalHeader + 30 + e.fileNameLength + e.compressedSize;
    const next = i + 1 < byOffset.length ? byOffset[i + 1].relativeOffsetOfLocalHeader : buffer.length;
    if (end > next) throw unreadable('its parts overlap');
  }
  return { zip, entries };
}

/**
 * Inflates one part into a SAX parser, counting bytes against the budget and the part's compression ratio.
 * The handlers may throw a FileProblem (a row limit) to stop the read at once.
 */
async function parsePart(
  zip: ZipFile,
  entry: Entry,
  budget: Budget,
  on: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (text: string) => void },
): Promise<void> {
  if (entry.uncompressedSize > budget.remaining) throw tooMuchData();
  const ratioOver = (inflated: number) =>
    inflated > XLSX_LIMITS.ratioFloorBytes && inflated > XLSX_LIMITS.maxRatio * Math.max(entry.compressedSize, 1);
  const suspicious = () =>
    tooLarge(
      'xlsx_too_large',
      `The Excel file's part ${entry.fileName} is compressed more than ${XLSX_LIMITS.maxRatio}:1, which a real spreadsheet never is. Save the sheet as CSV and upload that.`,
    );
  if (ratioOver(entry.uncompressedSize)) throw suspicious();

  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw unreadable('it declares a DTD');
  });
  if (on.open) parser.on('opentag', on.open as (tag: unknown) => void);
  if (on.close) parser.on('closetag', (tag) => on.close!(tag.name));
  if (on.text) {
    parser.on('text', on.text);
    parser.on('cdata', on.text);
  }
  const stream = await new Promise<NodeJS.ReadableStream & { destroy(): void }>((resolve, reject) =>
    zip.openReadStream(entry, (error, s) => (error || !s ? reject(unreadable(error?.message)) : resolve(s))),
  );
  const decoder = new StringDecoder('utf8');
  let inflated = 0;
  await new Promise<void>((resolve, reject) => {
    const stop = (problem: unknown) => {
      stream.destroy();
      const message = String((problem as Error)?.message ?? problem);
      // yauzl compares what a part inflates to with the size the zip declares for it (a zip that lies about sizes).
      if (problem instanceof FileProblem) reject(problem);
      else if (/bytes in the stream/.test(message))
        reject(unreadable(`its part ${entry.fileName} unpacks to another size than it declares`));
      else reject(unreadable(message.slice(0, 200)));
    };
    stream.on('data', (chunk: Buffer) => {
      inflated += chunk.length;
      budget.remaining -= chunk.length;
      if (budget.remaining < 0) return stop(tooMuchData());
      if (ratioOver(inflated)) return stop(suspicious());
      try {
        parser.write(decoder.write(chunk));
      } catch (error) {
        stop(error);
      }
    });
    stream.on('error', stop);
    stream.on('end', () => {
      try {
        parser.write(decoder.end());
        parser.close();
        resolve();
      } catch (error) {
        stop(error);
      }
    });
  });
}

/** A part's path from a relationship target: relative to the folder of the part that names it, or absolute. */
function resolveTarget(from: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(from), target);
  return posix.normalize(path).toLowerCase();
}

/** The first worksheet of an .xlsx file → headers and rows. */
export async function readXlsx(bytes: Uint8Array, maxRows: number = IMPORT_LIMITS.maxRows): Promise<ParsedFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { zip, entries } = await openZip(buffer);
  const budget: Budget = { remaining: XLSX_LIMITS.maxInflatedBytes };
  const part = (name: string) => entries.get(name.toLowerCase());

  // Workbook: the first sheet's relationship id, and the date system.
  const workbook = part('xl/workbook.xml');
  if (!workbook) throw unreadable('it has no workbook; is it an Excel file?');
  let firstSheetRel: string | undefined;
  let date1904 = false;
  await parsePart(zip, workbook, budget, {
    open: (tag) => {
      if (tag.name === 'sheet' && firstSheetRel === undefined) firstSheetRel = tag.attributes['r:id'];
      else if (tag.name === 'workbookPr') date1904 = ['1', 'true'].includes(tag.attributes.date1904 ?? '');
    },
  });

  // Relationships: where that sheet, the shared strings and the styles are.
  const targets = new Map<string, string>();
  let sharedStringsPath = 'xl/sharedstrings.xml';
  let stylesPath = 'xl/styles.xml';
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) {
    await parsePart(zip, rels, budget, {
      open: (tag) => {
        if (tag.name !== 'Relationship' || !tag.attributes.Target || (tag.attributes.TargetMode ?? '') === 'External') return;
        const path = resolveTarget('xl/workbook.xml', tag.attributes.Target);
        targets.set(tag.attributes.Id ?? '', path);
        if (/\/sharedStrings$/.test(tag.attributes.Type ?? '')) sharedStringsPath = path;
        if (/\/styles$/.test(tag.attributes.Type ?? '')) stylesPath = path;
      },
    });
  }
  const sheet = part((firstSheetRel && targets.get(firstSheetRel)) || 'xl/worksheets/sheet1.xml');
  if (!sheet) throw badFile('empty_file', 'The Excel file has no worksheet.');
  const sharedStringsEntry = part(sharedStringsPath);
  const stylesEntry = part(stylesPath);
  // The declared sizes alone can show the file is over the limit: refuse before inflating anything big.
  const declared = [sheet, sharedStringsEntry, stylesEntry].reduce((n, e) => n + (e?.uncompressedSize ?? 0), 0);
  if (declared > budget.remaining) throw tooMuchData();

  // Styles: which cell formats show a number as a date.
  const dateStyles: boolean[] = [];
  if (stylesEntry) {
    const customFormats = new Map<number, string>();
    let inCellXfs = false;
    await parsePart(zip, stylesEntry, budget, {
      open: (tag) => {
        if (tag.name === 'numFmt') customFormats.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
        else if (tag.name === 'cellXfs') inCellXfs = true;
        else if (tag.name === 'xf' && inCellXfs) {
          const id = Number(tag.attributes.numFmtId ?? 0);
          const custom = customFormats.get(id);
          dateStyles.push(custom !== undefined ? isDateFormat(custom) : DATE_FORMAT_IDS.has(id));
        }
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
  }

  // Shared strings: the text of each <si>, its runs joined, phonetic guides (<rPh>) left out.
  const strings: string[] = [];
  if (sharedStringsEntry) {
    let current = '';
    let inText = false;
    let inPhonetic = false;
    await parsePart(zip, sharedStringsEntry, budget, {
      open: (tag) => {
        if (tag.name === 'si') current = '';
        else if (tag.name === 't') inText = true;
        else if (tag.name === 'rPh') inPhonetic = true;
      },
      close: (name) => {
        if (name === 'si') {
          if (strings.length >= XLSX_LIMITS.maxSharedStrings) {
            throw tooLarge(
              'xlsx_too_large',
              `The Excel file has more than ${XLSX_LIMITS.maxSharedStrings.toLocaleString('en')} distinct texts. Save the sheet as CSV or split it.`,
            );
          }
          strings.push(current);
        } else if (name === 't') inText = false;
        else if (name === 'rPh') inPhonetic = false;
      },
      text: (text) => {
        // One over the cell limit is enough for the "cell too long" message later.
        if (inText && !inPhonetic && current.length <= IMPORT_LIMITS.maxCellLength) current += text;
      },
    });
  }

  // The sheet: rows and cells, streamed; the row limit stops it at the first row over.
  const records: { row: number; cells: string[] }[] = [];
  const count = rowCounter(maxRows);
  let rowNumber = 0;
  let cells: string[] = [];
  let column = -1;
  let type = 'n';
  let style = 0;
  let value = '';
  let collecting = false;
  let inInline = false;
  let inPhonetic = false;
  await parsePart(zip, sheet, budget, {
    open: (tag) => {
      switch (tag.name) {
        case 'row': {
          const r = Number(tag.attributes.r);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          cells = [];
          column = -1;
          break;
        }
        case 'c': {
          const col = columnIndex(tag.attributes.r ?? '');
          column = col >= 0 ? col : column + 1;
          type = tag.attributes.t ?? 'n';
          style = Number(tag.attributes.s ?? 0);
          value = '';
          inInline = false;
          break;
        }
        case 'v':
          collecting = true;
          value = '';
          break;
        case 'is':
          inInline = true;
          value = '';
          break;
        case 't':
          if (inInline && !inPhonetic) collecting = true;
          break;
        case 'rPh':
          inPhonetic = true;
          break;
      }
    },
    text: (text) => {
      if (collecting && value.length <= IMPORT_LIMITS.maxCellLength) value += text;
    },
    close: (name) => {
      switch (name) {
        case 'v':
        case 't':
          collecting = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c':
          if (column <= IMPORT_LIMITS.maxColumns) cells[column] = cellText(type, value, dateStyles[style] === true, strings, date1904);
          break;
        case 'row': {
          const row = Array.from(cells, (c) => c ?? '');
          count(row);
          records.push({ row: rowNumber, cells: row });
          break;
        }
      }
    },
  });
  return toParsedFile(records, { format: 'xlsx', encoding: null, delimiter: null }, maxRows);
}

/** A cell's value as the text a person sees: formulas give their result, dates ISO, rich text its words, errors nothing. */
export function cellText(type: string, raw: string, dateStyle: boolean, strings: readonly string[], date1904: boolean): string {
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? '';
    case 'inlineStr':
    case 'str':
      return raw;
    case 'b':
      return raw === '' ? '' : raw === '1' || raw === 'true' ? 'true' : 'false';
    case 'e':
      return '';
    case 'd':
      return raw === '' ? '' : dateText(new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`));
    default: {
      if (raw.trim() === '') return '';
      const number = Number(raw);
      if (!Number.isFinite(number)) return '';
      return dateStyle ? dateText(excelDate(number, date1904)) : String(number);
    }
  }
}
