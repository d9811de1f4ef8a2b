import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { referenceMentionStats } from '../support/mentions-reference';

/**
 * Issue 20: mentions/stats reads its per-source, per-language and copy figures in one pass (GROUPING SETS). On random
 * mentions (several seeds, time zones, intervals and source filters) it must give exactly the DTO of the four queries.
 */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;

function prng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** Replaces the workspace's mentions: originals and copies, answered or not, with and without reach. */
async function seedRandom(seed: number): Promise<void> {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const db = t.app.get(DataSource);
  await db.query(`DELETE FROM mentions WHERE workspace_id = $1`, [admin.workspaceId]);
  const start = Date.parse('2026-09-01T00:00:00Z');
  const mentions = Array.from({ length: 900 }, (_, i) => {
    const posted = new Date(start + rnd() * 75 * 86_400_000).toISOString();
    return {
      externalId: `s${seed}-${i}`,
      // A source with copies only ("mirror") must not show up as a source.
      source: i % 10 === 9 ? 'mirror' : pick(['twitter', 'vk', 'reviews', 'forum']),
      language: pick(['ru', 'en', 'bg']),
      sentiment: pick([-1, -1, 0, 1]),
      posted,
      reach: rnd() < 0.3 ? null : Math.floor(rnd() * 10_000),
      answered: rnd() < 0.3 ? posted : null,
    };
  });
  const ids: { id: string }[] = await db.query(
    `INSERT INTO mentions (workspace_id, source, external_id, text, language, sentiment, posted_at, reach, channel, answered_at)
     SELECT $1, s, e, 'Mention ' || e, l, se, p, r, 'api', a
       FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::int[], $8::timestamptz[]) WITH ORDINALITY AS x(s, e, l, se, p, r, a, n)
      ORDER BY n RETURNING id`,
    [
      admin.workspaceId,
      mentions.map((m) => m.source),
      mentions.map((m) => m.externalId),
      mentions.map((m) => m.language),
      mentions.map((m) => m.sentiment),
      mentions.map((m) => m.posted),
      mentions.map((m) => m.reach),
      mentions.map((m) => m.answered),
    ],
  );
  // Every "mirror" mention and a few others are copies of the mention before them.
  const copies = mentions.flatMap((m, i) => (i > 0 && (m.source === 'mirror' || rnd() < 0.05) ? [[ids[i].id, ids[i - 1].id]] : []));
  await db.query(
    `UPDATE mentions m SET duplicate_of = x.o, duplicate_kind = 'exact' FROM unnest($2::uuid[], $3::uuid[]) AS x(c, o)
      WHERE m.workspace_id = $1 AND m.id = x.c`,
    [admin.workspaceId, copies.map((c) => c[0]), copies.map((c) => c[1])],
  );
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin('Mention stats in SQL');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
});
afterAll(() => t.close());

describe('mentions/stats in one pass', () => {
  it('gives the same figures as one query per figure', async () => {
    const cases = [
      { from: '2026-09-03T00:00:00Z', to: '2026-10-03T00:00:00Z', interval: 'day' as const },
      { from: '2026-08-20T00:00:00Z', to: '2026-11-20T05:00:00Z', interval: 'week' as const },
      { from: '2026-09-15T12:00:00Z', to: '2026-11-30T00:00:00Z', interval: 'month' as const },
    ];
    let compared = 0;
    for (const seed of [7, 8, 9]) {
      await seedRandom(seed);
      for (const timeZone of ['UTC', 'Europe/Moscow', 'Asia/Kolkata', 'America/Los_Angeles']) {
        for (const c of cases) {
          for (const source of [undefined, ['twitter', 'forum', 'mirror']]) {
            const qs = new URLSearchParams({
              from: c.from,
              to: c.to,
              interval: c.interval,
              timeZone,
              ...(source ? { source: source.join(',') } : {}),
            });
            const body = (await asAdmin.get(`${ws}/mentions/stats?${qs}`).expect(200)).body;
            expect(body).toEqual(await referenceMentionStats(t.app, admin.workspaceId, { ...c, timeZone, source }));
            expect(body.bySource.map((s: { source: string }) => s.source)).not.toContain('mirror');
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(3 * 4 * 3 * 2);
  }, 300_000);
});
