import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RED_STATUSES } from './status/colour-status';
import { CustomerEntity } from './customer.entity';

/** A customer and the moment a window of days after which is watched (a compensation, a fix). */
export interface CustomerWindowStart {
  externalId: string;
  since: Date;
}

/** What a customer did in the window: the money they brought (decimal string) and whether they turned red. */
export interface CustomerWindowOutcome {
  revenue: string;
  turnedRed: boolean;
}

/**
 * What happened to customers in the days after a moment (the compensation report: customers kept and revenue saved),
 * set-based over customer_activity and customer_status_changes, one statement for every window.
 */
@Injectable()
export class CustomerOutcomesReader {
  constructor(@InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>) {}

  /**
   * Per window, in the order given: revenue = the larger of the customer's order and payment amounts in
   * [since, since + days) in `currency` (or without one), so a shop that sends both is not counted twice; turnedRed =
   * a recorded move into a red status in that window.
   */
  async after(
    workspaceId: string,
    starts: readonly CustomerWindowStart[],
    days: number,
    currency: string,
  ): Promise<CustomerWindowOutcome[]> {
    if (starts.length === 0) return [];
    const rows: { i: string; revenue: string; turnedRed: boolean }[] = await this.customers.query(
      `SELECT p.i, greatest(
                coalesce((SELECT sum(a.amount) FROM customer_activity a
                           WHERE a.workspace_id = $1 AND a.customer_external_id = p.external_id AND a.kind = 'order'
                             AND a.occurred_at >= p.since AND a.occurred_at < p.since + make_interval(days => $4)
                             AND (a.currency = $5 OR a.currency IS NULL)), 0.00),
                coalesce((SELECT sum(a.amount) FROM customer_activity a
                           WHERE a.workspace_id = $1 AND a.customer_external_id = p.external_id AND a.kind = 'payment'
                             AND a.occurred_at >= p.since AND a.occurred_at < p.since + make_interval(days => $4)
                             AND (a.currency = $5 OR a.currency IS NULL)), 0.00))::text AS revenue,
              EXISTS (SELECT 1 FROM customer_status_changes h
                       WHERE h.workspace_id = $1 AND h.customer_external_id = p.external_id AND h.to_status = ANY($6::text[])
                         AND h.changed_at >= p.since AND h.changed_at < p.since + make_interval(days => $4)) AS "turnedRed"
         FROM unnest($2::text[], $3::timestamptz[]) WITH ORDINALITY AS p(external_id, since, i)
        ORDER BY p.i`,
      [workspaceId, starts.map((s) => s.externalId), starts.map((s) => s.since), days, currency, [...RED_STATUSES]],
    );
    return rows.map((r) => ({ revenue: r.revenue, turnedRed: r.turnedRed }));
  }
}
