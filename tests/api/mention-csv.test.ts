import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin('CSV Mentions');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
});
afterAll(() => t.close());

function post(as: LoggedIn, path: string, content: Buffer | string, fields: Record<string, string> = {}, filename = 'mentions.csv') {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let req = as.agent.post(`${ws}/mentions/csv/${path}`).set('X-CSRF-Token', as.csrfToken);
  for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
  return req.attach('file', bytes, { filename, contentType: 'text/csv' });
}

/** Windows-1251 bytes of a text, built from the decoder's own table. */
function cp1251(text: string): Buffer {
  const table = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  const byChar = new Map([...table].map((ch, byte) => [ch, byte]));
  return Buffer.from([...text].map((ch) => byChar.get(ch) ?? 0x3f));
}

async function listAll(source: string) {
  const res = await asAdmin.get(`${ws}/mentions?source=${source}&includeDuplicates=true&limit=100`).expect(200);
  return res.body.items as {
    externalId: string;
    text: string;
    postedAt: string;
    author: string | null;
    reach: number | null;
    channel: string;
    language: string;
  }[];
}

// Header is row 1. Row 3 has a bad date, row 4 an empty text, row 5 a bad reach; rows 2 and 6 are good.
const RU_CSV = [
  'Дата;Автор;Текст;Ссылка;Охват',
  '30.11.2026 09:15;@olga;Курьер опоздал на три часа, ужасно;https://vk.com/wall1_1;1 200',
  '31.02.2026 10:00;@ivan;Всё отлично;;',
  '29.11.2026 12:00;@petr;;;',
  '28.11.2026 08:00;@anna;Нормальный магазин;;много',
  '2026-11-27 18:30;@oleg;"Спасибо; всё пришло вовремя";https://vk.com/wall1_2;50',
].join('\r\n');

