import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HopReason } from '../cases/routing/routing-reasons';
import { type DemoCase, type DemoHop, DemoRoutingRepository } from './demo-routing.repository';
import { Prng } from './prng';
import type { Progress } from './progress';
import type { DemoTeam } from './seed-team';
import { DAY_MS, type StoryClock } from './story';

const HOUR = 3600 * 1000;

/**
 * Where a case of a touchpoint wrongly lands first: delivery and subscription questions at the support chat, support
 * requests in the social team, cancellations in subscription management. A second wrong stop for some.
 */
const WRONG_FIRST: Record<string, string[]> = {
  courier: ['support', 'box'],
  box: ['support', 'courier'],
  subscription: ['support', 'courier'],
  checkout: ['support', 'subscription'],
  support: ['social', 'checkout'],
  cancel: ['subscription', 'support'],
  social: ['support', 'box'],
  menu: ['support', 'box'],
  trial: ['support', 'menu'],
};

/**
 * Share of cases misrouted before this month and in it: the routing got better lately (a chat FAQ, new rules), so the
 * monthly chart slopes down. (The story's cases crowd into its last weeks, so months are the periods that show it.)
 */
const SHARE = { earlier: 0.22, thisMonth: 0.1 };
/** Share of cases that moved for another reason (a colleague away, workload, escalation). */
const OTHER_MOVE_SHARE = 0.06;

/**
 * Misrouting in the demo: rewrites the history of about one feedback case in seven (more of the older ones) so it first landed
 * at the wrong touchpoint or with the wrong person and was moved on, some twice or three times, and a few cases
 * moved for ordinary reasons. Runs after the cases, promises and audit seeds.
 */
export async function seedMisrouting(
  app: INestApplicationContext,
  workspaceId: string,
  team: DemoTeam,
  seed: number,
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const rng = new Prng(seed).fork('misrouting');
  const repository = new DemoRoutingRepository(app.get(DataSource));
  const now = clock.now;
  const keyOf = new Map(Object.entries(team.touchpoints).map(([key, tp]) => [tp.id, key]));
  const owners = await repository.owners(workspaceId);
  const ownerAt = (key: string) => owners.get(team.touchpoints[key]?.id ?? '')?.ownerId ?? null;
  const hops: DemoHop[] = [];
  let misrouted = 0;

  // A move at `at`, from where the case was to where it is now; hops end where the case actually is.
  const chain = (
    c: DemoCase,
    stops: { touchpointId: string | null; ownerId: string | null }[],
    reasons: HopReason[],
    lostHours: number,
  ) => {
    const span = Math.min(lostHours * HOUR, Math.max(0, c.settledAt.getTime() - c.openedAt.getTime() - 60_000));
    const places = [...stops, { touchpointId: c.touchpointId, ownerId: c.ownerId }];
    for (let i = 0; i + 1 < places.length; i += 1) {
      const at = new Date(c.openedAt.getTime() + (span * (i + 1)) / (places.length - 1));
      hops.push({
        caseId: c.id,
        hoppedAt: at,
        fromTouchpointId: places[i].touchpointId,
        toTouchpointId: places[i + 1].touchpointId,
        fromOwnerId: places[i].ownerId,
        toOwnerId: places[i + 1].ownerId,
        reason: reasons[i],
        actorId: places[i].ownerId ?? team.members.cx,
      });
    }
  };

  // Cases that were open long enough to move, and the share of those before this month and in it that was misrouted
  // (exactly, so a small story shows the trend too).
  const ageDays = (c: DemoCase) => (now.getTime() - c.openedAt.getTime()) / DAY_MS;
  const movable = (await repository.cases(workspaceId, now)).filter(
    (c) => keyOf.has(c.touchpointId ?? '') && c.settledAt.getTime() - c.openedAt.getTime() >= 20 * 60_000,
  );
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const wrong = new Set<string>();
  for (const [share, inPeriod] of [
    [SHARE.earlier, movable.filter((c) => c.openedAt.getTime() < monthStart)],
    [SHARE.thisMonth, movable.filter((c) => c.openedAt.getTime() >= monthStart)],
  ] as const) {
    const shuffled = inPeriod.map((c) => ({ c, order: rng.next() })).sort((a, b) => a.order - b.order);
    for (const { c } of shuffled.slice(0, Math.round(share * inPeriod.length))) wrong.add(c.id);
  }

  for (const c of movable) {
    const key = keyOf.get(c.touchpointId!)!;
    const age = ageDays(c);
    if (wrong.has(c.id)) {
      misrouted += 1;
      // Lost time shrinks with the months, as the team learns where things go.
      const lost = rng.int(1, age > 60 ? 9 : age > 30 ? 6 : 3) + rng.next();
      const [first, second] = WRONG_FIRST[key] ?? ['support', 'box'];
      const backup = owners.get(c.touchpointId!)?.backupOwnerId ?? null;
      const roll = rng.next();
      if (roll < 0.25 && backup && c.ownerId && backup !== c.ownerId) {
        // The right touchpoint, the wrong person (the backup took it while the owner was the one who knew).
        chain(c, [{ touchpointId: c.touchpointId, ownerId: backup }], ['wrong_owner'], lost);
      } else if (roll < 0.45 && team.touchpoints[second]) {
        const stops = [first, second].map((k) => ({ touchpointId: team.touchpoints[k].id, ownerId: ownerAt(k) }));
        chain(c, stops, ['wrong_touchpoint', 'wrong_touchpoint'], lost);
      } else if (roll < 0.52 && team.touchpoints[second] && backup) {
        // Three moves: two wrong touchpoints, then the backup before the owner came back.
        const stops = [
          ...[first, second].map((k) => ({ touchpointId: team.touchpoints[k].id, ownerId: ownerAt(k) })),
          { touchpointId: c.touchpointId, ownerId: backup },
        ];
        chain(c, stops, ['wrong_touchpoint', 'wrong_touchpoint', 'absence'], lost);
      } else {
        chain(c, [{ touchpointId: team.touchpoints[first].id, ownerId: ownerAt(first) }], ['wrong_touchpoint'], lost);
      }
    } else if (rng.chance(OTHER_MOVE_SHARE)) {
      const backup = owners.get(c.touchpointId!)?.backupOwnerId ?? null;
      if (backup && c.ownerId && backup !== c.ownerId)
        chain(
          c,
          [{ touchpointId: c.touchpointId, ownerId: backup }],
          [rng.pick(['absence', 'workload', 'escalation'] as const)],
          rng.int(2, 20),
        );
    }
  }
  await repository.store(workspaceId, hops);
  progress.note(`${misrouted} misrouted cases, ${hops.length} routing hops`);
}
