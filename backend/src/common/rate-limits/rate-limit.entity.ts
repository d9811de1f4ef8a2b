import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One rate-limit counter shared by the replicas, in rate-limiter-flexible's PostgreSQL shape (the library writes it
 * with positional INSERTs: the column order is part of the contract). Not tenant data: keys name an IP, a survey or
 * a hashed account, never a workspace.
 */
@Entity('rate_limits')
@Index('rate_limits_expire_idx', ['expire'])
export class RateLimitEntity {
  /** `<limiter prefix>:<key>`. */
  @PrimaryColumn({ type: 'varchar', length: 255 })
  key: string;

  @Column({ type: 'integer', default: 0 })
  points: number;

  /** End of the window, epoch milliseconds (the library's clock: the replica's, so replicas need synchronised clocks). */
  @Column({ type: 'bigint', nullable: true })
  expire: string | null;
}
