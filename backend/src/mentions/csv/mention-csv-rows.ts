import { createHash } from 'node:crypto';
import { parseNumber } from '../../customers/import/row-mapper';
import { parseMentionDate } from './csv-dates';
import type { MentionColumnTarget, MentionCsvField } from './mention-csv-mapping';

export interface RowOptions {
  /** The source of every row when no column gives it. */
  fixedSource?: string;
  /** Zone for dates written without one. */
  timeZone: string;
}

/** A CSV row turned into a raw mention for the ingest path (which validates it), or the problems found first. */
export interface MappedMentionRow {
  item: Record<string, unknown> | null;
  problems: { field: string; message: string }[];
  /** Column index per mention field, to name the column an ingest error came from. */
  columns: Map<string, number>;
}

/**
 * A stable id for a row without one: the hash of its URL, or of its text, date and author. The same
 * post in a re-uploaded file gets the same id, so (source, externalId) makes the upload idempotent.
 */
export function derivedExternalId(url: string | undefined, text: string, postedAt: string, author: string | undefined): string {
  const basis = url ? `url\u0000${url}` : `post\u0000${text.trim()}\u0000${postedAt}\u0000${(author ?? '').trim()}`;
  return `csv-${createHash('sha256').update(basis).digest('hex').slice(0, 32)}`;
}

export function mapMentionRow(values: string[], mapping: readonly MentionColumnTarget[], options: RowOptions): MappedMentionRow {
  const columns = new Map<string, number>();
  const cells: Partial<Record<MentionCsvField, string>> = {};
  mapping.forEach((target, index) => {
    if (target === 'ignore') return;
    columns.set(target, index);
    const value = values[index] ?? '';
    if (value !== '') cells[target] = value;
  });
  const problems: MappedMentionRow['problems'] = [];
  const item: Record<string, unknown> = {};

  const source = (cells.source ?? options.fixedSource ?? '').trim().toLowerCase();
  item.source = source;
  if (cells.url) item.url = cells.url;
  if (cells.author) item.author = cells.author;
  item.text = cells.text ?? '';
  if (cells.language) item.language = cells.language.trim().toLowerCase();
  if (cells.parentExternalId) item.parentExternalId = cells.parentExternalId;

  const postedAt = cells.postedAt ? parseMentionDate(cells.postedAt, options.timeZone) : null;
  if (!cells.postedAt) problems.push({ field: 'postedAt', message: 'the date is empty' });
  else if (!postedAt) {
    problems.push({
      field: 'postedAt',
      message: `"${cells.postedAt}" is not a date; write it like 2026-11-30 09:15, 30.11.2026 09:15 or 2026-11-30T09:15:00Z`,
    });
  } else item.postedAt = postedAt;

  if (cells.reach) {
    const reach = parseNumber(cells.reach);
    if (typeof reach === 'number' && Number.isInteger(reach) && reach >= 0) item.reach = reach;
    else problems.push({ field: 'reach', message: `"${cells.reach}" is not a whole number of people reached` });
  }

  item.externalId = cells.externalId ?? (postedAt ? derivedExternalId(cells.url, String(item.text), postedAt, cells.author) : '');
  return { item: problems.length === 0 ? item : null, problems, columns };
}
