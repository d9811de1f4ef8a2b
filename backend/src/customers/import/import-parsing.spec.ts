import { describe, expect, it } from 'vitest';
import { mappingProblems, suggestMapping } from './column-mapping';
import { decodeText, detectDelimiter } from './decode-text';
import { readCsv } from './read-csv';
import { cellText } from './read-xlsx';
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

describe('cellText', () => {
  it('turns Excel values into text', () => {
    expect(cellText(new Date(Date.UTC(2026, 0, 2)))).toBe('2026-01-02');
    expect(cellText(new Date(Date.UTC(2026, 0, 2, 8, 5)))).toBe('2026-01-02T08:05:00Z');
    expect(cellText({ formula: 'A1+1', result: 3 } as never)).toBe('3');
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b' }] } as never)).toBe('ab');
    expect(cellText({ text: 'site', hyperlink: 'https://x.test' } as never)).toBe('site');
    expect(cellText({ error: '#N/A' } as never)).toBe('');
    expect(cellText(true)).toBe('true');
    expect(cellText(null)).toBe('');
  });
});

describe('suggestMapping', () => {
  it('recognises English and Russian headers, gives each field to its first column, keeps the rest as attributes', () => {
    expect(suggestMapping(['ID клиента', 'Имя', 'E-mail', 'Телефон', 'Сегмент', 'Ёмкость', 'Email', 'Last Seen', 'Рассылка'])).toEqual([
      'externalId', 'name', 'email', 'phone', 'segment', 'attribute:Ёмкость', 'attribute:Email', 'lastSeenAt', 'consents.marketing',
    ]);
  });

  it('recognises Bulgarian headers', () => {
    expect(suggestMapping(['Номер на клиента', 'Име и фамилия', 'Имейл', 'Телефонен номер', 'Брой поръчки', 'Дата на регистрация', 'Последна активност', 'Съгласие за маркетинг', 'Град'])).toEqual([
      'externalId', 'name', 'email', 'phone', 'orderCount', 'firstSeenAt', 'lastSeenAt', 'consents.marketing', 'attribute:Град',
    ]);
  });
});

describe('mappingProblems', () => {
  it('needs externalId once, known targets, no field twice and one target per column', () => {
    expect(mappingProblems(['externalId', 'attribute:x', 'ignore', 'ignore'], 4)).toEqual([]);
    expect(mappingProblems(['name'], 1)[0].message).toMatch(/externalId/);
    expect(mappingProblems(['externalId', 'externalId'], 2)).toEqual([{ field: 'mapping[1]', message: 'externalId is already filled by column 1' }]);
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
