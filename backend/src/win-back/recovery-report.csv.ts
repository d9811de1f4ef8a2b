import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../responses/csv-safety';
import type { ProblemDto } from './win-back.dto';

const COLUMNS = [
  'id',
  'kind',
  'title',
  'fixed_at',
  'fixed_by',
  'what_changed',
  'affected',
  'told',
  'held',
  'no_address',
  'answered',
  'returned',
  'revenue_recovered',
];

/** The report as CSV: one row per fix; revenue as "EUR 120.00; RUB 5000.00" (one cell, per currency). */
export function recoveryReportCsv(fixes: readonly ProblemDto[]): string {
  const rows = fixes.map((f) =>
    [
      f.id,
      f.kind,
      f.title,
      f.fixedAt ?? '',
      f.fixedByName ?? '',
      f.whatChanged ?? '',
      f.affected,
      f.told,
      f.held,
      f.noAddress,
      f.answered,
      f.returned,
      f.revenueRecovered.map((r) => `${r.currency} ${r.amount}`).join('; '),
    ].map((cell) => (typeof cell === 'string' ? spreadsheetSafe(cell) : cell)),
  );
  return stringify([COLUMNS, ...rows]);
}
