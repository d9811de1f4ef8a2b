import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PromisesService } from '@otklik/backend/src/promises/promises.service';
import { LoggedIn, SeededAdmin, SeededUser, startTestApp, TestApp } from '../support/app';

/**
 * The traffic-light audit on data with controlled timestamps. The workspace's default SLA policy is the built-in
 * one (Mon–Fri 09:00–18:00 Europe/Moscow, UTC+3), so months are Moscow months and a working day is 540 minutes.
 *
 * Chat (touchpoint), process "Answering", step "First reply":
 *   first response (lower-better, 15 / 60):
 *     November: replies after 10, 15 and 20 working minutes → median 15 → green (the edge itself)
 *     October:  replies after 50 and 70 → median 60 → yellow (the edge itself)
 *   resolution (lower-better, 1 / 3 working days), November: 540 min (1 day), 120 min (0.22), 1080 min (2) → median 1 → green
 *   reopened (lower-better, 5 / 10 %), November: 1 of 3 cases reopened → 33.33 % → red
 *   CSAT (higher-better, 4.5 / 4.0) of the CSAT survey linked to Chat:
 *     November 5, 4 → 4.5 green (edge); October 4, 4 → 4.0 yellow (edge); September 4, 3 → 3.5 red
 *   call listening checklist (higher-better, 90 / 75; items greeted, solution, summary):
 *     November: 3/3, 3/3, 2/3, 1/1 → 9 of 10 items = 90 % green (edge)
 *     October:  3/3, 0/1 → 3 of 4 = 75 % yellow (edge); September: 2/3 → 66.67 % red
 *     a step for September's red, due 15 October and kept: before (September) 66.67 red → after (November) 90 green
 * Phone (touchpoint), process "Calls", step "Pick-up":
 *   first response, November: 61 and 60 minutes → median 60.5 → red (just past the edge); an improvement step goes
 *   to the promise register
 *   case count (lower-better, 2 / 5), November: the two above plus one opened 00:30 on 1 November Moscow time
 *   (21:30 UTC on 31 October) → 3 → yellow
 */

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let viewer: SeededUser;
let owner: SeededUser;
let asViewer: LoggedIn;
let asOwner: LoggedIn;
let other: SeededAdmin;
let asOther: LoggedIn;
const tp: Record<string, string> = {};
const crit: Record<string, string> = {};

const db = () => t.app.get(DataSource);
const msk = (wall: string) => new Date(`${wall}:00+03:00`);
const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

