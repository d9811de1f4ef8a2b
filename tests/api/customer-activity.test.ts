import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/**
 * The activity API: events stored once per eventId (a repeat returns the stored event, a reused id with other content
 * is refused, two identical requests at once store one row and move the counters once), orders and every event moving
 * the customer's counters, bulk rows judged one by one, CSV import with its limits, tenancy, roles and token scope.
 */

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let base: string;

const db = () => t.app.get(DataSource);
const activityUrl = (id: string) => `${base}/${encodeURIComponent(id)}/activity`;

interface Counters {
  order_count: number;
  purchase_volume: string;
  last_order_at: Date | null;
  last_seen_at: Date;
}
const counters = async (externalId: string, workspaceId = admin.workspaceId): Promise<Counters> =>
  (
    await db().query(
      `SELECT order_count, purchase_volume, last_order_at, last_seen_at FROM customers WHERE workspace_id = $1 AND external_id = $2`,
      [workspaceId, externalId],
    )
  )[0];
const rows = async (workspaceId = admin.workspaceId): Promise<number> =>
  (await db().query(`SELECT count(*)::int AS n FROM customer_activity WHERE workspace_id = $1`, [workspaceId]))[0].n;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin();
  asAdmin = await t.login(admin.email, admin.password);
  base = `/api/v1/workspaces/${admin.workspaceId}/customers`;
  for (const id of ['c-1', 'c-2', 'c-3', 'c-race', 'c-bulk-1', 'c-bulk-2', 'c-csv-1', 'c-csv-2']) {
    await asAdmin.put(`${base}/${id}`, { name: id, lastSeenAt: '2026-01-01T00:00:00.000Z' }).expect(201);
  }
});

afterAll(async () => {
  await t?.close();
});

