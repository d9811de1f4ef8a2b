import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres.launcher';

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL in `<dataDir>/pg`. */
export async function startDatabase(config: AppConfig, log?: (message: string) => void): Promise<RunningDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ pgData: join(config.dataDir, 'pg'), port: config.embeddedPgPort, log });
  return { url: embedded.url, embedded: true, stop: embedded.stop };
}
