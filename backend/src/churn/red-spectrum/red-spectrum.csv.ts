import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../responses/csv-safety';
import type { RedCustomerDto, RedSpectrumDto } from './red-spectrum.dto';

type Cell = string | number | null;

/** One CSV file as the other exports write it: UTF-8 BOM (Excel), header row, text cells formula-safe. */
function csv(columns: string[], rows: Cell[][]): string {
  const cell = (v: Cell) => (v === null ? '' : typeof v === 'string' ? spreadsheetSafe(v) : v);
  return stringify(
    rows.map((r) => r.map(cell)),
    { bom: true, header: true, columns },
  );
}

/** One row per red status × reason, then the month rows of the trend (kind "month"). */
export function spectrumCsv(report: RedSpectrumDto): string {
  const label = new Map(report.reasons.map((r) => [r.key, r.label]));
  return csv(
    ['row', 'month', 'status', 'reason_key', 'reason', 'customers', 'share_of_status_percent', 'share_of_red_percent', 'money_lost'],
    [
      ...report.cells.map((c): Cell[] => [
        'cell',
        null,
        c.status,
        c.reasonKey,
        label.get(c.reasonKey) ?? c.reasonKey,
        c.customers,
        c.shareOfStatus,
        c.shareOfRed,
        c.moneyLost,
      ]),
      ...report.statuses.map((s): Cell[] => ['status_total', null, s.status, null, null, s.customers, null, s.shareOfRed, s.moneyLost]),
      ...report.months.flatMap((m) =>
        m.cells.map((c): Cell[] => [
          'month',
          m.month,
          c.status,
          c.reasonKey,
          label.get(c.reasonKey) ?? c.reasonKey,
          c.customers,
          null,
          null,
          null,
        ]),
      ),
    ],
  );
}

/** The drill-down's customers. */
export function redCustomersCsv(items: readonly RedCustomerDto[]): string {
  return csv(
    ['external_id', 'name', 'status', 'reason_key', 'reason', 'money_lost', 'entered_at'],
    items.map((c) => [c.externalId, c.name, c.status, c.reason.key, c.reason.label, c.moneyLost, c.enteredAt]),
  );
}
