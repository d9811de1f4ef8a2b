import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../responses/csv-safety';
import type {
  ChurnTrendDto,
  CohortsDto,
  FunnelDto,
  ReasonBreakdownDto,
  ReasonCommentsDto,
  ReasonsOverTimeDto,
} from './churn-analytics.dto';

type Cell = string | number | boolean | null;

/** One CSV file as the other exports write it: UTF-8 BOM (Excel), header row, text cells formula-safe. */
function csv(columns: string[], rows: Cell[][]): string {
  const cell = (v: Cell) => (v === null ? '' : typeof v === 'string' ? spreadsheetSafe(v) : v);
  return stringify(
    rows.map((r) => r.map(cell)),
    { bom: true, header: true, columns, cast: { boolean: (v) => String(v) } },
  );
}

/** Long format: one row per month × reason. */
export function reasonsOverTimeCsv(report: ReasonsOverTimeDto): string {
  const info = new Map(report.reasons.map((r) => [r.key, r]));
  return csv(
    ['month', 'reason_key', 'reason', 'avoidable', 'count', 'offered', 'percent_of_offered', 'month_cancellations'],
    report.months.flatMap((m) =>
      m.reasons.map((r) => [
        m.label,
        r.reasonKey,
        info.get(r.reasonKey)?.label ?? r.reasonKey,
        info.get(r.reasonKey)?.avoidable ?? null,
        r.count,
        r.offered,
        r.percent,
        m.total,
      ]),
    ),
  );
}

export function breakdownCsv(report: ReasonBreakdownDto): string {
  const labels = new Map(report.reasons.map((r) => [r.key, r.label]));
  return csv(
    [report.by, `${report.by}_label`, 'group_cancellations', 'reason_key', 'reason', 'count', 'percent'],
    report.groups.flatMap((g) =>
      g.reasons.map((r) => [g.group, g.label, g.total, r.reasonKey, labels.get(r.reasonKey) ?? r.reasonKey, r.count, r.percent]),
    ),
  );
}

export function commentsCsv(report: ReasonCommentsDto): string {
  return csv(
    ['finished_at', 'reason_key', 'reason', 'outcome', 'customer_id', 'customer_name', 'comment'],
    report.items.map((c) => [c.at, report.reason.key, report.reason.label, c.outcome, c.customerId, c.customerName, c.text]),
  );
}

/** One row per cohort: its size, then the retained percent for months 0..maxOffset (empty while not over). */
export function cohortsCsv(report: CohortsDto): string {
  const offsets = Array.from({ length: report.maxOffset + 1 }, (_, k) => `month_${k}_percent`);
  return csv(
    ['cohort', 'size', ...offsets],
    report.rows.map((row) => [row.label, row.size, ...row.retention.map((c) => c.percent)]),
  );
}

/** One row per status × reason of the period's losses; statuses without losses get one row with no reason. */
export function funnelCsv(report: FunnelDto): string {
  const lost = new Map(report.lost.map((l) => [l.status, l]));
  return csv(
    ['status', 'customers', 'lost_in_period', 'reason_key', 'reason', 'lost_with_reason'],
    report.statuses.flatMap((s): Cell[][] => {
      const l = lost.get(s.status);
      if (!l || l.reasons.length === 0) return [[s.status, s.count, l ? l.total : null, null, null, null]];
      return l.reasons.map((r) => [s.status, s.count, l.total, r.reasonKey, r.label, r.count]);
    }),
  );
}

export function trendCsv(report: ChurnTrendDto): string {
  return csv(
    [
      'month',
      'from',
      'to',
      'partial',
      'customers_at_start',
      'customers_lost',
      'churn_percent',
      'mrr_at_start',
      'mrr_lost',
      'revenue_churn_percent',
      'finished_flows',
      'saved',
      'save_rate_percent',
      'revenue_saved',
    ],
    report.months.map((m) => [
      m.label,
      m.from,
      m.to,
      m.partial,
      m.customerChurn.atStart,
      m.customerChurn.lost,
      m.customerChurn.percent,
      m.revenueChurn.mrrAtStart,
      m.revenueChurn.mrrLost,
      m.revenueChurn.percent,
      m.saves.finishedFlows,
      m.saves.saved,
      m.saves.percent,
      m.saves.revenueSaved,
    ]),
  );
}
