import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { COMPLAINT_TOPICS as TOPICS } from '../support/complaint-topics';
import { customerSigner } from '../support/identity';

/**
 * GET …/overview (the home page) on seeded data: every figure equals what the endpoint of the page it links to
 * returns for the same filter; parts follow the caller's role and token scopes; the checklist ticks from the data.
 */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;

const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY).toISOString();
const utcMidnight = (offsetDays: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offsetDays));
};
// The home page's default: the last 30 whole days (today included), here in UTC.
const FROM = utcMidnight(-29).toISOString();
const TO = utcMidnight(1).toISOString();
const PERIOD = `from=${FROM}&to=${TO}&timeZone=UTC`;
const DAYS = { from: FROM.slice(0, 10), to: utcMidnight(0).toISOString().slice(0, 10) };

const db = () => t.app.get(DataSource);

beforeAll(async () => {
  // The background jobs (cases from feedback, cluster placement) would change figures between two reads.
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000, caseSyncMs: 3_600_000, clusterSyncMs: 3_600_000 });
  admin = await t.seedAdmin('Overview Co');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
});
afterAll(() => t.close());

async function survey(as: LoggedIn, base: string, kind: string): Promise<{ id: string; publicKey: string }> {
  return (await as.post(`${base}/surveys`, { name: `${kind} ${randomUUID().slice(0, 6)}`, kind }).expect(201)).body;
}

async function responses(workspaceId: string, surveyId: string, scores: number[], scaleMax: number, at: string) {
  for (const score of scores) {
    await db().query(
      `INSERT INTO responses (workspace_id, survey_id, survey_version, respondent_id, idempotency_key, answers, score, score_scale_max,
                              finished, language, hidden_fields, created_at, finished_at)
       VALUES ($1, $2, 1, $3, $3, $4, $5, $6, true, 'en', '{}', $7, $7)`,
      [workspaceId, surveyId, randomUUID(), JSON.stringify({ score }), score, scaleMax, at],
    );
  }
}

async function displays(workspaceId: string, surveyId: string, count: number, at: string) {
  for (let i = 0; i < count; i++) {
    await db().query(
      `INSERT INTO survey_displays (workspace_id, survey_id, respondent_id, idempotency_key, created_at) VALUES ($1, $2, $3, $3, $4)`,
      [workspaceId, surveyId, randomUUID(), at],
    );
  }
}

