import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import { findRepoRoot } from '../config/repo-root';
import { startEmbeddedPostgres } from '../database/embedded-postgres.launcher';
import { buildOpenApiDocument } from './openapi';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Writes backend/openapi.json from the app itself (on a throw-away embedded database, so a running
 * instance is undisturbed); the dashboard's typed client is generated from that file.
 */
async function main(): Promise<void> {
  const pgData = mkdtempSync(join(tmpdir(), 'otklik-openapi-'));
  chmodSync(pgData, 0o755);
  const database = await startEmbeddedPostgres({ pgData, port: await freePort() });
  try {
    const app = await createApp(loadConfig({ LOG_LEVEL: 'warn', LOG_FORMAT: 'json' }), database.url);
    const target = join(findRepoRoot(), 'backend', 'openapi.json');
    writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
    await app.close();
    process.stdout.write(`Wrote ${target}\n`);
  } finally {
    await database.stop();
    rmSync(pgData, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
