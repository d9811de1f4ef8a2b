import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '@otklik/backend/src/common/jobs/job-runner';
import { ResponseImportRunner } from '@otklik/backend/src/responses/import/response-import.runner';
import { ResponseImportsRepository } from '@otklik/backend/src/responses/import/response-imports.repository';
import { LoggedIn, startTestApp, TestApp } from '../support/app';

/**
 * The history import against hostile use (security review of issue 20): stored uploads expire and are capped per
 * workspace, NUL characters anywhere in the file are per-row errors, the 413 names the import's own limit.
 */
let t: TestApp;
let db: DataSource;

beforeAll(async () => {
  t = await startTestApp();
  db = t.app.get(DataSource);
});
afterAll(() => t.close());

async function workspace(name: string): Promise<{ as: LoggedIn; ws: string; workspaceId: string }> {
  const admin = await t.seedAdmin(`${name} ${randomUUID().slice(0, 6)}`);
  const as = await t.login(admin.email, admin.password);
  return { as, ws: `/api/v1/workspaces/${admin.workspaceId}`, workspaceId: admin.workspaceId };
}

async function survey(as: LoggedIn, ws: string): Promise<string> {
  return (await as.post(`${ws}/surveys`, { name: `S ${randomUUID()}`, languages: ['en'], defaultLanguage: 'en', kind: 'nps' }).expect(201))
    .body.id;
}

function upload(as: LoggedIn, path: string, content: Buffer | string, filename = 'history.csv') {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return as.agent.post(path).set('X-CSRF-Token', as.csrfToken).attach('file', bytes, { filename, contentType: 'text/csv' });
}

async function waitForEnd(as: LoggedIn, path: string): Promise<Record<string, unknown>> {
  let body: Record<string, unknown> = {};
  await expect
    .poll(async () => ((body = (await as.get(path).expect(200)).body), body.status), { timeout: 30_000, interval: 100 })
    .toMatch(/^(done|failed)$/);
  return body;
}

const chunkBytes = async (importId: string) =>
  Number((await db.query(`SELECT coalesce(sum(length(data)), 0) AS n FROM response_import_chunks WHERE import_id = $1`, [importId]))[0].n);

describe('history import: stored uploads expire and are capped per workspace', () => {
  it('drops an upload never started after 24 hours (its bytes with it); a fresh one stays', async () => {
    const { as, ws } = await workspace('Expiry');
    const base = `${ws}/surveys/${await survey(as, ws)}/response-imports`;
    const csv = 'created_at,score\n2024-01-01,9\n2024-01-02,3\n';
    const old = (await upload(as, base, csv).expect(201)).body.id as string;
    const fresh = (await upload(as, base, csv).expect(201)).body.id as string;
    expect(await chunkBytes(old)).toBe(Buffer.byteLength(csv));
    await db.query(`UPDATE response_imports SET created_at = now() - interval '25 hours' WHERE id = $1`, [old]);

    await t.app.get(JobRunner).runNow('response-import-sweep');

    expect(await chunkBytes(old)).toBe(0);
    expect(await chunkBytes(fresh)).toBe(Buffer.byteLength(csv));
    const expired = (await as.get(`${base}/${old}`).expect(200)).body;
    expect(expired).toMatchObject({
      status: 'failed',
      message: 'The upload expired: it was not started within 24 hours. Upload the file again.',
    });
    expect(expired.previewRows).toHaveLength(2);
    const start = await as.post(`${base}/${old}/start`, { mapping: ['createdAt', 'score'] });
    expect(start.status).toBe(409);
    expect((await as.get(`${base}/${fresh}`).expect(200)).body.status).toBe('previewing');
  });

  it('refuses a sixth unfinished upload of a workspace with 429 and stores nothing; another workspace is not affected', async () => {
    const { as, ws, workspaceId } = await workspace('Quota');
    const base = `${ws}/surveys/${await survey(as, ws)}/response-imports`;
    const csv = 'created_at,score\n2024-01-01,9\n';
    for (let i = 0; i < 5; i++) await upload(as, base, csv).expect(201);
    const refused = await upload(as, base, csv).expect(429);
    expect(refused.body.error.code).toBe('too_many_pending_imports');
    expect(refused.body.error.message).toBe(
      'This workspace already has unfinished imports (at most 5 files, 250 MB together). Start or wait for them to finish; an upload not started is dropped after 24 hours.',
    );
    const stored = await db.query(
      `SELECT count(*)::int AS imports, (SELECT count(*)::int FROM response_import_chunks WHERE workspace_id = $1) AS chunks
         FROM response_imports WHERE workspace_id = $1`,
      [workspaceId],
    );
    expect(stored).toEqual([{ imports: 5, chunks: 5 }]);

    const other = await workspace('Quota other');
    await upload(other.as, `${other.ws}/surveys/${await survey(other.as, other.ws)}/response-imports`, csv).expect(201);

    // A finished import frees its place.
    const [{ id }] = await db.query(`SELECT id FROM response_imports WHERE workspace_id = $1 ORDER BY created_at LIMIT 1`, [workspaceId]);
    await as.post(`${base}/${id}/start`, { mapping: ['createdAt', 'score'] }).expect(202);
    await waitForEnd(as, `${base}/${id}`);
    await upload(as, base, csv).expect(201);
  });

  it('refuses two uploads at once that together pass the quota: one is stored, never both', async () => {
    const { as, ws, workspaceId } = await workspace('Quota race');
    const base = `${ws}/surveys/${await survey(as, ws)}/response-imports`;
    const csv = 'created_at,score\n2024-01-01,9\n';
    for (let i = 0; i < 4; i++) await upload(as, base, csv).expect(201);
    const statuses = (await Promise.all([upload(as, base, csv), upload(as, base, csv), upload(as, base, csv)])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 429, 429]);
    expect((await db.query(`SELECT count(*)::int AS n FROM response_imports WHERE workspace_id = $1`, [workspaceId]))[0].n).toBe(5);
  });
});

