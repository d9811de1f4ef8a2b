import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

/**
 * Issue 20 security review, finding 14: a delete of responses locks their rollup rows in key order, as the inserts'
 * ordered upserts do, so a multi-key delete and a concurrent multi-key insert cannot deadlock. Shown with a third
 * transaction holding one rollup row: while the delete waits for the first key it holds no later one, and while it
 * waits for the last key it already holds the earlier one.
 */
let t: TestApp;
let url: string;
let surveyId: string;
// Several pairs of hours (earlier, later): the order a plain join visits two keys in depends on their values.
const PAIRS = Array.from({ length: 8 }, (_, i) => [`2026-01-0${i + 1}T0${i}:00:00Z`, `2026-01-0${i + 1}T${13 + i}:00:00Z`]);

async function connect(): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

beforeAll(async () => {
  t = await startTestApp();
  url = (t.app.get(DataSource).options as { url: string }).url;
  const admin = await t.seedAdmin('Rollup locks');
  const as = await t.login(admin.email, admin.password);
  const ws = `/api/v1/workspaces/${admin.workspaceId}`;
  const survey = (
    await as
      .post(`${ws}/surveys`, {
        name: 'Locks',
        kind: 'nps',
        displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
      })
      .expect(201)
  ).body as { id: string; publicKey: string };
  await as.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
  surveyId = survey.id;
}, 120_000);
afterAll(() => t.close());

/** Two finished answers in two hours (two rollup keys). */
async function twoKeys(hours: string[]): Promise<void> {
  const keys = [randomUUID(), randomUUID()];
  for (const key of keys)
    await t
      .http()
      .post(`/api/v1/public/surveys/${await surveyKey()}/responses`)
      .send({ idempotencyKey: key, respondentId: `respondent-${key}`, answers: { score: 9 }, finished: true })
      .expect(201);
  const sql = await connect();
  try {
    // The later hour first, so its rollup row comes first in the table: a delete visiting rows in table order (as the
    // trigger's UPDATE … FROM did on a small table) would lock the later key first.
    for (const [i, key] of [...keys.entries()].reverse())
      await sql.query(`UPDATE responses SET created_at = $1 WHERE survey_id = $2 AND idempotency_key = $3`, [hours[i], surveyId, key]);
  } finally {
    await sql.end();
  }
}

async function surveyKey(): Promise<string> {
  const [{ key }] = await t.app.get(DataSource).query(`SELECT public_key AS key FROM surveys WHERE id = $1`, [surveyId]);
  return key as string;
}

const lockRollup = (client: Client, hour: string, nowait = '') =>
  client.query(`SELECT 1 FROM response_score_rollups WHERE survey_id = $1 AND hour = $2 FOR UPDATE ${nowait}`, [surveyId, hour]);

async function waitUntilBlocked(pid: number): Promise<void> {
  const sql = await connect();
  try {
    for (let i = 0; i < 200; i++) {
      const { rows } = await sql.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid]);
      if (rows[0]?.wait_event_type === 'Lock') return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the delete never waited for the held rollup row');
  } finally {
    await sql.end();
  }
}

/** Holds the rollup row of `held`, starts the delete of both answers, and tries the other row with NOWAIT meanwhile. */
async function otherRowFreeWhileDeleteWaits(hours: string[], held: number): Promise<boolean> {
  await twoKeys(hours);
  const [holder, deleter, prober] = await Promise.all([connect(), connect(), connect()]);
  try {
    await holder.query('BEGIN');
    await lockRollup(holder, hours[held]);
    // Hash grouping, as the planner picks for big deletes (small ones happen to be grouped by a sort, in key order).
    await deleter.query('SET enable_sort = off');
    const pid = (await deleter.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const deleting = deleter.query(`DELETE FROM responses WHERE survey_id = $1`, [surveyId]);
    await waitUntilBlocked(pid);
    await prober.query('BEGIN');
    const free = await lockRollup(prober, hours[1 - held], 'NOWAIT').then(
      () => true,
      () => false,
    );
    await prober.query('ROLLBACK');
    await holder.query('COMMIT');
    await deleting;
    return free;
  } finally {
    await Promise.all([holder.end(), deleter.end(), prober.end()]);
  }
}

it('a delete waiting for the first rollup key holds no later one', async () => {
  const free = [];
  for (const hours of PAIRS) free.push(await otherRowFreeWhileDeleteWaits(hours, 0));
  expect(free).toEqual(PAIRS.map(() => true));
});

it('a delete waiting for the last rollup key already holds the earlier one, and still counts right', async () => {
  const free = [];
  for (const hours of PAIRS) free.push(await otherRowFreeWhileDeleteWaits(hours, 1));
  expect(free).toEqual(PAIRS.map(() => false));
  // Both answers of both rounds deleted: every rollup row of the survey (the two hours, and the hour they came in) is 0.
  const rows: { score_9: number }[] = await t.app
    .get(DataSource)
    .query(`SELECT score_9 FROM response_score_rollups WHERE survey_id = $1`, [surveyId]);
  expect(rows.length).toBeGreaterThanOrEqual(2);
  expect(rows.every((r) => r.score_9 === 0)).toBe(true);
});
