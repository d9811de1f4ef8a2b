import { createHmac, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/**
 * Issue 13, item 5: widget writes used to accept any customerId. The host's server now signs the id
 * (hex HMAC-SHA256 with the workspace's identity secret); a survey or flow that requires it refuses an id without a
 * valid hash and writes nothing; cancellation flows require it by default, so a forged cancellation no longer marks
 * a customer as left or announces cancellation.finished.
 */

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let secret: string;

const db = () => t.app.get(DataSource);
const hmac = (key: string, customerId: string) => createHmac('sha256', key).update(customerId).digest('hex');
const sign = (customerId: string) => hmac(secret, customerId);
const count = async (sql: string, params: unknown[]) => (await db().query(sql, params))[0].n as number;

async function survey(extra: object = {}): Promise<{ id: string; key: string }> {
  const created = await asAdmin
    .post(`${ws}/surveys`, {
      name: `Identity ${randomUUID()}`,
      kind: 'nps',
      displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
      ...extra,
    })
    .expect(201);
  await asAdmin.patch(`${ws}/surveys/${created.body.id}`, { status: 'live' }).expect(200);
  return { id: created.body.id, key: created.body.publicKey };
}

const respond = (key: string, body: object) =>
  t
    .http()
    .post(`/api/v1/public/surveys/${key}/responses`)
    .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers: { score: 9 }, finished: true, ...body });
const responsesOf = (surveyId: string) => count(`SELECT count(*)::int AS n FROM responses WHERE survey_id = $1`, [surveyId]);

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000, webhookAllowedNetworks: ['127.0.0.0/8'], webhookPollMs: 3_600_000 });
  admin = await t.seedAdmin('Identity Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  secret = (await asAdmin.get(`${ws}/identity-secret`).expect(200)).body.secret;
});
afterAll(() => t.close());

describe('the identity secret', () => {
  it('is created on first read, stays the same, and is for admins only', async () => {
    expect(secret).toMatch(/^idsec_[\w-]{43}$/);
    expect((await asAdmin.get(`${ws}/identity-secret`).expect(200)).body).toMatchObject({ secret, previousValidUntil: null });
    for (const role of ['analyst', 'owner', 'viewer'] as const) {
      const user = await t.createUser();
      await t.addMember(admin.workspaceId, user.userId, role);
      const as = await t.login(user.email, user.password);
      expect((await as.get(`${ws}/identity-secret`)).status).toBe(403);
      expect((await as.post(`${ws}/identity-secret/rotate`, {})).status).toBe(403);
    }
    const other = await t.seedAdmin('Someone else');
    const asOther = await t.login(other.email, other.password);
    expect((await asOther.get(`${ws}/identity-secret`)).status).toBe(404);
    expect((await asOther.get(`/api/v1/workspaces/${other.workspaceId}/identity-secret`).expect(200)).body.secret).not.toBe(secret);
    expect((await asAdmin.post(`${ws}/identity-secret/rotate`, { previousValidHours: 500 })).status).toBe(400);
  });
});

