import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerImportRunner } from '@otklik/backend/src/customers/import/customer-import.runner';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let base: string;
let customersBase: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin('Import Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  base = `/api/v1/workspaces/${admin.workspaceId}/customer-imports`;
  customersBase = `/api/v1/workspaces/${admin.workspaceId}/customers`;
});
afterAll(() => t.close());

function upload(as: LoggedIn, path: string, content: Buffer | string, filename: string, contentType = 'text/csv') {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return as.agent.post(path).set('X-CSRF-Token', as.csrfToken).attach('file', bytes, { filename, contentType });
}

/** Windows-1251 bytes of a text (Excel's "CSV" on Russian Windows), built from the decoder's own table. */
function cp1251(text: string): Buffer {
  const table = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  const byChar = new Map([...table].map((ch, byte) => [ch, byte]));
  return Buffer.from([...text].map((ch) => byChar.get(ch) ?? 0x3f));
}

async function waitForEnd(path: string): Promise<Record<string, unknown>> {
  let body: Record<string, unknown> = {};
  await expect
    .poll(
      async () => {
        body = (await asAdmin.get(path).expect(200)).body;
        return body.status;
      },
      { timeout: 30_000, interval: 100 },
    )
    .toMatch(/^(completed|failed)$/);
  return body;
}

// Header is row 1; Bob's quoted note spans rows 3–4, so Carl is on row 5.
const CUSTOMERS_CSV = [
  'Customer ID,Full name,Email,Phone,Lifecycle stage,Segment,MRR,Orders,First seen,Last seen,Survey consent,Marketing consent,Plan,Notes',
  'c-1,Anna Smith,Anna@Example.com,+1 555 0100,buying,smb,49.90,3,2026-01-15,2026-11-01T10:00:00Z,yes,no,pro,',
  'c-2,Bob,not-an-email,,repeat,,12,,,,,,basic,"multi',
  'line"',
  'c-3,Carl,carl@example.com,,sleeping,,abc,1.5,,,maybe,,,',
  ',No Id,noid@example.com,,,,,,,,,,,',
  'c-1,Anna S.,,,,,,,,,,,,later row wins',
  'c-4,"Dina, Jr.",dina@example.com,,,,1000,,31.12.2025,,,,,',
  '',
].join('\n');

const SUGGESTED = [
  'externalId',
  'name',
  'email',
  'phone',
  'lifecycleStage',
  'segment',
  'mrr',
  'orderCount',
  'firstSeenAt',
  'lastSeenAt',
  'consents.survey',
  'consents.marketing',
  'attribute:Plan',
  'attribute:Notes',
];
const MAPPING = [...SUGGESTED.slice(0, 13), 'ignore'];

