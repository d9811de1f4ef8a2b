import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mappingProblems, suggestMapping } from './column-mapping';
import { decodeText, detectDelimiter } from './decode-text';
import { readCsv } from './read-csv';
import { cellText, isDateFormat, readXlsx } from './read-xlsx';
import { columnOf, mapRow, parseDate, parseNumber } from './row-mapper';

const ctx = { consentAt: '2026-12-01T00:00:00.000Z', consentSource: 'import: a.csv' };

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, UTF-16 LE with BOM, and falls back to Windows-1251', () => {
    expect(decodeText(Buffer.from('\ufeffИмя', 'utf8'))).toEqual({ text: 'Имя', encoding: 'utf-8-bom' });
    expect(decodeText(Buffer.from('Имя', 'utf8'))).toEqual({ text: 'Имя', encoding: 'utf-8' });
    expect(decodeText(Buffer.from([0xff, 0xfe, ...Buffer.from('Имя', 'utf16le')]))).toEqual({ text: 'Имя', encoding: 'utf-16le' });
    expect(decodeText(Uint8Array.from([0xc8, 0xec, 0xff]))).toEqual({ text: 'Имя', encoding: 'windows-1251' });
  });
});

describe('detectDelimiter', () => {
  it('counts separators in the header line only, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,5;2,5;3')).toBe(';');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
  });
});

describe('readCsv', () => {
  it('numbers rows as a spreadsheet does, skipping empty lines and padding short rows', () => {
    const file = readCsv(Buffer.from('id,note\n1,"two\nlines"\n\n2\n,\n3,x\n'));
    expect(file.headers).toEqual(['id', 'note']);
    expect(file.rows).toEqual([
      { row: 2, values: ['1', 'two\nlines'] },
      { row: 5, values: ['2', ''] },
      { row: 7, values: ['3', 'x'] },
    ]);
  });
});

describe('readCsv limits', () => {
  it('stops at the first row over the limit (blank lines do not count)', () => {
    const file = (n: number) => Buffer.from(`id\n${Array.from({ length: n }, (_, i) => `r${i}`).join('\n')}\n,\n\n`);
    expect(readCsv(file(3), 3).rows).toHaveLength(3);
    expect(() => readCsv(file(4), 3)).toThrow(expect.objectContaining({ status: 413, code: 'too_many_rows' }));
  });
});

describe('cellText', () => {
  it('turns stored Excel values into text', () => {
    expect(cellText('n', '46024', true, [], false)).toBe('2026-01-02');
    expect(cellText('n', String(46024 + (8 * 60 + 5) / 1440), true, [], false)).toBe('2026-01-02T08:05:00Z');
    expect(cellText('n', '44562', true, [], true)).toBe('2026-01-02');
    expect(cellText('n', '10.50', false, [], false)).toBe('10.5');
    expect(cellText('s', '1', false, ['a', 'b'], false)).toBe('b');
    expect(cellText('str', 'smb', false, [], false)).toBe('smb');
    expect(cellText('e', '#N/A', false, [], false)).toBe('');
    expect(cellText('b', '1', false, [], false)).toBe('true');
    expect(cellText('n', '', false, [], false)).toBe('');
    expect(isDateFormat('dd.mm.yyyy')).toBe(true);
    expect(isDateFormat('#,##0.00\\ "руб."')).toBe(false);
    expect(isDateFormat('[Red]0.00')).toBe(false);
  });
});

describe('readXlsx', () => {
  it('reads the first worksheet: shared and inline strings, rich text, formulas, dates, numbers, booleans', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Customers');
    workbook.addWorksheet('Notes').addRow(['ignored']);
    sheet.addRow(['id', 'name', 'mrr', 'seen', 'segment', 'vip']);
    sheet.addRow([
      'x-1',
      { richText: [{ text: 'Ольга ' }, { font: { bold: true }, text: 'Ким' }] },
      10.5,
      new Date(Date.UTC(2026, 2, 1)),
      { formula: '"s"&"mb"', result: 'smb' },
      true,
    ]);
    sheet.addRow([]);
    sheet.addRow([
      12345,
      { text: 'site', hyperlink: 'https://x.test' },
      { formula: 'C2*2', result: 21 },
      new Date(Date.UTC(2026, 2, 1, 9, 30)),
      { error: '#N/A' },
    ]);
    const file = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(file.headers).toEqual(['id', 'name', 'mrr', 'seen', 'segment', 'vip']);
    expect(file.rows).toEqual([
      { row: 2, values: ['x-1', 'Ольга Ким', '10.5', '2026-03-01', 'smb', 'true'] },
      { row: 4, values: ['12345', 'site', '21', '2026-03-01T09:30:00Z', '', ''] },
    ]);
  });

  it('stops at the row limit while streaming the sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    for (let i = 0; i < 6; i++) sheet.addRow([`r${i}`]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect((await readXlsx(bytes, 5)).rows).toHaveLength(5);
    await expect(readXlsx(bytes, 4)).rejects.toMatchObject({ status: 413, code: 'too_many_rows' });
  });
});

