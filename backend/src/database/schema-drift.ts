import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Tables TypeORM keeps for itself; they have no entity on purpose. */
const BOOKKEEPING_TABLES = new Set(['migrations', 'typeorm_metadata']);

export interface SchemaDrift {
  /** Statements TypeORM would run to make the migrated schema match the entities (empty when they agree). */
  statements: string[];
  /** Tables the migrations create that no entity describes. */
  tablesWithoutEntity: string[];
  /** Entities whose table the migrations never create. */
  entitiesWithoutTable: string[];
}

/**
 * Migrates the database at `url` and compares it with the entities, the way `synchronize` would, without changing
 * anything: the migrations stay the schema's source of change, the entities its one description.
 */
export async function measureSchemaDrift(url: string): Promise<SchemaDrift> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), migrationsRun: false, extra: { max: 2 } });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const log = await dataSource.driver.createSchemaBuilder().log();
    const rows: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const migrated = new Set(rows.map((r) => r.table_name).filter((t) => !BOOKKEEPING_TABLES.has(t)));
    const described = new Set(dataSource.entityMetadatas.filter((m) => m.tableType !== 'view').map((m) => m.tableName));
    return {
      statements: log.upQueries.map((q) => q.query),
      tablesWithoutEntity: [...migrated].filter((t) => !described.has(t)).sort(),
      entitiesWithoutTable: [...described].filter((t) => !migrated.has(t)).sort(),
    };
  } finally {
    await dataSource.destroy();
  }
}