describe('history import: NUL characters anywhere in the file', () => {
  const long = 'x'.repeat(70 * 1024); // the upload's check of the raw bytes covers only the first 64 KB

  it('makes a NUL in a comment, a date or a customer after the first 64 KB a row error; the rest of the batch is written', async () => {
    const { as, ws, workspaceId } = await workspace('Nul rows');
    const surveyId = await survey(as, ws);
    const base = `${ws}/surveys/${surveyId}/response-imports`;
    const good = Array.from({ length: 24 }, (_, i) => `2024-01-${String(i + 2).padStart(2, '0')},8,ok ${i},`).join('\n');
    const csv =
      `created_at,score,comment,customer_id\n2024-01-01,9,"${long}",\n${good}\n` +
      `2024-02-01,3,"bad\u0000byte",\n2024-02-0\u00002,4,,\n2024-02-03,5,,cu\u0000st\n2024-02-04,10,fine,\n`;
    const res = await upload(as, `${base}?start=true`, csv).expect(201);
    const end = await waitForEnd(as, `${base}/${res.body.id}`);
    // Row 2's 70 KB comment is longer than a comment may be: its own error, as before.
    expect(end).toMatchObject({ status: 'done', rowsTotal: 29, rowsDone: 29, imported: 25, failed: 4, errorsTotal: 4 });
    expect(
      (end.errors as { row: number; code: string; column: string; value: string }[]).map((e) => [e.row, e.code, e.column, e.value]),
    ).toEqual([
      [2, 'comment_too_long', 'comment', null],
      [27, 'invalid_character', 'comment', 'bad\uFFFDbyte'],
      [28, 'invalid_character', 'created_at', '2024-02-0\uFFFD2'],
      [29, 'invalid_character', 'customer_id', 'cu\uFFFDst'],
    ]);
    const written = await db.query(`SELECT count(*)::int AS n FROM responses WHERE workspace_id = $1 AND survey_id = $2`, [
      workspaceId,
      surveyId,
    ]);
    expect(written).toEqual([{ n: 25 }]);
  });

  it('shows a NUL in a preview row or a header beyond 64 KB as U+FFFD (no 500)', async () => {
    const { as, ws } = await workspace('Nul preview');
    const base = `${ws}/surveys/${await survey(as, ws)}/response-imports`;
    const res = await upload(as, base, `created_at,score,comment\n2024-01-01,9,"${long}"\n2024-01-02,3,"bad\u0000byte"\n`).expect(201);
    expect(res.body.previewRows[1]).toEqual({ row: 3, values: ['2024-01-02', '3', 'bad\uFFFDbyte'] });
    const header = await upload(as, base, `created_at,score,"${long}\u0000"\n2024-01-02,3,x\n`).expect(201);
    expect(header.body.headers[2]).toBe(`${long}\uFFFD`.slice(0, 200));
  });

  it('refuses a data row with more cells than a file may have columns, as that row’s error', async () => {
    const { as, ws } = await workspace('Wide row');
    const base = `${ws}/surveys/${await survey(as, ws)}/response-imports`;
    const csv = `created_at,score\n2024-01-01,9${',x'.repeat(300)}\n2024-01-02,3\n`;
    const res = await upload(as, `${base}?start=true`, csv).expect(201);
    const end = await waitForEnd(as, `${base}/${res.body.id}`);
    expect(end).toMatchObject({ status: 'done', imported: 1, failed: 1 });
    expect((end.errors as { row: number; code: string }[]).map((e) => [e.row, e.code])).toEqual([[2, 'too_many_cells']]);
  });
});

