import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { findRepoRoot } from '../config/repo-root';
import { startDatabase } from '../database/start-database';
import { createApp } from '../app.factory';
import { buildOpenApiDocument } from './openapi';

/** Writes backend/openapi.json from the running app; the dashboard's typed client is generated from it. */
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const database = await startDatabase(config);
  const app = await createApp(config, database.url);
  const target = join(findRepoRoot(), 'backend', 'openapi.json');
  writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
  await database.stop();
  process.stdout.write(`Wrote ${target}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
