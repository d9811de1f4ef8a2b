import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowReplicaReads, readFromReplica } from '@otklik/backend/src/database/read-replica';
import { type LoggedIn, startTestApp, type TestApp } from '../support/app';

/**
 * Issue 20 security review, findings 6 and 10: with DATABASE_READ_URL, only the heavy aggregates of the dashboard GETs
 * read the replica. The "replica" here is a second database with the schema and none of the data, as a replica far
 * behind would be, read by a user that may only SELECT: a survey or segment made a moment ago is not there. Before the
 * fix the whole handler ran on the replica (404 for a survey or segment just saved), and a transaction or background
 * work started inside the scope went there too.
 */
let replica: TestApp;
let t: TestApp;
let reader: string;
let replicaUrl: URL;
let as: LoggedIn;
let ws: string;

async function asAdminOf(url: URL, sql: string): Promise<void> {
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  replica = await startTestApp();
  replicaUrl = new URL((replica.app.get(DataSource).options as { url: string }).url);
  reader = `otklik_scope_reader_${randomBytes(4).toString('hex')}`;
  await asAdminOf(replicaUrl, `CREATE ROLE ${reader} LOGIN PASSWORD 'reader'`);
  await asAdminOf(replicaUrl, `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${reader}`);
  const readUrl = new URL(replicaUrl);
  readUrl.username = reader;
  readUrl.password = 'reader';
  t = await startTestApp({ databaseReadUrl: readUrl.toString() });
  const admin = await t.seedAdmin('Replica scope');
  as = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
}, 180_000);

afterAll(async () => {
  await t?.close();
  await replica?.close();
  if (replicaUrl) await asAdminOf(new URL('/postgres', replicaUrl), `DROP ROLE IF EXISTS ${reader}`);
});

describe('dashboard GETs with DATABASE_READ_URL', () => {
  it('find a survey and a segment saved a moment ago (definitions from the primary); the aggregates come from the replica', async () => {
    const survey = (
      await as
        .post(`${ws}/surveys`, {
          name: 'Just made',
          kind: 'nps',
          displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
        })
        .expect(201)
    ).body as { id: string; publicKey: string };
    await as.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
    for (let i = 0; i < 3; i++)
      await t
        .http()
        .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: `respondent-${i}`, answers: { score: 9 }, finished: true })
        .expect(201);
    const segment = (await as.post(`${ws}/segments`, { name: `Just made ${randomUUID()}`, rules: [] }).expect(201)).body as { id: string };

    const metrics = await as.get(`${ws}/surveys/${survey.id}/metrics`);
    expect(metrics.status).toBe(200);
    // The three responses are on the primary only: the figures were read from the replica.
    expect((metrics.body as { summary: { responses: number } }).summary.responses).toBe(0);
    for (const path of [
      `/surveys/${survey.id}/metrics?segmentId=${segment.id}`,
      `/metrics/nps?segmentId=${segment.id}`,
      `/case-reports?segmentId=${segment.id}`,
      `/case-reports/series?segmentId=${segment.id}`,
      `/mentions/stats?segmentId=${segment.id}`,
    ])
      expect([path, (await as.get(`${ws}${path}`)).status]).toEqual([path, 200]);
    // An unknown segment is still a 404, from the primary.
    expect((await as.get(`${ws}/metrics/nps?segmentId=${randomUUID()}`)).status).toBe(404);
  });
});

describe('the replica scope', () => {
  const databaseOf = (on: DataSource | EntityManager) =>
    on.query<{ name: string }[]>('SELECT current_database() AS name').then((rows) => rows[0].name);
  let primaryName: string;
  let replicaName: string;
  let ds: DataSource;

  beforeAll(async () => {
    ds = t.app.get(DataSource);
    primaryName = await databaseOf(ds);
    replicaName = replicaUrl.pathname.slice(1);
    expect(primaryName).not.toBe(replicaName);
  });

  it('sends only the reads wrapped in readFromReplica of an allowed request to the replica', async () => {
    expect(await allowReplicaReads(() => readFromReplica(() => databaseOf(ds)))).toBe(replicaName);
    expect(await allowReplicaReads(() => databaseOf(ds))).toBe(primaryName);
    // Outside a request of READ_REPLICA_ROUTES (a job, a write route) readFromReplica changes nothing.
    expect(await readFromReplica(() => databaseOf(ds))).toBe(primaryName);
  });

  it('sends a transaction begun inside readFromReplica to the primary', async () => {
    const inTransaction = await allowReplicaReads(() => readFromReplica(() => ds.transaction((m) => databaseOf(m))));
    expect(inTransaction).toBe(primaryName);
    // So it may write (the replica's user would get "permission denied").
    await allowReplicaReads(() => readFromReplica(() => ds.transaction((m) => m.query('UPDATE workspaces SET name = name WHERE false'))));
    await expect(allowReplicaReads(() => readFromReplica(() => ds.query('UPDATE workspaces SET name = name WHERE false')))).rejects.toThrow(
      /permission denied/,
    );
  });

  it('leaves background work started by such a request on the primary', async () => {
    let background!: Promise<string>;
    await allowReplicaReads(async () => {
      background = new Promise<string>((resolve, reject) => setTimeout(() => databaseOf(ds).then(resolve, reject), 20));
      return readFromReplica(() => databaseOf(ds));
    });
    expect(await background).toBe(primaryName);
  });
});