describe('customer import: upload and preview', () => {
  it('reads a comma CSV: columns, rows numbered as in the file, suggested mapping', async () => {
    const res = await upload(asAdmin, base, CUSTOMERS_CSV, 'customers.csv').expect(201);
    expect(res.body).toMatchObject({
      fileName: 'customers.csv',
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      totalRows: 6,
      status: 'previewing',
      processed: 0,
      created: 0,
      updated: 0,
      failed: 0,
      mapping: null,
      suggestedMapping: SUGGESTED,
    });
    expect(res.body.headers).toHaveLength(14);
    expect(res.body.previewRows.map((r: { row: number }) => r.row)).toEqual([2, 3, 5, 6, 7, 8]);
    expect(res.body.previewRows[1].values[13]).toBe('multi\nline');
    expect(res.body.previewRows[5].values.slice(0, 2)).toEqual(['c-4', 'Dina, Jr.']);
    expect((await asAdmin.get(`${base}/${res.body.id}`).expect(200)).body.previewRows).toHaveLength(6);
  });

  it('reads a semicolon CSV with a BOM and Russian headers', async () => {
    const csv =
      '\ufeffID клиента;Имя;E-mail;Телефон;Сегмент;MRR;Стадия;Согласие на рассылку;Город\n' +
      'r-1;Иван Петров;ivan@example.ru;+7 900 000-00-00;Розница;1 234,50;Постоянный;да;Казань\n' +
      'r-2;Мария;maria@example.ru;;Опт;99;Выбирает;нет;Москва\n';
    const res = await upload(asAdmin, base, csv, 'клиенты.csv').expect(201);
    expect(res.body).toMatchObject({ fileName: 'клиенты.csv', encoding: 'utf-8-bom', delimiter: ';', totalRows: 2 });
    expect(res.body.headers[0]).toBe('ID клиента');
    expect(res.body.suggestedMapping).toEqual([
      'externalId',
      'name',
      'email',
      'phone',
      'segment',
      'mrr',
      'lifecycleStage',
      'consents.marketing',
      'city', // territory is a customer field (issue 16)
    ]);
    await asAdmin.post(`${base}/${res.body.id}/start`, { mapping: res.body.suggestedMapping }).expect(202);
    expect(await waitForEnd(`${base}/${res.body.id}`)).toMatchObject({ status: 'completed', processed: 2, created: 2, failed: 0 });
    const ivan = (await asAdmin.get(`${customersBase}/r-1`).expect(200)).body;
    expect(ivan).toMatchObject({
      name: 'Иван Петров',
      mrr: 1234.5,
      lifecycleStage: 'repeat',
      segment: 'Розница',
      phone: '+7 900 000-00-00',
      city: 'Казань',
      consents: { marketing: { granted: true, source: 'import: клиенты.csv' } },
    });
    expect((await asAdmin.get(`${customersBase}/r-2`).expect(200)).body).toMatchObject({
      lifecycleStage: 'considering',
      consents: { marketing: { granted: false } },
    });
  });

  it('decodes a Windows-1251 CSV exported by Russian Excel', async () => {
    const text = 'Код клиента;ФИО;Эл. почта;Сегмент\r\nw-1;Пётр Щукин;petr@example.ru;Ёлки\r\n';
    const res = await upload(asAdmin, base, cp1251(text), 'export.csv').expect(201);
    expect(res.body).toMatchObject({
      encoding: 'windows-1251',
      delimiter: ';',
      totalRows: 1,
      headers: ['Код клиента', 'ФИО', 'Эл. почта', 'Сегмент'],
    });
    expect(res.body.suggestedMapping).toEqual(['externalId', 'name', 'email', 'segment']);
    expect(res.body.previewRows).toEqual([{ row: 2, values: ['w-1', 'Пётр Щукин', 'petr@example.ru', 'Ёлки'] }]);
  });

  it('reads the first worksheet of an XLSX: dates, numbers, rich text and formula results as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Customers');
    workbook.addWorksheet('Notes').addRow(['ignored']);
    sheet.addRow(['Customer ID', 'Name', 'MRR', 'Last seen', 'Segment', 'Score']);
    sheet.addRow([
      'x-1',
      { richText: [{ text: 'Ольга ' }, { font: { bold: true }, text: 'Ким' }] },
      10.5,
      new Date(Date.UTC(2026, 2, 1)),
      { formula: '"s"&"mb"', result: 'smb' },
      7,
    ]);
    sheet.addRow([12345, 'Number Id', { formula: 'C2*2', result: 21 }, new Date(Date.UTC(2026, 2, 1, 9, 30))]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(asAdmin, base, bytes, 'book.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').expect(
      201,
    );
    expect(res.body).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, totalRows: 2 });
    expect(res.body.suggestedMapping).toEqual(['externalId', 'name', 'mrr', 'lastSeenAt', 'segment', 'attribute:Score']);
    expect(res.body.previewRows).toEqual([
      { row: 2, values: ['x-1', 'Ольга Ким', '10.5', '2026-03-01', 'smb', '7'] },
      { row: 3, values: ['12345', 'Number Id', '21', '2026-03-01T09:30:00Z', '', ''] },
    ]);
    await asAdmin.post(`${base}/${res.body.id}/start`, { mapping: res.body.suggestedMapping }).expect(202);
    expect(await waitForEnd(`${base}/${res.body.id}`)).toMatchObject({ status: 'completed', created: 2, failed: 0 });
    expect((await asAdmin.get(`${customersBase}/12345`).expect(200)).body).toMatchObject({
      mrr: 21,
      lastSeenAt: '2026-03-01T09:30:00.000Z',
    });
    expect((await asAdmin.get(`${customersBase}/x-1`).expect(200)).body).toMatchObject({
      name: 'Ольга Ким',
      segment: 'smb',
      attributes: { Score: '7' },
    });
  });

  it('refuses bad files with clear messages', async () => {
    const bad = async (content: Buffer | string, name: string, status: number, code: string, pattern: RegExp, type?: string) => {
      const res = await upload(asAdmin, base, content, name, type);
      expect({ name, status: res.status, code: res.body.error?.code }).toEqual({ name, status, code });
      expect(res.body.error.message).toMatch(pattern);
    };
    await bad('', 'empty.csv', 400, 'empty_file', /empty/);
    await bad('\n\n', 'blank.csv', 400, 'empty_file', /empty/);
    await bad('id,name\n', 'header-only.csv', 400, 'no_rows', /no customers/);
    await bad('id,Name,name\n1,a,b\n', 'dupes.csv', 400, 'duplicate_headers', /name/);
    await bad('id,,name\n1,a,b\n', 'gap.csv', 400, 'missing_header', /Column 2/);
    await bad('%PDF-1.4 binary', 'report.pdf', 400, 'unsupported_format', /\.csv or \.xlsx/, 'application/pdf');
    await bad(
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'old.xls',
      400,
      'unsupported_format',
      /\.xls/,
      'application/vnd.ms-excel',
    );
    await bad(
      Buffer.from('PK\u0003\u0004not really a zip'),
      'broken.xlsx',
      400,
      'unreadable_xlsx',
      /could not be read/,
      'application/octet-stream',
    );
    await bad('id,name\n1,"open quote\n', 'quotes.csv', 400, 'unreadable_csv', /quote/i);
    const noFile = await asAdmin.agent.post(base).set('X-CSRF-Token', asAdmin.csrfToken).field('other', 'x');
    expect([noFile.status, noFile.body.error.code]).toEqual([400, 'file_required']);
    const json = await asAdmin.post(base, { file: 'id\n1' });
    expect([json.status, json.body.error.code]).toEqual([400, 'file_required']);
  });

  it('enforces the size and row limits (413)', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    const tooBig = await upload(asAdmin, base, big, 'big.csv');
    expect([tooBig.status, tooBig.body.error.code]).toEqual([413, 'file_too_large']);
    expect(tooBig.body.error.message).toMatch(/larger than 10 MB/);
    const rows = `id\n${Array.from({ length: 50_001 }, (_, i) => `r${i}`).join('\n')}\n`;
    const tooMany = await upload(asAdmin, base, rows, 'many.csv');
    expect([tooMany.status, tooMany.body.error.code]).toEqual([413, 'too_many_rows']);
    expect(tooMany.body.error.message).toMatch(/more than 50,000/);
    const list = (await asAdmin.get(base).expect(200)).body.items as { fileName: string }[];
    expect(list.map((i) => i.fileName)).not.toContain('many.csv'); // nothing half-written
  });
});

