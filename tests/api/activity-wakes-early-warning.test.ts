import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/**
 * New activity wakes the early-warning scan once it commits (single, bulk and CSV): the job's own interval is five
 * minutes and it does not run at start, so a warning within seconds of storing the orders comes from the wake.
 */

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let base: string;

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** The customer's open warning rules, polled until `rule` shows or 10 s pass. */
async function waitForWarning(customerId: string, rule: string): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await asAdmin.get(`${ws}/early-warning/warnings?open=true&customerId=${customerId}`).expect(200);
    const rules = (res.body.items as { rule: string }[]).map((w) => w.rule);
    if (rules.includes(rule) || Date.now() > deadline) return rules;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  t = await startTestApp({ caseSyncMs: 3_600_000 });
  admin = await t.seedAdmin('Wake Works');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  base = `${ws}/customers`;
  for (const id of ['bulk-buyer', 'csv-buyer', 'single-buyer']) await asAdmin.put(`${base}/${id}`, { name: id }).expect(201);
});
afterAll(() => t?.close());

describe('new activity wakes the early-warning scan', () => {
  it('after a bulk request: orders every 10 days, the last 30 days ago, raise a rhythm break within seconds', async () => {
    const events = [60, 50, 40, 30].map((d, i) => ({
      customerExternalId: 'bulk-buyer',
      eventId: `bulk-${i}`,
      kind: 'order',
      amount: 100,
      occurredAt: ago(d),
    }));
    await asAdmin.post(`${base}/activity/bulk`, { events }).expect(200);
    expect(await waitForWarning('bulk-buyer', 'rhythm_break')).toEqual(['rhythm_break']);
  });

  it('after a CSV import of past orders (new to the scan, though they happened weeks ago)', async () => {
    const file = [
      'customer_external_id,event_id,kind,amount,currency,occurred_at',
      ...[80, 70, 60, 50].map((d, i) => `csv-buyer,csv-${i},order,100,RUB,${ago(d)}`),
    ].join('\n');
    const res = await asAdmin.agent
      .post(`${base}/activity/import`)
      .set('X-CSRF-Token', asAdmin.csrfToken)
      .set('Content-Type', 'text/csv')
      .send(file)
      .expect(200);
    expect(res.body).toMatchObject({ created: 4, errors: [] });
    expect(await waitForWarning('csv-buyer', 'rhythm_break')).toEqual(['rhythm_break']);
  });

  it('after single events: the fourth order completes the rhythm', async () => {
    for (const [i, d] of [90, 80, 70, 60].entries()) {
      await asAdmin
        .post(`${base}/single-buyer/activity`, { eventId: `single-${i}`, kind: 'order', amount: 100, occurredAt: ago(d) })
        .expect(201);
    }
    expect(await waitForWarning('single-buyer', 'rhythm_break')).toEqual(['rhythm_break']);
  });
});
