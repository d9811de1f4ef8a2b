import type { components } from '$lib/api/schema';

export type TimelinePage = components['schemas']['TimelinePageDto'];
export type TimelineItem = components['schemas']['TimelineItemDto'];
export type TimelineKind = components['schemas']['TimelineKind'];
export type ResponseEvent = components['schemas']['ResponseEventDto'];
export type CancellationEvent = components['schemas']['CancellationEventDto'];
export type CustomerEvent = components['schemas']['CustomerEventDto'];
export type MentionEvent = components['schemas']['MentionEventDto'];
export type CaseEvent = components['schemas']['CaseTimelineEventDto'];
export type MomentEvent = components['schemas']['MomentEventDto'];
export type StatusEvent = components['schemas']['StatusEventDto'];
export type WarningEvent = components['schemas']['WarningEventDto'];
export type ActivityEvent = components['schemas']['ActivityTimelineEventDto'];
export type PromiseEvent = components['schemas']['PromiseTimelineEventDto'];
export type RecoveryEvent = components['schemas']['RecoveryTimelineEventDto'];

/** Kinds the filter offers, in display order. */
export const TIMELINE_KINDS = [
  'response',
  'cancellation',
  'mention',
  'case',
  'promise',
  'recovery',
  'moment',
  'warning',
  'activity',
  'customer',
  'status',
] as const satisfies readonly TimelineKind[];
// Fails svelte-check when the API gains a kind this list lacks.
const everyKindListed: Exclude<TimelineKind, (typeof TIMELINE_KINDS)[number]> extends never ? true : never = true;
void everyKindListed;

/** The case's page in the cases inbox. */
export const caseHref = (caseId: string): string => `/cases/${encodeURIComponent(caseId)}`;

/**
 * An order's or payment's amount in the UI language: with its currency sign when the code is one Intl knows the shape
 * of (three letters), else the number and whatever code was sent.
 */
export function formatAmount(amount: number, currency: string | null, locale: string): string {
  const digits = { minimumFractionDigits: amount % 1 === 0 ? 0 : 2, maximumFractionDigits: 2 };
  if (currency && /^[A-Za-z]{3}$/.test(currency)) {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase(), ...digits }).format(amount);
  }
  const number = new Intl.NumberFormat(locale, digits).format(amount);
  return currency ? `${number} ${currency}` : number;
}

/** Events per request. */
export const TIMELINE_PAGE_SIZE = 20;

export interface TimelineDay {
  /** YYYY-MM-DD in the viewer's time zone. */
  key: string;
  items: TimelineItem[];
}

/** The local calendar day of an instant, as YYYY-MM-DD (en-CA formats dates that way). */
export function localDayKey(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** Consecutive items (already newest first) grouped by local day; order is kept. */
export function groupByDay(items: readonly TimelineItem[], timeZone?: string): TimelineDay[] {
  const days: TimelineDay[] = [];
  for (const item of items) {
    const key = localDayKey(item.occurredAt, timeZone);
    const last = days[days.length - 1];
    if (last?.key === key) last.items.push(item);
    else days.push({ key, items: [item] });
  }
  return days;
}

/** Appends a page, dropping any id already shown (a retried request must never duplicate a row). */
export function appendPage(shown: readonly TimelineItem[], page: readonly TimelineItem[]): TimelineItem[] {
  const seen = new Set(shown.map((item) => item.id));
  return [...shown, ...page.filter((item) => !seen.has(item.id))];
}