describe('one event', () => {
  const order = { eventId: 'ord-1001', kind: 'order', amount: 120.5, currency: 'EUR', occurredAt: '2026-03-10T09:00:00.000Z' };

  it('stores a new event (201), returns the stored one on a repeat (200) and moves the counters once', async () => {
    const before = await counters('c-1');
    expect(before.order_count).toBe(0);
    const created = await asAdmin.post(activityUrl('c-1'), order).expect(201);
    expect(created.body).toMatchObject({
      customerExternalId: 'c-1',
      eventId: 'ord-1001',
      kind: 'order',
      name: null,
      amount: 120.5,
      currency: 'EUR',
      occurredAt: '2026-03-10T09:00:00.000Z',
    });
    const again = await asAdmin.post(activityUrl('c-1'), order).expect(200);
    expect(again.body).toEqual(created.body);
    const after = await counters('c-1');
    expect(after.order_count).toBe(1);
    expect(after.purchase_volume).toBe('120.50');
    expect(after.last_order_at?.toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(after.last_seen_at.toISOString()).toBe('2026-03-10T09:00:00.000Z');
  });

  it('refuses a reused eventId with other content (409 event_id_reused) and changes nothing', async () => {
    const changed = await asAdmin.post(activityUrl('c-1'), { ...order, amount: 99 }).expect(409);
    expect(changed.body.error.code).toBe('event_id_reused');
    const elsewhere = await asAdmin.post(activityUrl('c-2'), order).expect(409);
    expect(elsewhere.body.error.code).toBe('event_id_reused');
    expect((await counters('c-1')).purchase_volume).toBe('120.50');
    expect((await counters('c-2')).order_count).toBe(0);
  });

  it('moves last_seen_at forward only and last_order_at only with orders', async () => {
    await asAdmin.post(activityUrl('c-1'), { eventId: 'login-old', kind: 'login', occurredAt: '2026-02-01T00:00:00.000Z' }).expect(201);
    await asAdmin
      .post(activityUrl('c-1'), { eventId: 'pay-1', kind: 'payment', amount: 40, currency: 'EUR', occurredAt: '2026-03-20T00:00:00.000Z' })
      .expect(201);
    await asAdmin
      .post(activityUrl('c-1'), { eventId: 'ord-0999', kind: 'order', amount: 10.25, occurredAt: '2026-03-01T00:00:00.000Z' })
      .expect(201);
    const after = await counters('c-1');
    expect(after.order_count).toBe(2);
    expect(after.purchase_volume).toBe('130.75'); // 120.50 + 10.25; payments are not purchases
    expect(after.last_order_at?.toISOString()).toBe('2026-03-10T09:00:00.000Z'); // the older order does not move it back
    expect(after.last_seen_at.toISOString()).toBe('2026-03-20T00:00:00.000Z');
  });

  it('stores one row and moves the counters once when the same event arrives twice at once', async () => {
    const event = { eventId: 'race-1', kind: 'order', amount: 50, currency: 'RUB', occurredAt: '2026-04-01T12:00:00.000Z' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => asAdmin.post(activityUrl('c-race'), event)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const after = await counters('c-race');
    expect(after.order_count).toBe(1);
    expect(after.purchase_volume).toBe('50.00');
    expect(
      (
        await db().query(`SELECT count(*)::int AS n FROM customer_activity WHERE workspace_id = $1 AND event_id = 'race-1'`, [
          admin.workspaceId,
        ])
      )[0].n,
    ).toBe(1);
  });

  it('answers 404 for an unknown customer and 400 for hostile or wrong input, storing nothing', async () => {
    const stored = await rows();
    const missing = await asAdmin.post(activityUrl('nobody'), { eventId: 'x-1', kind: 'login', occurredAt: '2026-03-01T00:00:00Z' });
    expect(missing.status).toBe(404);
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const bad: object[] = [
      { eventId: '', kind: 'login', occurredAt: '2026-03-01T00:00:00Z' },
      { eventId: 'x'.repeat(201), kind: 'login', occurredAt: '2026-03-01T00:00:00Z' },
      { eventId: 'ctl\u0007id', kind: 'login', occurredAt: '2026-03-01T00:00:00Z' },
      { eventId: 'x-2', kind: 'refund', occurredAt: '2026-03-01T00:00:00Z' },
      { eventId: 'x-3', kind: 'event', occurredAt: '2026-03-01T00:00:00Z' }, // a named event needs its name
      { eventId: 'x-4', kind: 'event', name: '<script>', occurredAt: '2026-03-01T00:00:00Z' },
      { eventId: 'x-5', kind: 'event', name: 'a'.repeat(101), occurredAt: '2026-03-01T00:00:00Z' },
      { eventId: 'x-6', kind: 'order', occurredAt: '2026-03-01T00:00:00Z' }, // an order needs its amount
      { eventId: 'x-7', kind: 'order', amount: -1, occurredAt: '2026-03-01T00:00:00Z' },
      { eventId: 'x-8', kind: 'order', amount: 1.005, occurredAt: '2026-03-01T00:00:00Z' },
      { eventId: 'x-9', kind: 'order', amount: '10', occurredAt: '2026-03-01T00:00:00Z' },
      { eventId: 'x-10', kind: 'order', amount: 1e12, occurredAt: '2026-03-01T00:00:00Z' },
      { eventId: 'x-11', kind: 'order', amount: 10, currency: 'EURO', occurredAt: '2026-03-01T00:00:00Z' },
      { eventId: 'x-12', kind: 'order', amount: 10, currency: 'XYZ', occurredAt: '2026-03-01T00:00:00Z' },
      { eventId: 'x-13', kind: 'login', amount: 10, occurredAt: '2026-03-01T00:00:00Z' },
      { eventId: 'x-14', kind: 'login', occurredAt: future },
      { eventId: 'x-15', kind: 'login', occurredAt: 'yesterday' },
      { eventId: 'x-16', kind: 'login', occurredAt: '1970-01-01T00:00:00Z' },
      { eventId: 'x-17', kind: 'login', occurredAt: '2026-03-01T00:00:00Z', extra: 1 },
    ];
    for (const body of bad) {
      const answer = await asAdmin.post(activityUrl('c-2'), body);
      expect({ body, status: answer.status, code: answer.body.error?.code }).toEqual({ body, status: 400, code: 'validation_failed' });
    }
    const slash = await asAdmin.post(`${base}/a%2Fb/activity`, { eventId: 'x-18', kind: 'login', occurredAt: '2026-03-01T00:00:00Z' });
    expect(slash.status).toBe(400);
    expect(await rows()).toBe(stored);
  });

  it('takes a named event and a login just under a day ahead without moving last_seen_at into the future', async () => {
    await asAdmin
      .post(activityUrl('c-3'), { eventId: 'ev-1', kind: 'event', name: 'report_exported', occurredAt: '2026-03-05T00:00:00Z' })
      .expect(201);
    const soon = new Date(Date.now() + 20 * 3_600_000).toISOString();
    await asAdmin.post(activityUrl('c-3'), { eventId: 'login-soon', kind: 'login', occurredAt: soon }).expect(201);
    const after = await counters('c-3');
    expect(after.order_count).toBe(0);
    expect(after.last_order_at).toBeNull();
    expect(after.last_seen_at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(after.last_seen_at.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('access', () => {
  it('keeps each workspace to itself, lets viewers not write and asks tokens for activity:write', async () => {
    const other = await t.seedAdmin('Other');
    const asOther = await t.login(other.email, other.password);
    await asOther.put(`/api/v1/workspaces/${other.workspaceId}/customers/c-1`, { name: 'Their c-1' }).expect(201);
    const login = { eventId: 'ord-1001', kind: 'login', occurredAt: '2026-03-01T00:00:00Z' };
    // Another workspace cannot write into ours, and its event ids are its own.
    expect((await asOther.post(activityUrl('c-1'), login)).status).toBe(404);
    await asOther.post(`/api/v1/workspaces/${other.workspaceId}/customers/c-1/activity`, login).expect(201);
    expect(await rows(other.workspaceId)).toBe(1);
    expect((await counters('c-1')).last_seen_at.toISOString()).toBe('2026-03-20T00:00:00.000Z');

    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    expect((await asViewer.post(activityUrl('c-2'), { eventId: 'v-1', kind: 'login', occurredAt: '2026-03-01T00:00:00Z' })).status).toBe(
      403,
    );
    expect((await asViewer.post(`${base}/activity/bulk`, { events: [] })).status).toBe(403);

    const tokenFor = async (scopes: string[]) =>
      (await asAdmin.post(`/api/v1/workspaces/${admin.workspaceId}/api-tokens`, { name: `t-${scopes.join()}`, scopes }).expect(201)).body
        .secret as string;
    const customersOnly = await tokenFor(['customers:write', 'customers:read']);
    const activity = await tokenFor(['activity:write']);
    const event = { eventId: 'tok-1', kind: 'login', occurredAt: '2026-03-01T00:00:00Z' };
    expect((await t.http().post(activityUrl('c-2')).set('Authorization', `Bearer ${customersOnly}`).send(event)).status).toBe(403);
    await t.http().post(activityUrl('c-2')).set('Authorization', `Bearer ${activity}`).send(event).expect(201);
    const bulk = await t
      .http()
      .post(`${base}/activity/bulk`)
      .set('Authorization', `Bearer ${activity}`)
      .send({ events: [{ ...event, customerExternalId: 'c-2' }] })
      .expect(200);
    expect(bulk.body).toEqual({ created: 0, unchanged: 1, errors: [] });
  });
});

describe('bulk', () => {
  it('stores the good rows and reports each bad one with its position and why', async () => {
    const at = '2026-05-01T10:00:00.000Z';
    const events = [
      { customerExternalId: 'c-bulk-1', eventId: 'b-1', kind: 'order', amount: 10, occurredAt: at },
      { customerExternalId: 'c-bulk-1', eventId: 'b-2', kind: 'order', amount: -5, occurredAt: at }, // bad amount
      { customerExternalId: 'nobody', eventId: 'b-3', kind: 'login', occurredAt: at }, // unknown customer
      { customerExternalId: 'c-bulk-2', eventId: 'b-4', kind: 'order', amount: 20.5, occurredAt: at },
      { customerExternalId: 'c-bulk-2', eventId: 'b-4', kind: 'order', amount: 20.5, occurredAt: at }, // repeated in the batch
      { customerExternalId: 'c-bulk-2', eventId: 'b-1', kind: 'order', amount: 10, occurredAt: at }, // b-1 is c-bulk-1's
      {
        customerExternalId: 'c-1',
        eventId: 'ord-1001',
        kind: 'order',
        amount: 120.5,
        currency: 'EUR',
        occurredAt: '2026-03-10T09:00:00.000Z',
      },
      'not an object',
      { customerExternalId: 'c-bulk-2', eventId: 'b-5', kind: 'payment', amount: 7, currency: 'BGN', occurredAt: at, admin: true },
    ];
    const { body } = await asAdmin.post(`${base}/activity/bulk`, { events }).expect(200);
    expect(body.created).toBe(2); // b-1, b-4
    expect(body.unchanged).toBe(2); // b-4 again, ord-1001 already stored
    expect(body.errors.map((e: { index: number; code: string; field: string }) => [e.index, e.code, e.field])).toEqual([
      [1, 'validation_failed', 'amount'],
      [2, 'customer_not_found', 'customerExternalId'],
      [5, 'event_id_reused', 'eventId'],
      [7, 'validation_failed', ''],
      [8, 'validation_failed', 'admin'],
    ]);
    expect(await counters('c-bulk-1')).toMatchObject({ order_count: 1, purchase_volume: '10.00' });
    expect(await counters('c-bulk-2')).toMatchObject({ order_count: 1, purchase_volume: '20.50' });
  });

  it('refuses an empty or oversized batch as a whole', async () => {
    expect((await asAdmin.post(`${base}/activity/bulk`, { events: [] })).status).toBe(400);
    const many = Array.from({ length: 1001 }, (_, i) => ({
      customerExternalId: 'c-2',
      eventId: `m-${i}`,
      kind: 'login',
      occurredAt: '2026-03-01T00:00:00Z',
    }));
    expect((await asAdmin.post(`${base}/activity/bulk`, { events: many })).status).toBe(400);
    expect(
      (
        await db().query(`SELECT count(*)::int AS n FROM customer_activity WHERE workspace_id = $1 AND event_id LIKE 'm-%'`, [
          admin.workspaceId,
        ])
      )[0].n,
    ).toBe(0);
  });
});

describe('CSV import', () => {
  const csv = (text: string | Buffer, as: LoggedIn = asAdmin) =>
    as.agent.post(`${base}/activity/import`).set('X-CSRF-Token', as.csrfToken).set('Content-Type', 'text/csv').send(text);

  it('imports a semicolon CSV with decimal commas and reports bad rows by data row', async () => {
    const file = [
      '\uFEFFcustomer_external_id;event_id;kind;amount;currency;occurred_at;name',
      'c-csv-1;csv-1;order;12,50;EUR;2026-05-02T08:00:00Z;',
      'c-csv-1;csv-2;order;7.25;EUR;2026-05-03T08:00:00Z;',
      'c-csv-2;csv-3;event;;;2026-05-03T09:00:00Z;exported_report',
      'c-csv-2;csv-4;order;abc;EUR;2026-05-03T09:00:00Z;', // not an amount
      'nobody;csv-5;login;;;2026-05-03T09:00:00Z;',
      '',
      '"c-csv-2";"csv-6";"login";;;"2026-05-04T09:00:00Z";',
    ].join('\r\n');
    const { body } = await csv(file).expect(200);
    expect(body).toMatchObject({ rows: 6, created: 4, unchanged: 0, errorsOmitted: 0 });
    expect(body.errors.map((e: { index: number; code: string }) => [e.index, e.code])).toEqual([
      [3, 'validation_failed'],
      [4, 'customer_not_found'],
    ]);
    expect(await counters('c-csv-1')).toMatchObject({ order_count: 2, purchase_volume: '19.75' });
    // Sent again: nothing new.
    expect((await csv(file).expect(200)).body).toMatchObject({ created: 0, unchanged: 4 });
  });

  it('refuses hostile and broken files with clear 4xx and stores nothing from them', async () => {
    const before = await rows();
    const header = 'customerExternalId,eventId,kind,occurredAt\n';
    const cases: [string | Buffer, number, string][] = [
      ['', 400, 'empty_file'],
      ['who,what\nc-1,x\n', 400, 'unknown_column'],
      ['customerExternalId,kind,occurredAt\nc-1,login,2026-03-01T00:00:00Z\n', 400, 'missing_column'],
      ['customerExternalId,eventId,eventId,kind,occurredAt\n', 400, 'duplicate_column'],
      [`${header}c-csv-2,h-1,login,"2026-03-01\n`, 400, 'unreadable_csv'], // unclosed quote
      [`${header}c-csv-2,h-2,login,2026-03-01T00:00:00Z,extra\n`, 400, 'unreadable_csv'], // more cells than columns
      [`${header}c-csv-2,"${'x'.repeat(20_000)}",login,2026-03-01T00:00:00Z\n`, 400, 'unreadable_csv'], // a row over 16 KB
      [Buffer.concat([Buffer.from(header), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])]), 400, 'unsupported_format'],
      [header + Array.from({ length: 20_001 }, (_, i) => `c-csv-2,r-${i},login,2026-03-01T00:00:00Z`).join('\n'), 413, 'too_many_rows'],
      [header + 'c-csv-2,big,login,2026-03-01T00:00:00Z,'.padEnd(5 * 1024 * 1024 + 10, ' '), 413, 'file_too_large'],
    ];
    for (const [file, status, code] of cases) {
      const answer = await csv(file);
      expect({ code: answer.body.error?.code, status: answer.status }).toEqual({ code, status });
    }
    const json = await asAdmin.post(`${base}/activity/import`, { events: [] });
    expect(json.status).toBe(415);
    expect(await rows()).toBe(before);
  });

  it('is for editors and activity:write tokens only', async () => {
    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    expect((await csv('customerExternalId,eventId,kind,occurredAt\n', asViewer)).status).toBe(403);
  });
});
