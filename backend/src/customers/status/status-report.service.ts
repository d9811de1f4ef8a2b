import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { resolveTimeZone } from '../../common/http/period';
import { validationError } from '../../common/http/validation.pipe';
import { addMonths, monthOf, monthRange, monthStart } from '../../metrics';
import { COLOUR_STATUSES, type ColourStatus } from './colour-status';
import type { StatusReportDto, StatusReportQuery } from './customer-status.dto';
import { StatusReportRepository } from './status-report.repository';

/** At most three years of months per report: the month series is joined to the history. */
export const MAX_REPORT_MONTHS = 36;

const allStatuses = (counts: Map<ColourStatus, number>) => COLOUR_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));

/** Counts per colour status at each month's end and the moves between statuses (the Customers page's funnel card). */
@Injectable()
export class StatusReportService {
  constructor(private readonly report: StatusReportRepository) {}

  async build(workspaceId: string, query: StatusReportQuery, now = new Date()): Promise<StatusReportDto> {
    const timeZone = resolveTimeZone(query.timeZone);
    const to = query.to ?? monthOf(now, timeZone);
    const from = query.from ?? addMonths(to, -11);
    if (from > to) throw validationError([{ field: 'from', message: 'from must not be after to' }]);
    if (addMonths(from, MAX_REPORT_MONTHS - 1) < to)
      throw validationError([{ field: 'from', message: `a report covers at most ${MAX_REPORT_MONTHS} months` }]);
    const [counts, moves, current] = await Promise.all([
      this.report.monthEndCounts(workspaceId, from, to, timeZone),
      this.report.moves(workspaceId, monthStart(from, timeZone), monthStart(addMonths(to, 1), timeZone)),
      this.report.current(workspaceId),
    ]);
    const byMonth = new Map<string, Map<ColourStatus, number>>();
    for (const row of counts) {
      const month = byMonth.get(row.month) ?? new Map<ColourStatus, number>();
      month.set(row.status, row.count);
      byMonth.set(row.month, month);
    }
    return {
      from,
      to,
      months: monthRange(from, to).map((month) => ({
        month,
        counts: allStatuses(byMonth.get(month) ?? new Map()),
      })),
      moves,
      current: allStatuses(new Map(current.map((row) => [row.status, row.count]))),
    };
  }

  /** The report as CSV (UTF-8 BOM for Excel): one row per month and status, then one per move. */
  csv(report: StatusReportDto): string {
    const rows: (string | number)[][] = [
      ...report.months.flatMap((m) => m.counts.map((c) => ['month_end', m.month, '', c.status, c.count])),
      ...report.moves.map((move) => ['move', `${report.from}..${report.to}`, move.from, move.to, move.count]),
    ];
    return stringify(rows, { bom: true, header: true, columns: ['kind', 'month', 'from_status', 'status', 'customers'] });
  }
}
