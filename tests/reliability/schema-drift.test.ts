/**
 * The entities are the one description of the schema: on a freshly migrated database TypeORM must find nothing to
 * change, and every table must have its entity. A failure prints the statements `synchronize` would run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureSchemaDrift, type SchemaDrift } from '@otklik/backend/src/database/schema-drift';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('schema drift between entities and migrations', () => {
  let db: TestDatabase;
  let drift: SchemaDrift;

  beforeAll(async () => {
    db = await createTestDatabase();
    drift = await measureSchemaDrift(db.url);
  });
  afterAll(async () => db?.drop());

  it('every migrated table has an entity and every entity a table', () => {
    expect(drift.tablesWithoutEntity).toEqual([]);
    expect(drift.entitiesWithoutTable).toEqual([]);
  });

  it('TypeORM finds no difference between the entities and the migrated schema', () => {
    expect(drift.statements).toEqual([]);
  });
});