describe('suggestMapping', () => {
  it('recognises English and Russian headers, gives each field to its first column, keeps the rest as attributes', () => {
    expect(suggestMapping(['ID клиента', 'Имя', 'E-mail', 'Телефон', 'Сегмент', 'Ёмкость', 'Email', 'Last Seen', 'Рассылка'])).toEqual([
      'externalId',
      'name',
      'email',
      'phone',
      'segment',
      'attribute:Ёмкость',
      'attribute:Email',
      'lastSeenAt',
      'consents.marketing',
    ]);
  });

  it('recognises Bulgarian headers', () => {
    expect(
      suggestMapping([
        'Номер на клиента',
        'Име и фамилия',
        'Имейл',
        'Телефонен номер',
        'Брой поръчки',
        'Дата на регистрация',
        'Последна активност',
        'Съгласие за маркетинг',
        'Град',
      ]),
    ).toEqual(['externalId', 'name', 'email', 'phone', 'orderCount', 'firstSeenAt', 'lastSeenAt', 'consents.marketing', 'city']);
  });
});

describe('mappingProblems', () => {
  it('needs externalId once, known targets, no field twice and one target per column', () => {
    expect(mappingProblems(['externalId', 'attribute:x', 'ignore', 'ignore'], 4)).toEqual([]);
    expect(mappingProblems(['name'], 1)[0].message).toMatch(/externalId/);
    expect(mappingProblems(['externalId', 'externalId'], 2)).toEqual([
      { field: 'mapping[1]', message: 'externalId is already filled by column 1' },
    ]);
    expect(mappingProblems(['externalId', 'attribute: x', 'attribute:x'], 3)[0].field).toBe('mapping[2]');
    expect(mappingProblems(['externalId', 'colour'], 2)[0].message).toMatch(/unknown target "colour"/);
    expect(mappingProblems(['externalId'], 2)[0].message).toMatch(/2 entries/);
  });
});

describe('row conversion', () => {
  it('reads numbers in Russian and English spelling and leaves the rest to the customer rules', () => {
    expect(parseNumber('1 234,50')).toBe(1234.5);
    expect(parseNumber('1,234.50')).toBe(1234.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('49,9 ₽')).toBe(49.9);
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('abc')).toBe('abc');
  });

  it('reads Russian dates as UTC and keeps anything else for the rules to reject', () => {
    expect(parseDate('31.12.2025')).toBe('2025-12-31T00:00:00.000Z');
    expect(parseDate('01.02.2026 14:30')).toBe('2026-02-01T14:30:00.000Z');
    expect(parseDate('2026-02-01')).toBe('2026-02-01T00:00:00.000Z');
    expect(parseDate('31.02.2026')).toBe('31.02.2026');
    expect(parseDate('2026-02-01T10:00:00Z')).toBe('2026-02-01T10:00:00Z');
  });

  it('maps a row: empty cells left out, consents with when and how, attributes by name, extra cells reported', () => {
    const mapped = mapRow(
      ['c-1', '', 'Постоянный', 'да', 'gold', 'x', 'extra'],
      ['externalId', 'name', 'lifecycleStage', 'consents.survey', 'attribute:Plan', 'ignore'],
      ctx,
    );
    expect(mapped.candidate).toEqual({
      externalId: 'c-1',
      lifecycleStage: 'repeat',
      attributes: { Plan: 'gold' },
      consents: { survey: { granted: true, at: ctx.consentAt, source: 'import: a.csv' } },
    });
    expect(mapped.problems).toEqual([{ field: '', message: 'the row has 7 cells but the header only 6; check the delimiter and quotes' }]);
    expect(columnOf('consents.survey.granted', mapped.columns)).toBe(3);
    expect(columnOf('name', mapped.columns)).toBe(1);
    expect(columnOf('', mapped.columns)).toBeNull();
  });

  it('reports a number or a consent it cannot read instead of passing it on', () => {
    const mapped = mapRow(['c-1', 'lots', 'maybe'], ['externalId', 'mrr', 'consents.marketing'], ctx);
    expect(mapped.candidate).toEqual({ externalId: 'c-1' });
    expect(mapped.problems).toEqual([
      { field: 'mrr', message: 'mrr must be a number, e.g. 1234.50 or 1 234,50' },
      { field: 'consents.marketing', message: 'consents.marketing must be yes or no (also true/false, 1/0, да/нет)' },
    ]);
  });
});
