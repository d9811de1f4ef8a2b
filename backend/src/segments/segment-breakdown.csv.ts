import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../responses/csv-safety';
import type { SegmentBreakdownDto } from './segments.dto';

/** The breakdown as the other exports write CSV: UTF-8 BOM (Excel), header row, names formula-safe. */
export function segmentBreakdownCsv(report: SegmentBreakdownDto): string {
  return stringify(
    report.rows.map((row) => [
      row.segmentId ?? '',
      row.name === null ? 'All customers' : spreadsheetSafe(row.name),
      row.customers,
      row.value ?? '',
      row.n,
    ]),
    { bom: true, header: true, columns: ['segment_id', 'segment', 'customers', report.metric, 'n'] },
  );
}
