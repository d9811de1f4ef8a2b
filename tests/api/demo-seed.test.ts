import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStory } from '@otklik/backend/src/demo/demo-seed';
import { prospectCount } from '@otklik/backend/src/demo/seed-prospects';
import { COURIER_FROM_MONTH, type DemoStory, StoryClock } from '@otklik/backend/src/demo/story';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/** The demo story, at a small size: the same code as `npm start` runs, on test workspaces. */
const SMALL: DemoStory = {
  seed: 20_261_207,
  customers: 160,
  responses: 1500,
  displaysPerResponse: 2,
  cancellations: 90,
  mentions: 240,
  cases: 16,
  clusters: true,
};
const NOW = new Date('2026-12-01T10:00:00Z');

let t: TestApp;
let first: SeededAdmin;
let second: SeededAdmin;
let bystander: SeededAdmin;
let asFirst: LoggedIn;
let asSecond: LoggedIn;
const progress: string[] = [];

beforeAll(async () => {
  // No background jobs: the test looks at exactly what the seeding wrote.
  t = await startTestApp({ backgroundJobs: false });
  bystander = await t.seedAdmin('Someone else');
  first = await t.seedAdmin('Demo one');
  second = await t.seedAdmin('Demo two');
  await seedDemoStory(t.app, first.workspaceId, first.userId, SMALL, { now: NOW, log: (line) => progress.push(line) });
  await seedDemoStory(t.app, second.workspaceId, second.userId, SMALL, { now: NOW });
  asFirst = await t.login(first.email, first.password);
  asSecond = await t.login(second.email, second.password);
}, 300_000);
afterAll(() => t.close());

const range = `from=${new Date(NOW.getTime() - 365 * 86_400_000).toISOString()}&to=${NOW.toISOString()}`;

/** The page-backing figures of one seeded workspace, for comparing two seeds. */
async function figures(as: LoggedIn, workspaceId: string) {
  const ws = `/api/v1/workspaces/${workspaceId}`;
  const surveys = (await as.get(`${ws}/surveys`).expect(200)).body as { id: string; kind: string }[];
  const metrics: Record<string, unknown> = {};
  // The scored surveys (the custom "satisfaction by parameter" survey has its own test below).
  for (const s of surveys.filter((survey) => survey.kind !== 'custom')) {
    const m = (await as.get(`${ws}/surveys/${s.id}/metrics?${range}&interval=month&timeZone=UTC`).expect(200)).body;
    metrics[s.kind] = { summary: m.summary, series: m.series };
  }
  const churn = (await as.get(`${ws}/churn/summary?${range}&timeZone=UTC`).expect(200)).body;
  const reasons = (await as.get(`${ws}/churn/reasons-over-time?${range}&timeZone=UTC`).expect(200)).body;
  const mentions = (await as.get(`${ws}/mentions/stats?${range}`).expect(200)).body;
  const cases = (await as.get(`${ws}/cases?limit=200`).expect(200)).body.items as {
    status: string;
    reopened: boolean;
    breached: boolean;
    priority: string;
    title: string;
  }[];
  const customers = (await as.get(`${ws}/customers?limit=200`).expect(200)).body;
  return {
    metrics,
    churn,
    reasons,
    customers: {
      total: customers.total,
      first: customers.items
        .slice(0, 20)
        .map((c: { externalId: string; lastSeenAt: string; mrr: number; lifecycleStage: string }) => [
          c.externalId,
          c.lastSeenAt,
          c.mrr,
          c.lifecycleStage,
        ]),
    },
    mentions: { totals: mentions.totals, duplicates: mentions.duplicates, bySource: mentions.bySource, byLanguage: mentions.byLanguage },
    cases: cases.map((c) => [c.title, c.status, c.reopened, c.breached, c.priority]).sort(),
  };
}

