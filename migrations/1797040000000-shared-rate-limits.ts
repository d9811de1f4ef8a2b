import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every backend replica (issue 20): the table rate-limiter-flexible's PostgreSQL store
 * reads and writes (its own shape: key, points, expire in epoch milliseconds), made here so the store never creates
 * tables at run time. UNLOGGED: counters are worth no WAL, a crash of PostgreSQL only empties them (limits start over),
 * and every request's upsert skips the WAL flush. The expire index serves the sweep of spent windows.
 */
export class SharedRateLimits1797040000000 implements MigrationInterface {
  name = 'SharedRateLimits1797040000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE rate_limits (
        key    varchar(255) NOT NULL CONSTRAINT rate_limits_pkey PRIMARY KEY,
        points integer      NOT NULL DEFAULT 0,
        expire bigint
      )
    `);
    await db.query(`CREATE INDEX rate_limits_expire_idx ON rate_limits (expire)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limits`);
  }
}
