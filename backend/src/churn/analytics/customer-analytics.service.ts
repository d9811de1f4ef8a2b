import { Injectable } from '@nestjs/common';
import {
  cohortRetention,
  customerChurnRate,
  effectiveLoss,
  type EffectiveLoss,
  funnelBreakdown,
  funnelStatus,
  lossesInPeriod,
  moneyLostWithoutSubscriptions,
} from '../../churn-metrics';
import { resolvePeriod } from '../../common/http/period';
import { validationError } from '../../common/http/validation.pipe';
import { SegmentsReader } from '../../segments/segments.reader';
import { WorkspaceSettingsService } from '../../workspaces/workspace-settings.service';
import type { CohortsDto, FunnelDto, LabelledPeriodQuery, AnalyticsPeriodQuery, MoneyLostDto, MoneyLostQuery } from './churn-analytics.dto';
import { ChurnAnalyticsRepository, type CustomerHistoryRow } from './churn-analytics.repository';
import { ReasonCatalog } from './reason-catalog';
import { ChurnReasonsService } from '../churn-reasons.service';

type Customer = CustomerHistoryRow & { loss: EffectiveLoss };

/** Non-reason keys in the funnel's lost table. */
const INACTIVE = 'inactive';

/**
 * Churn seen from the customer base: retention cohorts, funnel status and the money lost. A customer is
 * lost by cancelling or, silently, after the workspace's inactive period (effectiveLoss).
 */
@Injectable()
export class CustomerAnalyticsService {
  constructor(
    private readonly analytics: ChurnAnalyticsRepository,
    private readonly workspaceSettings: WorkspaceSettingsService,
    private readonly reasons: ChurnReasonsService,
    private readonly segments: SegmentsReader,
  ) {}

  /** Customers first seen before `to` (of the query's saved segment, if any), with their loss as of `asOf`. */
  private async customers(
    workspaceId: string,
    segmentId: string | undefined,
    to: Date,
    asOf: Date,
  ): Promise<{ inactiveDays: number; customers: Customer[] }> {
    const inSegment = await this.segments.optionalFilter(workspaceId, segmentId);
    const [inactiveDays, rows] = await Promise.all([
      this.workspaceSettings.churnInactiveDays(workspaceId),
      this.analytics.customerHistory(workspaceId, to, inSegment),
    ]);
    return { inactiveDays, customers: rows.map((r) => ({ ...r, loss: effectiveLoss(r, inactiveDays, asOf) })) };
  }

  async cohorts(workspaceId: string, query: AnalyticsPeriodQuery, now = new Date()): Promise<CohortsDto> {
    const { from, to, timeZone } = resolvePeriod(query, 365);
    const asOf = new Date(Math.min(to.getTime(), now.getTime()));
    const { inactiveDays, customers } = await this.customers(workspaceId, query.segmentId, to, asOf);
    const table = cohortRetention(
      customers.filter((c) => c.firstSeenAt >= from).map((c) => ({ firstSeenAt: c.firstSeenAt, lostAt: c.loss.lostAt })),
      { asOf, timeZone, maxMonths: 60 },
    );
    // Cohort months that start at or after `to` are outside the period (the month of a `to` on the 1st);
    // dropping them drops only offsets that cannot have ended yet.
    const rows = table.rows.filter((row) => row.start < to);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      asOf: asOf.toISOString(),
      timeZone,
      inactiveDays,
      maxOffset: Math.max(rows.length - 1, 0),
      rows: rows.map((row) => ({
        label: row.label,
        size: row.size,
        retention: row.retention
          .slice(0, rows.length)
          .map((cell) =>
            cell
              ? { retained: cell.retained, percent: cell.percent, partial: cell.partial }
              : { retained: null, percent: null, partial: false },
          ),
      })),
    };
  }

  async funnel(workspaceId: string, query: LabelledPeriodQuery, now = new Date()): Promise<FunnelDto> {
    const { from, to } = resolvePeriod(query, 183);
    const asOf = new Date(Math.min(to.getTime(), now.getTime()));
    const [{ inactiveDays, customers }, taxonomy] = await Promise.all([
      this.customers(workspaceId, query.segmentId, to, asOf),
      this.reasons.list(workspaceId),
    ]);
    const catalog = new ReasonCatalog(taxonomy, query.language ?? 'en');
    const result = funnelBreakdown(
      customers.map((c) => {
        const { lostAt, cause } = c.loss;
        // "left" set by a cancellation that came after asOf is not a loss yet as of asOf.
        const stage = c.lifecycleStage === 'left' && lostAt === null && c.cancelledAt !== null ? 'buying' : c.lifecycleStage;
        return {
          status: funnelStatus({ orderCount: c.orderCount, lifecycleStage: stage, firstSeenAt: c.firstSeenAt, lostAt, now: asOf }),
          lostInPeriod: lostAt !== null && lostAt >= from && lostAt < to,
          reasonKey: cause === 'cancelled' ? c.cancelReason : cause === 'inactive' ? INACTIVE : null,
        };
      }),
    );
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      inactiveDays,
      statuses: result.statuses,
      lost: result.lost.map((l) => ({
        status: l.status,
        total: l.total,
        reasons: l.reasons.map((r) => ({ ...r, label: catalog.has(r.reasonKey) ? catalog.entry(r.reasonKey).label : r.reasonKey })),
      })),
    };
  }

  async moneyLost(workspaceId: string, query: MoneyLostQuery, now = new Date()): Promise<MoneyLostDto> {
    const { from, to } = resolvePeriod(query, 30);
    const asOf = new Date(Math.min(to.getTime(), now.getTime()));
    const { inactiveDays, customers } = await this.customers(workspaceId, query.segmentId, to, asOf);
    const base = lossesInPeriod(
      customers.map((c) => ({ firstSeenAt: c.firstSeenAt, lostAt: c.loss.lostAt })),
      from,
      to,
    );
    const lostHere = customers.filter((c) => c.firstSeenAt < from && c.loss.lostAt !== null && c.loss.lostAt >= from && c.loss.lostAt < to);
    let money: { amount: number };
    try {
      money = moneyLostWithoutSubscriptions({
        customersLost: base.lost,
        averageCheck: query.averageCheck,
        purchasesPerPeriod: query.purchasesPerPeriod,
      });
    } catch (error) {
      // The only input-driven failure: a product beyond exact cents (absurd check × purchases).
      if (error instanceof RangeError)
        throw validationError([{ field: 'averageCheck', message: 'averageCheck × purchasesPerPeriod is too large to compute exactly' }]);
      throw error;
    }
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      inactiveDays,
      atStart: base.atStart,
      lostByCancellation: lostHere.filter((c) => c.loss.cause === 'cancelled').length,
      lostByInactivity: lostHere.filter((c) => c.loss.cause === 'inactive').length,
      customersLost: base.lost,
      percent: customerChurnRate(base).percent,
      averageCheck: query.averageCheck,
      purchasesPerPeriod: query.purchasesPerPeriod,
      amount: money.amount,
    };
  }
}
