/**
 * The job runner's database side. The lease is a PostgreSQL advisory lock: two processes (here two connection pools
 * on one database) never run a leased job's turn at once, the lease is free again when the turn ends, and a process
 * that dies mid-turn (its connection terminated) frees it at once, with no expiry to wait for. Wake-ups queued in a
 * transaction fire once it commits, never after a rollback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { AdvisoryLease } from '@otklik/backend/src/common/jobs/advisory-lease';
import { AfterCommitHooks, afterCommit } from '@otklik/backend/src/common/jobs/after-commit';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('job lease (advisory lock)', () => {
  let db: TestDatabase;
  let one: DataSource;
  let two: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    one = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    two = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });
  afterAll(async () => {
    await one?.destroy();
    await two?.destroy();
    await db?.drop();
  });

  it('one holder at a time; free again after the turn; other jobs are not blocked', async () => {
    const a = new AdvisoryLease(one);
    const b = new AdvisoryLease(two);
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = a.withLease('case-sync', async () => {
      entered();
      await held;
    });
    await inside;
    let ranB = false;
    expect(await b.withLease('case-sync', async () => void (ranB = true))).toBe(false);
    expect(ranB).toBe(false);
    expect(await b.withLease('cluster-sync', async () => undefined)).toBe(true);
    release();
    expect(await first).toBe(true);
    expect(await b.withLease('case-sync', async () => void (ranB = true))).toBe(true);
    expect(ranB).toBe(true);
  });

  it('a failing turn releases the lease and reports its error', async () => {
    const a = new AdvisoryLease(one);
    await expect(a.withLease('sleeping-scan', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await new AdvisoryLease(two).withLease('sleeping-scan', async () => undefined)).toBe(true);
  });

  it('a holder whose connection dies frees the lease at once', async () => {
    const a = new AdvisoryLease(one);
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = a.withLease('cluster-sync', async () => {
      entered();
      await held;
    });
    await inside;
    expect(await new AdvisoryLease(two).withLease('cluster-sync', async () => undefined)).toBe(false);
    // The process "dies": the server ends the session that holds the lock.
    await two.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(await new AdvisoryLease(two).withLease('cluster-sync', async () => undefined)).toBe(true);
    release();
    // The dead holder's turn still ends cleanly (its unlock fails on the closed connection, which is discarded).
    expect(await first).toBe(true);
  });
});

describe('wake-ups after commit', () => {
  let db: TestDatabase;
  let source: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    source = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    new AfterCommitHooks(source).onModuleInit();
  });
  afterAll(async () => {
    await source?.destroy();
    await db?.drop();
  });

  it('fires at once outside a transaction, after the outermost commit inside one, never after a rollback', async () => {
    const fired: string[] = [];
    afterCommit(undefined, () => fired.push('no manager'));
    afterCommit(source.manager, () => fired.push('no transaction'));
    expect(fired).toEqual(['no manager', 'no transaction']);

    await source.transaction(async (manager) => {
      afterCommit(manager, () => fired.push('committed'));
      await manager.transaction(async (inner) => {
        afterCommit(inner, () => fired.push('committed savepoint'));
      });
      // A savepoint's release is not the commit: nothing fired yet.
      expect(fired).toHaveLength(2);
    });
    expect(fired.slice(2)).toEqual(['committed', 'committed savepoint']);

    await expect(
      source.transaction(async (manager) => {
        afterCommit(manager, () => fired.push('rolled back'));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(fired).not.toContain('rolled back');
  });
});
