import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClustersRepository } from '@otklik/backend/src/complaints/clusters.repository';
import { FeedbackTextsRepository } from '@otklik/backend/src/complaints/feedback-texts.repository';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/**
 * Issue 13, item 6: cluster edits racing each other. Two opposite merges fired at once (each request on its own
 * pooled connection) used to both answer and save P→Q and Q→P, a loop that hid every text of both clusters.
 */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
const ITERATIONS = 25;
const TEXTS_PER_CLUSTER = 20;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin('Cluster races');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
});
afterAll(() => t.close());

const db = () => t.app.get(DataSource);

/** A cluster with its texts, written directly (a rebuild would need the engine and many more texts). */
async function cluster(name: string, texts = TEXTS_PER_CLUSTER): Promise<{ id: string; textIds: string[] }> {
  const id = randomUUID();
  await db().query(`INSERT INTO clusters (workspace_id, id, label) VALUES ($1, $2, $3)`, [admin.workspaceId, id, name]);
  const textIds = Array.from({ length: texts }, () => randomUUID());
  await db().query(
    `INSERT INTO feedback_texts (workspace_id, id, source, source_id, text, occurred_at, cluster_id, placed_by)
     SELECT $1, t.id, 'complaint', t.id::text, 'late delivery again', now(), $2, 'run' FROM unnest($3::uuid[]) AS t(id)`,
    [admin.workspaceId, id, textIds],
  );
  return { id, textIds };
}

/** Texts not in exactly one active cluster: hidden in a merged or retired one, or (for `ids`) missing. */
async function hidden(ids: string[]): Promise<number> {
  const [row] = await db().query(
    `SELECT count(*)::int AS n FROM unnest($2::uuid[]) AS x(id)
       LEFT JOIN feedback_texts f ON f.workspace_id = $1 AND f.id = x.id
       LEFT JOIN clusters c ON c.workspace_id = f.workspace_id AND c.id = f.cluster_id AND c.status = 'active'
      WHERE c.id IS NULL`,
    [admin.workspaceId, ids],
  );
  return row.n;
}

async function loops(): Promise<number> {
  const [row] = await db().query(
    `SELECT count(*)::int AS n FROM clusters a JOIN clusters b ON b.workspace_id = a.workspace_id AND b.id = a.merged_into
      WHERE a.workspace_id = $1 AND (b.merged_into = a.id OR a.merged_into = a.id)`,
    [admin.workspaceId],
  );
  return row.n;
}

