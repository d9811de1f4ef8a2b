import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomersReader } from '@otklik/backend/src/customers/customers.reader';
import { CustomerStatusService } from '@otklik/backend/src/customers/status/customer-status.service';
import { DEFAULT_STATUS_RULES, deriveColourStatus, type StatusFacts } from '@otklik/backend/src/customers/status/derive-colour-status';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

let t: TestApp;
let db: DataSource;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let base: string;
let receiver: WebhookReceiver;

beforeAll(async () => {
  t = await startTestApp({ webhookAllowedNetworks: ['127.0.0.0/8'], webhookPollMs: 50 });
  db = t.app.get(DataSource);
  admin = await t.seedAdmin('Colour funnel Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  base = `/api/v1/workspaces/${admin.workspaceId}/customers`;
  receiver = await startWebhookReceiver();
  const hook = await asAdmin.post(`/api/v1/workspaces/${admin.workspaceId}/webhooks`, {
    url: receiver.url,
    events: ['customer.status_changed'],
  });
  expect(hook.status, JSON.stringify(hook.body)).toBe(201);
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const NOW = new Date('2026-12-01T00:00:00.000Z');
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** Hand-built customers: the facts the rules look at, and the status (and stop) worked out by hand. */
const CASES: { id: string; facts: Partial<StatusFacts>; status: string; stoppedAt?: string }[] = [
  { id: 'white', facts: {}, status: 'white' },
  { id: 'grey', facts: { isOrganisation: true }, status: 'grey' },
  { id: 'org-with-dm', facts: { isOrganisation: true, decisionMaker: 'Иван Петров' }, status: 'white' },
  { id: 'green', facts: { offerResponse: 'interested' }, status: 'green' },
  { id: 'yellow', facts: { offerResponse: 'interested', marketingConsent: true }, status: 'yellow' },
  { id: 'consent-withdrawn', facts: { marketingConsent: false }, status: 'white' },
  { id: 'green-gold', facts: { offerResponse: 'requested', marketingConsent: true }, status: 'green_gold' },
  { id: 'gold', facts: { orderCount: 1, lastOrderAt: day('2026-11-01') }, status: 'gold' },
  // exactly 90 days without an order is not yet "more than 90"
  { id: 'gold-boundary', facts: { orderCount: 1, lastOrderAt: day('2026-09-02') }, status: 'gold' },
  { id: 'gold-declined', facts: { orderCount: 2, lastOrderAt: day('2026-11-20'), offerResponse: 'declined' }, status: 'gold' },
  { id: 'platinum', facts: { orderCount: 3, lastOrderAt: day('2026-11-20') }, status: 'platinum' },
  { id: 'red-green', facts: { offerResponse: 'declined' }, status: 'red_green' },
  // 122 days without an order: stopped on its last order
  { id: 'red-gold', facts: { orderCount: 2, lastOrderAt: day('2026-08-01') }, status: 'red_gold', stoppedAt: '2026-08-01' },
  // many orders but only 151 days from first seen to the stop: not long cooperation
  {
    id: 'red-gold-short',
    facts: { orderCount: 5, firstSeenAt: day('2026-01-01'), lastOrderAt: day('2026-06-01') },
    status: 'red_gold',
    stoppedAt: '2026-06-01',
  },
  // 699 days from first seen to the last order
  {
    id: 'red-platinum',
    facts: { orderCount: 5, firstSeenAt: day('2024-06-01'), lastOrderAt: day('2026-05-01') },
    status: 'red_platinum',
    stoppedAt: '2026-05-01',
  },
  // cancelled (left) after recent orders: stopped now, 700 days after first seen
  {
    id: 'left-platinum',
    facts: { lifecycleStage: 'left', orderCount: 4, firstSeenAt: day('2025-01-01'), lastOrderAt: day('2026-11-25') },
    status: 'red_platinum',
    stoppedAt: '2026-12-01',
  },
  // no orders: leaving does not make them a lost buyer; the declined offer decides
  { id: 'left-never-bought', facts: { lifecycleStage: 'left', offerResponse: 'declined' }, status: 'red_green', stoppedAt: '2026-12-01' },
  // a stop already recorded is kept while they stay stopped
  {
    id: 'kept-stop',
    facts: { orderCount: 3, firstSeenAt: day('2025-01-01'), lastOrderAt: day('2026-02-01'), stoppedAt: day('2026-05-15') },
    status: 'red_platinum',
    stoppedAt: '2026-05-15',
  },
  // bought again: the stop is cleared
  { id: 'came-back', facts: { orderCount: 4, lastOrderAt: day('2026-11-28'), stoppedAt: day('2026-05-15') }, status: 'platinum' },
];

const factsOf = (partial: Partial<StatusFacts>): StatusFacts => ({
  lifecycleStage: 'aware',
  orderCount: 0,
  firstSeenAt: day('2026-01-10'),
  lastSeenAt: day('2026-01-10'),
  lastOrderAt: null,
  stoppedAt: null,
  offerResponse: null,
  marketingConsent: false,
  isOrganisation: false,
  decisionMaker: null,
  ...partial,
});

async function insertCustomer(workspaceId: string, externalId: string, f: StatusFacts): Promise<void> {
  const consents = f.marketingConsent
    ? { marketing: { granted: true, at: '2026-01-10T00:00:00Z', source: 'form' } }
    : externalId === 'consent-withdrawn'
      ? { marketing: { granted: false, at: '2026-01-10T00:00:00Z', source: 'form' } }
      : {};
  await db.query(
    `INSERT INTO customers (workspace_id, external_id, lifecycle_stage, order_count, first_seen_at, last_seen_at, last_order_at,
                            stopped_at, offer_response, consents, is_organisation, decision_maker)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      workspaceId,
      externalId,
      f.lifecycleStage,
      f.orderCount,
      f.firstSeenAt,
      f.lastSeenAt,
      f.lastOrderAt,
      f.stoppedAt,
      f.offerResponse,
      JSON.stringify(consents),
      f.isOrganisation,
      f.decisionMaker,
    ],
  );
}

const historyOf = async (externalId: string) =>
  (await asAdmin.get(`${base}/${encodeURIComponent(externalId)}/status-history`).expect(200)).body.items;

describe('colour statuses', () => {
  it('derives every status by the rules, in SQL exactly as the pure function does', async () => {
    const other = await t.seedAdmin('Derivation');
    for (const c of CASES) await insertCustomer(other.workspaceId, c.id, factsOf(c.facts));
    const changes = await t.app.get(CustomerStatusService).recomputeWorkspace(other.workspaceId, undefined, NOW);
    // every customer gets its first status recorded (from null)
    expect(changes).toHaveLength(CASES.length);
    expect(changes.every((c) => c.fromStatus === null && c.cause === 'rules')).toBe(true);
    const rows: { external_id: string; colour_status: string; stopped_at: Date | null }[] = await db.query(
      'SELECT external_id, colour_status, stopped_at FROM customers WHERE workspace_id = $1',
      [other.workspaceId],
    );
    const stored = new Map(rows.map((r) => [r.external_id, r]));
    for (const c of CASES) {
      const pure = deriveColourStatus(factsOf(c.facts), DEFAULT_STATUS_RULES, NOW);
      expect({ id: c.id, status: pure.status }).toEqual({ id: c.id, status: c.status });
      expect({ id: c.id, status: stored.get(c.id)!.colour_status }).toEqual({ id: c.id, status: c.status });
      const expectedStop = c.stoppedAt ? day(c.stoppedAt).toISOString() : null;
      expect({ id: c.id, stop: pure.stoppedAt?.toISOString() ?? null }).toEqual({ id: c.id, stop: expectedStop });
      expect({ id: c.id, stop: stored.get(c.id)!.stopped_at?.toISOString() ?? null }).toEqual({ id: c.id, stop: expectedStop });
      expect(changes.find((ch) => ch.externalId === c.id)!.detail).toBe(pure.rule);
    }
    // every one of the ten statuses is covered
    expect(new Set(CASES.map((c) => c.status)).size).toBe(10);
    // recomputing again moves nobody
    expect(await t.app.get(CustomerStatusService).recomputeWorkspace(other.workspaceId, undefined, NOW)).toEqual([]);
  });

  it('keeps status and history in step with customer writes, and announces moves', async () => {
    const created = await asAdmin
      .put(`${base}/anna`, { name: 'Анна', offerResponse: 'interested', country: 'Россия', city: 'Москва' })
      .expect(201);
    expect(created.body).toMatchObject({
      colourStatus: 'green',
      offerResponse: 'interested',
      country: 'Россия',
      city: 'Москва',
      stoppedAt: null,
    });
    expect(created.body.offerResponseAt).not.toBeNull();
    const bought = await asAdmin.put(`${base}/anna`, { orderCount: 1, lastSeenAt: new Date().toISOString() }).expect(200);
    expect(bought.body.colourStatus).toBe('gold');
    const platinum = await asAdmin.put(`${base}/anna`, { orderCount: 3 }).expect(200);
    expect(platinum.body.colourStatus).toBe('platinum');
    const left = await asAdmin.put(`${base}/anna`, { lifecycleStage: 'left' }).expect(200);
    // first seen just now: not long cooperation
    expect(left.body).toMatchObject({ colourStatus: 'red_gold' });
    expect(left.body.stoppedAt).not.toBeNull();
    const history = await historyOf('anna');
    expect(
      history.map((h: { from: string | null; to: string; cause: string; detail: string }) => [h.from, h.to, h.cause, h.detail]),
    ).toEqual([
      ['platinum', 'red_gold', 'rules', 'stopped_buyer'],
      ['gold', 'platinum', 'rules', 'platinum_orders'],
      ['green', 'gold', 'rules', 'ordered'],
      [null, 'green', 'rules', 'offer_interested'],
    ]);
    const hooks = await receiver.waitFor(3, (w) => w.json.type === 'customer.status_changed' && w.json.data.customer.externalId === 'anna');
    expect(hooks.map((w) => [w.json.data.from, w.json.data.to]).sort()).toEqual(
      [
        ['gold', 'platinum'],
        ['green', 'gold'],
        ['platinum', 'red_gold'],
      ].sort(),
    );
    // status moves show on the timeline
    const timeline = await asAdmin.get(`${base}/anna/timeline?kinds=status`).expect(200);
    expect(timeline.body.items.map((i: { details: { to: string } }) => i.details.to)).toEqual(['red_gold', 'platinum', 'gold']); // moves only: the first status is 'first seen'
  });

  it('moves a buyer to the red end when a cancellation marks them as left', async () => {
    await asAdmin.put(`${base}/cancel-me`, { orderCount: 2 }).expect(201);
    await db.transaction((manager) =>
      t.app.get(CustomersReader).recordCancellationStep(admin.workspaceId, 'cancel-me', { left: true, seen: true }, manager),
    );
    expect((await asAdmin.get(`${base}/cancel-me`).expect(200)).body).toMatchObject({ lifecycleStage: 'left', colourStatus: 'red_gold' });
    expect((await historyOf('cancel-me'))[0]).toMatchObject({ from: 'gold', to: 'red_gold', detail: 'stopped_buyer' });
  });

  it('overrides with who and why, and clears back to the rules', async () => {
    await asAdmin.put(`${base}/boris`, { orderCount: 1 }).expect(201);
    await asAdmin.put(`${base}/boris/status`, { status: 'platinum', reason: 'Key account, buys through the parent company' }).expect(204);
    const pinned = (await asAdmin.get(`${base}/boris`).expect(200)).body;
    expect(pinned.colourStatus).toBe('platinum');
    expect(pinned.statusOverride).toMatchObject({
      status: 'platinum',
      reason: 'Key account, buys through the parent company',
      by: { id: admin.userId },
    });
    // the rules still run, but the override wins
    expect((await asAdmin.put(`${base}/boris`, { orderCount: 2 }).expect(200)).body.colourStatus).toBe('platinum');
    await asAdmin.delete(`${base}/boris/status`).expect(204);
    const cleared = (await asAdmin.get(`${base}/boris`).expect(200)).body;
    expect(cleared).toMatchObject({ colourStatus: 'gold', statusOverride: null });
    const history = await historyOf('boris');
    expect(history.slice(0, 2)).toMatchObject([
      { from: 'platinum', to: 'gold', cause: 'override_cleared', detail: 'ordered', actor: { id: admin.userId } },
      {
        from: 'gold',
        to: 'platinum',
        cause: 'override',
        detail: 'Key account, buys through the parent company',
        actor: { id: admin.userId },
      },
    ]);
    // clearing again changes nothing
    await asAdmin.delete(`${base}/boris/status`).expect(204);
    expect(await historyOf('boris')).toHaveLength(history.length);
  });

  it('refuses hostile input and keeps roles and workspaces apart', async () => {
    await asAdmin.put(`${base}/vera`, {}).expect(201);
    const bad = [
      { status: 'purple', reason: 'x' },
      { status: 'gold' },
      { status: 'gold', reason: '   ' },
      { status: 'gold', reason: 'x'.repeat(501) },
      { status: 'gold', reason: 'x', extra: true },
      { status: ['gold'], reason: 'x' },
    ];
    for (const body of bad) expect((await asAdmin.put(`${base}/vera/status`, body)).status).toBe(400);
    await asAdmin.put(`${base}/nobody/status`, { status: 'gold', reason: 'x' }).expect(404);
    expect((await asAdmin.get(`${base}/vera`).expect(200)).body).toMatchObject({ colourStatus: 'white', statusOverride: null });

    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    await asViewer.put(`${base}/vera/status`, { status: 'gold', reason: 'x' }).expect(403);
    await asViewer.delete(`${base}/vera/status`).expect(403);
    await asViewer.put(`${base}/status-rules`, { platinumOrders: 5, longCooperationDays: 365, stoppedAfterDays: 90 }).expect(403);
    await asViewer.get(`${base}/vera/status-history`).expect(200);
    await asViewer.get(`${base}/status-report`).expect(200);

    const analyst = await t.createUser();
    await t.addMember(admin.workspaceId, analyst.userId, 'analyst');
    const asAnalyst = await t.login(analyst.email, analyst.password);
    await asAnalyst.put(`${base}/vera/status`, { status: 'green', reason: 'Said yes on the phone' }).expect(204);
    await asAnalyst.put(`${base}/status-rules`, { platinumOrders: 5, longCooperationDays: 365, stoppedAfterDays: 90 }).expect(403);

    const stranger = await t.seedAdmin('Elsewhere');
    const asStranger = await t.login(stranger.email, stranger.password);
    await asStranger.put(`${base}/vera/status`, { status: 'gold', reason: 'x' }).expect(404);
    await asStranger.get(`${base}/vera/status-history`).expect(404);
    await asStranger.get(`${base}/status-report`).expect(404);
    // the same external id in another workspace is another customer
    await asStranger.put(`/api/v1/workspaces/${stranger.workspaceId}/customers/vera/status`, { status: 'gold', reason: 'x' }).expect(404);

    const reader = await asAdmin
      .post(`/api/v1/workspaces/${admin.workspaceId}/api-tokens`, { name: 'bi', scopes: ['customers:read'] })
      .expect(201);
    const bearer = `Bearer ${reader.body.secret}`;
    await t.http().get(`${base}/status-report`).set('Authorization', bearer).expect(200);
    await t.http().put(`${base}/vera/status`).set('Authorization', bearer).send({ status: 'gold', reason: 'x' }).expect(403);

    // an account manager must be a member of the workspace
    const outsider = await asAdmin.put(`${base}/vera`, { accountManagerId: stranger.userId, city: 'Казань' });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.details).toEqual([
      { field: 'accountManagerId', message: 'accountManagerId must be a member of this workspace' },
    ]);
    expect((await asAdmin.get(`${base}/vera`).expect(200)).body).toMatchObject({ city: null, accountManager: null });
    const managed = await asAdmin.put(`${base}/vera`, { accountManagerId: analyst.userId }).expect(200);
    expect(managed.body.accountManager).toEqual({ id: analyst.userId, name: analyst.name });
    expect(
      (await asAdmin.get(`${base}?accountManagerId=${analyst.userId}`).expect(200)).body.items.map(
        (c: { externalId: string }) => c.externalId,
      ),
    ).toEqual(['vera']);
    expect((await asAdmin.put(`${base}/vera`, { accountManagerId: null }).expect(200)).body.accountManager).toBeNull();
    expect((await asAdmin.get(`${base}?colourStatus=nope`)).status).toBe(400);
  });

  it('serialises two overrides racing on one customer: the history stays a chain', async () => {
    await asAdmin.put(`${base}/race`, {}).expect(201);
    const [a, b] = await Promise.all([
      asAdmin.put(`${base}/race/status`, { status: 'gold', reason: 'first' }),
      asAdmin.put(`${base}/race/status`, { status: 'platinum', reason: 'second' }),
    ]);
    expect([a.status, b.status]).toEqual([204, 204]);
    const history = (await historyOf('race')).reverse(); // oldest first
    expect(history).toHaveLength(3);
    expect(history[0]).toMatchObject({ from: null, to: 'white' });
    expect(history[1].from).toBe('white');
    expect(history[2].from).toBe(history[1].to);
    const final = (await asAdmin.get(`${base}/race`).expect(200)).body;
    expect(final.colourStatus).toBe(history[2].to);
    expect(final.statusOverride.reason).toBe(history[2].detail);
  });

  it('edits the rules and re-derives the workspace with them', async () => {
    const other = await t.seedAdmin('Rules');
    const asOther = await t.login(other.email, other.password);
    const ws = `/api/v1/workspaces/${other.workspaceId}/customers`;
    expect((await asOther.get(`${ws}/status-rules`).expect(200)).body).toMatchObject({
      platinumOrders: 3,
      longCooperationDays: 365,
      stoppedAfterDays: 90,
      isDefault: true,
    });
    await asOther.put(`${ws}/three`, { orderCount: 3 }).expect(201);
    await asOther.put(`${ws}/five`, { orderCount: 5 }).expect(201);
    const bad = await asOther.put(`${ws}/status-rules`, { platinumOrders: 1, longCooperationDays: 0, stoppedAfterDays: 99999 });
    expect(bad.status).toBe(400);
    expect((await asOther.get(`${ws}/status-rules`).expect(200)).body.isDefault).toBe(true);
    const saved = await asOther
      .put(`${ws}/status-rules`, { platinumOrders: 5, longCooperationDays: 730, stoppedAfterDays: 60 })
      .expect(200);
    expect(saved.body).toMatchObject({
      moved: 1,
      rules: { platinumOrders: 5, longCooperationDays: 730, stoppedAfterDays: 60, isDefault: false, updatedBy: { id: other.userId } },
    });
    expect((await asOther.get(`${ws}/three`).expect(200)).body.colourStatus).toBe('gold');
    expect((await asOther.get(`${ws}/five`).expect(200)).body.colourStatus).toBe('platinum');
    const history = (await asOther.get(`${ws}/three/status-history`).expect(200)).body.items;
    expect(history[0]).toMatchObject({ from: 'platinum', to: 'gold', cause: 'rules', detail: 'ordered', actor: { id: other.userId } });
  });

  it('counts statuses at each month end and the moves in the period, from the history', async () => {
    const other = await t.seedAdmin('Report');
    const asOther = await t.login(other.email, other.password);
    const ws = `/api/v1/workspaces/${other.workspaceId}/customers`;
    for (const id of ['a', 'b', 'c', 'd']) await asOther.put(`${ws}/${id}`, {}).expect(201);
    await db.query('DELETE FROM customer_status_changes WHERE workspace_id = $1', [other.workspaceId]);
    const history: [string, string | null, string, string][] = [
      ['a', null, 'white', '2026-01-10T09:00:00Z'],
      ['a', 'white', 'gold', '2026-02-05T09:00:00Z'],
      ['a', 'gold', 'platinum', '2026-03-20T09:00:00Z'],
      ['b', null, 'green', '2026-01-31T23:00:00Z'],
      ['b', 'green', 'red_green', '2026-03-01T00:00:00Z'],
      ['c', null, 'gold', '2026-02-28T23:59:59Z'],
      ['d', null, 'white', '2025-12-01T00:00:00Z'],
      ['d', 'white', 'gold', '2026-04-01T00:00:00Z'], // after the period: not a move in it, and d stays white at its month ends
    ];
    for (const [id, from, to, at] of history) {
      await db.query(
        `INSERT INTO customer_status_changes (workspace_id, customer_external_id, from_status, to_status, changed_at, cause)
         VALUES ($1, $2, $3, $4, $5, 'rules')`,
        [other.workspaceId, id, from, to, at],
      );
    }
    const report = (await asOther.get(`${ws}/status-report?from=2026-01&to=2026-03`).expect(200)).body;
    const nonZero = (m: { counts: { status: string; count: number }[] }) =>
      Object.fromEntries(m.counts.filter((c) => c.count > 0).map((c) => [c.status, c.count]));
    expect(report.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(report.months.map(nonZero)).toEqual([
      { white: 2, green: 1 }, // a, d white; b green (23:00 on the 31st is inside January)
      { white: 1, green: 1, gold: 2 }, // a and c gold (c one second before March)
      { white: 1, gold: 1, platinum: 1, red_green: 1 },
    ]);
    expect(report.months[0].counts).toHaveLength(10);
    expect(report.moves).toEqual([
      { from: 'gold', to: 'platinum', count: 1 },
      { from: 'green', to: 'red_green', count: 1 },
      { from: 'white', to: 'gold', count: 1 },
    ]);
    expect(nonZero({ counts: report.current })).toEqual({ white: 4 });
    const csv = await asOther.get(`${ws}/status-report.csv?from=2026-03&to=2026-03`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('kind,month,from_status,status,customers');
    expect(lines).toContain('month_end,2026-03,,platinum,1');
    expect(lines).toContain('move,2026-03..2026-03,gold,platinum,1');
    expect(lines).toHaveLength(1 + 10 + 2);
    // The same history in Moscow's months (UTC+3): b's 23:00 on 31 January is 1 February there, and c's last second
    // of February is 1 March.
    const moscow = (await asOther.get(`${ws}/status-report?from=2026-01&to=2026-03&timeZone=Europe/Moscow`).expect(200)).body;
    expect(moscow.months.map(nonZero)).toEqual([
      { white: 2 },
      { white: 1, green: 1, gold: 1 },
      { white: 1, gold: 1, platinum: 1, red_green: 1 },
    ]);
    expect(moscow.moves).toEqual(report.moves);
    for (const q of ['from=2026-04&to=2026-03', 'from=2020-01&to=2026-03', 'from=2026-13', 'to=march', 'timeZone=Mars/Olympus']) {
      expect((await asOther.get(`${ws}/status-report?${q}`)).status).toBe(400);
    }
  });

  it('accepts the new fields in bulk, and reports a manager who is not a member per row', async () => {
    const res = await asAdmin
      .post(`${base}/bulk`, {
        customers: [
          { externalId: 'org-1', isOrganisation: true, industry: 'Логистика', region: 'Московская область' },
          { externalId: 'org-2', isOrganisation: true, decisionMaker: 'Олег', accountManagerId: '00000000-0000-4000-8000-000000000000' },
          { externalId: 'org-3', offerResponse: 'maybe' },
        ],
      })
      .expect(200);
    expect(res.body).toMatchObject({ created: 1, updated: 0 });
    expect(res.body.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
      [1, 'accountManagerId'],
      [2, 'offerResponse'],
    ]);
    expect((await asAdmin.get(`${base}/org-1`).expect(200)).body).toMatchObject({
      isOrganisation: true,
      industry: 'Логистика',
      region: 'Московская область',
      colourStatus: 'grey',
    });
    await asAdmin.get(`${base}/org-2`).expect(404);
    const greys = await asAdmin.get(`${base}?colourStatus=grey`).expect(200);
    expect(greys.body.items.map((c: { externalId: string }) => c.externalId)).toEqual(['org-1']);
  });
});