describe('demo story', () => {
  it('logs its progress', () => {
    const logged = (start: string) => progress.some((line) => line.startsWith(start));
    expect(logged(`Demo: customers ${SMALL.customers}/${SMALL.customers} (`)).toBe(true);
    expect(logged(`Demo: responses ${SMALL.responses.toLocaleString('en-US')}/${SMALL.responses.toLocaleString('en-US')} (`)).toBe(true);
    expect(logged('Demo: mentions 240/240 (')).toBe(true);
    expect(logged('Demo: clusters built')).toBe(true);
  });

  it('is deterministic: two seeds give the same figures', async () => {
    const a = await figures(asFirst, first.workspaceId);
    const b = await figures(asSecond, second.workspaceId);
    // The planned buyers and the leads who have not bought yet (the colour funnel's top).
    expect(a.customers.total).toBe(SMALL.customers + prospectCount(SMALL.customers));
    expect(b).toEqual(a);
  });

  it('moves its themes: courier-delay comments peak in months 8–10 and fall after the fix', async () => {
    const clock = new StoryClock(NOW);
    // The story's own year: the imported history (the year before it) has its own test below.
    const rows: { created_at: Date }[] = await t.app.get(DataSource).query(
      `SELECT created_at FROM responses WHERE workspace_id = $1 AND created_at >= $2
            AND comment ~* '(курьер|доставк|courier|driver|delivery|куриер|доставката)'`,
      [first.workspaceId, new Date(clock.start)],
    );
    const byMonth = new Array(13).fill(0);
    for (const r of rows) byMonth[clock.monthOf(new Date(r.created_at))] += 1;
    const mean = (months: number[]) => months.reduce((sum, m) => sum + byMonth[m], 0) / months.length;
    const before = mean([1, 2, 3, 4, 5, 6, 7]);
    const during = mean([COURIER_FROM_MONTH, 9, 10]);
    const after = mean([11, 12]);
    expect(during).toBeGreaterThan(3 * before);
    expect(during).toBeGreaterThan(3 * after);
    expect(Math.max(...byMonth.slice(1))).toBe(Math.max(byMonth[8], byMonth[9], byMonth[10]));
  });

  it('fills every page: surveys, churn, mentions, cases in every state, clusters, touchpoints with owners', async () => {
    const ws = `/api/v1/workspaces/${first.workspaceId}`;
    const f = await figures(asFirst, first.workspaceId);
    const responses = Object.values(f.metrics).reduce(
      (sum: number, m) => sum + (m as { summary: { responses: number } }).summary.responses,
      0,
    );
    expect(Object.keys(f.metrics).sort()).toEqual(['ces', 'csat', 'nps']);
    // The story's responses, and those the NPS email invitation's recipients finished (seed-invitations).
    const [{ invited }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS invited FROM responses WHERE workspace_id = $1 AND idempotency_key LIKE 'inv-%' AND finished`, [
        first.workspaceId,
      ]);
    expect(invited).toBeGreaterThan(0);
    expect(responses).toBe(SMALL.responses + invited);
    for (const m of Object.values(f.metrics) as { summary: { displays: number; responseRate: number | null } }[]) {
      expect(m.summary.displays).toBeGreaterThan(0);
      expect(m.summary.responseRate).toBeGreaterThan(0);
    }
    expect(f.churn.customerChurn.lost).toBeGreaterThan(0);
    expect(f.churn.saves.saved).toBeGreaterThan(0);
    expect(JSON.stringify(f.reasons)).toContain('too_expensive');
    expect(f.mentions.totals.negative).toBeGreaterThan(0);
    expect(f.mentions.totals.positive).toBeGreaterThan(0);
    expect(f.mentions.duplicates).toBeGreaterThan(0);
    expect(f.mentions.bySource.length).toBeGreaterThanOrEqual(3);

    const states = new Set(f.cases.map(([, status]) => status));
    for (const status of ['open', 'waiting_customer', 'closed']) expect(states).toContain(status);
    expect(f.cases.some(([, status, reopened]) => status === 'open' && reopened)).toBe(true);
    expect(f.cases.some(([, status, , breached]) => status !== 'closed' && breached)).toBe(true);
    const closed = (await asFirst.get(`${ws}/cases?status=closed&limit=1`).expect(200)).body.items[0];
    const detail = (await asFirst.get(`${ws}/cases/${closed.id}`).expect(200)).body;
    expect(detail.rootCause).toBeTruthy();
    expect(JSON.stringify(detail)).toContain('"reply"');

    const clusters = (await asFirst.get(`${ws}/clusters`).expect(200)).body;
    expect(clusters.items.length).toBeGreaterThan(2);
    expect(clusters.latestRun.status).toBe('completed');

    const touchpoints = (await asFirst.get(`${ws}/touchpoints`).expect(200)).body as {
      owner: { name: string } | null;
      unowned: boolean;
      regulation: string;
      stage: string;
    }[];
    expect(touchpoints.length).toBeGreaterThanOrEqual(5);
    expect(new Set(touchpoints.map((tp) => tp.stage)).size).toBe(5);
    for (const tp of touchpoints) {
      expect(tp.owner?.name).toBeTruthy();
      expect(tp.unowned).toBe(false);
      expect(tp.regulation.length).toBeGreaterThan(20);
    }
    const policies = (await asFirst.get(`${ws}/sla-policies`).expect(200)).body as { clock: string }[];
    expect(policies.filter((p) => p.clock === 'business').length).toBeGreaterThanOrEqual(2);
  });

  it('misroutes about one case in eight, fewer lately, with moves on the case pages', async () => {
    const ws = `/api/v1/workspaces/${first.workspaceId}`;
    const report = (await asFirst.get(`${ws}/case-reports/routing?${range}&timeZone=UTC`).expect(200)).body;
    expect(report.totals.misroutingRate).toBeGreaterThanOrEqual(5);
    expect(report.totals.misroutingRate).toBeLessThanOrEqual(20);
    expect(report.totals.hops).toBeGreaterThan(report.totals.misroutedCases);
    expect(report.totals.medianLostHours).toBeGreaterThan(0);
    expect(report.touchpoints.some((tp: { sent: number }) => tp.sent > 0)).toBe(true);
    expect(report.touchpoints.some((tp: { received: number }) => tp.received > 0)).toBe(true);
    const again = (await asSecond.get(`/api/v1/workspaces/${second.workspaceId}/case-reports/routing?${range}&timeZone=UTC`).expect(200))
      .body;
    expect(again.totals).toEqual(report.totals);
  });

  it('keeps a promise register: mostly kept, some late or broken, a few overdue now', async () => {
    const ws = `/api/v1/workspaces/${first.workspaceId}`;
    const report = (await asFirst.get(`${ws}/promises/report?from=2026-08-25&to=2026-12-31`).expect(200)).body;
    expect(report.totals.total).toBeGreaterThanOrEqual(12);
    expect(report.totals.keptOnTime).toBeGreaterThan(report.totals.late + report.totals.broken);
    expect(report.totals.late + report.totals.broken).toBeGreaterThan(0);
    expect(report.people.length).toBeGreaterThanOrEqual(3);
    expect(report.touchpoints.length).toBeGreaterThanOrEqual(3);
    const db = t.app.get(DataSource);
    const [row] = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'open' AND due_at < $2)::int AS overdue, count(*) FILTER (WHERE source = 'case_reply')::int AS replies,
              count(*) FILTER (WHERE created_at < $2 - interval '95 days')::int AS older
         FROM promises WHERE workspace_id = $1`,
      [first.workspaceId, NOW],
    );
    expect(row.overdue).toBeGreaterThanOrEqual(1);
    expect(row.overdue).toBeLessThanOrEqual(3);
    expect(row.replies).toBeGreaterThan(0);
    expect(row.older).toBe(0);
    const again = (await asSecond.get(`/api/v1/workspaces/${second.workspaceId}/promises/report?from=2026-08-25&to=2026-12-31`).expect(200))
      .body;
    expect(again.totals).toEqual(report.totals);
  });

  it('rates the parameters: delivery weak and important, extras barely matter; open answers clustered per question', async () => {
    const ws = `/api/v1/workspaces/${first.workspaceId}`;
    const surveys = (await asFirst.get(`${ws}/surveys`).expect(200)).body as { id: string; kind: string }[];
    const custom = surveys.filter((s) => s.kind === 'custom');
    expect(custom).toHaveLength(1);
    const report = (await asFirst.get(`${ws}/surveys/${custom[0].id}/parameters?${range}`).expect(200)).body;
    // 1,500 planned responses → 100 answers (1/15, at least 60) over the last six months.
    expect(report.responses).toBe(100);
    const by = Object.fromEntries(report.parameters.map((p: { id: string }) => [p.id, p])) as Record<
      string,
      { mean: number; correlation: number; quadrant: string; trend: unknown[] }
    >;
    expect(Object.keys(by)).toEqual(['price', 'assortment', 'delivery', 'payment', 'service', 'extras']);
    expect(by.delivery.quadrant).toBe('fix_first');
    expect(by.delivery.mean).toBeLessThan(by.assortment.mean);
    expect(by.delivery.correlation).toBeGreaterThan(by.extras.correlation + 0.2);
    expect(by.price.correlation).toBeGreaterThan(by.extras.correlation);
    expect(by.delivery.trend.length).toBeGreaterThanOrEqual(6);
    const questions = (await asFirst.get(`${ws}/clusters/questions`).expect(200)).body as { id: string; count: number }[];
    for (const id of ['likes', 'dislikes', 'improve']) expect(questions.find((q) => q.id === id)?.count).toBeGreaterThan(5);
    // Each question clusters on its own: the question filter lists only that question's clusters, and no cluster
    // holds texts of two pools.
    for (const id of ['likes', 'dislikes', 'improve']) {
      const own = (await asFirst.get(`${ws}/clusters?question=${id}`).expect(200)).body.items as { questionId: string | null }[];
      expect(own.length, id).toBeGreaterThan(0);
      expect(new Set(own.map((c) => c.questionId))).toEqual(new Set([id]));
    }
    const mixed: unknown[] = await t.app.get(DataSource).query(
      `SELECT f.cluster_id FROM feedback_texts f JOIN clusters c ON c.workspace_id = f.workspace_id AND c.id = f.cluster_id
        WHERE f.workspace_id = $1 AND c.question_id IS DISTINCT FROM f.cluster_question_id`,
      [first.workspaceId],
    );
    expect(mixed).toEqual([]);
  });

  it('keeps a contact policy: saved by the admin, recent survey asks, customers with an open complaint under the guard', async () => {
    const ws = `/api/v1/workspaces/${first.workspaceId}`;
    expect((await asFirst.get(`${ws}/contact-policy`).expect(200)).body).toMatchObject({
      frequencyDays: 30,
      guardEnabled: true,
      isDefault: false,
    });
    const db = t.app.get(DataSource);
    const [{ asks }] = await db.query(`SELECT count(*)::int AS asks FROM customer_survey_contacts WHERE workspace_id = $1`, [
      first.workspaceId,
    ]);
    // The story's own asks, and the email invitations' (recorded through the same gate).
    expect(asks).toBeGreaterThan(0);
    const guards: { customer_external_id: string; reasons: { code: string; caseId?: string }[] }[] = await db.query(
      `SELECT customer_external_id, reasons FROM customer_guards WHERE workspace_id = $1 ORDER BY customer_external_id`,
      [first.workspaceId],
    );
    const complaint = guards.find((g) => g.reasons.some((r) => r.code === 'open_complaint'));
    expect(complaint).toBeDefined();
    const caseId = complaint!.reasons.find((r) => r.code === 'open_complaint')!.caseId;
    const answer = (await asFirst.get(`${ws}/customers/${complaint!.customer_external_id}/contact-guard?purpose=marketing`).expect(200))
      .body;
    expect(answer.allowed).toBe(false);
    expect(answer.reasons).toContainEqual({ code: 'open_complaint', until: null, caseId });
  });

  it('wins customers back after the courier fix: told, some answered, about 30 % came back with orders, fewer complaints since', async () => {
    const ws = `/api/v1/workspaces/${first.workspaceId}`;
    const report = (await asFirst.get(`${ws}/recovery/report`).expect(200)).body;
    expect(report.fixes).toHaveLength(1);
    const [fix] = report.fixes;
    expect(fix).toMatchObject({ kind: 'churn_reason', churnReasonKey: 'poor_service', title: 'Late courier deliveries', status: 'fixed' });
    expect(fix.whatChanged).toBe('Switched to a second courier in Sofia and Plovdiv; delivery promise now 2 days');
    expect(fix.affected).toBeGreaterThan(5);
    expect(fix.told + fix.noAddress).toBe(fix.affected);
    expect(fix.answered).toBeGreaterThan(0);
    expect(fix.returned / fix.told).toBeGreaterThan(0.15);
    expect(fix.returned / fix.told).toBeLessThan(0.6);
    expect(fix.revenueRecovered).toEqual([{ currency: 'RUB', amount: expect.stringMatching(/^[1-9]\d*\.\d\d$/) }]);
    const detail = (await asFirst.get(`${ws}/recovery/problems/${fix.id}`).expect(200)).body;
    const total = (from: number, to: number) =>
      detail.volume
        .filter((w: { week: number }) => w.week >= from && w.week < to)
        .reduce((n: number, w: { count: number }) => n + w.count, 0);
    expect(total(-8, 0)).toBeGreaterThan(total(0, 8));
    const open = (await asFirst.get(`${ws}/recovery/problems?status=open`).expect(200)).body.items;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ kind: 'known_issue', title: 'Checkout crashes in the app after the latest release' });
    expect(open[0].linkedCases).toBeGreaterThan(0);
    const again = (await asSecond.get(`/api/v1/workspaces/${second.workspaceId}/recovery/report`).expect(200)).body;
    expect(
      again.fixes.map((f: { affected: number; told: number; returned: number; revenueRecovered: unknown }) => [
        f.affected,
        f.told,
        f.returned,
        f.revenueRecovered,
      ]),
    ).toEqual([[fix.affected, fix.told, fix.returned, fix.revenueRecovered]]);
  });

  it('leaves every other workspace alone', async () => {
    const db = t.app.get(DataSource);
    for (const table of [
      'customers',
      'surveys',
      'responses',
      'survey_displays',
      'cancellations',
      'cancellation_flows',
      'mentions',
      'touchpoints',
      'cases',
      'feedback_texts',
      'clusters',
    ]) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1`, [bystander.workspaceId]);
      expect({ table, n }).toEqual({ table, n: 0 });
    }
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM memberships WHERE workspace_id = $1`, [bystander.workspaceId]);
    expect(n).toBe(1);
  });

  it('shows the mirror survey: three touchpoints, 4–7 staff answers a month, delivery the blind spot', async () => {
    const ws = `/api/v1/workspaces/${first.workspaceId}`;
    const mirrors = (await asFirst.get(`${ws}/mirrors`).expect(200)).body.items as { id: string; touchpoints: { name: string }[] }[];
    expect(mirrors.map((m) => m.touchpoints[0].name).sort()).toEqual([
      'Доставка курьером',
      'Качество продуктов и рецептов',
      'Служба поддержки',
    ]);
    const rows: { touchpointName: string; direction: string; blindSpot: boolean; trend: { staff: { n: number } }[] }[] = [];
    for (const m of mirrors) {
      rows.push(...(await asFirst.get(`${ws}/mirrors/${m.id}/report?from=2026-07&to=2026-11`).expect(200)).body.rows);
    }
    for (const row of rows) for (const point of row.trend) expect(point.staff.n).toBeGreaterThanOrEqual(4);
    const blind = rows.filter((r) => r.blindSpot).map((r) => [r.touchpointName, r.direction]);
    expect(blind).toEqual([['Доставка курьером', 'staff_higher']]);
    // The demo admin is staff on every mirror and has not answered this month yet.
    expect((await asFirst.get(`${ws}/mirrors/mine`).expect(200)).body.pending).toBeGreaterThanOrEqual(3);
  });

  it('gives the demo team accounts nobody can sign in to', async () => {
    const members = (await asFirst.get(`/api/v1/workspaces/${first.workspaceId}/members`).expect(200)).body as { email: string }[];
    const team = members.filter((m) => m.email.endsWith('@uzhinbox.example'));
    expect(team.length).toBeGreaterThanOrEqual(4);
    for (const m of team) {
      await t.http().post('/api/v1/auth/login').set('Origin', t.baseUrl).send({ email: m.email, password: 'otklik-demo' }).expect(401);
    }
  });

  it('has an outbox that waits for SMTP: case replies queued, an SMS the gateway delivered, a bounced email', async () => {
    const ws = `/api/v1/workspaces/${first.workspaceId}`;
    const status = (await asFirst.get(`${ws}/messaging/status`).expect(200)).body;
    expect(status.email.configured).toBe(false);
    expect(status.email.from).toBe('"Uzhinbox — служба заботы" <care@uzhinbox.example>');
    const outbox = (await asFirst.get(`${ws}/messages?direction=outbound&limit=200`).expect(200)).body.items as {
      channel: string;
      status: string;
      language: string;
      to: string;
      caseId: string | null;
      purpose: string;
      lastError: string | null;
    }[];
    // The outbox's own story: service messages outside cases (case replies and invitations have their own tests).
    const mine = outbox.filter((m) => m.caseId === null && m.purpose === 'service');
    expect(
      mine
        .filter((m) => m.status === 'queued')
        .map((m) => [m.channel, m.language])
        .sort(),
    ).toEqual([
      ['email', 'en'],
      ['email', 'ru'],
      ['email', 'ru'],
    ]);
    expect(mine.filter((m) => m.status === 'delivered').map((m) => m.channel)).toEqual(['sms']);
    const [bounced] = mine.filter((m) => m.status === 'bounced');
    expect(bounced.lastError).toMatch(/^550 5\.1\.1 .*User unknown/);
    // A demo started with SMTP_URL must never mail a real mailbox: every story address is at a reserved .example domain.
    expect(mine.filter((m) => m.channel === 'email').every((m) => m.to.endsWith('.example'))).toBe(true);
    const [real] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM customers WHERE workspace_id = $1 AND email IS NOT NULL AND email NOT LIKE '%.example'`, [
        first.workspaceId,
      ]);
    expect(real.n).toBe(0);
  });

  it('tells case conversations both ways: the customer writes, we answer in their channel and language', async () => {
    const ws = `/api/v1/workspaces/${first.workspaceId}`;
    const rows: { case_id: string; direction: string; channel: string; status: string; language: string }[] = await t.app
      .get(DataSource)
      .query(
        // Public answers to mentions are records of posts (their own test below), not conversations.
        `SELECT case_id, direction, channel, status, language FROM messages
          WHERE workspace_id = $1 AND case_id IS NOT NULL AND channel <> 'public' ORDER BY created_at`,
        [first.workspaceId],
      );
    const caseIds = [...new Set(rows.map((r) => r.case_id))];
    expect(caseIds.length).toBeGreaterThanOrEqual(2);
    for (const id of caseIds) {
      const thread = (
        (await asFirst.get(`${ws}/cases/${id}/messages`).expect(200)).body as { direction: string; channel: string }[]
      ).filter((m) => m.channel !== 'public');
      expect(thread[0]!.direction).toBe('inbound');
      expect(thread.some((m) => m.direction === 'outbound')).toBe(true);
    }
    const ours = rows.filter((r) => r.direction === 'outbound');
    expect(new Set(ours.map((r) => r.language))).toEqual(new Set(['ru', 'en']));
    // The English answer waits in the outbox (the demo has no SMTP); the older ones went out.
    expect(ours.filter((r) => r.status === 'queued').map((r) => [r.channel, r.language])).toEqual([['email', 'en']]);
  });

  it('answers negative mentions in public: most within hours, some not yet, findings published and compensated', async () => {
    const ws = `/api/v1/workspaces/${first.workspaceId}`;
    const from = new Date(NOW.getTime() - 60 * 86_400_000).toISOString();
    const report = (await asFirst.get(`${ws}/mentions/public-answers/report?from=${from}&to=${NOW.toISOString()}`).expect(200)).body;
    // The small story has a dozen negative mentions in these weeks; the full one about twenty go through the workflow.
    expect(report.answered).toBeGreaterThanOrEqual(3);
    expect(report.answered).toBeLessThan(report.negative);
    expect(report.findingsPublished).toBeGreaterThanOrEqual(1);
    expect(report.compensated).toBeGreaterThanOrEqual(1);
    expect(report.medianMinutesToAnswer).toBeGreaterThan(0);
    expect(report.medianMinutesToAnswer).toBeLessThan(24 * 60);
    // Each answer and each published finding is kept as a public message (recorded, never sent).
    const [recorded] = await t.app
      .get(DataSource)
      .query(
        `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*)::int AS total FROM messages WHERE workspace_id = $1 AND channel = 'public'`,
        [first.workspaceId],
      );
    expect(recorded.sent).toBe(recorded.total);
    expect(recorded.total).toBeGreaterThanOrEqual(report.answered);
    const stages = new Set(
      (await asFirst.get(`${ws}/mentions?sentiment=-1&limit=100&from=${from}`).expect(200)).body.items.map(
        (m: { stage: string }) => m.stage,
      ),
    );
    for (const stage of ['not_started', 'investigating', 'compensated']) expect(stages).toContain(stage);
  });

  it('sent the NPS by email three weeks ago with a reminder and answers, has a CES send in the outbox and a CSAT send scheduled', async () => {
    const ws = `/api/v1/workspaces/${first.workspaceId}`;
    const surveys = (await asFirst.get(`${ws}/surveys`).expect(200)).body as { id: string; kind: string }[];
    const sendsOf = async (kind: string) =>
      (await asFirst.get(`${ws}/surveys/${surveys.find((s) => s.kind === kind)!.id}/sends`).expect(200)).body as {
        status: string;
        scheduledAt: string;
        reminderDays: number;
        stats: Record<string, number>;
      }[];
    const [nps] = await sendsOf('nps');
    expect(nps).toMatchObject({ status: 'sent', reminderDays: 3 });
    expect(new Date(nps.scheduledAt).getTime()).toBeLessThan(NOW.getTime() - 20 * 86_400_000);
    const s = nps.stats;
    expect(s.invited).toBeGreaterThan(3);
    expect(s.answered).toBeGreaterThan(0);
    expect(s.answered).toBeLessThan(s.invited);
    expect(s.finished).toBeLessThanOrEqual(s.answered);
    expect(s.reminded).toBeGreaterThan(0);
    expect(s.sent + s.bounced).toBe(s.invited);
    const [ces] = await sendsOf('ces');
    expect(ces.status).toBe('sent');
    expect(ces.stats.queued).toBe(ces.stats.invited);
    const [csat] = await sendsOf('csat');
    expect(csat.status).toBe('scheduled');
    // Story addresses never reach a real-looking mailbox.
    const domains = await t.app
      .get(DataSource)
      .query(`SELECT DISTINCT split_part(address, '@', 2) AS domain FROM survey_send_recipients WHERE workspace_id = $1`, [
        first.workspaceId,
      ]);
    expect(domains).toEqual([{ domain: 'example.net' }]);
  });

  it('imported a year of Delighted history into the NPS survey: one finished import, a few broken rows, answers in the metrics', async () => {
    const ws = `/api/v1/workspaces/${first.workspaceId}`;
    const surveys = (await asFirst.get(`${ws}/surveys`).expect(200)).body as { id: string; kind: string }[];
    const nps = surveys.find((s) => s.kind === 'nps')!;
    const imports = (await asFirst.get(`${ws}/surveys/${nps.id}/response-imports`).expect(200)).body.items;
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({
      fileName: 'delighted-export.csv',
      status: 'done',
      rowsTotal: 362,
      rowsDone: 362,
      imported: 360,
      failed: 2,
    });
    const one = (await asFirst.get(`${ws}/surveys/${nps.id}/response-imports/${imports[0].id}`).expect(200)).body;
    expect(one.errors.map((e: { code: string }) => e.code).sort()).toEqual(['date_missing', 'score_invalid']);
    // The year before the story, as the metrics see it.
    const clock = new StoryClock(NOW);
    const before = `from=${new Date(clock.start - 366 * 86_400_000).toISOString()}&to=${new Date(clock.start).toISOString()}`;
    const m = (await asFirst.get(`${ws}/surveys/${nps.id}/metrics?${before}`).expect(200)).body;
    expect(m.summary.nps.n).toBe(360);
  });

  it('compensates within budgets: role and member budgets, grants on real cases, one waiting, one rejected, customers kept', async () => {
    const ws = `/api/v1/workspaces/${first.workspaceId}`;
    const budgets = (await asFirst.get(`${ws}/compensation/budgets`).expect(200)).body.budgets as { scope: string; currency: string }[];
    expect(budgets.map((b) => b.scope)).toEqual(['role', 'role', 'role', 'member']);
    expect(new Set(budgets.map((b) => b.currency))).toEqual(new Set(['RUB']));
    const rows: { status: string; within_budget: boolean; n: number }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT status, within_budget, count(*)::int AS n FROM compensation_grants WHERE workspace_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
        [first.workspaceId],
      );
    const count = (status: string, within: boolean) => rows.find((r) => r.status === status && r.within_budget === within)?.n ?? 0;
    expect(count('approved', true)).toBeGreaterThanOrEqual(8);
    expect(count('approved', false)).toBeGreaterThanOrEqual(1);
    expect(count('rejected', false)).toBe(1);
    const waiting = (await asFirst.get(`${ws}/compensation/grants?status=pending`).expect(200)).body;
    expect(waiting.total).toBeGreaterThanOrEqual(1);
    expect(waiting.items[0]).toMatchObject({ kind: 'refund', amount: '7000.00', currency: 'RUB' });
    const report = (await asFirst.get(`${ws}/compensation/report?from=2026-06-01&to=2026-12-01`).expect(200)).body;
    expect(report.currency).toBe('RUB');
    expect(report.total.customers).toBeGreaterThan(0);
    expect(report.total.kept).toBeGreaterThan(0);
    expect(report.byTouchpoint.length).toBeGreaterThan(1);
  });
});
