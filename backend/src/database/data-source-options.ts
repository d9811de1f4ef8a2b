import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { entities } from './entities';

/** One definition of the connection for the app, the CLI and the tests. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}
