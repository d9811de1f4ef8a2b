import { Injectable } from '@nestjs/common';
import { customerChurnRate, ReasonTallies, revenueChurnRate, saveRate } from '../churn-metrics';
import { resolvePeriod } from '../common/http/period';
import { bucketEdges } from '../metrics';
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

    // The reason figures come from counts PostgreSQL tallies per month and reason (ReasonTallies: the same rules as
    // reasonsByMonth and avoidableSplit over the rows), so the summary costs the same at any number of flows.
    const edges = bucketEdges({ from, to, interval: 'month', timeZone, maxBuckets: 60 });
    const [base, flows, tallies, taxonomy] = await Promise.all([
      this.summary.base(workspaceId, from, to, segment),
      this.summary.flowCounts(workspaceId, from, to, segment),
      this.summary.reasonTallies(
        workspaceId,
        from,
        to,
        edges.map((e) => new Date(e.start)),
        segment,
      ),
      this.reasons.list(workspaceId),
    ]);
    const customers = customerChurnRate({ atStart: base.atStart, lost: base.lost });
    const revenue = revenueChurnRate({ mrrAtStart: Number(base.mrrAtStart), mrrLost: Number(base.mrrLost) });
    const saves = saveRate({ saved: flows.saved, finishedFlows: flows.finished });
    const cancelled = new ReasonTallies(tallies);
    const split = cancelled.avoidable(Object.fromEntries(taxonomy.map((r) => [r.key, r.avoidable])));
    const months = cancelled.months(edges);

    return {
      from: from.toISOString(),
      to: to.toISOString(),
      customerChurn: { atStart: customers.atStart, lost: customers.lost, percent: customers.percent },
      revenueChurn: { mrrAtStart: revenue.mrrAtStart, mrrLost: revenue.mrrLost, percent: revenue.percent },
      saves: {
        saved: flows.saved,
        finishedFlows: flows.finished,
        percent: saves.percent,
        // A numeric sum, so exact: the same number as revenueSaved's sum of integer cents.
        revenueSaved: Number(flows.savedMrr),
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
