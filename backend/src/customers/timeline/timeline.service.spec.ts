import { describe, expect, it } from 'vitest';
import type { Principal } from '../../common/auth/principal';
import type { Scope } from '@otklik/survey-model';
import type { CustomerRow, CustomersRepository } from '../customers.repository';
import { scoreBand } from './score-band';
import { decodeCursor } from './timeline-cursor';
import { compareEvents, isBefore, type TimelineEvent, type TimelineFetch, type TimelineSource } from './timeline-source';
import { TimelineRegistry } from './timeline.registry';
import { firstLanguage, TimelineService } from './timeline.service';

const at = (second: number) => `2026-05-01T10:00:${String(second).padStart(2, '0')}.000000Z`;

/** A source over a fixed list that honours the TimelineSource contract. */
function listSource(kind: string, events: { id: string; second: number }[], scope: Scope = 'customers:read'): TimelineSource {
  const all: TimelineEvent[] = events.map((e) => ({ id: `${kind}:${e.id}`, kind, at: at(e.second), title: null, details: { kind } }));
  return {
    kind,
    scope,
    fetch: async ({ before, limit }: TimelineFetch) =>
      all
        .filter((e) => isBefore(e, before))
        .sort(compareEvents)
        .slice(0, limit),
  };
}

const customer = { id: 'c1', externalId: 'x' } as CustomerRow;
const customers = { findByExternalId: async (_ws: string, id: string) => (id === 'x' ? customer : null) } as unknown as CustomersRepository;

function service(): TimelineService {
  const registry = new TimelineRegistry([
    listSource('a', [
      { id: '1', second: 5 },
      { id: '2', second: 5 },
      { id: '3', second: 1 },
    ]),
    listSource(
      'b',
      [
        { id: '1', second: 5 },
        { id: '2', second: 3 },
        { id: '3', second: 9 },
      ],
      'cases:read',
    ),
  ]);
  return new TimelineService(customers, registry);
}

const person: Principal = { kind: 'user', userId: 'u', sessionId: 's', csrfToken: 't' };
const token = (...scopes: Scope[]): Principal => ({ kind: 'token', tokenId: 't', workspaceId: 'ws', scopes, creatorRole: 'admin' });

describe('TimelineService', () => {
  it('merges sources newest first, ties by id, and pages without gaps or repeats', async () => {
    const expected = ['b:3', 'b:1', 'a:2', 'a:1', 'b:2', 'a:3'];
    const full = await service().page('ws', 'x', { limit: 10 }, person);
    expect(full.items.map((i) => i.id)).toEqual(expected);
    expect(full.nextCursor).toBeNull();
    for (const limit of [1, 2, 4]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await service().page('ws', 'x', { limit, cursor }, person);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
  });

  it('refuses unknown kinds and an unknown customer', async () => {
    await expect(service().page('ws', 'x', { kinds: 'a,zzz' }, person)).rejects.toMatchObject({ status: 400 });
    await expect(service().page('ws', 'missing', {}, person)).rejects.toMatchObject({ status: 404 });
    expect((await service().page('ws', 'x', { kinds: 'b' }, person)).items.map((i) => i.id)).toEqual(['b:3', 'b:1', 'b:2']);
  });

  it('shows a token only the kinds its scopes may read: left out by default, refused when asked by name', async () => {
    const partial = await service().page('ws', 'x', { limit: 10 }, token('customers:read'));
    expect(partial.items.map((i) => i.id)).toEqual(['a:2', 'a:1', 'a:3']);
    await expect(service().page('ws', 'x', { kinds: 'a,b' }, token('customers:read'))).rejects.toMatchObject({ status: 403 });
    const full = await service().page('ws', 'x', { kinds: 'b' }, token('customers:read', 'cases:read'));
    expect(full.items.map((i) => i.id)).toEqual(['b:3', 'b:1', 'b:2']);
  });

  it('refuses a registered kind twice', () => {
    expect(() => new TimelineRegistry([listSource('a', []), listSource('a', [])])).toThrow(/twice/);
  });
});

describe('timeline helpers', () => {
  it('bands scores with the metrics thresholds', () => {
    expect([0, 6, 7, 8, 9, 10].map((s) => scoreBand('nps', s, 10))).toEqual([
      'negative',
      'negative',
      'neutral',
      'neutral',
      'positive',
      'positive',
    ]);
    expect([1, 2, 3, 4, 5].map((s) => scoreBand('csat', s, 5))).toEqual(['negative', 'negative', 'neutral', 'positive', 'positive']);
    expect([3, 4, 5].map((s) => scoreBand('ces', s, 7))).toEqual(['negative', 'neutral', 'positive']);
    expect([2, 3, 4].map((s) => scoreBand('ces', s, 5))).toEqual(['negative', 'neutral', 'positive']);
    expect(scoreBand('custom', 5, 5)).toBeNull();
    expect(scoreBand('nps', null, null)).toBeNull();
  });

  it('reads the first Accept-Language tag and rejects forged cursors', () => {
    expect(firstLanguage('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru-RU');
    expect(firstLanguage(undefined)).toBe('en');
    expect(firstLanguage('*')).toBe('en');
    expect(() => decodeCursor(Buffer.from('2026-01-01|x').toString('base64url'))).toThrow();
    expect(decodeCursor(Buffer.from(`${at(1)}|response:abc`).toString('base64url'))).toEqual({ at: at(1), id: 'response:abc' });
  });
});
