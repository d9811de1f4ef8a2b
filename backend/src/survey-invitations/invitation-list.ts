// A pasted audience list: one external id or email per row, checked and de-duplicated before anyone is looked up.

export interface ListRow {
  /** 1-based position in the pasted list. */
  row: number;
  value: string;
  reason: string;
}

export interface ParsedList {
  entries: { row: number; kind: 'id' | 'email'; value: string }[];
  externalIds: string[];
  /** Lower-cased. */
  emails: string[];
  duplicates: number;
  /** The first rows that could not be used (at most 100). */
  invalid: ListRow[];
  invalidCount: number;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Reported rows are capped: a list of garbage must not make a huge answer. */
const MAX_REPORTED = 100;

export function parseList(lines: readonly string[]): ParsedList {
  const entries: ParsedList['entries'] = [];
  const seen = new Set<string>();
  const invalid: ListRow[] = [];
  let duplicates = 0;
  let invalidCount = 0;
  const reject = (row: number, value: string, reason: string) => {
    invalidCount += 1;
    if (invalid.length < MAX_REPORTED) invalid.push({ row, value: value.slice(0, 100), reason });
  };
  lines.forEach((raw, index) => {
    const row = index + 1;
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (!value) return reject(row, '', 'empty row');
    if (CONTROL.test(value)) return reject(row, value, 'contains control characters');
    const kind = value.includes('@') ? 'email' : 'id';
    if (kind === 'email' && (value.length > 254 || !EMAIL.test(value))) return reject(row, value, 'not a valid email address');
    if (kind === 'id' && value.length > 200) return reject(row, value, 'external id longer than 200 characters');
    const normalised = kind === 'email' ? value.toLowerCase() : value;
    const key = `${kind}:${normalised}`;
    if (seen.has(key)) {
      duplicates += 1;
      return;
    }
    seen.add(key);
    entries.push({ row, kind, value: normalised });
  });
  return {
    entries,
    externalIds: entries.filter((e) => e.kind === 'id').map((e) => e.value),
    emails: entries.filter((e) => e.kind === 'email').map((e) => e.value),
    duplicates,
    invalid,
    invalidCount,
  };
}
