import type { Scope } from '@otklik/survey-model';
import type { CustomerRow } from '../customers.repository';

/**
 * A keyset position on the timeline: newest first by (at, id). `at` is an ISO instant with microseconds
 * ("2026-03-01T10:00:00.123456Z"), so events PostgreSQL orders apart never collapse onto one JS millisecond;
 * `id` is the event id, unique across sources ("response:<uuid>").
 */
export interface TimelinePosition {
  at: string;
  id: string;
}

/** What a source is asked for: one customer's events strictly before `before`, newest first. */
export interface TimelineFetch {
  workspaceId: string;
  customer: CustomerRow;
  before: TimelinePosition | null;
  limit: number;
  /** The viewer's language for labels a source localises ("ru"); sources fall back on their own. */
  language: string;
}

/** One event as a source returns it; `details` is the per-kind payload (carries the same `kind`). */
export interface TimelineEvent<D extends { kind: string } = { kind: string }> {
  id: string;
  kind: string;
  /** Sort key: ISO instant with microseconds, UTC. */
  at: string;
  title: string | null;
  details: D;
}

/**
 * One kind of event on the customer timeline. Modules add kinds by providing a source and registering it
 * (see TimelineRegistry); the timeline merges sources without knowing them.
 */
export interface TimelineSource {
  readonly kind: string;
  /**
   * The token scope this kind's own endpoints need (e.g. cases:read). The timeline only needs customers:read,
   * so without this a token could read cases or mentions through a customer's timeline.
   */
  readonly scope: Scope;
  /** At most `limit` events, ordered by (at, id) descending, all strictly before `before`. */
  fetch(query: TimelineFetch): Promise<TimelineEvent[]>;
}

/** Injection token for the built-in sources (a factory provider collects them into an array). */
export const TIMELINE_SOURCES = Symbol('TIMELINE_SOURCES');

/** Newest first: later `at`, then larger id. Both are ASCII, fixed-format strings, so code-unit order is time order. */
export function compareEvents(a: TimelinePosition, b: TimelinePosition): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.id !== b.id) return a.id < b.id ? 1 : -1;
  return 0;
}

export const isBefore = (event: TimelinePosition, before: TimelinePosition | null): boolean =>
  before === null || compareEvents(event, before) > 0;

/** SQL for a timestamptz as the sort key format above. */
export const sortKeySql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A JS Date as the sort key format (microseconds are zero). */
export const sortKeyOf = (date: Date) => `${date.toISOString().slice(0, 23)}000Z`;

/** What a keyset page needs of a fetch (moments' own list pages with it too). */
export type KeysetQuery = Pick<TimelineFetch, 'workspaceId' | 'before' | 'limit'> & { customer: Pick<CustomerRow, 'externalId'> };

/**
 * The SQL pieces every source needs for one page: its event id expression (`<kind>:<uuid>`, compared
 * byte-wise), the "strictly before the cursor" condition, and the query parameters
 * ($1 workspace, $2 customer external id, $3 limit, then the cursor).
 */
export function keysetPage(
  kind: string,
  alias: string,
  timeColumn: string,
  query: KeysetQuery,
): { eventId: string; after: string; params: unknown[] } {
  const eventId = `('${kind}:' || ${alias}.id::text) COLLATE "C"`;
  const params: unknown[] = [query.workspaceId, query.customer.externalId, query.limit];
  if (!query.before) return { eventId, after: '', params };
  params.push(query.before.at, query.before.id);
  const time = `${alias}.${timeColumn}`;
  return { eventId, after: `AND (${time} < $4::timestamptz OR (${time} = $4::timestamptz AND ${eventId} < $5 COLLATE "C"))`, params };
}
