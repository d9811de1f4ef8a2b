import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RfmService } from '../customers/activity';
import { DemoActivityRepository, type HistoryActivity } from './demo-activity.repository';
import { mrrOn, type PlannedCustomer, type Segment } from './plan';
import { Prng } from './prng';
import type { Progress } from './progress';
import { STORY_DAYS, type StoryClock } from './story';

/** Days between boxes for a usual customer of the segment (each customer keeps a rhythm of their own around it). */
const RHYTHM_DAYS: Record<Segment, number> = { families: 7, offices: 7, couples: 9, singles: 12 };
/** App logins per week while a customer is active. */
const LOGINS_PER_WEEK: Record<Segment, number> = { families: 1.3, offices: 2, couples: 1.1, singles: 0.8 };
/** Leavers who slow down first: their boxes come this much further apart and their logins fade, weeks before they go. */
const SLOWING_SHARE = 0.65;
const SLOWING_FACTOR = 2.2;
const SLOWING_LOGINS = 0.3;

/** An event of the plan, on a story day. */
export type PlannedActivity = Omit<HistoryActivity, 'occurredAt'> & { day: number };

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Each customer's orders (boxes), monthly payments and app logins over the story, consistent with the plan: a rhythm
 * of their own by segment, orders from the day they joined, nothing after they left or went quiet, and most leavers
 * slowing down (boxes further apart, fewer logins) one to two and a half months before. Trials order once.
 */
export function planActivity(customers: readonly PlannedCustomer[], seed: number): PlannedActivity[] {
  const root = new Prng(seed).fork('activity');
  const events: PlannedActivity[] = [];
  for (const c of customers) {
    const rng = root.fork(c.externalId);
    const end = Math.min(c.leftDay ?? Infinity, c.quietFromDay ?? Infinity, STORY_DAYS - 0.01);
    const leaves = c.leftDay !== null || c.quietFromDay !== null;
    const slowFrom = leaves && rng.chance(SLOWING_SHARE) ? end - rng.int(30, 75) : Infinity;
    const usual = RHYTHM_DAYS[c.segment] * (0.8 + 0.5 * rng.next());
    const push = (kind: HistoryActivity['kind'], n: number, day: number, amount: number | null) =>
      events.push({ customerExternalId: c.externalId, eventId: `${c.externalId}-${kind}-${n}`, kind, amount, day });

    // Orders: one box per interval, paid for the days it covers.
    let orders = 0;
    for (let day = c.firstSeenDay + rng.next(); day < end;) {
      push('order', orders++, day, round2(((mrrOn(c, day) * usual) / 30) * (0.92 + 0.16 * rng.next())));
      if (c.trial) break;
      day += usual * (0.75 + 0.5 * rng.next()) * (day >= slowFrom ? SLOWING_FACTOR : 1);
    }
    if (c.trial) continue;
    // The subscription's monthly charge, within the story's year.
    let payments = 0;
    for (let day = Math.max(c.firstSeenDay, rng.next() * 30); day < end; day += 30) push('payment', payments++, day, mrrOn(c, day));
    // App logins: a Poisson stream, fading for those who slow down.
    let logins = 0;
    for (let day = Math.max(c.firstSeenDay, 0); ;) {
      const rate = (LOGINS_PER_WEEK[c.segment] / 7) * (day >= slowFrom ? SLOWING_LOGINS : 1);
      day += -Math.log(1 - rng.next()) / rate;
      if (day >= end) break;
      push('login', logins++, day, null);
    }
  }
  return events;
}

/** The activity history, stored set-based, the customers' counters from it, then RFM scored as of the story's end. */
export async function seedActivity(
  app: INestApplicationContext,
  workspaceId: string,
  customers: readonly PlannedCustomer[],
  seed: number,
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const planned = planActivity(customers, seed).map(({ day, ...event }) => ({ ...event, occurredAt: clock.at(day) }));
  const repository = new DemoActivityRepository(app.get(DataSource));
  await repository.insert(workspaceId, planned);
  await repository.recountCustomers(workspaceId);
  const scored = await app.get(RfmService).score(workspaceId, clock.now);
  progress.note(`${planned.length} activity events (orders, payments, logins), RFM for ${scored} customers`);
}
