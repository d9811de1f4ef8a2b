import { stringify } from 'csv-stringify/sync';
import type { PublicAnswersReportDto } from './public-answers.dto';

const COLUMNS = [
  'week_start',
  'negative',
  'answered',
  'answered_share_percent',
  'median_minutes_to_answer',
  'p90_minutes_to_answer',
  'investigated',
  'findings_published',
  'compensated',
];

const percent = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);

/** The report as CSV (UTF-8 with BOM for spreadsheets): one row per week, then the period's totals. Cells are numbers and dates only. */
export function publicAnswersReportCsv(report: PublicAnswersReportDto): string {
  const rows = report.series.map((w) => [
    w.day,
    w.negative,
    w.answered,
    percent(w.answered, w.negative),
    w.medianMinutesToAnswer,
    null,
    w.investigated,
    w.findingsPublished,
    w.compensated,
  ]);
  rows.push([
    'total',
    report.negative,
    report.answered,
    percent(report.answered, report.negative),
    report.medianMinutesToAnswer,
    report.p90MinutesToAnswer,
    report.investigated,
    report.findingsPublished,
    report.compensated,
  ]);
  return '\ufeff' + stringify([COLUMNS, ...rows]);
}
