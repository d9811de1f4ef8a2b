import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../responses/csv-safety';
import type { CompensationReportDto, CompensationReportRowDto } from './compensation.dto';

const COLUMNS = ['group', 'key', 'label', 'currency', 'spent', 'grants', 'customers', 'kept', 'revenue_saved', 'from', 'to'];

/** The report as the other exports write CSV: UTF-8 BOM (Excel), header row, text cells formula-safe. */
export function compensationReportCsv(report: CompensationReportDto): string {
  const line = (group: string, r: CompensationReportRowDto) =>
    [
      group,
      r.key ?? '',
      r.label ?? '',
      report.currency ?? '',
      r.spent,
      r.grants,
      r.customers,
      r.kept,
      r.revenueSaved,
      report.from,
      report.to,
    ].map((v) => spreadsheetSafe(String(v)));
  const rows = [
    line('total', report.total),
    ...report.byTouchpoint.map((r) => line('touchpoint', r)),
    ...report.byKind.map((r) => line('kind', r)),
  ];
  return stringify(rows, { bom: true, header: true, columns: COLUMNS });
}
