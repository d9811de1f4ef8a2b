import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { forbidden, notFound } from '../../common/http/api-error';
import { validationError } from '../../common/http/validation.pipe';
import { CustomersRepository } from '../customers.repository';
import { decodeCursor, encodeCursor } from './timeline-cursor';
import type { TimelineItemDto, TimelineKind, TimelinePageDto, TimelineQuery } from './timeline.dto';
import { compareEvents, type TimelineEvent } from './timeline-source';
import { TimelineRegistry } from './timeline.registry';

const DEFAULT_LIMIT = 20;

/** "ru-RU,ru;q=0.9,en;q=0.8" → "ru-RU"; anything unusable → "en". */
export function firstLanguage(acceptLanguage: string | undefined): string {
  const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim();
  return first && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(first) ? first : 'en';
}

function toItem(event: TimelineEvent): TimelineItemDto {
  return {
    id: event.id,
    kind: event.kind as TimelineKind,
    occurredAt: new Date(event.at).toISOString(),
    title: event.title,
    details: event.details as TimelineItemDto['details'],
  };
}

/**
 * One customer's timeline: each selected source returns its newest `limit + 1` events before the cursor,
 * and the merge keeps the newest `limit + 1` overall. Any event on the next page is among those, so keyset
 * pages on (at, id) have no gaps or repeats, also for events at the same instant.
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly registry: TimelineRegistry,
  ) {}

  async page(
    workspaceId: string,
    externalId: string,
    query: TimelineQuery,
    principal: Principal,
    acceptLanguage?: string,
  ): Promise<TimelinePageDto> {
    const kinds = this.readable(this.kinds(query.kinds), principal, query.kinds !== undefined);
    const before = query.cursor ? decodeCursor(query.cursor) : null;
    const customer = await this.customers.findByExternalId(workspaceId, externalId);
    if (!customer) throw notFound('Customer');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const language = query.language ?? firstLanguage(acceptLanguage);
    const batches = await Promise.all(
      kinds.map((kind) => this.registry.get(kind)!.fetch({ workspaceId, customer, before, limit: limit + 1, language })),
    );
    const events = batches
      .flat()
      .sort(compareEvents)
      .slice(0, limit + 1);
    const items = events.slice(0, limit);
    return {
      items: items.map(toItem),
      nextCursor: events.length > limit ? encodeCursor(items[items.length - 1]) : null,
    };
  }

  /**
   * People see every kind (roles cover all reads). A token sees a kind only with that kind's own read scope:
   * kinds it asked for by name are refused with the scope it lacks; left to the default, they are left out.
   */
  private readable(kinds: string[], principal: Principal, askedByName: boolean): string[] {
    if (principal.kind !== 'token') return kinds;
    const allowed = (kind: string) => principal.scopes.includes(this.registry.get(kind)!.scope);
    const refused = kinds.filter((kind) => !allowed(kind));
    if (askedByName && refused.length > 0) {
      const needs = refused.map((kind) => `${kind} needs ${this.registry.get(kind)!.scope}`).join(', ');
      throw forbidden(`This API token may not read these timeline kinds: ${needs}`);
    }
    return kinds.filter(allowed);
  }

  /** The kinds asked for (all when none), refusing unknown ones by name. */
  private kinds(list: string | undefined): string[] {
    const known = this.registry.kinds();
    if (list === undefined) return known;
    const wanted = [
      ...new Set(
        list
          .split(',')
          .map((kind) => kind.trim())
          .filter(Boolean),
      ),
    ];
    const unknown = wanted.filter((kind) => !known.includes(kind));
    if (wanted.length === 0 || unknown.length > 0) {
      const message =
        wanted.length === 0
          ? `kinds must list at least one of: ${known.join(', ')}`
          : `unknown kinds: ${unknown.join(', ')} (known: ${known.join(', ')})`;
      throw validationError([{ field: 'kinds', message }]);
    }
    return wanted;
  }
}