describe('customer import: validate, run, errors', () => {
  let importId: string;

  it('checks a mapping: per-row errors with file row numbers and columns, repeated ids listed', async () => {
    importId = (await upload(asAdmin, base, CUSTOMERS_CSV, 'customers.csv').expect(201)).body.id;
    const res = await asAdmin.post(`${base}/${importId}/validate`, { mapping: MAPPING }).expect(200);
    expect(res.body).toMatchObject({ checkedRows: 6, validRows: 3, invalidRows: 3, duplicateRows: 1, errorsTruncated: false });
    expect(res.body.duplicates).toEqual([{ row: 7, externalId: 'c-1', firstRow: 2 }]);
    expect(res.body.errors).toEqual([
      { row: 3, externalId: 'c-2', column: 'Email', field: 'email', message: 'email must be a valid email address' },
      { row: 5, externalId: 'c-3', column: 'MRR', field: 'mrr', message: 'mrr must be a number, e.g. 1234.50 or 1 234,50' },
      {
        row: 5,
        externalId: 'c-3',
        column: 'Survey consent',
        field: 'consents.survey',
        message: 'consents.survey must be yes or no (also true/false, 1/0, да/нет)',
      },
      {
        row: 5,
        externalId: 'c-3',
        column: 'Lifecycle stage',
        field: 'lifecycleStage',
        message: 'lifecycleStage must be one of: aware, considering, buying, repeat, left',
      },
      { row: 5, externalId: 'c-3', column: 'Orders', field: 'orderCount', message: 'orderCount must be a whole number' },
      {
        row: 6,
        externalId: null,
        column: 'Customer ID',
        field: 'externalId',
        message: 'externalId must be 1–200 characters without /, ? or #',
      },
    ]);
    const firstTwo = await asAdmin.post(`${base}/${importId}/validate`, { mapping: MAPPING, rows: 2 }).expect(200);
    expect(firstTwo.body).toMatchObject({ checkedRows: 2, validRows: 1, invalidRows: 1 });
    // Nothing was written by validation.
    await asAdmin.get(`${customersBase}/c-1`).expect(404);
  });

  it('refuses bad mappings with 400 naming the column', async () => {
    const cases: [unknown, RegExp][] = [
      [MAPPING.map((m) => (m === 'externalId' ? 'ignore' : m)), /externalId/],
      [['attribute:Customer ID', ...MAPPING.slice(1)], /externalId/],
      [MAPPING.slice(1), /14 entries/],
      [[...MAPPING.slice(0, 13), 'favouriteColour'], /unknown target "favouriteColour"/],
      [[...MAPPING.slice(0, 13), 'email'], /already filled by column 3/],
      [[...MAPPING.slice(0, 13), 'attribute:'], /attribute names/],
      ['externalId', /list/],
    ];
    for (const [mapping, message] of cases) {
      const res = await asAdmin.post(`${base}/${importId}/validate`, { mapping });
      expect(res.status, JSON.stringify(mapping)).toBe(400);
      expect(`${res.body.error.message} ${JSON.stringify(res.body.error.details)}`).toMatch(message);
      expect((await asAdmin.post(`${base}/${importId}/start`, { mapping })).status).toBe(400);
    }
    expect((await asAdmin.get(`${base}/${importId}`).expect(200)).body.status).toBe('previewing');
  });

  it('imports in the background: good rows kept, bad rows reported, the later duplicate wins; a second start is 409', async () => {
    const started = await asAdmin.post(`${base}/${importId}/start`, { mapping: MAPPING }).expect(202);
    expect(started.body).toMatchObject({ mapping: MAPPING });
    expect(['running', 'completed']).toContain(started.body.status);
    const again = await asAdmin.post(`${base}/${importId}/start`, { mapping: MAPPING });
    expect([again.status, again.body.error.code]).toEqual([409, 'import_already_started']);

    const done = await waitForEnd(`${base}/${importId}`);
    expect(done).toMatchObject({ status: 'completed', totalRows: 6, processed: 6, created: 2, updated: 1, failed: 3, message: null });
    expect(done.finishedAt).toBeTruthy();

    const anna = (await asAdmin.get(`${customersBase}/c-1`).expect(200)).body;
    expect(anna).toMatchObject({
      name: 'Anna S.',
      email: 'anna@example.com',
      phone: '+1 555 0100',
      lifecycleStage: 'buying',
      segment: 'smb',
      mrr: 49.9,
      orderCount: 3,
      firstSeenAt: '2026-01-15T00:00:00.000Z',
      lastSeenAt: '2026-11-01T10:00:00.000Z',
      attributes: { Plan: 'pro' },
      consents: {
        survey: { granted: true, at: done.startedAt, source: 'import: customers.csv' },
        marketing: { granted: false, at: done.startedAt, source: 'import: customers.csv' },
      },
    });
    expect(anna.attributes).not.toHaveProperty('Notes'); // that column was ignored
    expect((await asAdmin.get(`${customersBase}/c-4`).expect(200)).body).toMatchObject({
      name: 'Dina, Jr.',
      mrr: 1000,
      firstSeenAt: '2025-12-31T00:00:00.000Z',
    });
    await asAdmin.get(`${customersBase}/c-2`).expect(404);
    await asAdmin.get(`${customersBase}/c-3`).expect(404);

    const errors = (await asAdmin.get(`${base}/${importId}/errors?limit=2&offset=1`).expect(200)).body;
    expect(errors.total).toBe(6);
    expect(errors.items.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [5, 'mrr'],
      [5, 'consents.survey'],
    ]);
  });

  it('downloads all row errors as CSV', async () => {
    const res = await asAdmin.get(`${base}/${importId}/errors.csv`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="customers-errors.csv"');
    const lines = res.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('row,external_id,column,field,message');
    expect(lines[1]).toBe('3,c-2,Email,email,email must be a valid email address');
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('6,,Customer ID,externalId,"externalId must be 1–200 characters without /, ? or #"');
  });

  it('re-importing the same file updates, never duplicates', async () => {
    const before = (await asAdmin.get(`${customersBase}?search=c-`).expect(200)).body.total;
    const second = (await upload(asAdmin, base, CUSTOMERS_CSV, 'customers.csv').expect(201)).body.id;
    await asAdmin.post(`${base}/${second}/start`, { mapping: MAPPING }).expect(202);
    expect(await waitForEnd(`${base}/${second}`)).toMatchObject({ status: 'completed', processed: 6, created: 0, updated: 3, failed: 3 });
    expect((await asAdmin.get(`${customersBase}?search=c-`).expect(200)).body.total).toBe(before);
    expect(before).toBe(2);
    const list = (await asAdmin.get(base).expect(200)).body.items as { id: string }[];
    expect(list[0].id).toBe(second); // newest first
  });

  it('counts progress over many chunks', async () => {
    const rows = Array.from({ length: 1203 }, (_, i) => (i % 100 === 99 ? `bulk-${i},bad-email` : `bulk-${i},user${i}@example.test`));
    const id = (await upload(asAdmin, base, `id,email\n${rows.join('\n')}\n`, 'bulk.csv').expect(201)).body.id;
    await asAdmin.post(`${base}/${id}/start`, { mapping: ['externalId', 'email'] }).expect(202);
    expect(await waitForEnd(`${base}/${id}`)).toMatchObject({
      status: 'completed',
      totalRows: 1203,
      processed: 1203,
      created: 1191,
      updated: 0,
      failed: 12,
    });
    const errors = (await asAdmin.get(`${base}/${id}/errors?limit=1000`).expect(200)).body;
    expect(errors.items.map((e: { row: number }) => e.row)).toEqual(Array.from({ length: 12 }, (_, k) => 101 + k * 100));
  });

  it('resumes an import whose process died, after the last committed row', async () => {
    const csv = 'id,name\nd-1,One\nd-2,Two\nd-3,Three\nd-4,Four\n';
    const id = (await upload(asAdmin, base, csv, 'died.csv').expect(201)).body.id;
    // As a crashed process leaves it: running, two rows committed, a lease that ran out.
    await t.app.get(DataSource).query(
      `UPDATE customer_imports SET status = 'running', mapping = '["externalId","name"]', started_at = now(), next_position = 2,
              processed = 2, created = 2, lease_owner = 'dead-host:1:x', lease_until = now() - interval '1 minute'
        WHERE workspace_id = $1 AND id = $2`,
      [admin.workspaceId, id],
    );
    expect(await t.app.get(CustomerImportRunner).sweep()).toBeGreaterThanOrEqual(1);
    expect(await waitForEnd(`${base}/${id}`)).toMatchObject({ status: 'completed', processed: 4, created: 4, failed: 0 });
    await asAdmin.get(`${customersBase}/d-1`).expect(404); // committed by the "dead" process in this story, not re-run
    expect((await asAdmin.get(`${customersBase}/d-3`).expect(200)).body.name).toBe('Three');
    expect((await asAdmin.get(`${customersBase}/d-4`).expect(200)).body.name).toBe('Four');
  });
});

