import { Injectable } from '@nestjs/common';
import { avoidableSplit, customerChurnRate, reasonsByMonth, revenueChurnRate, revenueSaved, saveRate } from '../churn-metrics';
import { resolvePeriod } from '../common/http/period';
import { SegmentsReader } from '../segments/segments.reader';
import { ChurnReasonsService } from './churn-reasons.service';
import type { ChurnSummaryDto, ChurnSummaryQuery } from './churn-summary.dto';
import { ChurnSummaryRepository } from './churn-summary.repository';

/** Churn, revenue churn, saves, avoidable share and reasons by month for a period: numbers from ../churn-metrics. */
@Injectable()
export class ChurnSummaryService {
  constructor(
    private readonly summary: ChurnSummaryRepository,
    private readonly reasons: ChurnReasonsService,
    private readonly segments: SegmentsReader,
  ) {}

  async get(workspaceId: string, query: ChurnSummaryQuery): Promise<ChurnSummaryDto> {
    const { from, to, timeZone } = resolvePeriod(query, 30);
    const segment = await this.segments.optionalFilter(workspaceId, query.segmentId);

    const [base, flows, taxonomy] = await Promise.all([
      this.summary.base(workspaceId, from, to, segment),
      this.summary.finishedFlows(workspaceId, from, to, segment),
      this.reasons.list(workspaceId),
    ]);
    const customers = customerChurnRate({ atStart: base.atStart, lost: base.lost });
    const revenue = revenueChurnRate({ mrrAtStart: Number(base.mrrAtStart), mrrLost: Number(base.mrrLost) });
    const saved = flows.filter((f) => f.outcome === 'saved');
    const cancelled = flows.filter((f) => f.outcome === 'cancelled');
    const saves = saveRate({ saved: saved.length, finishedFlows: flows.length });
    const split = avoidableSplit(cancelled, Object.fromEntries(taxonomy.map((r) => [r.key, r.avoidable])));
    const months = reasonsByMonth(cancelled, { from, to, timeZone, maxMonths: 60 });

    return {
      from: from.toISOString(),
      to: to.toISOString(),
      customerChurn: { atStart: customers.atStart, lost: customers.lost, percent: customers.percent },
      revenueChurn: { mrrAtStart: revenue.mrrAtStart, mrrLost: revenue.mrrLost, percent: revenue.percent },
      saves: {
        saved: saved.length,
        finishedFlows: flows.length,
        percent: saves.percent,
        revenueSaved: revenueSaved(saved.map((f) => Number(f.mrr ?? 0))).total,
      },
      avoidable: {
        total: split.total,
        avoidable: split.avoidable.count,
        unavoidable: split.unavoidable.count,
        unknown: split.unknown.count,
        avoidablePercent: split.avoidable.percent,
      },
      reasonsByMonth: months.map((m) => ({
        label: m.label,
        total: m.total,
        reasons: m.reasons.map((r) => ({ reasonKey: r.reasonKey, count: r.count, offered: r.offered, percent: r.percent })),
      })),
    };
  }
}
