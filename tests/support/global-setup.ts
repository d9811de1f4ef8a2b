import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '@otklik/backend/src/database/embedded-postgres.launcher';
import { freePort } from './free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Maintenance-database URL of the PostgreSQL server the tests create their databases on. */
    pgAdminUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run: the embedded one in a throw-away folder,
 * or the server named by TEST_DATABASE_URL. Each test file creates its own database on it.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgAdminUrl', process.env.TEST_DATABASE_URL);
    return undefined;
  }
  const pgData = mkdtempSync(join(tmpdir(), 'otklik-test-pg-'));
  const server = await startEmbeddedPostgres({ pgData, port: await freePort(), database: 'postgres' });
  project.provide('pgAdminUrl', server.adminUrl);
  return async () => {
    await server.stop();
    rmSync(pgData, { recursive: true, force: true });
  };
}
