import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CancellationEntity } from './cancellation.entity';
import { ChurnReasonEntity } from './churn-reason.entity';

/** A finished cancellation that should open a case; the customer id only when it was proven. */
export type CancellationCaseCandidate = Pick<CancellationEntity, 'id' | 'reasonKey' | 'otherText' | 'followUp' | 'customerExternalId'> & {
  finishedAt: Date;
};

/** The reason of a proven customer's latest finished cancellation. */
export type CustomerCancellationReason = { customerExternalId: string; reasonKey: string; finishedAt: Date };

/** How many of a proven customer's cancellation flows an offer saved. */
export type CustomerSaves = { customerExternalId: string; saves: number };

/** A proven customer's latest cancellation that ended in "cancelled". */
export type CustomerCancellation = { customerExternalId: string; finishedAt: Date };

/** How other modules (cases) read churn reasons and cancellations (exported by ChurnReaderModule). */
@Injectable()
export class ChurnReader {
  constructor(
    @InjectRepository(ChurnReasonEntity) private readonly reasons: Repository<ChurnReasonEntity>,
    @InjectRepository(CancellationEntity) private readonly cancellations: Repository<CancellationEntity>,
  ) {}

  /** A churn reason's labels by language, or null when the workspace has no such reason. */
  async reasonLabels(workspaceId: string, key: string): Promise<Record<string, string> | null> {
    const row = await this.reasons.findOne({ select: { workspaceId: true, key: true, labels: true }, where: { workspaceId, key } });
    return row ? (row.labels as Record<string, string>) : null;
  }

  /** Proven customers (who exist) whose cancellation ended in "cancelled" with this reason before `before` (win-back). */
  async customersCancelledWithReason(workspaceId: string, key: string, before: Date, manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (manager ?? this.cancellations.manager).query(
      `SELECT DISTINCT x.customer_external_id AS id
         FROM cancellations x
        WHERE x.workspace_id = $1 AND x.reason_key = $2 AND x.outcome = 'cancelled' AND x.finished_at < $3
          AND x.customer_verified AND x.customer_external_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM customers c WHERE c.workspace_id = x.workspace_id AND c.external_id = x.customer_external_id)`,
      [workspaceId, key, before],
    );
    return rows.map((r) => r.id);
  }

  /** Cancellations with this reason per week within `weeks` weeks either side of `at` (week 0 starts at `at`). */
  weeklyCancellationsAround(workspaceId: string, key: string, at: Date, weeks: number): Promise<{ week: number; count: number }[]> {
    return this.cancellations.query(
      `SELECT floor(extract(epoch FROM (x.finished_at - $3::timestamptz)) / 604800)::int AS week, count(*)::int AS count
         FROM cancellations x
        WHERE x.workspace_id = $1 AND x.reason_key = $2 AND x.outcome = 'cancelled'
          AND x.finished_at >= $3::timestamptz - make_interval(weeks => $4) AND x.finished_at < $3::timestamptz + make_interval(weeks => $4)
        GROUP BY 1 ORDER BY 1`,
      [workspaceId, key, at, weeks],
    );
  }

  /** Whether the workspace has a churn reason with this key (archived ones too). */
  reasonExists(workspaceId: string, key: string): Promise<boolean> {
    return this.reasons.existsBy({ workspaceId, key });
  }

  /**
   * Cancellations that ended in "cancelled" and have no case yet, oldest first: finished since the cases module's sync
   * start (case_settings.sync_since) and within `lookback`. The anti-join on cases keeps LIMIT meaning "the next
   * `limit` without a case" in one statement (as ResponsesReader.caseCandidates).
   */
  caseCandidates(workspaceId: string, opts: { lookback: string; limit: number }): Promise<CancellationCaseCandidate[]> {
    return this.cancellations.query(
      `SELECT x.id, x.reason_key AS "reasonKey", x.other_text AS "otherText", x.follow_up AS "followUp",
              CASE WHEN x.customer_verified THEN x.customer_external_id END AS "customerExternalId", x.finished_at AS "finishedAt"
         FROM cancellations x
        WHERE x.workspace_id = $1 AND x.finished_at IS NOT NULL AND x.outcome = 'cancelled'
          AND x.finished_at >= coalesce((SELECT sync_since FROM case_settings cs WHERE cs.workspace_id = x.workspace_id), '-infinity')
          AND x.finished_at >= now() - $2::interval
          AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.workspace_id = x.workspace_id AND c.source = 'cancellation' AND c.source_id = x.id::text)
        ORDER BY x.finished_at, x.id LIMIT $3`,
      [workspaceId, opts.lookback, opts.limit],
    );
  }

