/**
 * The win-back loop (issue 19): a problem marked fixed lists exactly the customers it hurt (a hand-built set), tells
 * each once in their channel (the contact policy holds or cancels what it refuses), and counts who came back with the
 * revenue after the notice; concurrent "mark fixed" snapshots once; tenancy and roles.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { startMailServer, type MailServer } from '../support/mail-server';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

let t: TestApp;
let db: DataSource;
let mail: MailServer;
let receiver: WebhookReceiver;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let asViewer: LoggedIn;
let ws: string;
let clusterId: string;
let mergedId: string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FIXED_AT = new Date(Date.now() - 2 * HOUR);
const before = (ms: number) => new Date(FIXED_AT.getTime() - ms);
const after = (ms: number) => new Date(FIXED_AT.getTime() + ms);
const WHAT = 'Switched to a second courier in Sofia';

async function text(cluster: string, customer: string | null, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO feedback_texts (workspace_id, source, source_id, text, customer_external_id, occurred_at, cluster_id)
     VALUES ($1, 'response', $2, 'The courier was three days late', $3, $4, $5)`,
    [admin.workspaceId, randomUUID(), customer, at, cluster],
  );
}

async function caseOf(customerId: string, set: string, value: string): Promise<string> {
  const res = await asAdmin.post(`${ws}/cases`, { title: `Complaint of ${customerId}`, customerId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await db.query(`UPDATE cases SET ${set} = $3, opened_at = $4 WHERE workspace_id = $1 AND id = $2`, [
    admin.workspaceId,
    res.body.id,
    value,
    before(DAY),
  ]);
  return res.body.id;
}

async function customersOf(problemId: string) {
  const body = (await asAdmin.get(`${ws}/recovery/problems/${problemId}/customers?limit=500`).expect(200)).body;
  return body.items as { customerExternalId: string; why: string[]; state: string; holdReasons: { code: string }[]; revenue: unknown[] }[];
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  mail = await startMailServer();
  t = await startTestApp({
    smtpUrl: mail.url,
    messagePollMs: 50,
    messageRetryBaseMs: 50,
    webhookAllowedNetworks: ['127.0.0.0/8'],
    webhookPollMs: 50,
  });
  db = t.app.get(DataSource);
  admin = await t.seedAdmin('Win-back Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  const viewer = await t.createUser();
  await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
  asViewer = await t.login(viewer.email, viewer.password);
  receiver = await startWebhookReceiver();
  await asAdmin.post(`${ws}/webhooks`, { url: receiver.url, events: ['problem.fixed', 'customer.returned'] }).expect(201);

  const withdrawn = { marketing: { granted: false, at: '2026-11-01T10:00:00Z', source: 'unsubscribe link' } };
  const people: [string, object][] = [
    ['anna', { name: 'Anna', email: 'anna@example.test' }],
    ['boris', { name: 'Boris', phone: '+359888000111' }],
    ['carl', { name: 'Carl', email: 'carl@example.test' }],
    ['dora', { name: 'Dora', email: 'dora@example.test' }],
    ['frank', { name: 'Frank' }],
    ['gina', { name: 'Gina', email: 'gina@example.test', consents: withdrawn }],
    ['hana', { name: 'Hana', email: 'hana@example.test' }],
    ['eva', { name: 'Eva', email: 'eva@example.test' }],
    ['fedor', { name: 'Fedor', email: 'fedor@example.test' }],
    ['ivan', { name: 'Ivan', email: 'ivan@example.test' }],
  ];
  for (const [id, body] of people)
    await asAdmin.put(`${ws}/customers/${id}`, body).expect((res) => expect([200, 201], JSON.stringify(res.body)).toContain(res.status));

  [{ id: clusterId }] = await db.query(
    `INSERT INTO clusters (workspace_id, label, name) VALUES ($1, 'courier late', 'Late couriers') RETURNING id`,
    [admin.workspaceId],
  );
  [{ id: mergedId }] = await db.query(
    `INSERT INTO clusters (workspace_id, label, status, merged_into) VALUES ($1, 'delivery slow', 'merged', $2) RETURNING id`,
    [admin.workspaceId, clusterId],
  );
  await text(clusterId, 'anna', before(3 * DAY)); // affected: a text
  await text(clusterId, 'anna', before(2 * DAY)); // the same customer twice: once in the list
  await text(mergedId, 'boris', before(5 * DAY)); // affected: a text in a cluster merged into it (phone only)
  await text(clusterId, 'carl', after(HOUR)); // after the fix: not counted
  await text(clusterId, null, before(DAY)); // anonymous: not counted
  await text(clusterId, 'ghost', before(DAY)); // names no customer: not counted
  await text(clusterId, 'frank', before(DAY)); // affected, but neither email nor phone
  await text(clusterId, 'gina', before(DAY)); // affected, withdrew marketing consent
  await text(clusterId, 'hana', before(DAY)); // affected, has an open complaint (the guard holds)
  await caseOf('dora', 'source', 'cluster').then((id) => db.query(`UPDATE cases SET source_id = $2 WHERE id = $1`, [id, clusterId])); // affected: a case from the cluster
});

afterAll(async () => {
  await receiver?.close();
  await t?.close();
  await mail?.close();
});

let problemId: string;

describe('a cluster marked fixed', () => {
  it('creates the problem once per cluster; a viewer, hostile and unknown input change nothing', async () => {
    const created = await asAdmin.post(`${ws}/recovery/problems`, { kind: 'cluster', clusterId }).expect(201);
    expect(created.body).toMatchObject({ kind: 'cluster', clusterId, title: 'Late couriers', status: 'open', affected: 0 });
    problemId = created.body.id;
    const again = await asAdmin.post(`${ws}/recovery/problems`, { kind: 'cluster', clusterId }).expect(200);
    expect(again.body.id).toBe(problemId);
    await asViewer.post(`${ws}/recovery/problems`, { kind: 'known_issue', title: 'x' }).expect(403);
    await asAdmin.post(`${ws}/recovery/problems`, { kind: 'cluster', clusterId: randomUUID() }).expect(404);
    for (const bad of [
      { kind: 'known_issue' },
      { kind: 'known_issue', title: 'a'.repeat(201) },
      { kind: 'known_issue', title: 'two\nlines' },
      { kind: 'nonsense', title: 'x' },
      { kind: 'cluster', clusterId: 'not-a-uuid' },
    ])
      await asAdmin.post(`${ws}/recovery/problems`, bad).expect(400);
    await asAdmin.post(`${ws}/recovery/problems/${problemId}/fix`, { whatChanged: 'x'.repeat(2001) }).expect(400);
    await asAdmin.post(`${ws}/recovery/problems/${problemId}/fix`, { whatChanged: WHAT, fixedAt: after(DAY).toISOString() }).expect(400);
    await asViewer.post(`${ws}/recovery/problems/${problemId}/fix`, { whatChanged: WHAT }).expect(403);
    expect((await asAdmin.get(`${ws}/recovery/problems/${problemId}`).expect(200)).body.status).toBe('open');
  });

  it('two concurrent "mark fixed" requests: one fix and one snapshot, the other 409', async () => {
    const body = { whatChanged: WHAT, fixedAt: FIXED_AT.toISOString() };
    const results = await Promise.all([
      asAdmin.post(`${ws}/recovery/problems/${problemId}/fix`, body),
      asAdmin.post(`${ws}/recovery/problems/${problemId}/fix`, body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('already_fixed');
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM recovery_customers WHERE problem_id = $1`, [problemId]);
    expect(count).toBe(6);
    await asAdmin.post(`${ws}/recovery/problems/${problemId}/fix`, body).expect(409);
  });

  it('lists exactly the customers it hurt, each with why', async () => {
    const items = await customersOf(problemId);
    expect(items.map((c) => [c.customerExternalId, c.why, c.state])).toEqual([
      ['anna', ['text'], 'not_told'],
      ['boris', ['text'], 'not_told'],
      ['dora', ['case'], 'not_told'],
      ['frank', ['text'], 'not_told'],
      ['gina', ['text'], 'not_told'],
      ['hana', ['text'], 'not_told'],
    ]);
    const detail = (await asAdmin.get(`${ws}/recovery/problems/${problemId}`).expect(200)).body;
    expect(detail).toMatchObject({ status: 'fixed', whatChanged: WHAT, affected: 6, told: 0, volumeOf: 'texts' });
    expect(detail.fixedAt).toBe(FIXED_AT.toISOString());
    // Texts per week around the fix: anna's two, boris's, frank's, gina's, hana's and the anonymous and ghost ones in
    // the week before (-1), except boris's 5 days and anna's 3 days before, also week -1; carl's one in week 0.
    expect(detail.volume.find((w: { week: number }) => w.week === -1).count).toBe(8);
    expect(detail.volume.find((w: { week: number }) => w.week === 0).count).toBe(1);
    const [hook] = await receiver.waitFor(1, (h) => h.json.type === 'problem.fixed');
    expect(hook.json.data).toMatchObject({ problemId, kind: 'cluster', whatChanged: WHAT, affectedCustomers: 6 });
  });

  it('tells each customer once in their channel; consent and the guard are respected; telling twice sends nothing new', async () => {
    await asAdmin.post(`${ws}/cases`, { title: 'Still angry', customerId: 'hana' }).expect(201);
    await asViewer.post(`${ws}/recovery/problems/${problemId}/notify`, { subject: 's', text: 't' }).expect(403);
    await asAdmin.post(`${ws}/recovery/problems/${problemId}/notify`, { subject: 'two\nlines', text: 't' }).expect(400);
    const template = (await asAdmin.get(`${ws}/recovery/notice-template?language=ru`).expect(200)).body;
    expect(template.subject).toBe('Мы исправили то, что вас подвело');
    const first = await asAdmin
      .post(`${ws}/recovery/problems/${problemId}/notify`, { subject: 'We fixed it, {name}', text: 'Hello, {name}! {what_changed}.' })
      .expect(200);
    expect(first.body).toEqual({ queued: 5, skipped: { noAddress: 1, alreadyNotified: 0, notAffected: 0, recentlyNotified: 0 } });
    const second = await asAdmin
      .post(`${ws}/recovery/problems/${problemId}/notify`, { subject: 'Again', text: 'Again {name}', onlyNotNotified: false })
      .expect(200);
    expect(second.body).toEqual({ queued: 0, skipped: { noAddress: 1, alreadyNotified: 5, notAffected: 0, recentlyNotified: 0 } });
    const subset = await asAdmin
      .post(`${ws}/recovery/problems/${problemId}/notify`, { subject: 'Again', text: 'Again', customerIds: ['anna', 'carl'] })
      .expect(200);
    expect(subset.body).toEqual({ queued: 0, skipped: { noAddress: 0, alreadyNotified: 1, notAffected: 1, recentlyNotified: 0 } });

    const rows: { customer_external_id: string; channel: string; purpose: string; to_address: string; text_body: string }[] =
      await db.query(
        `SELECT customer_external_id, channel, purpose, to_address, text_body FROM messages
        WHERE workspace_id = $1 AND direction = 'outbound' AND purpose = 'marketing' ORDER BY customer_external_id`,
        [admin.workspaceId],
      );
    expect(rows.map((r) => [r.customer_external_id, r.channel, r.to_address])).toEqual([
      ['anna', 'email', 'anna@example.test'],
      ['boris', 'sms', '+359888000111'],
      ['dora', 'email', 'dora@example.test'],
      ['gina', 'email', 'gina@example.test'],
      ['hana', 'email', 'hana@example.test'],
    ]);
    expect(rows[0].text_body).toBe(`Hello, Anna! ${WHAT}.`);

    // The dispatch asks the contact policy: withdrawn consent cancels, an open complaint holds, the rest go.
    const states = await waitFor('the dispatch', async () => {
      const items = await customersOf(problemId);
      const byId = Object.fromEntries(items.map((c) => [c.customerExternalId, c]));
      return byId.anna.state === 'sent' && byId.gina.state !== 'queued' && byId.hana.state !== 'queued' ? byId : null;
    });
    expect(states.gina.state).toBe('cancelled');
    expect(states.gina.holdReasons.map((r) => r.code)).toEqual(['consent_withdrawn']);
    expect(states.hana.state).toBe('held');
    expect(states.hana.holdReasons.map((r) => r.code)).toEqual(['open_complaint']);
    expect(states.frank.state).toBe('no_address');
    expect(mail.received.filter((m) => m.to.includes('anna@example.test'))).toHaveLength(1);
  });

  it('counts an order after the notice as a return with its revenue; an order before it does not', async () => {
    const notifiedAt: Date = (
      await db.query(`SELECT notified_at FROM recovery_customers WHERE problem_id = $1 AND customer_external_id = 'anna'`, [problemId])
    )[0].notified_at;
    const order = (customer: string, id: string, amount: number, at: Date) =>
      asAdmin
        .post(`${ws}/customers/${customer}/activity`, { eventId: id, kind: 'order', amount, currency: 'EUR', occurredAt: at.toISOString() })
        .expect(201);
    await order('dora', 'dora-before', 50, new Date(notifiedAt.getTime() - 60_000));
    await order('anna', 'anna-before', 999, new Date(notifiedAt.getTime() - 1000));
    await order('anna', 'anna-1', 120.5, new Date(notifiedAt.getTime() + 1000));
    await order('anna', 'anna-2', 30.25, new Date(notifiedAt.getTime() + 2000));
    await db.query(
      `INSERT INTO messages (workspace_id, direction, channel, status, customer_external_id, text_body, created_at)
       VALUES ($1, 'inbound', 'email', 'received', 'dora', 'Thanks, good to know', now())`,
      [admin.workspaceId],
    );
    // Reading writes nothing (no tracking, no webhook); a viewer cannot refresh; a writer's refresh finds them.
    expect((await asViewer.get(`${ws}/recovery/problems/${problemId}`).expect(200)).body).toMatchObject({ answered: 0, returned: 0 });
    await asViewer.post(`${ws}/recovery/problems/${problemId}/refresh`).expect(403);
    expect(receiver.received.filter((h) => h.json.type === 'customer.returned')).toEqual([]);
    expect((await asAdmin.post(`${ws}/recovery/problems/${problemId}/refresh`).expect(200)).body).toEqual({ refreshed: true });
    const detail = (await asAdmin.get(`${ws}/recovery/problems/${problemId}`).expect(200)).body;
    expect(detail).toMatchObject({
      affected: 6,
      told: 5,
      answered: 1,
      returned: 1,
      revenueRecovered: [{ currency: 'EUR', amount: '150.75' }],
    });
    const byId = Object.fromEntries((await customersOf(problemId)).map((c) => [c.customerExternalId, c]));
    expect(byId.anna).toMatchObject({ state: 'returned', revenue: [{ currency: 'EUR', amount: '150.75' }] });
    expect(byId.dora.state).toBe('answered');
    const [hook] = await receiver.waitFor(1, (h) => h.json.type === 'customer.returned');
    expect(hook.json.data).toMatchObject({ problemId, customerExternalId: 'anna', returnKind: 'order' });

    // By hand, with an amount; once.
    await asViewer.post(`${ws}/recovery/problems/${problemId}/customers/dora/returned`, {}).expect(403);
    await asAdmin.post(`${ws}/recovery/problems/${problemId}/customers/dora/returned`, { amount: '12.5' }).expect(400);
    await asAdmin.post(`${ws}/recovery/problems/${problemId}/customers/dora/returned`, { amount: '-1', currency: 'EUR' }).expect(400);
    await asAdmin.post(`${ws}/recovery/problems/${problemId}/customers/carl/returned`, {}).expect(404);
    await asAdmin.post(`${ws}/recovery/problems/${problemId}/customers/dora/returned`, { amount: '9.25', currency: 'EUR' }).expect(204);
    await asAdmin.post(`${ws}/recovery/problems/${problemId}/customers/dora/returned`, {}).expect(409);
    const report = (await asAdmin.get(`${ws}/recovery/report`).expect(200)).body;
    expect(report).toMatchObject({
      affected: 6,
      told: 5,
      answered: 1,
      returned: 2,
      revenueRecovered: [{ currency: 'EUR', amount: '160.00' }],
    });
    const csv = await asAdmin.get(`${ws}/recovery/report.csv`).expect(200);
    expect(csv.text.split('\n')[1]).toContain('EUR 160.00');
  });

  it("shows on the customer's timeline: affected by the fix, told, came back", async () => {
    const items = (await asAdmin.get(`${ws}/customers/anna/timeline?kinds=recovery`).expect(200)).body.items;
    expect(items.map((i: { details: { event: string } }) => i.details.event)).toEqual(['returned', 'told', 'fixed']);
  });
});

describe('a lost customer who resumes', () => {
  it('counts as came back when their colour status leaves the red end after the notice', async () => {
    await db.query(
      `INSERT INTO customer_status_changes (workspace_id, customer_external_id, from_status, to_status, changed_at, cause)
       VALUES ($1, 'boris', 'gold', 'red_gold', now() - interval '30 days', 'rules'),
              ($1, 'boris', 'red_gold', 'gold', now(), 'rules')`,
      [admin.workspaceId],
    );
    await asAdmin.post(`${ws}/recovery/problems/${problemId}/refresh`).expect(200);
    const detail = (await asAdmin.get(`${ws}/recovery/problems/${problemId}`).expect(200)).body;
    expect(detail.returned).toBe(3);
    const boris = (await customersOf(problemId)).find((c) => c.customerExternalId === 'boris')!;
    expect(boris).toMatchObject({ state: 'returned', revenue: [] });
    expect((boris as unknown as { returnKind: string }).returnKind).toBe('resumed');
  });
});

describe('a churn reason and a known issue', () => {
  it('counts cancellations with the reason and cases naming it; a saved or unproven cancellation does not', async () => {
    await asAdmin.get(`${ws}/churn/reasons`).expect(200);
    const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Leaving', languages: ['en'] }).expect(201)).body;
    const cancel = (customer: string, outcome: string, verified: boolean) =>
      db.query(
        `INSERT INTO cancellations (workspace_id, flow_id, idempotency_key, customer_external_id, customer_verified, outcome, reason_key, finished_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'poor_service', $7)`,
        [admin.workspaceId, flow.id, randomUUID(), customer, verified, outcome, before(DAY)],
      );
    await cancel('eva', 'cancelled', true);
    await cancel('fedor', 'saved', true);
    await cancel('ivan', 'cancelled', false);
    await caseOf('carl', 'churn_reason_key', 'poor_service');
    const problem = (await asAdmin.post(`${ws}/recovery/problems`, { kind: 'churn_reason', churnReasonKey: 'poor_service' }).expect(201))
      .body;
    await asAdmin.post(`${ws}/recovery/problems/${problem.id}/fix`, { whatChanged: 'New support team' }).expect(201);
    expect((await customersOf(problem.id)).map((c) => [c.customerExternalId, c.why])).toEqual([
      ['carl', ['case']],
      ['eva', ['cancellation']],
    ]);
  });

  it('counts the customers of cases linked to a known issue', async () => {
    const issue = (await asAdmin.post(`${ws}/recovery/problems`, { kind: 'known_issue', title: 'Courier delays in Plovdiv' }).expect(201))
      .body;
    const caseId = (await asAdmin.post(`${ws}/cases`, { title: 'Late again', customerId: 'ivan' }).expect(201)).body.id;
    await asViewer.put(`${ws}/recovery/cases/${caseId}/root-cause`, { problemId: issue.id }).expect(403);
    await asAdmin.put(`${ws}/recovery/cases/${caseId}/root-cause`, { problemId: problemId }).expect(400);
    await asAdmin.put(`${ws}/recovery/cases/${randomUUID()}/root-cause`, { problemId: issue.id }).expect(404);
    await asAdmin.put(`${ws}/recovery/cases/${caseId}/root-cause`, { problemId: issue.id }).expect(200);
    expect((await asViewer.get(`${ws}/recovery/cases/${caseId}/root-cause`).expect(200)).body.problem).toMatchObject({
      id: issue.id,
      linkedCases: 1,
    });
    await asAdmin.post(`${ws}/recovery/problems/${issue.id}/fix`, { whatChanged: 'Second courier' }).expect(201);
    expect((await customersOf(issue.id)).map((c) => [c.customerExternalId, c.why])).toEqual([['ivan', ['case']]]);
    await asAdmin.put(`${ws}/recovery/cases/${caseId}/root-cause`, { problemId: issue.id }).expect(409);
    const open = (await asAdmin.get(`${ws}/recovery/problems?status=open`).expect(200)).body.items;
    expect(open).toEqual([]);
    expect((await asAdmin.get(`${ws}/recovery/problems`).expect(200)).body.total).toBe(3);
  });
});

describe('tenancy', () => {
  it("another workspace sees none of this workspace's problems", async () => {
    const other = await t.seedAdmin('Elsewhere');
    const asOther = await t.login(other.email, other.password);
    const theirs = `/api/v1/workspaces/${other.workspaceId}`;
    await asOther.get(`${theirs}/recovery/problems/${problemId}`).expect(404);
    await asOther.get(`${theirs}/recovery/problems/${problemId}/customers`).expect(404);
    await asOther.post(`${theirs}/recovery/problems/${problemId}/fix`, { whatChanged: 'x' }).expect(404);
    await asOther.post(`${theirs}/recovery/problems/${problemId}/notify`, { subject: 's', text: 't' }).expect(404);
    await asOther.post(`${theirs}/recovery/problems`, { kind: 'cluster', clusterId }).expect(404);
    expect((await asOther.get(`${theirs}/recovery/problems`).expect(200)).body.items).toEqual([]);
    await asOther.get(`${ws}/recovery/problems`).expect(404);
  });
});

describe('the unsubscribe link of a notice (marketing email)', () => {
  it('is in the footer and the List-Unsubscribe headers; one POST withdraws marketing consent, so the next notice is cancelled', async () => {
    const notice = mail.received.find((m) => m.to.includes('anna@example.test'))!;
    const header = /^List-Unsubscribe: (.*)$/im.exec(notice.raw.replace(/\r?\n[ \t]+/g, ' '))?.[1] ?? '';
    const url = /<(https?:\/\/[^>]+\/api\/v1\/public\/marketing\/unsubscribe\/[A-Za-z0-9_-]{43})>/.exec(header)?.[1];
    expect(url, header).toBeTruthy();
    expect(notice.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(notice.parsed.text).toContain(url);
    const path = new URL(url!).pathname;
    const token = path.split('/').pop()!;
    const stored = await db.query(`SELECT unsubscribe_token_hash FROM recovery_customers WHERE unsubscribe_token_hash IS NOT NULL`);
    expect(stored.map((r: { unsubscribe_token_hash: string }) => r.unsubscribe_token_hash)).not.toContain(token);

    const consentOf = async (id: string) =>
      (
        await db.query(`SELECT consents -> 'marketing' AS m FROM customers WHERE workspace_id = $1 AND external_id = $2`, [
          admin.workspaceId,
          id,
        ])
      )[0].m;
    // The GET (a mail scanner, or the person) only asks; forged and malformed tokens are unknown.
    const page = await t.http().get(path).set('Accept', 'text/html');
    expect(page.status, page.text.slice(0, 300) + path).toBe(200);
    expect(page.text).toContain('data-testid="unsubscribe-confirm"');
    expect(await consentOf('anna')).toBeNull();
    await t
      .http()
      .post(`/api/v1/public/marketing/unsubscribe/${'A'.repeat(43)}`)
      .expect(404);
    await t
      .http()
      .post(`/api/v1/public/marketing/unsubscribe/${token.slice(0, 42)}`)
      .expect(404); // not a route
    await t.http().get(`/api/v1/public/marketing/unsubscribe/x'%20OR%201=1`).set('Accept', 'text/html').expect(404);
    expect(await consentOf('anna')).toBeNull();

    // RFC 8058 one-click, twice: withdrawn once and stays withdrawn.
    for (let i = 0; i < 2; i++)
      expect(
        (await t.http().post(path).type('form').send('List-Unsubscribe=One-Click').set('Accept', 'application/json').expect(200)).body,
      ).toEqual({ unsubscribed: true });
    expect(await consentOf('anna')).toMatchObject({ granted: false, source: 'unsubscribe link' });
    expect(await consentOf('carl')).toBeNull();

    // A second problem's notice to her is cancelled by the contact policy.
    const issue = (await asAdmin.post(`${ws}/recovery/problems`, { kind: 'known_issue', title: 'Wrong sizes' }).expect(201)).body;
    const caseId = (await asAdmin.post(`${ws}/cases`, { title: 'Wrong size', customerId: 'anna' }).expect(201)).body.id;
    await asAdmin.put(`${ws}/recovery/cases/${caseId}/root-cause`, { problemId: issue.id }).expect(200);
    await asAdmin.post(`${ws}/recovery/problems/${issue.id}/fix`, { whatChanged: 'New size chart' }).expect(201);
    // She was told about the couriers minutes ago: skipped by default (security review L8), told when asked explicitly.
    const held = await asAdmin
      .post(`${ws}/recovery/problems/${issue.id}/notify`, { subject: 'Sizes fixed', text: 'Hi {name}' })
      .expect(200);
    expect(held.body).toEqual({ queued: 0, skipped: { noAddress: 0, alreadyNotified: 0, notAffected: 0, recentlyNotified: 1 } });
    expect((await customersOf(issue.id)).map((c) => c.state)).toEqual(['not_told']);
    const told = await asAdmin
      .post(`${ws}/recovery/problems/${issue.id}/notify`, { subject: 'Sizes fixed', text: 'Hi {name}', skipRecentlyNotified: false })
      .expect(200);
    expect(told.body.queued).toBe(1);
    const anna = await waitFor('the policy', async () => (await customersOf(issue.id)).find((c) => c.state === 'cancelled'));
    expect(anna.holdReasons.map((r) => r.code)).toContain('consent_withdrawn');
  });

  it('messaging refuses marketing email without an unsubscribe link', async () => {
    const { MessagingService } = await import('../../backend/src/messaging/messaging.service');
    const messaging = t.app.get(MessagingService);
    const base = { workspaceId: admin.workspaceId, channel: 'email', to: 'carl@example.test', language: 'en', text: 'Offer' } as const;
    await expect(messaging.enqueue({ ...base, purpose: 'marketing' })).rejects.toThrow('Marketing email needs an unsubscribeUrl');
    await asAdmin
      .post(`${ws}/messages`, { customerExternalId: 'carl', channel: 'email', purpose: 'marketing', subject: 'Offer', text: '-20%' })
      .expect(422);
  });
});

describe('a notice too long once filled in', () => {
  it('is refused before anyone is claimed, naming the field and the filled-in length', async () => {
    await asAdmin.put(`${ws}/customers/lena`, { name: 'Lena', email: 'lena@example.test' }).expect(201);
    const issue = (await asAdmin.post(`${ws}/recovery/problems`, { kind: 'known_issue', title: 'Slow refunds' }).expect(201)).body;
    const caseId = (await asAdmin.post(`${ws}/cases`, { title: 'Refund late', customerId: 'lena' }).expect(201)).body.id;
    await asAdmin.put(`${ws}/recovery/cases/${caseId}/root-cause`, { problemId: issue.id }).expect(200);
    await asAdmin.post(`${ws}/recovery/problems/${issue.id}/fix`, { whatChanged: 'W'.repeat(2000) }).expect(201);
    const notify = (body: object) => asAdmin.post(`${ws}/recovery/problems/${issue.id}/notify`, body);

    // 'Fixed: ' (7) + 2000 = 2007 > 998.
    const subject = await notify({ subject: 'Fixed: {what_changed}', text: 'Hi' }).expect(422);
    expect(subject.body.error.code).toBe('notice_too_long');
    expect(subject.body.error.message).toContain('subject would be 2007 characters');
    expect(subject.body.error.details).toEqual([{ field: 'subject', message: 'at most 998 characters once filled in' }]);
    // Six times 2000 = 12000 > 10000.
    const text = await notify({ subject: 'Fixed', text: '{what_changed}'.repeat(6) }).expect(422);
    expect(text.body.error.message).toContain('text would be 12000 characters');
    // Lena's name is short, but a 200-character one makes 5 × 200 = 1000 > 998.
    expect((await notify({ subject: '{name}'.repeat(5), text: 'Hi' }).expect(422)).body.error.details[0].field).toBe('subject');

    expect((await customersOf(issue.id)).map((c) => [c.customerExternalId, c.state])).toEqual([['lena', 'not_told']]);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM messages WHERE workspace_id = $1 AND customer_external_id = 'lena'`,
      [admin.workspaceId],
    );
    expect(count).toBe(0);
    expect((await notify({ subject: '{name}'.repeat(4), text: '{what_changed}'.repeat(5) }).expect(200)).body.queued).toBe(1);
  });
});

describe('telling again with the app server’s clock ahead of the database’s', () => {
  it('does not claim the customers this request just skipped for no address again (the cut-off is the database’s now())', async () => {
    const issue = (await asAdmin.post(`${ws}/recovery/problems`, { kind: 'known_issue', title: 'Lost parcels' }).expect(201)).body;
    await asAdmin.post(`${ws}/recovery/problems/${issue.id}/fix`, { whatChanged: 'Parcels tracked' }).expect(201);
    // 250 affected customers without an address: more than one batch of 200.
    await db.query(
      `INSERT INTO customers (workspace_id, external_id, name) SELECT $1, 'nomail-' || g, 'N' FROM generate_series(1, 250) g`,
      [admin.workspaceId],
    );
    await db.query(
      `INSERT INTO recovery_customers (workspace_id, problem_id, customer_external_id, why)
       SELECT $1, $2, 'nomail-' || g, '{case}' FROM generate_series(1, 250) g`,
      [admin.workspaceId, issue.id],
    );
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + HOUR);
    try {
      const res = await asAdmin
        .post(`${ws}/recovery/problems/${issue.id}/notify`, { subject: 'Fixed', text: 'Fixed', onlyNotNotified: false })
        .timeout(15_000)
        .expect(200);
      expect(res.body).toEqual({ queued: 0, skipped: { noAddress: 250, alreadyNotified: 0, notAffected: 0, recentlyNotified: 0 } });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('tracking window', () => {
  it('stops watching a customer told more than 180 days ago', async () => {
    await asAdmin.put(`${ws}/customers/olga`, { name: 'Olga', email: 'olga@example.test' }).expect(201);
    const issue = (await asAdmin.post(`${ws}/recovery/problems`, { kind: 'known_issue', title: 'Broken lids' }).expect(201)).body;
    const caseId = (await asAdmin.post(`${ws}/cases`, { title: 'Lid broke', customerId: 'olga' }).expect(201)).body.id;
    await asAdmin.put(`${ws}/recovery/cases/${caseId}/root-cause`, { problemId: issue.id }).expect(200);
    await asAdmin.post(`${ws}/recovery/problems/${issue.id}/fix`, { whatChanged: 'New lids' }).expect(201);
    expect(
      (await asAdmin.post(`${ws}/recovery/problems/${issue.id}/notify`, { subject: 'Lids', text: 'New lids' }).expect(200)).body.queued,
    ).toBe(1);
    const toldAgo = (days: number) =>
      db.query(`UPDATE recovery_customers SET notified_at = now() - make_interval(days => $2) WHERE problem_id = $1`, [issue.id, days]);
    await toldAgo(181);
    await asAdmin
      .post(`${ws}/customers/olga/activity`, {
        eventId: 'olga-1',
        kind: 'order',
        amount: 10,
        currency: 'EUR',
        occurredAt: new Date().toISOString(),
      })
      .expect(201);
    await asAdmin.post(`${ws}/recovery/problems/${issue.id}/refresh`).expect(200);
    expect((await customersOf(issue.id))[0].state).not.toBe('returned');
    await toldAgo(179);
    await asAdmin.post(`${ws}/recovery/problems/${issue.id}/refresh`).expect(200);
    expect((await customersOf(issue.id))[0].state).toBe('returned');
  });
});