async function touchpoint(name: string, channel: string) {
  const res = await asAdmin.post(`${ws}/touchpoints`, { name, stage: 'buying', channel });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** A case at a touchpoint, opened, first answered and resolved at these Moscow wall times. */
async function kase(touchpointId: string, opened: string, replied: string | null, resolved: string | null, reopened = false) {
  const res = await asAdmin.post(`${ws}/cases`, {
    title: `case ${opened}`,
    touchpointId,
    openedAt: msk(opened).toISOString(),
    priority: 'normal',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await db().query(
    `UPDATE cases SET first_responded_at = $3, resolved_at = $4, closed_at = $4, status = CASE WHEN $4::timestamptz IS NULL THEN status ELSE 'closed' END, reopened = $5
      WHERE workspace_id = $1 AND id = $2`,
    [admin.workspaceId, res.body.id, replied ? msk(replied) : null, resolved ? msk(resolved) : null, reopened],
  );
}

async function csatAnswer(publicKey: string, score: number, at: string) {
  const res = await t
    .http()
    .post(`/api/v1/public/surveys/${publicKey}/responses`)
    .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers: { score }, finished: true })
    .expect(201);
  await db().query(`UPDATE responses SET created_at = $2 WHERE id = $1`, [res.body.responseId, msk(at)]);
}

async function check(criterionId: string, month: string, passedItems: string[], failedItems: string[] = [], as = asAdmin) {
  const items = [...passedItems.map((item) => ({ item, passed: true })), ...failedItems.map((item) => ({ item, passed: false }))];
  const res = await as.post(`${ws}/service-audit/criteria/${criterionId}/checks`, { month, items });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function criterion(stepId: string, body: object) {
  const res = await asAdmin.post(`${ws}/service-audit/steps/${stepId}/criteria`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const ITEMS = ['greeted by name', 'offered a solution', 'summarised next steps'];
const [G, S, N] = ITEMS;

beforeAll(async () => {
  t = await startTestApp({ caseSyncMs: 3_600_000, publicLimitPerIpPerMinute: 100_000 });
  admin = await t.seedAdmin('Audit Desk');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  [viewer, owner] = await Promise.all([t.createUser({ name: 'Vera' }), t.createUser({ name: 'Oleg' })]);
  await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
  await t.addMember(admin.workspaceId, owner.userId, 'owner');
  asViewer = await t.login(viewer.email, viewer.password);
  asOwner = await t.login(owner.email, owner.password);
  other = await t.seedAdmin('Elsewhere');
  asOther = await t.login(other.email, other.password);
  await asAdmin.get(`${ws}/sla-policies`).expect(200); // the workspace's default policy (Moscow) on first use

  tp.chat = await touchpoint('Chat', 'chat');
  tp.phone = await touchpoint('Phone', 'phone');

  const chatProcess = (await asAdmin.post(`${ws}/service-audit/processes`, { touchpointId: tp.chat, name: 'Answering' }).expect(201)).body
    .id;
  const chatStep = (await asAdmin.post(`${ws}/service-audit/processes/${chatProcess}/steps`, { name: 'First reply' }).expect(201)).body.id;
  crit.chatFr = await criterion(chatStep, { name: 'First response', measure: 'first_response_minutes' });
  crit.chatRes = await criterion(chatStep, { name: 'Resolution', measure: 'resolution_days', position: 1 });
  crit.chatReopen = await criterion(chatStep, { name: 'Reopened', measure: 'reopened_percent', position: 2 });
  crit.chatCsat = await criterion(chatStep, { name: 'CSAT', measure: 'csat_mean', position: 3 });
  crit.chatList = await criterion(chatStep, { name: 'Call listening', measure: 'checklist_percent', checklistItems: ITEMS, position: 4 });
  const phoneProcess = (await asAdmin.post(`${ws}/service-audit/processes`, { touchpointId: tp.phone, name: 'Calls' }).expect(201)).body.id;
  const phoneStep = (await asAdmin.post(`${ws}/service-audit/processes/${phoneProcess}/steps`, { name: 'Pick-up' }).expect(201)).body.id;
  crit.phoneFr = await criterion(phoneStep, { name: 'First response', measure: 'first_response_minutes' });
  crit.phoneCount = await criterion(phoneStep, { name: 'Cases', measure: 'case_count', green: 2, yellow: 5, position: 1 });

  // Chat cases (Mon 2, Tue 3, Wed 4 November; October 5 and 6).
  await kase(tp.chat, '2026-11-02T10:00', '2026-11-02T10:10', '2026-11-03T10:00');
  await kase(tp.chat, '2026-11-03T10:00', '2026-11-03T10:15', '2026-11-03T12:00', true);
  await kase(tp.chat, '2026-11-04T10:00', '2026-11-04T10:20', '2026-11-06T10:00');
  await kase(tp.chat, '2026-10-05T10:00', '2026-10-05T10:50', '2026-10-05T12:00');
  await kase(tp.chat, '2026-10-06T10:00', '2026-10-06T11:10', '2026-10-06T12:00');
  // Phone cases.
  await kase(tp.phone, '2026-11-02T10:00', '2026-11-02T11:01', null);
  await kase(tp.phone, '2026-11-03T10:00', '2026-11-03T11:00', null);
  await kase(tp.phone, '2026-11-01T00:30', null, null);

  const survey = (
    await asAdmin
      .post(`${ws}/surveys`, {
        name: 'Chat CSAT',
        kind: 'csat',
        touchpointName: 'Chat',
        displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
      })
      .expect(201)
  ).body;
  await asAdmin.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
  for (const [score, at] of [
    [5, '2026-11-10T12:00'],
    [4, '2026-11-20T12:00'],
    [4, '2026-10-10T12:00'],
    [4, '2026-10-20T12:00'],
    [4, '2026-09-10T12:00'],
    [3, '2026-09-20T12:00'],
  ] as const)
    await csatAnswer(survey.publicKey, score, at);

  await check(crit.chatList, '2026-11', ITEMS);
  await check(crit.chatList, '2026-11', ITEMS, [], asOwner);
  await check(crit.chatList, '2026-11', [G, S], [N]);
  await check(crit.chatList, '2026-11', [S]);
  await check(crit.chatList, '2026-10', ITEMS);
  await check(crit.chatList, '2026-10', [], [G]);
  await check(crit.chatList, '2026-09', [G, N], [S]);

  // September's red checklist got a step due mid-October, kept (through the promise register's own API).
  const step = await t.app.get(PromisesService).createImprovementStep(
    admin.workspaceId,
    { userId: admin.userId },
    {
      touchpointId: tp.chat,
      ownerId: admin.userId,
      text: 'Coach the team on summarising',
      dueAt: msk('2026-10-15T18:00'),
      auditRef: { criterionId: crit.chatList, month: '2026-09' },
    },
  );
  await asAdmin.post(`${ws}/promises/${step.id}/outcome`, { outcome: 'kept' }).expect(201);
}, 120_000);

afterAll(async () => t?.close());

type Row = {
  criterion: { id: string };
  value: number | null;
  colour: string;
  previousValue: number | null;
  previousColour: string;
  trend: { month: string; value: number | null; colour: string }[];
  n: number | null;
  steps: Record<string, unknown>[];
};
const rowOf = (grid: { rows: Row[] }, id: string) => grid.rows.find((r) => r.criterion.id === id)!;

describe('traffic-light grid', () => {
  let grid: { month: string; previousMonth: string; timeZone: string; rows: Row[]; summary: Record<string, number> };

  beforeAll(async () => {
    grid = (await asAdmin.get(`${ws}/service-audit/grid?month=2026-11`).expect(200)).body;
  });

  it('months are the workspace time zone’s', () => {
    expect(grid).toMatchObject({ month: '2026-11', previousMonth: '2026-10', timeZone: 'Europe/Moscow' });
    expect(grid.rows).toHaveLength(7);
  });

  it('lower-better at the edges: 15 is green, 60 is yellow, 60.5 is red', () => {
    expect(rowOf(grid, crit.chatFr)).toMatchObject({ value: 15, colour: 'green', previousValue: 60, previousColour: 'yellow', n: 3 });
    expect(rowOf(grid, crit.phoneFr)).toMatchObject({ value: 60.5, colour: 'red' });
    expect(rowOf(grid, crit.chatRes)).toMatchObject({ value: 1, colour: 'green' });
    expect(rowOf(grid, crit.chatReopen)).toMatchObject({ value: 33.33, colour: 'red', n: 3 });
  });

  it('higher-better at the edges: 4.5 is green, 4.0 yellow, 3.5 red', () => {
    const csat = rowOf(grid, crit.chatCsat);
    expect(csat).toMatchObject({ value: 4.5, colour: 'green', previousValue: 4, previousColour: 'yellow', n: 2 });
    expect(csat.trend.map((p) => [p.month, p.value, p.colour])).toEqual([
      ['2026-06', null, 'no_data'],
      ['2026-07', null, 'no_data'],
      ['2026-08', null, 'no_data'],
      ['2026-09', 3.5, 'red'],
      ['2026-10', 4, 'yellow'],
      ['2026-11', 4.5, 'green'],
    ]);
  });

  it('a checklist month is the share of items passed over its checks', () => {
    const list = rowOf(grid, crit.chatList);
    expect(list).toMatchObject({ value: 90, colour: 'green', previousValue: 75, previousColour: 'yellow', n: 10 });
    expect(list.trend.slice(3).map((p) => p.value)).toEqual([66.67, 75, 90]);
  });

  it('a case opened 00:30 on 1 November in Moscow counts in November', () => {
    expect(rowOf(grid, crit.phoneCount)).toMatchObject({ value: 3, colour: 'yellow', previousValue: 0, previousColour: 'green' });
  });

  it('a kept step shows the month before its due month and the month after', () => {
    expect(rowOf(grid, crit.chatList).steps).toEqual([
      expect.objectContaining({
        status: 'kept',
        month: '2026-09',
        dueMonth: '2026-10',
        before: 66.67,
        beforeColour: 'red',
        after: 90,
        afterColour: 'green',
      }),
    ]);
    expect(grid.summary).toEqual({ green: 4, yellow: 1, red: 2, no_data: 0 });
  });

  it('the criterion detail has 12 months', async () => {
    const detail = (await asViewer.get(`${ws}/service-audit/criteria/${crit.chatFr}?month=2026-11`).expect(200)).body;
    expect(detail.series).toHaveLength(12);
    expect(detail.series[0].month).toBe('2025-12');
    expect(detail.series.slice(-2).map((p: Row) => [p.value, p.colour])).toEqual([
      [60, 'yellow'],
      [15, 'green'],
    ]);
  });

  it('CSV: one row per criterion, formula-safe', async () => {
    const res = await asAdmin.get(`${ws}/service-audit/grid.csv?month=2026-11`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parse(res.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(7);
    expect(rows.find((r) => r.criterion === 'CSAT' && r.touchpoint === 'Chat')).toMatchObject({
      value: '4.5',
      colour: 'green',
      previous_value: '4',
    });
  });
});

describe('improvement steps go to the promise register', () => {
  it('a red cell takes a step; a green one refuses it', async () => {
    const dueAt = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
    const body = { month: '2026-11', ownerId: owner.userId, dueAt, text: 'Second line picks up after 3 rings' };
    const created = await asOwner.post(`${ws}/service-audit/criteria/${crit.phoneFr}/improvement-steps`, body).expect(201);
    const inRegister = await t.app.get(PromisesService).listByAuditRefs(admin.workspaceId, [crit.phoneFr]);
    expect(inRegister).toEqual([
      expect.objectContaining({
        id: created.body.id,
        status: 'open',
        ownerId: owner.userId,
        auditRef: { criterionId: crit.phoneFr, month: '2026-11' },
      }),
    ]);
    const grid = (await asAdmin.get(`${ws}/service-audit/grid?month=2026-11`).expect(200)).body;
    expect(rowOf(grid, crit.phoneFr).steps).toEqual([
      expect.objectContaining({ id: created.body.id, status: 'open', before: null, after: null }),
    ]);

    const green = await asAdmin.post(`${ws}/service-audit/criteria/${crit.chatFr}/improvement-steps`, body);
    expect(green.status).toBe(409);
    expect(green.body.error.code).toBe('not_red');
    const bad = await asAdmin.post(`${ws}/service-audit/criteria/${crit.phoneFr}/improvement-steps`, { ...body, ownerId: other.userId });
    expect(bad.status).toBe(400);
    const past = await asAdmin.post(`${ws}/service-audit/criteria/${crit.phoneFr}/improvement-steps`, {
      ...body,
      dueAt: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(await t.app.get(PromisesService).listByAuditRefs(admin.workspaceId, [crit.phoneFr, crit.chatFr])).toHaveLength(1);
    await asViewer.post(`${ws}/service-audit/criteria/${crit.phoneFr}/improvement-steps`, body).expect(403);
  });
});

describe('the model: defaults, stale edits and hostile input', () => {
  it('defaults come from the measure', async () => {
    const model = (await asViewer.get(`${ws}/service-audit/model`).expect(200)).body;
    const fr = model.processes
      .flatMap((p: { steps: { criteria: object[] }[] }) => p.steps.flatMap((s) => s.criteria))
      .find((c: { id: string }) => c.id === crit.chatFr);
    expect(fr).toMatchObject({ unit: 'min', direction: 'lower_better', green: 15, yellow: 60, revision: 1 });
    expect(model.defaults.find((d: { measure: string }) => d.measure === 'csat_mean')).toEqual({
      measure: 'csat_mean',
      unit: 'score',
      direction: 'higher_better',
      green: 4.5,
      yellow: 4,
    });
  });

  it('two edits from the same revision: one wins, the other gets 409 stale_edit', async () => {
    const [a, b] = await Promise.all([
      asAdmin.patch(`${ws}/service-audit/criteria/${crit.phoneCount}`, { revision: 1, green: 3 }),
      asAdmin.patch(`${ws}/service-audit/criteria/${crit.phoneCount}`, { revision: 1, green: 4 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body.error.code).toBe('stale_edit');
    const again = await asAdmin.patch(`${ws}/service-audit/criteria/${crit.phoneCount}`, { revision: 2, green: 2 }).expect(200);
    expect(again.body).toMatchObject({ green: 2, revision: 3 });
  });

  it('refuses hostile input with 400 and stores nothing', async () => {
    const before = (await asAdmin.get(`${ws}/service-audit/model`).expect(200)).body;
    const step = before.processes[0].steps[0].id;
    const bad: [string, object][] = [
      [`steps/${step}/criteria`, { name: 'x', measure: 'first_response_minutes', green: 60, yellow: 15 }],
      [`steps/${step}/criteria`, { name: 'x', measure: 'csat_mean', green: 4, yellow: 4.5 }],
      [`steps/${step}/criteria`, { name: 'x', measure: 'drop_tables' }],
      [`steps/${step}/criteria`, { name: 'x'.repeat(5000), measure: 'nps' }],
      [`steps/${step}/criteria`, { name: 'x', measure: 'nps', green: 'lots' }],
      [`steps/${step}/criteria`, { name: 'x', measure: 'nps', green: 1e15 }],
      [`steps/${step}/criteria`, { name: 'x', measure: 'checklist_percent' }],
      [`steps/${step}/criteria`, { name: 'x', measure: 'nps', checklistItems: ['a'] }],
      [
        `steps/${step}/criteria`,
        { name: 'x', measure: 'checklist_percent', checklistItems: Array.from({ length: 31 }, (_, i) => `i${i}`) },
      ],
      [`steps/${step}/criteria`, { name: 'x', measure: 'nps', extra: true }],
      ['processes', { touchpointId: randomUUID(), name: 'x' }],
      ['processes', { touchpointId: tp.chat, name: '' }],
      [`criteria/${crit.chatList}/checks`, { month: '2026-11', items: [{ item: 'not on the list', passed: true }] }],
      [
        `criteria/${crit.chatList}/checks`,
        {
          month: '2026-11',
          items: [
            { item: G, passed: true },
            { item: G, passed: false },
          ],
        },
      ],
      [`criteria/${crit.chatList}/checks`, { month: '2026-11', items: [] }],
      [`criteria/${crit.chatList}/checks`, { month: '2099-01', items: [{ item: G, passed: true }] }],
      [`criteria/${crit.chatList}/checks`, { month: '2026-13', items: [{ item: G, passed: true }] }],
      [`criteria/${crit.chatList}/checks`, { month: '2026-11', items: [{ item: G, passed: 'yes' }] }],
    ];
    for (const [path, body] of bad) {
      const res = await asAdmin.post(`${ws}/service-audit/${path}`, body);
      expect(res.status, `${path} ${JSON.stringify(body).slice(0, 100)} → ${JSON.stringify(res.body)}`).toBe(400);
    }
    const notChecklist = await asAdmin.post(`${ws}/service-audit/criteria/${crit.chatFr}/checks`, {
      month: '2026-11',
      items: [{ item: G, passed: true }],
    });
    expect(notChecklist.status).toBe(409);
    await asAdmin.get(`${ws}/service-audit/grid?month=2026-13`).expect(400);
    await asAdmin.get(`${ws}/service-audit/criteria/not-a-uuid`).expect(404);
    expect((await asAdmin.get(`${ws}/service-audit/model`).expect(200)).body).toEqual(before);
    const checks = (await asAdmin.get(`${ws}/service-audit/criteria/${crit.chatList}/checks?month=2026-11`).expect(200)).body.items;
    expect(checks).toHaveLength(4);
  });
});

describe('renames, the limits under concurrent creates and the register filter', () => {
  it('processes and steps rename at their revision; a stale rename gets 409 and changes nothing', async () => {
    const model = (await asAdmin.get(`${ws}/service-audit/model`).expect(200)).body;
    const chat = model.processes.find((p: { touchpointId: string }) => p.touchpointId === tp.chat);
    await asAdmin.patch(`${ws}/service-audit/processes/${chat.id}`, { revision: chat.revision, name: 'Chat answers' }).expect(204);
    const stale = await asAdmin.patch(`${ws}/service-audit/processes/${chat.id}`, { revision: chat.revision, name: 'Lost edit' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_edit');
    const step = chat.steps[0];
    await asAdmin.patch(`${ws}/service-audit/steps/${step.id}`, { revision: step.revision, name: 'First answer' }).expect(204);
    await asViewer.patch(`${ws}/service-audit/steps/${step.id}`, { revision: step.revision + 1, name: 'Viewer' }).expect(403);
    const edited = await asAdmin
      .patch(`${ws}/service-audit/criteria/${crit.chatRes}`, { revision: 1, name: 'Time to resolve', unit: 'wd' })
      .expect(200);
    expect(edited.body).toMatchObject({ name: 'Time to resolve', unit: 'wd', green: 1, yellow: 3, revision: 2 });
    const after = (await asAdmin.get(`${ws}/service-audit/model`).expect(200)).body;
    const renamed = after.processes.find((p: { id: string }) => p.id === chat.id);
    expect(renamed).toMatchObject({ name: 'Chat answers', revision: chat.revision + 1 });
    expect(renamed.steps[0]).toMatchObject({ name: 'First answer', revision: step.revision + 1 });
    await asAdmin.patch(`${ws}/service-audit/criteria/${crit.chatRes}`, { revision: 2, unit: '' }).expect(400);
  });

  it('concurrent creates at each limit end with exactly the limit (200 processes, 50 steps, 50 criteria)', async () => {
    const boss = await t.seedAdmin('Limits Ltd');
    const asBoss = await t.login(boss.email, boss.password);
    const bws = `/api/v1/workspaces/${boss.workspaceId}`;
    const desk = (await asBoss.post(`${bws}/touchpoints`, { name: 'Desk', stage: 'buying', channel: 'chat' }).expect(201)).body.id;
    const process = (await asBoss.post(`${bws}/service-audit/processes`, { touchpointId: desk, name: 'Main' }).expect(201)).body.id;
    const step = (await asBoss.post(`${bws}/service-audit/processes/${process}/steps`, { name: 'Step 0' }).expect(201)).body.id;
    // Fill each parent to 3 below its limit directly, then fire 8 creates at once: 3 get in, 5 are refused.
    await db().query(
      `INSERT INTO service_audit_processes (workspace_id, touchpoint_id, name) SELECT $1, $2, 'p' || g FROM generate_series(2, 197) g`,
      [boss.workspaceId, desk],
    );
    await db().query(
      `INSERT INTO service_audit_steps (workspace_id, process_id, name) SELECT $1, $2, 's' || g FROM generate_series(2, 47) g`,
      [boss.workspaceId, process],
    );
    await db().query(
      `INSERT INTO service_audit_criteria (workspace_id, step_id, name, measure, unit, direction, green, yellow)
       SELECT $1, $2, 'c' || g, 'nps', 'pt', 'higher_better', 50, 20 FROM generate_series(1, 47) g`,
      [boss.workspaceId, step],
    );
    const burst = (path: string, body: (i: number) => object) =>
      Promise.all(Array.from({ length: 8 }, (_, i) => asBoss.post(`${bws}/service-audit/${path}`, body(i))));
    const outcomes = await Promise.all([
      burst('processes', (i) => ({ touchpointId: desk, name: `late ${i}` })),
      burst(`processes/${process}/steps`, (i) => ({ name: `late ${i}` })),
      burst(`steps/${step}/criteria`, (i) => ({ name: `late ${i}`, measure: 'case_count' })),
    ]);
    for (const responses of outcomes) {
      expect(responses.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
      expect(new Set(responses.filter((r) => r.status === 409).map((r) => r.body.error.code))).toEqual(new Set(['too_many']));
    }
    const [{ processes, steps, criteria }] = await db().query(
      `SELECT (SELECT count(*)::int FROM service_audit_processes WHERE workspace_id = $1) AS processes,
              (SELECT count(*)::int FROM service_audit_steps WHERE workspace_id = $1 AND process_id = $2) AS steps,
              (SELECT count(*)::int FROM service_audit_criteria WHERE workspace_id = $1 AND step_id = $3) AS criteria`,
      [boss.workspaceId, process, step],
    );
    expect({ processes, steps, criteria }).toEqual({ processes: 200, steps: 50, criteria: 50 });
    // A missing parent is still a 404, not a refusal for being full.
    await asBoss.post(`${bws}/service-audit/processes/${randomUUID()}/steps`, { name: 'x' }).expect(404);
    await asBoss.post(`${bws}/service-audit/steps/${randomUUID()}/criteria`, { name: 'x', measure: 'nps' }).expect(404);
  }, 60_000);

  it("the promise register lists a touchpoint's open improvement steps with source=audit", async () => {
    const steps = (await asViewer.get(`${ws}/promises?touchpoint=${tp.phone}&source=audit&status=open`).expect(200)).body.items;
    expect(steps.map((p: { text: string; source: string }) => [p.text, p.source])).toEqual([
      ['Second line picks up after 3 rings', 'audit'],
    ]);
    // The chat's only step is kept, so none is open there; every audit step of the workspace is the two.
    expect((await asViewer.get(`${ws}/promises?touchpoint=${tp.chat}&source=audit&status=open`).expect(200)).body.items).toEqual([]);
    expect((await asViewer.get(`${ws}/promises?source=audit`).expect(200)).body.items).toHaveLength(2);
    expect((await asViewer.get(`${ws}/promises?source=manual`).expect(200)).body.items).toEqual([]);
    const bad = await asViewer.get(`${ws}/promises?source=everything`);
    expect(bad.status).toBe(400);
    const csv = await asViewer.get(`${ws}/promises/export.csv?source=audit&touchpoint=${tp.phone}`).expect(200);
    expect(parse(csv.text, { columns: true, bom: true })).toHaveLength(1);
  });
});

describe('tenancy, roles and token scopes', () => {
  it('another workspace sees nothing and cannot reach these ids', async () => {
    await asOther.get(`${ws}/service-audit/grid`).expect(404);
    const otherWs = `/api/v1/workspaces/${other.workspaceId}`;
    await asOther.get(`${otherWs}/service-audit/criteria/${crit.chatFr}`).expect(404);
    await asOther.patch(`${otherWs}/service-audit/criteria/${crit.chatFr}`, { revision: 1, name: 'mine' }).expect(404);
    await asOther
      .delete(`${otherWs}/service-audit/processes/${(await asAdmin.get(`${ws}/service-audit/model`)).body.processes[0].id}`)
      .expect(404);
    await asOther.post(`${otherWs}/service-audit/processes`, { touchpointId: tp.chat, name: 'x' }).expect(400);
    expect((await asOther.get(`${otherWs}/service-audit/grid`).expect(200)).body.rows).toEqual([]);
  });

  it('viewers read; owners score checks but do not edit the model', async () => {
    await asViewer.get(`${ws}/service-audit/grid?month=2026-11`).expect(200);
    await asViewer.post(`${ws}/service-audit/processes`, { touchpointId: tp.chat, name: 'x' }).expect(403);
    await asViewer
      .post(`${ws}/service-audit/criteria/${crit.chatList}/checks`, { month: '2026-11', items: [{ item: G, passed: true }] })
      .expect(403);
    await asOwner.post(`${ws}/service-audit/processes`, { touchpointId: tp.chat, name: 'x' }).expect(403);
    await asOwner.delete(`${ws}/service-audit/criteria/${crit.chatFr}`).expect(403);
  });

  it('tokens read with workspace:read and never write', async () => {
    const make = async (scopes: string[]) =>
      (await asAdmin.post(`${ws}/api-tokens`, { name: `t-${scopes.join()}`, scopes }).expect(201)).body.secret as string;
    const reader = await make(['workspace:read']);
    const other = await make(['cases:read']);
    await t.http().get(`${ws}/service-audit/grid?month=2026-11`).set(bearer(reader)).expect(200);
    await t.http().get(`${ws}/service-audit/grid.csv?month=2026-11`).set(bearer(reader)).expect(200);
    const refused = await t.http().get(`${ws}/service-audit/grid`).set(bearer(other));
    expect(refused.status).toBe(403);
    await t.http().post(`${ws}/service-audit/processes`).set(bearer(reader)).send({ touchpointId: tp.chat, name: 'x' }).expect(403);
  });

  it('deleting a process takes its steps, criteria and checks with it', async () => {
    const model = (await asAdmin.get(`${ws}/service-audit/model`)).body;
    const phone = model.processes.find((p: { touchpointId: string }) => p.touchpointId === tp.phone);
    await asAdmin.delete(`${ws}/service-audit/processes/${phone.id}`).expect(204);
    const grid = (await asAdmin.get(`${ws}/service-audit/grid?month=2026-11`).expect(200)).body;
    expect(grid.rows).toHaveLength(5);
    await asAdmin.get(`${ws}/service-audit/criteria/${crit.phoneFr}`).expect(404);
  });
});
