import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../responses/csv-safety';
import type { ManagersReportDto } from './managers-report.dto';

/** One row per group: UTF-8 BOM (Excel), header row, names formula-safe. */
export function managersReportCsv(report: ManagersReportDto): string {
  const columns = [
    'group',
    'key',
    'name',
    'customers',
    'losses',
    'saves',
    'saved_by_offer',
    'warnings_cleared',
    'money_lost',
    'nps',
    'nps_responses',
    'open_cases',
  ];
  const rows = report.rows.map((r) => [
    report.by,
    r.key ?? '',
    r.label === null ? '' : spreadsheetSafe(r.label),
    r.customers,
    r.losses,
    r.saves,
    r.savedByOffer,
    r.warningsCleared,
    r.moneyLost,
    r.nps ?? '',
    r.npsResponses ?? '',
    r.openCases ?? '',
  ]);
  return stringify(rows, { bom: true, header: true, columns });
}
