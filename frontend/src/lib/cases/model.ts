import type { Role } from '$lib/api/types';
import type { Case, CaseChannel, CasePriority, CaseSource, CaseStatus } from './types';

/** Priorities, most pressing first. */
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const satisfies readonly CasePriority[];
export const STATUSES = ['open', 'waiting_customer', 'resolved', 'closed'] as const satisfies readonly CaseStatus[];
export const SOURCES = [
  'response',
  'cancellation',
  'mention',
  'cluster',
  'manual',
  'api',
  'warning',
] as const satisfies readonly CaseSource[];
export const CHANNELS = [
  'social',
  'chat',
  'messenger',
  'email',
  'web_form',
  'phone',
  'survey',
  'review',
  'in_person',
  'other',
] as const satisfies readonly CaseChannel[];

// Fail svelte-check when the API gains a value these lists lack.
const everyPriority: Exclude<CasePriority, (typeof PRIORITIES)[number]> extends never ? true : never = true;
const everyStatus: Exclude<CaseStatus, (typeof STATUSES)[number]> extends never ? true : never = true;
const everySource: Exclude<CaseSource, (typeof SOURCES)[number]> extends never ? true : never = true;
const everyChannel: Exclude<CaseChannel, (typeof CHANNELS)[number]> extends never ? true : never = true;
void [everyPriority, everyStatus, everySource, everyChannel];

/** Statuses in which people still work on a case (the inbox's default view). */
export const ACTIVE_STATUSES = ['open', 'waiting_customer'] as const satisfies readonly CaseStatus[];

export const isActive = (c: Pick<Case, 'status'>): boolean => (ACTIVE_STATUSES as readonly string[]).includes(c.status);

/** The server's case workers (cases:write): they reply, assign, close and open cases. */
export function canWorkCases(role: Role | undefined): boolean {
  return role === 'admin' || role === 'analyst' || role === 'owner';
}

/** The path of a case's own page. */
export const casePath = (id: string): string => `/cases/${encodeURIComponent(id)}`;

/** The path of a customer's profile page (external ids may hold any character). */
export const customerPath = (externalId: string): string => `/customers/${encodeURIComponent(externalId)}`;

/** Where the thing that opened a case lives in the dashboard, when it has a page of its own. */
export function sourcePath(c: Pick<Case, 'source' | 'sourceId' | 'customerId'>): string | null {
  switch (c.source) {
    case 'cluster':
      return c.sourceId ? `/clusters/${encodeURIComponent(c.sourceId)}` : '/clusters';
    case 'mention':
      return '/mentions';
    case 'cancellation':
      return '/churn';
    case 'response':
      // Survey answers show on the customer's timeline.
      return c.customerId ? customerPath(c.customerId) : null;
    default:
      return null;
  }
}

/** The first web link in a text (a mention's post), only http(s): never a javascript: or data: URL. */
export function firstWebLink(text: string): string | null {
  const match = /\bhttps?:\/\/[^\s<>"']+/i.exec(text);
  if (!match) return null;
  try {
    const url = new URL(match[0]);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A member picker's value for "nobody" (unassign); ids are uuids, so it never clashes with one. */
export const NOBODY = '__nobody__';
export const ownerFromPick = (value: string): string | null => (value === NOBODY ? null : value);
export const pickFromOwner = (ownerId: string | null): string => ownerId ?? NOBODY;
