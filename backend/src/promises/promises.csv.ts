import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../responses/csv-safety';
import type { PromiseDto } from './promises.dto';

const COLUMNS = [
  'id',
  'status',
  'late',
  'overdue',
  'text',
  'owner',
  'promised_by',
  'customer_external_id',
  'case_id',
  'touchpoint',
  'source',
  'due_at',
  'resolved_at',
  'resolved_by',
  'note',
  'escalated_at',
  'created_at',
];

/** The register as the other exports write CSV: UTF-8 BOM (Excel), header row, text cells formula-safe. */
export function promisesCsv(items: readonly PromiseDto[]): string {
  const rows = items.map((p) =>
    [
      p.id,
      p.status,
      p.late ? 'yes' : 'no',
      p.overdue ? 'yes' : 'no',
      p.text,
      p.owner?.name ?? '',
      p.promisedBy?.name ?? '',
      p.customerExternalId ?? '',
      p.caseId ?? '',
      p.touchpoint?.name ?? '',
      p.source,
      p.dueAt,
      p.resolvedAt ?? '',
      p.resolvedBy?.name ?? '',
      p.resolutionNote ?? '',
      p.escalatedAt ?? '',
      p.createdAt,
    ].map((v) => spreadsheetSafe(v)),
  );
  return stringify(rows, { bom: true, header: true, columns: COLUMNS });
}
