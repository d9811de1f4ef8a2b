import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { entities } from './entities';

/**
 * One definition of the connection for the app, the CLI and the tests. With a read URL, TypeORM keeps a second pool
 * for it, but every query still goes to the primary unless it runs in a read-replica scope (see read-replica.ts).
 */
export function dataSourceOptions(url: string, readUrl?: string): DataSourceOptions {
  return {
    type: 'postgres',
    ...(readUrl ? { replication: { master: { url }, slaves: [{ url: readUrl }], defaultMode: 'master' as const } } : { url }),
    entities,
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}