describe('customer import: access', () => {
  it('keeps imports to their workspace and needs an editor role or the customers:write scope', async () => {
    const mine = (await upload(asAdmin, base, 'id\nz-1\n', 'mine.csv').expect(201)).body.id;
    const other = await t.seedAdmin('Other');
    const asOther = await t.login(other.email, other.password);
    const otherBase = `/api/v1/workspaces/${other.workspaceId}/customer-imports`;
    for (const path of [`${otherBase}/${mine}`, `${otherBase}/${mine}/errors`, `${otherBase}/${mine}/errors.csv`]) {
      expect((await asOther.get(path)).status, path).toBe(404);
    }
    expect((await asOther.post(`${otherBase}/${mine}/start`, { mapping: ['externalId'] })).status).toBe(404);
    expect((await asOther.post(`${otherBase}/${mine}/validate`, { mapping: ['externalId'] })).status).toBe(404);
    expect((await asOther.get(`${base}/${mine}`)).status).toBe(404);
    expect((await asOther.get(otherBase).expect(200)).body.items).toEqual([]);
    expect((await asOther.get(`${otherBase}/not-a-uuid`)).status).toBe(404);
    expect((await asAdmin.get(`${base}/${mine}`).expect(200)).body.status).toBe('previewing');

    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    expect((await upload(asViewer, base, 'id\nv-1\n', 'v.csv')).status).toBe(403);
    expect((await asViewer.get(base)).status).toBe(403);

    const tokens = `/api/v1/workspaces/${admin.workspaceId}/api-tokens`;
    const writer = (await asAdmin.post(tokens, { name: 'crm', scopes: ['customers:write'] }).expect(201)).body.secret;
    const reader = (await asAdmin.post(tokens, { name: 'bi', scopes: ['customers:read'] }).expect(201)).body.secret;
    const viaToken = await t
      .http()
      .post(base)
      .set('Authorization', `Bearer ${writer}`)
      .attach('file', Buffer.from('id\nt-1\n'), { filename: 't.csv', contentType: 'text/csv' });
    expect(viaToken.status).toBe(201);
    const denied = await t
      .http()
      .post(base)
      .set('Authorization', `Bearer ${reader}`)
      .attach('file', Buffer.from('id\nt-2\n'), { filename: 't.csv', contentType: 'text/csv' });
    expect(denied.status).toBe(403);
  });
});