describe('a survey that requires a verified customer', () => {
  it('stores a response whose customerId comes with a valid hash, marked verified', async () => {
    const s = await survey({ requireVerifiedCustomer: true });
    const res = await respond(s.key, { customerId: 'cust-1', customerHash: sign('cust-1') }).expect(201);
    const [row] = await db().query(`SELECT customer_external_id, customer_verified FROM responses WHERE id = $1`, [res.body.responseId]);
    expect(row).toEqual({ customer_external_id: 'cust-1', customer_verified: true });
    const listed = (await asAdmin.get(`${ws}/surveys/${s.id}/responses`).expect(200)).body.items[0];
    expect(listed).toMatchObject({ customerId: 'cust-1', customerVerified: true });
    // Upper-case hex is the same hash.
    await respond(s.key, { customerId: 'cust-1', customerHash: sign('cust-1').toUpperCase() }).expect(201);
  });

  it('refuses a missing, wrong or borrowed hash with 403 customer_not_verified and writes nothing', async () => {
    const s = await survey({ requireVerifiedCustomer: true });
    const attempts = [
      {},
      { customerHash: 'a'.repeat(64) },
      { customerHash: sign('cust-2') }, // another customer's valid hash
      { customerHash: hmac('idsec_guess', 'cust-1') },
    ];
    for (const extra of attempts) {
      const res = await respond(s.key, { customerId: 'cust-1', ...extra });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'customer_not_verified', message: expect.stringContaining('customerHash') });
      const display = await t
        .http()
        .post(`/api/v1/public/surveys/${s.key}/displays`)
        .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, customerId: 'cust-1', ...extra });
      expect(display.status).toBe(403);
    }
    expect(await responsesOf(s.id)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM survey_displays WHERE survey_id = $1`, [s.id])).toBe(0);
    // Not a hash at all: 400 naming the field.
    const bad = await respond(s.key, { customerId: 'cust-1', customerHash: 'not-hex' }).expect(400);
    expect(bad.body.error.details[0].field).toBe('customerHash');
    // The widget is told not to show for an unproven id, and is shown for a proven one.
    const config = (hash?: string) =>
      t
        .http()
        .get(`/api/v1/public/surveys/${s.key}?respondentId=r-${randomUUID()}&customerId=cust-1${hash ? `&customerHash=${hash}` : ''}`)
        .expect(200);
    expect((await config()).body).toMatchObject({ eligible: false, ineligibleReason: 'customer_not_verified' });
    expect((await config(sign('cust-1'))).body.eligible).toBe(true);
    // Anonymous answers (no customerId) are still welcome.
    await respond(s.key, {}).expect(201);
    expect(await responsesOf(s.id)).toBe(1);
  });
});

describe('a survey that does not require it', () => {
  it('stores an unproven customer id marked customer_verified = false', async () => {
    const s = await survey();
    const unproven = await respond(s.key, { customerId: 'cust-3' }).expect(201);
    const proven = await respond(s.key, { customerId: 'cust-3', customerHash: sign('cust-3') }).expect(201);
    const rows = await db().query(`SELECT id, customer_verified FROM responses WHERE survey_id = $1`, [s.id]);
    expect(Object.fromEntries(rows.map((r: { id: string; customer_verified: boolean }) => [r.id, r.customer_verified]))).toEqual({
      [unproven.body.responseId]: false,
      [proven.body.responseId]: true,
    });
    // The builder's switch turns the requirement on.
    expect((await asAdmin.patch(`${ws}/surveys/${s.id}`, { requireVerifiedCustomer: true }).expect(200)).body.requireVerifiedCustomer).toBe(
      true,
    );
    expect((await respond(s.key, { customerId: 'cust-3' })).status).toBe(403);
  });
});

describe('rotating the secret', () => {
  it('keeps the previous secret valid for the grace period, and drops it when asked', async () => {
    const s = await survey({ requireVerifiedCustomer: true });
    const first = secret;
    const rotated = (await asAdmin.post(`${ws}/identity-secret/rotate`, {}).expect(200)).body;
    expect(rotated.secret).not.toBe(first);
    const grace = Date.parse(rotated.previousValidUntil) - Date.now();
    expect(grace).toBeGreaterThan(23.9 * 3_600_000);
    expect(grace).toBeLessThanOrEqual(24 * 3_600_000);
    expect((await asAdmin.get(`${ws}/identity-secret`).expect(200)).body.secret).toBe(rotated.secret);
    await respond(s.key, { customerId: 'cust-4', customerHash: hmac(first, 'cust-4') }).expect(201);
    await respond(s.key, { customerId: 'cust-4', customerHash: hmac(rotated.secret, 'cust-4') }).expect(201);

    // Rotating again with no grace: only the newest secret works.
    const again = (await asAdmin.post(`${ws}/identity-secret/rotate`, { previousValidHours: 0 }).expect(200)).body;
    expect(again.previousValidUntil).toBeNull();
    for (const old of [first, rotated.secret])
      expect((await respond(s.key, { customerId: 'cust-4', customerHash: hmac(old, 'cust-4') })).status).toBe(403);
    await respond(s.key, { customerId: 'cust-4', customerHash: hmac(again.secret, 'cust-4') }).expect(201);

    // A grace period that has run out.
    const third = (await asAdmin.post(`${ws}/identity-secret/rotate`, { previousValidHours: 1 }).expect(200)).body;
    await respond(s.key, { customerId: 'cust-4', customerHash: hmac(again.secret, 'cust-4') }).expect(201);
    await db().query(`UPDATE workspace_identity_secrets SET previous_valid_until = now() - interval '1 second' WHERE workspace_id = $1`, [
      admin.workspaceId,
    ]);
    await new Promise((r) => setTimeout(r, 5_100)); // the verifier caches secrets for 5 s
    expect((await respond(s.key, { customerId: 'cust-4', customerHash: hmac(again.secret, 'cust-4') })).status).toBe(403);
    secret = third.secret;
    await respond(s.key, { customerId: 'cust-4', customerHash: sign('cust-4') }).expect(201);
  });
});

describe('cancellation flows', () => {
  const submit = (key: string, body: object) =>
    t
      .http()
      .post(`/api/v1/public/cancellation-flows/${key}/submissions`)
      .send({ idempotencyKey: randomUUID(), reasonKey: 'moved_away', finished: true, ...body });
  const stage = async (id: string) => (await asAdmin.get(`${ws}/customers/${id}`).expect(200)).body.lifecycleStage as string;
  const announced = (customerId: string) =>
    db().query(
      `SELECT payload FROM webhook_deliveries WHERE workspace_id = $1 AND event_type = 'cancellation.finished' AND payload->'data'->>'customerId' = $2`,
      [admin.workspaceId, customerId],
    );

  beforeAll(async () => {
    await asAdmin.post(`${ws}/webhooks`, { url: 'http://127.0.0.1:9/hooks', events: ['cancellation.finished'] }).expect(201);
    for (const id of ['victim', 'self', 'lax'])
      await asAdmin.put(`${ws}/customers/${id}`, { name: id, mrr: 10, lifecycleStage: 'repeat' }).expect(201);
  });

  it('require a verified customer by default: a forged cancellation is refused, the customer stays, no webhook', async () => {
    const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Cancel', languages: ['en'] }).expect(201)).body;
    expect(flow.requireVerifiedCustomer).toBe(true);
    for (const extra of [{}, { customerHash: hmac('idsec_guess', 'victim') }, { customerHash: sign('self') }]) {
      const res = await submit(flow.publicKey, { customerId: 'victim', ...extra });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('customer_not_verified');
    }
    expect(await stage('victim')).toBe('repeat');
    expect(await count(`SELECT count(*)::int AS n FROM cancellations WHERE flow_id = $1`, [flow.id])).toBe(0);
    expect(await announced('victim')).toEqual([]);

    // The customer's own page, with the hash from the host's server, cancels.
    await submit(flow.publicKey, { customerId: 'self', customerHash: sign('self') }).expect(201);
    expect(await stage('self')).toBe('left');
    const [event] = await announced('self');
    expect(event.payload.data).toMatchObject({ customerId: 'self', customerVerified: true, outcome: 'cancelled' });
  });

  it('a flow that does not require it records the run but never marks an unproven customer as left', async () => {
    const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Lax', languages: ['en'], requireVerifiedCustomer: false }).expect(201))
      .body;
    expect(flow.requireVerifiedCustomer).toBe(false);
    const res = await submit(flow.publicKey, { customerId: 'lax' }).expect(201);
    expect(res.body.outcome).toBe('cancelled');
    expect(await stage('lax')).toBe('repeat');
    const [row] = await db().query(`SELECT customer_external_id, customer_verified FROM cancellations WHERE id = $1`, [
      res.body.cancellationId,
    ]);
    expect(row).toEqual({ customer_external_id: 'lax', customer_verified: false });
    const [event] = await announced('lax');
    expect(event.payload.data).toMatchObject({ customerId: 'lax', customerVerified: false });
    // Switched on over the API: refused from then on.
    await asAdmin.patch(`${ws}/churn/flows/${flow.id}`, { requireVerifiedCustomer: true }).expect(200);
    expect((await submit(flow.publicKey, { customerId: 'lax' })).status).toBe(403);
  });

  it('existing flows were switched on by the migration', async () => {
    // A flow row written without the column (as before the migration) gets the column's default.
    const [row] = await db().query(
      `INSERT INTO cancellation_flows (workspace_id, public_key, name, languages, default_language) VALUES ($1, $2, 'Old', '{en}', 'en') RETURNING require_verified_customer`,
      [admin.workspaceId, `cxl_old${randomUUID().slice(0, 8)}`],
    );
    expect(row.require_verified_customer).toBe(true);
  });
});
