import type { Interval, MentionQuery } from './types';

export type PeriodPreset = '7' | '30' | '90' | 'custom';

/** Everything the filters bar chooses; the page turns it into list and stats queries. */
export interface MentionFilters {
  sources: string[];
  sentiments: string[];
  language: string;
  period: PeriodPreset;
  /** yyyy-mm-dd, local dates, for the custom period. */
  from: string;
  to: string;
  assigned: 'any' | 'me' | 'none';
  answered: 'any' | 'yes' | 'no';
  q: string;
  includeDuplicates: boolean;
  interval: Interval;
  /** A public-answer stage of negative originals ('' for any). */
  stage: string;
}

export function defaultFilters(): MentionFilters {
  return {
    sources: [],
    sentiments: [],
    language: '',
    period: '30',
    from: '',
    to: '',
    assigned: 'any',
    answered: 'any',
    q: '',
    includeDuplicates: false,
    interval: 'day',
    stage: '',
  };
}

const DAY_MS = 86_400_000;

/** The period as instants: presets end now (start of the next local day) and reach N days back; null for a bad custom range. */
export function periodRange(filters: MentionFilters, now = new Date()): { from: string; to: string } | null {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  if (filters.period !== 'custom') {
    const days = Number(filters.period);
    const from = new Date(tomorrow.getFullYear(), tomorrow.getMonth(), tomorrow.getDate() - days);
    return { from: from.toISOString(), to: tomorrow.toISOString() };
  }
  const from = filters.from ? localDate(filters.from) : new Date(tomorrow.getTime() - 30 * DAY_MS);
  const to = filters.to ? localDate(filters.to, 1) : tomorrow;
  if (!from || !to || from.getTime() >= to.getTime()) return null;
  return { from: from.toISOString(), to: to.toISOString() };
}

function localDate(value: string, plusDays = 0): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? new Date(+match[1], +match[2] - 1, +match[3] + plusDays) : null;
}

/** The feed query for these filters (without paging). */
export function listQuery(filters: MentionFilters, range: { from: string; to: string }): MentionQuery {
  const query: MentionQuery = { from: range.from, to: range.to };
  if (filters.sources.length) query.source = [...filters.sources];
  if (filters.sentiments.length) query.sentiment = [...filters.sentiments];
  if (filters.language) query.language = [filters.language];
  if (filters.assigned !== 'any') query.assigned = filters.assigned;
  if (filters.answered !== 'any') query.answered = filters.answered === 'yes';
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.includeDuplicates) query.includeDuplicates = true;
  if (filters.stage) query.stage = [filters.stage];
  return query;
}
