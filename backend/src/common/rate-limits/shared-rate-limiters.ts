import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { BatchedRateLimiter } from './batched-rate-limiter';

/** The table made by migration 1797040000000 (the store must never create it at run time). */
const TABLE = 'rate_limits';

export interface LimitOptions {
  /** Distinguishes this limit's keys from the others' in the one table. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

/**
 * Rate limiters whose counters live in PostgreSQL, so every replica behind the load balancer counts against the same
 * limit. They use the primary's pool (never the read replica) and leave the sweep of spent rows to RateLimitSweepJob,
 * one replica at a time, instead of a timer in every limiter of every process.
 */
@Injectable()
export class SharedRateLimiters {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Exact across replicas: one upsert per point (sign-in attempts and failures, which are few). */
  exact({ keyPrefix, points, durationSeconds }: LimitOptions): RateLimiterPostgres {
    return new RateLimiterPostgres({
      storeClient: (this.dataSource.driver as PostgresDriver).master,
      storeType: 'pool',
      tableName: TABLE,
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix,
      points,
      duration: durationSeconds,
    });
  }

  /**
   * For hot paths (the public survey edge): points are taken from the shared counter in batches and spent locally,
   * so most requests cost no database round trip. Never more than `points` per window across replicas; see
   * BatchedRateLimiter for how much less.
   */
  batched(options: LimitOptions): BatchedRateLimiter {
    return new BatchedRateLimiter(this.exact(options), batchFor(options.points));
  }
}

/** About 1/50 of the limit, at most 50: a replica strands at most this many points less one per key and window. */
export function batchFor(points: number): number {
  return Math.max(1, Math.min(50, Math.floor(points / 50)));
}