describe('mention CSV preview', () => {
  it('reads semicolons, numbers rows, suggests a mapping from Russian headers', async () => {
    const res = await post(asAdmin, 'preview', RU_CSV).expect(200);
    expect(res.body).toMatchObject({
      fileName: 'mentions.csv',
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      totalRows: 5,
      headers: ['Дата', 'Автор', 'Текст', 'Ссылка', 'Охват'],
      suggestedMapping: ['postedAt', 'author', 'text', 'url', 'reach'],
    });
    expect(res.body.rows.map((r: { row: number }) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(res.body.rows[4].values[2]).toBe('Спасибо; всё пришло вовремя');
  });

  it('reads a Windows-1251 file with commas and English headers, source and id columns', async () => {
    const csv = 'Source,ID,Text,Date,Author\r\nvk,p1,Привет из кодировки 1251,2026-11-30T10:00:00Z,Ёжик\r\n';
    const res = await post(asAdmin, 'preview', cp1251(csv)).expect(200);
    expect(res.body).toMatchObject({
      encoding: 'windows-1251',
      delimiter: ',',
      totalRows: 1,
      suggestedMapping: ['source', 'externalId', 'text', 'postedAt', 'author'],
    });
    expect(res.body.rows[0].values).toEqual(['vk', 'p1', 'Привет из кодировки 1251', '2026-11-30T10:00:00Z', 'Ёжик']);
  });

  it('says what is wrong with an empty file, a missing file and a header without rows', async () => {
    expect((await post(asAdmin, 'preview', '').expect(400)).body.error.code).toBe('empty_file');
    const noRows = await post(asAdmin, 'preview', 'Текст;Дата\r\n').expect(400);
    expect(noRows.body.error.message).toBe('The file has a header row but no mentions below it.');
    const missing = await asAdmin.agent.post(`${ws}/mentions/csv/preview`).set('X-CSRF-Token', asAdmin.csrfToken).field('x', '1');
    expect(missing.status).toBe(400);
  });
});

describe('mention CSV import', () => {
  const mapping = JSON.stringify(['postedAt', 'author', 'text', 'url', 'reach']);

  it('keeps good rows and reports bad ones with the file row numbers and columns', async () => {
    const res = await post(asAdmin, 'import', RU_CSV, { mapping, source: 'vk', timeZone: 'Europe/Moscow' }).expect(200);
    expect(res.body).toMatchObject({ totalRows: 5, created: 2, existing: 0, invalid: 3, errorsTruncated: false });
    expect(res.body.errors).toEqual([
      { row: 3, column: 'Дата', field: 'postedAt', message: expect.stringContaining('"31.02.2026 10:00" is not a date') },
      { row: 4, column: 'Текст', field: 'text', message: 'text must not be empty' },
      { row: 5, column: 'Охват', field: 'reach', message: '"много" is not a whole number of people reached' },
    ]);
    const stored = await listAll('vk');
    expect(stored).toHaveLength(2);
    const olga = stored.find((m) => m.author === '@olga')!;
    // 09:15 in Moscow (UTC+3) is 06:15 UTC.
    expect(olga).toMatchObject({ postedAt: '2026-11-30T06:15:00.000Z', reach: 1200, channel: 'csv', language: 'ru' });
    expect(olga.externalId).toMatch(/^csv-[0-9a-f]{32}$/);
    const oleg = stored.find((m) => m.author === '@oleg')!;
    expect(oleg).toMatchObject({ postedAt: '2026-11-27T15:30:00.000Z', reach: 50, text: 'Спасибо; всё пришло вовремя' });
  });

  it('creates nothing new when the same file is uploaded again', async () => {
    const res = await post(asAdmin, 'import', RU_CSV, { mapping, source: 'vk', timeZone: 'Europe/Moscow' }).expect(200);
    expect(res.body).toMatchObject({ created: 0, existing: 2, invalid: 3 });
    expect(await listAll('vk')).toHaveLength(2);
  });

  it('derives the id from text, date and author when there is no URL, stably', async () => {
    const csv = 'Текст,Дата,Автор\nПлохо работает поддержка,01.11.2026,@a\nПлохо работает поддержка,01.11.2026,@b\n';
    const m = JSON.stringify(['text', 'postedAt', 'author']);
    const first = await post(asAdmin, 'import', csv, { mapping: m, source: 'otzovik' }).expect(200);
    expect(first.body).toMatchObject({ created: 2, existing: 0, invalid: 0 });
    const again = await post(asAdmin, 'import', csv, { mapping: m, source: 'otzovik' }).expect(200);
    expect(again.body).toMatchObject({ created: 0, existing: 2 });
    const stored = await listAll('otzovik');
    expect(stored.map((s) => s.postedAt)).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z']);
  });

  it('uses the source and id columns of a cp1251 file, and the ingest rules on each row', async () => {
    const csv =
      'Source,ID,Text,Date\r\nVK,p1,Привет из кодировки 1251,2026-11-30T10:00:00Z\r\nBad Source!,p2,текст,2026-11-30T10:00:00Z\r\n';
    const res = await post(asAdmin, 'import', cp1251(csv), {
      mapping: JSON.stringify(['source', 'externalId', 'text', 'postedAt']),
    }).expect(200);
    expect(res.body).toMatchObject({ created: 1, invalid: 1 });
    expect(res.body.errors).toEqual([{ row: 3, column: 'Source', field: 'source', message: expect.stringContaining('lower-case slug') }]);
    expect((await listAll('vk')).find((m) => m.externalId === 'p1')?.text).toBe('Привет из кодировки 1251');
  });

  it('refuses a bad mapping, a missing source and an unknown zone with 400 before storing anything', async () => {
    const csv = 'Текст;Дата\nНовый пост;2026-11-30\n';
    const noSource = await post(asAdmin, 'import', csv, { mapping: JSON.stringify(['text', 'postedAt']) }).expect(400);
    expect(noSource.body.error.details).toEqual([{ field: 'source', message: expect.stringContaining('map a column to source') }]);
    const twice = await post(asAdmin, 'import', csv, { mapping: JSON.stringify(['text', 'text']), source: 'vk' }).expect(400);
    expect(twice.body.error.details[0]).toEqual({ field: 'mapping[1]', message: 'text is already filled by column 1' });
    const short = await post(asAdmin, 'import', csv, { mapping: JSON.stringify(['text']), source: 'vk' }).expect(400);
    expect(short.body.error.details[0].message).toBe('mapping must have 2 entries, one per column (it has 1)');
    await post(asAdmin, 'import', csv, { mapping: 'not json', source: 'vk' }).expect(400);
    const zone = await post(asAdmin, 'import', csv, {
      mapping: JSON.stringify(['text', 'postedAt']),
      source: 'vk',
      timeZone: 'Mars/Base',
    }).expect(400);
    expect(zone.body.error.details[0].field).toBe('timeZone');
    expect((await listAll('vk')).some((m) => m.text === 'Новый пост')).toBe(false);
  });

  it('refuses more than 20,000 rows with 413 and files over 10 MB with 413', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `пост ${i};2026-11-01`);
    const many = await post(asAdmin, 'import', ['Текст;Дата', ...rows].join('\n'), {
      mapping: JSON.stringify(['text', 'postedAt']),
      source: 'big',
    }).expect(413);
    expect(many.body.error.message).toContain('At most 20,000 mentions');
    const huge = await post(asAdmin, 'preview', `Текст;Дата\n${'x'.repeat(10 * 1024 * 1024)};2026-11-01\n`).expect(413);
    expect(huge.body.error.code).toBe('file_too_large');
    expect(await listAll('big')).toHaveLength(0);
  });

  it('imports in chunks of 1000: 2,500 rows all stored', async () => {
    const rows = Array.from(
      { length: 2500 },
      (_, i) => `https://ok.ru/p/${i},Отзыв номер ${i} про магазин и доставку заказа ${i * 7},2026-11-0${(i % 9) + 1} 12:00`,
    );
    const res = await post(asAdmin, 'import', ['URL,Text,Date', ...rows].join('\n'), {
      mapping: JSON.stringify(['url', 'text', 'postedAt']),
      source: 'ok',
    }).expect(200);
    expect(res.body).toMatchObject({ totalRows: 2500, created: 2500, invalid: 0 });
    const stats = await asAdmin.get(`${ws}/mentions/stats?source=ok&from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z`).expect(200);
    expect(stats.body.totals.total + stats.body.duplicates).toBe(2500);
  });

  it('is closed to viewers and to other workspaces', async () => {
    const other = await t.seedAdmin('Other CSV');
    const asOther = await t.login(other.email, other.password);
    const res = await asOther.agent
      .post(`${ws}/mentions/csv/preview`)
      .set('X-CSRF-Token', asOther.csrfToken)
      .attach('file', Buffer.from(RU_CSV), 'm.csv');
    expect(res.status).toBe(404);
    await t.addMember(admin.workspaceId, asOther.userId, 'viewer');
    const viewer = await asOther.agent
      .post(`${ws}/mentions/csv/preview`)
      .set('X-CSRF-Token', asOther.csrfToken)
      .attach('file', Buffer.from(RU_CSV), 'm.csv');
    expect(viewer.status).toBe(403);
  });
});