describe('cluster edits racing each other (issue 13, item 6)', () => {
  it('of two opposite merges fired at once, exactly one lands and the other gets 409; no loop, no hidden text', async () => {
    const wrong: string[] = [];
    for (let i = 0; i < ITERATIONS; i += 1) {
      const [p, q] = await Promise.all([cluster(`P${i}`), cluster(`Q${i}`)]);
      const [a, b] = await Promise.all([
        asAdmin.post(`${ws}/clusters/${p.id}/merge`, { into: q.id }),
        asAdmin.post(`${ws}/clusters/${q.id}/merge`, { into: p.id }),
      ]);
      const statuses = [a.status, b.status].sort();
      if (statuses[0] !== 200 || statuses[1] !== 409) wrong.push(`iteration ${i}: ${a.status} and ${b.status}`);
      const loser = a.status === 409 ? a : b;
      if (
        loser.status === 409 &&
        (loser.body.error.code !== 'cluster_not_active' || !/merged into .*Reload/.test(loser.body.error.message))
      ) {
        wrong.push(`iteration ${i}: unclear 409 ${JSON.stringify(loser.body.error)}`);
      }
      const lost = await hidden([...p.textIds, ...q.textIds]);
      if (lost > 0) wrong.push(`iteration ${i}: ${lost} texts hidden`);
      const survivor = a.status === 200 ? q.id : p.id;
      const seen = (await asAdmin.get(`${ws}/clusters/${survivor}/texts?limit=100`).expect(200)).body;
      if (seen.total !== 2 * TEXTS_PER_CLUSTER) wrong.push(`iteration ${i}: the surviving cluster lists ${seen.total} texts`);
    }
    expect(wrong).toEqual([]);
    expect(await loops()).toBe(0);
  }, 120_000);

  it('a move into a cluster racing its merge never leaves texts in the merged cluster', async () => {
    const wrong: string[] = [];
    for (let i = 0; i < ITERATIONS; i += 1) {
      const [p, q, source] = await Promise.all([cluster(`MP${i}`), cluster(`MQ${i}`), cluster(`MS${i}`, 5)]);
      const [merge, move] = await Promise.all([
        asAdmin.post(`${ws}/clusters/${p.id}/merge`, { into: q.id }),
        asAdmin.post(`${ws}/clusters/move-texts`, { textIds: source.textIds, to: p.id }),
      ]);
      if (merge.status !== 200) wrong.push(`iteration ${i}: merge ${merge.status}`);
      if (move.status !== 200 && move.status !== 409) wrong.push(`iteration ${i}: move ${move.status}`);
      const lost = await hidden([...p.textIds, ...q.textIds, ...source.textIds]);
      if (lost > 0) wrong.push(`iteration ${i}: ${lost} texts hidden (move ${move.status})`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('a rename racing a merge of the same cluster is refused (409) or lands before it, never on a merged cluster', async () => {
    for (let i = 0; i < 10; i += 1) {
      const [p, q] = await Promise.all([cluster(`RP${i}`, 2), cluster(`RQ${i}`, 2)]);
      const [merge, rename] = await Promise.all([
        asAdmin.post(`${ws}/clusters/${p.id}/merge`, { into: q.id }),
        asAdmin.patch(`${ws}/clusters/${p.id}`, { name: 'Renamed' }),
      ]);
      expect(merge.status).toBe(200);
      expect([200, 404, 409]).toContain(rename.status);
      const [row] = await db().query(`SELECT status, name, updated_at FROM clusters WHERE workspace_id = $1 AND id = $2`, [
        admin.workspaceId,
        p.id,
      ]);
      expect(row.status).toBe('merged');
    }
    const [p, q] = await Promise.all([cluster('R-late', 1), cluster('R-target', 1)]);
    await asAdmin.post(`${ws}/clusters/${p.id}/merge`, { into: q.id }).expect(200);
    const late = await asAdmin.patch(`${ws}/clusters/${p.id}`, { name: 'Too late' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('cluster_not_active');
    const [row] = await db().query(`SELECT name FROM clusters WHERE workspace_id = $1 AND id = $2`, [admin.workspaceId, p.id]);
    expect(row.name).toBeNull();
  });

  it('model placement into a cluster merged meanwhile passes the text on to the surviving cluster', async () => {
    const [p, q] = await Promise.all([cluster('Placed P', 1), cluster('Placed Q', 1)]);
    const fresh = randomUUID();
    await db().query(
      `INSERT INTO feedback_texts (workspace_id, id, source, source_id, text, occurred_at) VALUES ($1, $2, 'complaint', $3, 'late again', now())`,
      [admin.workspaceId, fresh, fresh],
    );
    await asAdmin.post(`${ws}/clusters/${p.id}/merge`, { into: q.id }).expect(200);
    // The placer decided "P" from a model read before the merge.
    await t.app.get(FeedbackTextsRepository).place(admin.workspaceId, [{ id: fresh, clusterId: p.id, similarity: 0.9, placedBy: 'model' }]);
    const [row] = await db().query(`SELECT cluster_id FROM feedback_texts WHERE workspace_id = $1 AND id = $2`, [admin.workspaceId, fresh]);
    expect(row.cluster_id).toBe(q.id);
  });

  it('the database itself refuses a merge loop, a self-merge and a merge into a merged cluster', async () => {
    const [p, q, r] = await Promise.all([cluster('DB P', 1), cluster('DB Q', 1), cluster('DB R', 1)]);
    await t.app.get(ClustersRepository).transaction((m) => t.app.get(ClustersRepository).merge(m, admin.workspaceId, p.id, q.id));
    const set = (id: string, into: string) =>
      db().query(`UPDATE clusters SET status = 'merged', merged_into = $3 WHERE workspace_id = $1 AND id = $2`, [
        admin.workspaceId,
        id,
        into,
      ]);
    await expect(set(q.id, p.id)).rejects.toThrow(/not an active cluster/);
    await expect(set(r.id, p.id)).rejects.toThrow(/not an active cluster/);
    await expect(set(r.id, r.id)).rejects.toThrow(/clusters_not_merged_into_self|not an active cluster/);
    expect(await loops()).toBe(0);
  });
});
