import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterRebuildService } from '@otklik/backend/src/complaints/cluster-rebuild.service';
import { ClustersRepository } from '@otklik/backend/src/complaints/clusters.repository';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

// A rebuild whose lease lapsed is marked failed by failAbandonedRuns, and a second rebuild may then start: the first
// must not write its results nor flip its row back to completed (security finding 15).
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let db: DataSource;

const texts = [
  'Курьер опоздал на два часа',
  'Курьер опоздал и не позвонил',
  'Доставка опоздала на день',
  'Курьер нагрубил при доставке',
  'Приложение вылетает при оплате',
  'Приложение вылетает при входе',
  'Не проходит оплата картой',
  'Оплата картой не проходит второй день',
  'Возврат денег идёт месяц',
  'Деньги за возврат так и не пришли',
  'Товар пришёл сломанным',
  'Коробка пришла мятой, товар сломан',
];

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin('Abandoned Co');
  asAdmin = await t.login(admin.email, admin.password);
  db = t.app.get(DataSource);
  const complaints = texts.map((text, i) => ({ externalId: `c-${i}`, text }));
  await asAdmin.post(`/api/v1/workspaces/${admin.workspaceId}/feedback-texts/bulk`, { complaints }).expect(200);
});
afterAll(() => t.close());

const runRow = async (id: string) =>
  (await db.query(`SELECT status, error FROM cluster_runs WHERE id = $1`, [id]))[0] as { status: string; error: string | null };
const clusterCount = async () =>
  Number((await db.query(`SELECT count(*) AS n FROM clusters WHERE workspace_id = $1`, [admin.workspaceId]))[0].n);

describe('a rebuild marked abandoned', () => {
  it('stops: its row stays failed and no cluster or placement is written', async () => {
    // Hold the rebuild at its first read of the texts until the run has been marked abandoned.
    const gate = db.createQueryRunner();
    await gate.connect();
    await gate.startTransaction();
    await gate.query('LOCK TABLE feedback_texts IN ACCESS EXCLUSIVE MODE');
    const { run, done } = await t.app.get(ClusterRebuildService).start(admin.workspaceId, 'manual');
    await db.query(`UPDATE cluster_runs SET lease_until = now() - interval '1 second' WHERE id = $1`, [run.id]);
    expect(await t.app.get(ClustersRepository).failAbandonedRuns()).toBe(1);
    await gate.commitTransaction();
    await gate.release();
    await done;

    expect(await runRow(run.id)).toEqual({ status: 'failed', error: 'interrupted (the server stopped during the run)' });
    expect(await clusterCount()).toBe(0);
    const placed = await db.query(`SELECT count(*) AS n FROM feedback_texts WHERE workspace_id = $1 AND cluster_id IS NOT NULL`, [
      admin.workspaceId,
    ]);
    expect(Number(placed[0].n)).toBe(0);

    // A later rebuild runs as usual.
    const next = await t.app.get(ClusterRebuildService).start(admin.workspaceId, 'manual');
    await next.done;
    expect((await runRow(next.run.id)).status).toBe('completed');
    expect(await clusterCount()).toBeGreaterThan(0);
  });

  it("the heartbeat's renewal extends a running run's lease and tells a finished one apart", async () => {
    const repo = t.app.get(ClustersRepository);
    const gate = db.createQueryRunner();
    await gate.connect();
    await gate.startTransaction();
    await gate.query('LOCK TABLE feedback_texts IN ACCESS EXCLUSIVE MODE');
    const { run, done } = await t.app.get(ClusterRebuildService).start(admin.workspaceId, 'manual');
    await db.query(`UPDATE cluster_runs SET lease_until = now() + interval '1 second' WHERE id = $1`, [run.id]);
    expect(await repo.renewLease(admin.workspaceId, run.id, 120_000)).toBe(true);
    const lease = await db.query(`SELECT lease_until > now() + interval '100 seconds' AS renewed FROM cluster_runs WHERE id = $1`, [
      run.id,
    ]);
    expect(lease[0].renewed).toBe(true);
    await gate.commitTransaction();
    await gate.release();
    await done;
    expect((await runRow(run.id)).status).toBe('completed');
    expect(await repo.renewLease(admin.workspaceId, run.id, 120_000)).toBe(false);
  });
});
