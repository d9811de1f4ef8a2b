import { Injectable } from '@nestjs/common';
import { lastMonths } from '../../churn-metrics';
import { resolvePeriod } from '../../common/http/period';
import { ChurnSummaryService } from '../churn-summary.service';
import type { ChurnTrendDto, TrendQuery } from './churn-analytics.dto';

/** Churn rate, revenue churn and save rate per calendar month: the churn summary, month by month. */
@Injectable()
export class ChurnTrendService {
  constructor(private readonly summary: ChurnSummaryService) {}

  async trend(workspaceId: string, query: TrendQuery, now = new Date()): Promise<ChurnTrendDto> {
    // resolvePeriod validates `to` and the zone (a 400 naming the field).
    const { to, timeZone } = resolvePeriod({ to: query.to ?? now.toISOString(), timeZone: query.timeZone }, 1);
    const windows = lastMonths(to, query.months ?? 6, timeZone);
    const months = [];
    for (const w of windows) {
      const s = await this.summary.get(workspaceId, {
        from: w.start.toISOString(),
        to: w.end.toISOString(),
        timeZone,
        segmentId: query.segmentId,
      });
      months.push({
        label: w.label,
        from: s.from,
        to: s.to,
        partial: w.partial,
        customerChurn: s.customerChurn,
        revenueChurn: s.revenueChurn,
        saves: s.saves,
      });
    }
    return { timeZone, months };
  }
}