  /** Per customer of `externalIds` (proven ids only): the reason of their latest cancellation that ended in "cancelled". */
  async latestCancellationReasons(workspaceId: string, externalIds: readonly string[]): Promise<CustomerCancellationReason[]> {
    if (externalIds.length === 0) return [];
    return this.cancellations
      .createQueryBuilder('x')
      .select('x.customer_external_id', 'customerExternalId')
      .addSelect('x.reason_key', 'reasonKey')
      .addSelect('x.finished_at', 'finishedAt')
      .distinctOn(['x.customer_external_id'])
      .where('x.workspace_id = :workspaceId AND x.customer_external_id = ANY(:externalIds)', { workspaceId, externalIds })
      .andWhere(`x.customer_verified AND x.outcome = 'cancelled' AND x.finished_at IS NOT NULL AND x.reason_key IS NOT NULL`)
      .orderBy('x.customer_external_id')
      .addOrderBy('x.finished_at', 'DESC')
      .addOrderBy('x.id', 'DESC')
      .getRawMany<CustomerCancellationReason>();
  }

  /**
   * Per proven customer (one, or the whole workspace): their latest cancellation that ended in "cancelled" and finished
   * since `since` (the contact policy's guard after a cancellation). A claimed id must not silence a real customer.
   */
  cancelledSince(workspaceId: string, since: Date, externalId?: string): Promise<CustomerCancellation[]> {
    const query = this.cancellations
      .createQueryBuilder('x')
      .select('x.customer_external_id', 'customerExternalId')
      .addSelect('max(x.finished_at)', 'finishedAt')
      .where("x.workspace_id = :workspaceId AND x.outcome = 'cancelled' AND x.finished_at >= :since", { workspaceId, since })
      .andWhere('x.customer_verified AND x.customer_external_id IS NOT NULL')
      .groupBy('x.customer_external_id');
    if (externalId) query.andWhere('x.customer_external_id = :externalId', { externalId });
    return query.getRawMany<CustomerCancellation>();
  }

  /** Per proven customer: cancellation flows finished in [from, to) that an offer saved. */
  savesByCustomer(workspaceId: string, from: Date, to: Date): Promise<CustomerSaves[]> {
    return this.cancellations
      .createQueryBuilder('x')
      .select('x.customer_external_id', 'customerExternalId')
      .addSelect('count(*)::int', 'saves')
      .where('x.workspace_id = :workspaceId AND x.customer_verified AND x.customer_external_id IS NOT NULL', { workspaceId })
      .andWhere(`x.outcome = 'saved' AND x.finished_at >= :from AND x.finished_at < :to`, { from, to })
      .groupBy('x.customer_external_id')
      .getRawMany<CustomerSaves>();
  }

  /**
   * Each customer's first cancellation that ended in "cancelled" (as the inactivity report counts them), optionally
   * only those finished before `before`: who had left by then, and when. Only proven customer ids count: the public
   * flow stores any claimed id, and a false claim must not silence a real customer's warnings.
   */
  async cancelledCustomers(workspaceId: string, before?: Date): Promise<Map<string, Date>> {
    const query = this.cancellations
      .createQueryBuilder('x')
      .select('x.customer_external_id', 'externalId')
      .addSelect('min(x.finished_at)', 'cancelledAt')
      .where("x.workspace_id = :workspaceId AND x.outcome = 'cancelled' AND x.finished_at IS NOT NULL", { workspaceId })
      .andWhere('x.customer_verified AND x.customer_external_id IS NOT NULL')
      .groupBy('x.customer_external_id');
    if (before) query.andWhere('x.finished_at < :before', { before });
    const rows: { externalId: string; cancelledAt: Date }[] = await query.getRawMany();
    return new Map(rows.map((r) => [r.externalId, new Date(r.cancelledAt)]));
  }

  /**
   * Which of these windows ([since, since + days) of a customer) hold a cancellation that ended in "cancelled":
   * their 0-based positions in `starts` (the compensation report's "kept" test).
   */
  async cancelledInWindows(
    workspaceId: string,
    starts: readonly { externalId: string; since: Date }[],
    days: number,
  ): Promise<Set<number>> {
    if (starts.length === 0) return new Set();
    const rows: { i: string }[] = await this.cancellations.query(
      `SELECT p.i FROM unnest($2::text[], $3::timestamptz[]) WITH ORDINALITY AS p(external_id, since, i)
        WHERE EXISTS (SELECT 1 FROM cancellations x
                       WHERE x.workspace_id = $1 AND x.customer_external_id = p.external_id AND x.outcome = 'cancelled'
                         AND x.finished_at >= p.since AND x.finished_at < p.since + make_interval(days => $4))`,
      [workspaceId, starts.map((s) => s.externalId), starts.map((s) => s.since), days],
    );
    return new Set(rows.map((r) => Number(r.i) - 1));
  }

  /** The language a cancellation flow ran in (a reply to its case is written in it), or null. */
  async cancellationLanguage(workspaceId: string, cancellationId: string): Promise<string | null> {
    const row = await this.cancellations.findOne({ select: { id: true, language: true }, where: { workspaceId, id: cancellationId } });
    return row?.language ?? null;
  }
}