describe('history import: the background run', () => {
  const csv = (n: number) =>
    ['created_at,score', ...Array.from({ length: n }, (_, i) => `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}Z,${i % 11}`), ''].join(
      '\n',
    );

  it('runs one import at a time per process: the second is claimed only after the first ended', async () => {
    const { as, ws } = await workspace('Serial');
    const base = `${ws}/surveys/${await survey(as, ws)}/response-imports`;
    const repo = t.app.get(ResponseImportsRepository);
    const events: string[] = [];
    const { claim, finish } = repo;
    repo.claim = async (...args) => (events.push(`claim ${args[1]}`), claim.apply(repo, args));
    repo.finish = async (...args) => (events.push(`finish ${args[1]}`), finish.apply(repo, args));
    try {
      const a = (await upload(as, base, csv(6000)).expect(201)).body.id as string;
      const b = (await upload(as, base, csv(10)).expect(201)).body.id as string;
      await as.post(`${base}/${a}/start`, { mapping: ['createdAt', 'score'] }).expect(202);
      await as.post(`${base}/${b}/start`, { mapping: ['createdAt', 'score'] }).expect(202);
      expect((await waitForEnd(as, `${base}/${a}`)).status).toBe('done');
      expect((await waitForEnd(as, `${base}/${b}`)).status).toBe('done');
      expect(events).toEqual([`claim ${a}`, `finish ${a}`, `claim ${b}`, `finish ${b}`]);
    } finally {
      Object.assign(repo, { claim, finish });
    }
  });

  it('renews its lease while it reads without committing (a resume), and stops when another process took it', async () => {
    const { as, ws, workspaceId } = await workspace('Heartbeat');
    const surveyId = await survey(as, ws);
    const base = `${ws}/surveys/${surveyId}/response-imports`;
    const runner = t.app.get(ResponseImportRunner);
    const repo = t.app.get(ResponseImportsRepository);
    const { chunks, renewLease } = repo;
    let renewals = 0;
    // A slow read of the stored file: the run commits nothing for a while, as a resume skipping a big file's rows.
    repo.chunks = async function* (...args) {
      for await (const chunk of chunks.apply(repo, args)) {
        await new Promise((done) => setTimeout(done, 400));
        yield chunk;
      }
    };
    repo.renewLease = async (...args) => (renewals++, renewLease.apply(repo, args));
    runner.heartbeatMs = 50;
    try {
      const id = (await upload(as, base, csv(20)).expect(201)).body.id as string;
      await as.post(`${base}/${id}/start`, { mapping: ['createdAt', 'score'] }).expect(202);
      await expect.poll(() => renewals, { timeout: 5_000, interval: 20 }).toBeGreaterThan(1);
      await db.query(`UPDATE response_imports SET lease_owner = 'another-process', lease_until = now() + interval '1 hour' WHERE id = $1`, [
        id,
      ]);
      await new Promise((done) => setTimeout(done, 1_000));
      const [row] = await db.query(`SELECT status, rows_done, lease_owner FROM response_imports WHERE id = $1`, [id]);
      expect(row).toEqual({ status: 'running', rows_done: 0, lease_owner: 'another-process' });
      expect(
        (await db.query(`SELECT count(*)::int AS n FROM responses WHERE workspace_id = $1 AND survey_id = $2`, [workspaceId, surveyId]))[0]
          .n,
      ).toBe(0);
      await db.query(`UPDATE response_imports SET status = 'failed', lease_owner = NULL WHERE id = $1`, [id]);
    } finally {
      Object.assign(repo, { chunks, renewLease });
      runner.heartbeatMs = 10_000;
    }
  });
});

describe('history import: keys of their own', () => {
  it('writes idempotency keys the public edge refuses (import:…), so no public answer can take a history row’s key', async () => {
    const { as, ws, workspaceId } = await workspace('Keys');
    const surveyId = await survey(as, ws);
    const base = `${ws}/surveys/${surveyId}/response-imports`;
    const res = await upload(as, `${base}?start=true`, 'created_at,score,respondent_id\n2024-01-01,9,r-000123\n').expect(201);
    expect((await waitForEnd(as, `${base}/${res.body.id}`)).imported).toBe(1);
    const [{ key }] = await db.query(`SELECT idempotency_key AS key FROM responses WHERE workspace_id = $1 AND survey_id = $2`, [
      workspaceId,
      surveyId,
    ]);
    expect(key).toMatch(/^import:[0-9a-f]{57}$/);
    expect(/^[\w-]{8,64}$/.test(key)).toBe(false); // the public ingest's pattern (surveys/public.dto.ts)
  });
});
