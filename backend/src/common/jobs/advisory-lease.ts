import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobLease } from './job-lease';

/** First key of the two-key advisory lock space taken by job leases (other advisory locks use one bigint key). */
const JOB_LOCK_SPACE = 0x6a6f62; // "job"

/**
 * A job's lease as a PostgreSQL session advisory lock, held on one pooled connection for the turn. Chosen over a
 * lease row because it needs no table, never expires under a slow turn, and is released by the server the moment
 * its connection or process dies (a lease row waits for its expiry). Locks are per database, so test databases in
 * one cluster do not see each other's. Needs session-level connections (not a transaction-mode pooler).
 */
@Injectable()
export class AdvisoryLease extends JobLease {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async withLease(name: string, work: () => Promise<void>): Promise<boolean> {
    const connection = this.dataSource.createQueryRunner();
    await connection.connect();
    let broken: Error | undefined;
    try {
      const [{ locked }] = await connection.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [JOB_LOCK_SPACE, name]);
      if (!locked) return false;
      try {
        await work();
      } finally {
        await connection
          .query('SELECT pg_advisory_unlock($1, hashtext($2))', [JOB_LOCK_SPACE, name])
          .catch((error: Error) => (broken = error));
      }
      return true;
    } finally {
      // A connection whose unlock failed may still hold the lock: it is closed, not returned to the pool.
      if (broken) await destroy(connection, broken);
      else await connection.release();
    }
  }
}

async function destroy(connection: ReturnType<DataSource['createQueryRunner']>, error: Error): Promise<void> {
  const release = (connection as unknown as { releasePostgresConnection?: (err: Error) => Promise<void> }).releasePostgresConnection;
  await (release ? release.call(connection, error) : connection.release());
}
