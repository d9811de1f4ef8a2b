import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { startDatabase } from './database/start-database';
import { DEMO_ADMIN, seedDemo } from './demo/demo-seed';

/** Boot order: config -> database (embedded or DATABASE_URL) -> migrations (during init) -> HTTP. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const logger = new Logger('Otklik');
  const pgLogger = new Logger('PostgreSQL');
  const database = await startDatabase(config, (message) => {
    if (/error|fatal|panic|stale|left|Initialising|private folder/i.test(message)) pgLogger.log(message);
  });
  logger.log(database.embedded ? `Embedded PostgreSQL is up (data in ${database.pgData})` : 'Using DATABASE_URL');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: shutting down`);
    await app?.close().catch(() => undefined);
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    app = await createApp(config, database.url);
    // Logs are buffered until the app is up; the demo seeding's progress should show as it happens.
    app.flushLogs();
    if (config.seedDemo && (await seedDemo(app))) {
      logger.log(`Demo login: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
    }
    await app.listen(config.port, config.host);
  } catch (error) {
    await database.stop();
    throw error;
  }
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  // A parent with an IPC channel (PM2's wait_ready, the test harness) learns that this process, not another one on the
  // same port, is listening.
  if (process.send && process.connected) process.send('ready');
  logger.log(`Otklik is ready in ${seconds}s at ${config.publicUrl} (API ${config.publicUrl}/api/v1, docs ${config.publicUrl}/api/docs)`);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Otklik failed to start: ${message}\n`);
  process.exit(1);
});