describe('overview: figures agree with the pages they link to', () => {
  let nps: { id: string };
  let checkout: string;
  let delivery: string;

  beforeAll(async () => {
    // Scores: one NPS survey (its results page shows the figure), two CSAT surveys (the list).
    nps = await survey(asAdmin, ws, 'nps');
    await responses(admin.workspaceId, nps.id, [10, 10, 9, 9, 8, 7, 6, 3, 0, 10], 10, daysAgo(3));
    await responses(admin.workspaceId, nps.id, [10, 2, 3, 9], 10, daysAgo(12));
    await responses(admin.workspaceId, nps.id, [0, 1, 2, 9], 10, daysAgo(45)); // previous period
    await displays(admin.workspaceId, nps.id, 40, daysAgo(3));
    for (const [i, scores] of [
      [5, 4, 2],
      [5, 5, 1, 3],
    ].entries()) {
      const csat = await survey(asAdmin, ws, 'csat');
      await responses(admin.workspaceId, csat.id, scores, 5, daysAgo(5 + i));
    }

    // Churn: five customers on 100.00 MRR; three finished flows in the period (one saved), one before it.
    const sign = await customerSigner(asAdmin, admin.workspaceId);
    for (let i = 0; i < 6; i++)
      await asAdmin.put(`${ws}/customers/c${i}`, { mrr: 100, firstSeenAt: daysAgo(200), lastSeenAt: daysAgo(1) }).expect(201);
    const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Cancel' }).expect(201)).body;
    const cancel = async (customerId: string, reasonKey: string, offerAccepted: boolean) =>
      (
        await t
          .http()
          .post(`/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`)
          .send({ idempotencyKey: randomUUID(), customerId, customerHash: sign(customerId), reasonKey, offerAccepted, finished: true })
          .expect(201)
      ).body;
    await cancel('c0', 'too_expensive', false);
    await cancel('c1', 'too_expensive', false);
    await cancel('c2', 'too_expensive', true);
    const before = await cancel('c3', 'moved_away', false);
    await db().query(`UPDATE cancellations SET finished_at = $2, created_at = $2 WHERE id = $1`, [before.cancellationId, daysAgo(40)]);
    // Sleeping: quiet for 40 days with a 60-day inactive period (sleeping from 30).
    await asAdmin.put(`${ws}/churn/settings`, { inactiveDays: 60 }).expect(200);
    await asAdmin.put(`${ws}/customers/sleepy`, { name: 'Quiet Ltd', firstSeenAt: daysAgo(300), lastSeenAt: daysAgo(40) }).expect(201);

    // Touchpoints: one owned, one not; cases open, breached, due soon, waiting, closed.
    checkout = (
      await asAdmin.post(`${ws}/touchpoints`, { name: 'Checkout', stage: 'buying', channel: 'chat', ownerId: admin.userId }).expect(201)
    ).body.id;
    delivery = (await asAdmin.post(`${ws}/touchpoints`, { name: 'Delivery', stage: 'buying', channel: 'email' }).expect(201)).body.id;
    const kase = async (touchpointId?: string) =>
      (await asAdmin.post(`${ws}/cases`, { title: `Case ${randomUUID().slice(0, 4)}`, touchpointId }).expect(201)).body.id as string;
    const [breached, dueSoon, waiting, closed] = [await kase(checkout), await kase(checkout), await kase(checkout), await kase(delivery)];
    await kase(checkout);
    await kase(delivery);
    await kase();
    await db().query(`UPDATE cases SET breached_first_response_at = now() - interval '1 hour' WHERE id = $1`, [breached]);
    await db().query(
      `UPDATE cases SET first_response_warn_at = now() - interval '10 minutes', first_response_due = now() + interval '1 hour' WHERE id = $1`,
      [dueSoon],
    );
    await db().query(`UPDATE cases SET status = 'waiting_customer' WHERE id = $1`, [waiting]);
    await db().query(`UPDATE cases SET status = 'closed', closed_at = now() WHERE id = $1`, [closed]);

    // Mentions: negative and positive originals in the period, one before it.
    await asAdmin
      .post(`${ws}/mentions/bulk`, {
        mentions: [
          { source: 'vk', externalId: 'm1', text: 'Ужасный сервис, курьер опоздал на три часа', postedAt: daysAgo(2) },
          { source: 'vk', externalId: 'm2', text: 'Отвратительно, заказ опять потеряли', postedAt: daysAgo(4) },
          { source: 'twitter', externalId: 'm3', text: 'Love the new menu, great food!', postedAt: daysAgo(6) },
          { source: 'twitter', externalId: 'm4', text: 'Terrible support, nobody answers', postedAt: daysAgo(50) },
        ],
      })
      .expect(200);

    // Clusters: "late delivery" complaints this week, the other topics two weeks ago.
    const complaints = Object.entries(TOPICS).flatMap(([topic, texts]) =>
      texts.map((text, i) => ({
        externalId: `${topic}-${i}`,
        text,
        occurredAt: topic === 'late' ? daysAgo(1 + (i % 5)) : daysAgo(9 + (i % 4)),
      })),
    );
    await asAdmin.post(`${ws}/feedback-texts/bulk`, { complaints }).expect(200);
    const started = (await asAdmin.post(`${ws}/clusters/runs`).expect(202)).body;
    for (let i = 0; i < 600; i++) {
      if ((await asAdmin.get(`${ws}/clusters/runs/${started.id}`).expect(200)).body.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 120_000);

  it('scores: each kind equals the metrics endpoint for the period, NPS also its results page', async () => {
    const o = (await asAdmin.get(`${ws}/overview?${PERIOD}`).expect(200)).body;
    expect(o.empty).toBe(false);
    expect(o.period).toEqual({ from: FROM, to: TO });
    const kinds = Object.fromEntries(o.scores.kinds.map((k: { kind: string }) => [k.kind, k]));
    expect(Object.keys(kinds).sort()).toEqual(['csat', 'nps']);

    const byKind = (await asAdmin.get(`${ws}/metrics/nps?${PERIOD}`).expect(200)).body;
    const page = (await asAdmin.get(`${ws}/surveys/${nps.id}/metrics?${PERIOD}`).expect(200)).body;
    for (const source of [byKind, page]) {
      expect(kinds.nps).toMatchObject({
        value: source.summary.nps.nps,
        marginOfError: source.summary.nps.marginOfError,
        n: source.summary.nps.n,
        previous: source.comparison.previous,
        change: source.comparison.change,
        responses: source.summary.responses,
        displays: source.summary.displays,
        responseRate: source.summary.responseRate,
      });
    }
    expect(kinds.nps.value).toBe(14.3); // 14 answers: 7 promoters, 5 detractors
    expect(kinds.nps.trend).toBe('up');
    expect(kinds.nps.link).toEqual({
      path: `/surveys/${nps.id}/results`,
      query: DAYS,
      href: `/surveys/${nps.id}/results?from=${DAYS.from}&to=${DAYS.to}`,
    });

    const csat = (await asAdmin.get(`${ws}/metrics/csat?${PERIOD}`).expect(200)).body;
    expect(kinds.csat).toMatchObject({
      value: csat.summary.csat.csat,
      marginOfError: csat.summary.csat.marginOfError,
      responses: 7,
      surveys: 2,
    });
    expect(kinds.csat.link.href).toBe('/surveys');

    // Responses per day: the per-kind series added up.
    expect(o.scores.responses).toBe(byKind.summary.responses + csat.summary.responses);
    const perDay = new Map<string, number>();
    for (const point of [...byKind.series, ...csat.series]) perDay.set(point.key, (perDay.get(point.key) ?? 0) + point.n);
    expect(o.scores.series.map((d: { key: string; responses: number }) => [d.key, d.responses])).toEqual([...perDay.entries()].sort());
    expect(o.scores.series).toHaveLength(30);
  });

  it('churn and sleeping customers: the Churn page summary, reasons and inactive list for the same period', async () => {
    const o = (await asAdmin.get(`${ws}/overview?${PERIOD}&language=ru`).expect(200)).body;
    const summary = (await asAdmin.get(`${ws}/churn/summary?${PERIOD}`).expect(200)).body;
    const reasons = (await asAdmin.get(`${ws}/churn/reasons-over-time?${PERIOD}&language=ru`).expect(200)).body;
    expect(o.churn).toMatchObject({
      churnRate: summary.customerChurn.percent,
      customersLost: summary.customerChurn.lost,
      mrrLost: summary.revenueChurn.mrrLost,
      saveRate: summary.saves.percent,
      saved: summary.saves.saved,
      finishedFlows: summary.saves.finishedFlows,
    });
    expect(o.churn).toMatchObject({ customersLost: 2, mrrLost: 200, saved: 1, finishedFlows: 3, saveRate: 33.3 });
    expect(o.churn.topReasons.map((r: { reasonKey: string; count: number }) => [r.reasonKey, r.count])).toEqual(
      reasons.totals.reasons
        .filter((r: { count: number }) => r.count > 0)
        .slice(0, 5)
        .map((r: { reasonKey: string; count: number }) => [r.reasonKey, r.count]),
    );
    const label = reasons.reasons.find((r: { key: string }) => r.key === 'too_expensive').label;
    expect(o.churn.topReasons[0]).toMatchObject({ reasonKey: 'too_expensive', count: 2, label });
    expect(label).not.toBe('too_expensive');
    expect(o.churn.link.href).toBe(`/churn?from=${DAYS.from}&to=${DAYS.to}`);
    const previous = (
      await asAdmin.get(`${ws}/churn/summary?from=${o.previousPeriod.from}&to=${o.previousPeriod.to}&timeZone=UTC`).expect(200)
    ).body;
    expect(o.churn.previousChurnRate).toBe(previous.customerChurn.percent);

    const inactive = (await asAdmin.get(`${ws}/churn/inactive`).expect(200)).body;
    expect(o.sleeping.count).toBe(inactive.sleeping.length);
    expect(o.sleeping.longestQuiet.map((s: { externalId: string }) => s.externalId)).toContain('sleepy');
  });

  it('cases: per touchpoint, the inbox with that touchpoint (and breached) filter lists as many', async () => {
    const o = (await asAdmin.get(`${ws}/overview?${PERIOD}`).expect(200)).body;
    const now = Date.now();
    const warning = (c: Record<string, string | null>) =>
      c.status === 'open' &&
      !c.breachedFirstResponseAt &&
      !c.breachedResolutionAt &&
      ((!c.firstRespondedAt &&
        c.firstResponseWarnAt &&
        Date.parse(c.firstResponseWarnAt) <= now &&
        Date.parse(c.firstResponseDue!) > now) ||
        (!c.resolvedAt && c.resolutionWarnAt && Date.parse(c.resolutionWarnAt) <= now && Date.parse(c.resolutionDue!) > now));
    let open = 0;
    for (const row of o.cases.byTouchpoint) {
      const filter = row.touchpointId ? `&touchpoint=${row.touchpointId}` : '';
      // The inbox's default view asks for the active statuses.
      const listed = (await asAdmin.get(`${ws}/cases?limit=200&status=open,waiting_customer${filter}`).expect(200)).body.items.filter(
        (c: { touchpointId: string | null }) => c.touchpointId === row.touchpointId,
      );
      const breached = (
        await asAdmin.get(`${ws}/cases?limit=200&status=open,waiting_customer&breached=true${filter}`).expect(200)
      ).body.items.filter((c: { touchpointId: string | null }) => c.touchpointId === row.touchpointId);
      expect([row.open, row.breached, row.dueSoon]).toEqual([listed.length, breached.length, listed.filter(warning).length]);
      expect(row.link.href).toBe(row.touchpointId ? `/cases?touchpoint=${row.touchpointId}` : '/cases');
      expect(row.breachedLink.href).toBe(row.touchpointId ? `/cases?touchpoint=${row.touchpointId}&breached=1` : '/cases?breached=1');
      open += row.open;
    }
    expect(o.cases.open).toBe(open);
    const checkoutRow = o.cases.byTouchpoint.find((r: { touchpointId: string }) => r.touchpointId === checkout);
    expect(checkoutRow).toMatchObject({ name: 'Checkout', open: 4, breached: 1, dueSoon: 1 });
    expect(o.cases.byTouchpoint.find((r: { touchpointId: string }) => r.touchpointId === delivery)).toMatchObject({ open: 1, breached: 0 });
  });

  it('clusters, mentions and touchpoints: the Clusters (by growth), Mentions and Touchpoints pages', async () => {
    const o = (await asAdmin.get(`${ws}/overview?${PERIOD}`).expect(200)).body;
    const clusters = (await asAdmin.get(`${ws}/clusters?sort=growth`).expect(200)).body.items
      .filter((c: { lastSevenDays: number; previousSevenDays: number }) => c.lastSevenDays > 0 && c.lastSevenDays > c.previousSevenDays)
      .slice(0, 5);
    expect(o.clusters.growing.map((c: { id: string }) => c.id)).toEqual(clusters.map((c: { id: string }) => c.id));
    expect(o.clusters.growing.length).toBeGreaterThan(0);
    expect(o.clusters.growing[0].link.href).toBe(`/clusters/${o.clusters.growing[0].id}`);
    expect(o.clusters.link.href).toBe('/clusters?sort=growth');

    const stats = (await asAdmin.get(`${ws}/mentions/stats?${PERIOD}`).expect(200)).body;
    expect(o.mentions).toMatchObject({
      total: stats.totals.total,
      negative: stats.totals.negative,
      unansweredNegative: stats.unansweredNegative,
    });
    expect(o.mentions.total).toBe(3);
    expect(o.mentions.negativeShare).toBe(Math.round((stats.totals.negative / stats.totals.total) * 1000) / 10);
    expect(o.mentions.previousTotal).toBe(1);
    const alerts = (await asAdmin.get(`${ws}/mentions/alerts`).expect(200)).body.filter(
      (a: { day: string }) => a.day >= DAYS.from && a.day <= DAYS.to,
    );
    expect(o.mentions.spikes.map((a: { day: string }) => a.day)).toEqual(alerts.map((a: { day: string }) => a.day));
    expect(o.mentions.link.href).toBe(`/mentions?from=${DAYS.from}&to=${DAYS.to}`);

    const touchpoints = (await asAdmin.get(`${ws}/touchpoints`).expect(200)).body;
    expect(o.touchpoints.unowned.map((u: { id: string }) => u.id)).toEqual(
      touchpoints.filter((tp: { unowned: boolean }) => tp.unowned).map((tp: { id: string }) => tp.id),
    );
    expect(o.touchpoints.unowned.map((u: { name: string }) => u.name)).toEqual(['Delivery']);
  });

  it('defaults to the last 30 days with the 30 before for comparison, and refuses a bad period', async () => {
    const o = (await asAdmin.get(`${ws}/overview`).expect(200)).body;
    const length = Date.parse(o.period.to) - Date.parse(o.period.from);
    expect(length).toBe(30 * DAY);
    expect(o.previousPeriod.to).toBe(o.period.from);
    expect(o.timeZone).toBe('UTC');
    expect((await asAdmin.get(`${ws}/overview?from=${TO}&to=${FROM}`).expect(400)).body.error.details[0].field).toBe('from');
    expect((await asAdmin.get(`${ws}/overview?timeZone=Nowhere/Land`).expect(400)).body.error.details[0].field).toBe('timeZone');
  });
});

describe('overview: who sees which part', () => {
  const PARTS = ['scores', 'churn', 'cases', 'clusters', 'mentions', 'touchpoints', 'sleeping'];
  const withToken = (scopes: string[]) => async () =>
    (await asAdmin.post(`${ws}/api-tokens`, { name: `overview ${scopes.join(' ')}`, scopes }).expect(201)).body.secret as string;

  it('gives every member role every part (each of those pages is open to all roles)', async () => {
    for (const role of ['viewer', 'owner'] as const) {
      const user = await t.createUser();
      await t.addMember(admin.workspaceId, user.userId, role);
      const as = await t.login(user.email, user.password);
      const o = (await as.get(`${ws}/overview?${PERIOD}`).expect(200)).body;
      expect(PARTS.filter((p) => o[p] === null)).toEqual([]);
      expect(o.restricted).toEqual([]);
      expect(o.checklist.steps.every((s: { done: boolean | null }) => s.done !== null)).toBe(true);
    }
  });

  it('gives a token only the parts its scopes may read, the others null with the scope they need', async () => {
    const casesOnly = await withToken(['cases:read'])();
    const o = (await t.http().get(`${ws}/overview?${PERIOD}`).set('Authorization', `Bearer ${casesOnly}`).expect(200)).body;
    expect(PARTS.filter((p) => o[p] !== null)).toEqual(['cases']);
    expect(o.cases.open).toBeGreaterThan(0);
    expect(o.restricted.map((r: { part: string; needs: string }) => [r.part, r.needs])).toEqual([
      ['scores', 'responses:read'],
      ['churn', 'customers:read'],
      ['clusters', 'clusters:read'],
      ['mentions', 'mentions:read'],
      ['touchpoints', 'workspace:read'],
      ['sleeping', 'customers:read'],
    ]);
    expect(o.restricted[0].reason).toContain('responses:read');
    // No setup step is read under cases:read: all unknown, none claimed done.
    expect(o.checklist.steps.map((s: { done: boolean | null }) => s.done)).toEqual([null, null, null, null, null, null, null]);

    const mentionsOnly = await withToken(['mentions:read'])();
    const m = (await t.http().get(`${ws}/overview?${PERIOD}`).set('Authorization', `Bearer ${mentionsOnly}`).expect(200)).body;
    expect(PARTS.filter((p) => m[p] !== null)).toEqual(['mentions']);
    expect(m.checklist.steps.filter((s: { done: boolean | null }) => s.done !== null).map((s: { key: string }) => s.key)).toEqual([
      'mentions',
    ]);
  });

  it('refuses a token with none of the read scopes, and is 404 from another workspace', async () => {
    const writeOnly = await withToken(['webhooks:write'])();
    const refused = await t.http().get(`${ws}/overview`).set('Authorization', `Bearer ${writeOnly}`).expect(403);
    expect(refused.body.error.code).toBe('insufficient_scope');

    const other = await t.seedAdmin('Elsewhere');
    const asOther = await t.login(other.email, other.password);
    await asOther.get(`${ws}/overview`).expect(404);
    const othersToken = (
      await asOther.post(`/api/v1/workspaces/${other.workspaceId}/api-tokens`, { name: 'x', scopes: ['cases:read'] }).expect(201)
    ).body.secret;
    await t.http().get(`${ws}/overview`).set('Authorization', `Bearer ${othersToken}`).expect(404);
    await t.http().get(`${ws}/overview`).expect(401);
  });
});

describe('overview: the setup checklist', () => {
  it('starts empty and ticks each step as its data appears', async () => {
    const owner = await t.seedAdmin('Fresh start');
    const as = await t.login(owner.email, owner.password);
    const base = `/api/v1/workspaces/${owner.workspaceId}`;
    const check = async () => {
      const o = (await as.get(`${base}/overview`).expect(200)).body;
      return {
        empty: o.empty as boolean,
        done: Object.fromEntries(o.checklist.steps.map((s: { key: string; done: boolean }) => [s.key, s.done])),
        o,
      };
    };

    const first = await check();
    expect(first.empty).toBe(true);
    expect(first.o.checklist.steps.map((s: { key: string }) => s.key)).toEqual([
      'survey',
      'embed',
      'owners',
      'sla',
      'cancellation',
      'mentions',
      'team',
    ]);
    expect(Object.values(first.done)).toEqual([false, false, false, false, false, false, false]);
    expect(first.o.checklist.steps.map((s: { link: { href: string } }) => s.link.href)).toEqual([
      '/surveys/new',
      '/surveys',
      '/touchpoints',
      '/touchpoints/sla',
      '/churn',
      '/mentions/feeds',
      '/settings/members',
    ]);

    const s = await survey(as, base, 'nps');
    const created = await check();
    expect(created.done).toMatchObject({ survey: true, embed: false });
    expect(created.o.checklist.steps[1].link.href).toBe(`/surveys/${s.id}/embed`); // where the snippet is
    await displays(owner.workspaceId, s.id, 1, new Date().toISOString());
    const embedded = await check();
    expect(embedded.done).toMatchObject({ survey: true, embed: true });
    expect(embedded.empty).toBe(false);

    const tp = (await as.post(`${base}/touchpoints`, { name: 'Support', stage: 'repeat', channel: 'chat' }).expect(201)).body;
    expect((await check()).done.owners).toBe(false);
    await as.patch(`${base}/touchpoints/${tp.id}`, { ownerId: owner.userId }).expect(200);
    expect((await check()).done.owners).toBe(true);

    expect((await check()).done.sla).toBe(false); // the default policy alone is not a setup
    await as.post(`${base}/sla-policies`, { name: 'VIP' }).expect(201);
    expect((await check()).done.sla).toBe(true);

    await as.post(`${base}/churn/flows`, { name: 'Cancel' }).expect(201);
    expect((await check()).done.cancellation).toBe(true);

    await as
      .post(`${base}/mentions/bulk`, {
        mentions: [{ source: 'vk', externalId: 'x1', text: 'Хороший сервис', postedAt: new Date().toISOString() }],
      })
      .expect(200);
    expect((await check()).done.mentions).toBe(true);

    await as.post(`${base}/invitations`, { email: `team-${randomUUID().slice(0, 6)}@example.test`, role: 'analyst' }).expect(201);
    const last = await check();
    expect(last.done.team).toBe(true);
    expect(last.o.checklist).toMatchObject({ done: 7, total: 7 });
  });
});
