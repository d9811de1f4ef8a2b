import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres.launcher';
import { choosePgData } from './pg-data-location';

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  /** The embedded cluster's folder. */
  pgData?: string;
  stop(): Promise<void>;
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL in `<dataDir>/pg`. */
export async function startDatabase(config: AppConfig, log?: (message: string) => void): Promise<RunningDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const choice = choosePgData(join(config.dataDir, 'pg'), config.fallbackDataRoot, process.getuid?.() === 0);
  if (choice.fallbackReason) log?.(choice.fallbackReason);
  const embedded = await startEmbeddedPostgres({
    pgData: choice.pgData,
    port: config.embeddedPgPort,
    log,
    fallbackRoot: config.fallbackDataRoot,
  });
  return { url: embedded.url, embedded: true, pgData: choice.pgData, stop: embedded.stop };
}
