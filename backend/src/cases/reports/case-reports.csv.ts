import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../responses/csv-safety';
import type { CaseReportFiguresDto, CaseReportDto, CaseReportSeriesDto } from './case-reports.dto';

type Cell = string | number | null;

/** The figure columns every row shares (times in SLA minutes, percentages 0–100). */
const FIGURE_COLUMNS = [
  'cases',
  'first_response_measured',
  'first_response_met',
  'first_response_missed',
  'first_response_pending',
  'first_response_compliance_percent',
  'first_response_median_minutes',
  'first_response_p90_minutes',
  'resolution_measured',
  'resolution_met',
  'resolution_missed',
  'resolution_pending',
  'resolution_compliance_percent',
  'resolution_median_minutes',
  'resolution_p90_minutes',
  'breaches',
  'breached_cases',
  'closed_cases',
  'follow_up_answers',
  'follow_up_share_percent',
  'follow_up_average_csat',
  'follow_up_median_csat',
  'follow_up_csat_percent',
  'tradeoff_cases',
  'tradeoff_median_resolution_minutes',
  'tradeoff_average_csat',
  'detractor_cases',
  'closed_loop_measured',
  'closed_loop_met',
  'closed_loop_rate_percent',
];

function figureCells(f: CaseReportFiguresDto): Cell[] {
  const { firstResponse: fr, resolution: res, followUp: fu, tradeOff: to, closedLoop: cl } = f;
  return [
    f.cases,
    fr.measured,
    fr.met,
    fr.missed,
    fr.pending,
    fr.compliance,
    fr.medianMinutes,
    fr.p90Minutes,
    res.measured,
    res.met,
    res.missed,
    res.pending,
    res.compliance,
    res.medianMinutes,
    res.p90Minutes,
    f.breaches,
    f.breachedCases,
    fu.closedCases,
    fu.answered,
    fu.sharePercent,
    fu.average,
    fu.median,
    fu.csatPercent,
    to.cases,
    to.medianResolutionMinutes,
    to.averageCsat,
    cl.detractorCases,
    cl.measured,
    cl.met,
    cl.ratePercent,
  ];
}

/** One CSV file as the other exports write it: UTF-8 BOM (Excel), header row, text cells formula-safe. */
function csv(columns: string[], rows: Cell[][]): string {
  return stringify(
    rows.map((r) => r.map((v) => (typeof v === 'string' ? spreadsheetSafe(v) : v))),
    { bom: true, header: true, columns },
  );
}

const NO_GROUP: Record<string, string> = { touchpoint: '(no touchpoint)', owner: '(unassigned)' };

/** One row per group, then an "all cases" row with the totals (empty key). */
export function caseReportCsv(report: CaseReportDto): string {
  return csv(
    ['group_by', 'group_key', 'group_label', ...FIGURE_COLUMNS],
    [
      ...report.groups.map((g) => [report.groupBy, g.key, g.label ?? NO_GROUP[report.groupBy] ?? '', ...figureCells(g)]),
      [report.groupBy, null, '(all cases)', ...figureCells(report.totals)],
    ],
  );
}

/** One row per week or month. */
export function caseReportSeriesCsv(series: CaseReportSeriesDto): string {
  return csv(
    ['interval', 'period', 'start', 'end', ...FIGURE_COLUMNS],
    series.points.map((p) => [series.interval, p.label, p.start, p.end, ...figureCells(p)]),
  );
}
