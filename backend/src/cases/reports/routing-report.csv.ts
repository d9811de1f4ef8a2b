import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../responses/csv-safety';
import { MISROUTED_REASONS, type HopReason } from '../routing/routing-reasons';
import type { HopExportRow } from './routing-report.repository';

const COLUMNS = [
  'case_number',
  'case_title',
  'case_opened_at',
  'hopped_at',
  'reason',
  'misrouted',
  'from_touchpoint',
  'to_touchpoint',
  'from_owner',
  'to_owner',
  'by',
];

const iso = (d: Date | string) => new Date(d).toISOString();

/** One row per routing hop, oldest first; UTF-8 BOM (Excel), text cells formula-safe, as the other exports. */
export function routingHopsCsv(rows: HopExportRow[]): string {
  return stringify(
    rows.map((r) =>
      [
        r.caseNumber,
        r.caseTitle,
        iso(r.openedAt),
        iso(r.hoppedAt),
        r.reason,
        MISROUTED_REASONS.includes(r.reason as HopReason) ? 'yes' : 'no',
        r.fromTouchpoint ?? '',
        r.toTouchpoint ?? '',
        r.fromOwner ?? '',
        r.toOwner ?? '',
        r.actorKind,
      ].map((v) => (typeof v === 'string' ? spreadsheetSafe(v) : v)),
    ),
    { bom: true, header: true, columns: COLUMNS },
  );
}
