import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
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

  /** The language a cancellation flow ran in (a reply to its case is written in it), or null. */
  async cancellationLanguage(workspaceId: string, cancellationId: string): Promise<string | null> {
    const row = await this.cancellations.findOne({ select: { id: true, language: true }, where: { workspaceId, id: cancellationId } });
    return row?.language ?? null;
  }
}
