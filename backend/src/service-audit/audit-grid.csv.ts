import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../responses/csv-safety';
import type { AuditGridDto } from './service-audit.dto';

const HEADER = [
  'touchpoint',
  'process',
  'step',
  'criterion',
  'measure',
  'unit',
  'direction',
  'green',
  'yellow',
  'month',
  'value',
  'colour',
  'n',
  'previous_month',
  'previous_value',
  'previous_colour',
  'trend_6_months',
  'improvement_steps',
];

/** The grid as CSV: UTF-8 BOM (Excel), one row per touchpoint × criterion, text cells formula-safe. */
export function auditGridCsv(grid: AuditGridDto): string {
  const rows = grid.rows.map((r) => [
    r.touchpointName,
    r.processName,
    r.stepName,
    r.criterion.name,
    r.criterion.measure,
    r.criterion.unit,
    r.criterion.direction,
    r.criterion.green,
    r.criterion.yellow,
    grid.month,
    r.value,
    r.colour,
    r.n,
    grid.previousMonth,
    r.previousValue,
    r.previousColour,
    r.trend.map((t) => (t.value === null ? '' : String(t.value))).join(' '),
    r.steps.map((s) => `${s.status}: ${s.text}`).join(' | '),
  ]);
  return stringify(
    rows.map((row) => row.map((v) => (typeof v === 'string' ? spreadsheetSafe(v) : v))),
    { bom: true, header: true, columns: HEADER },
  );
}
