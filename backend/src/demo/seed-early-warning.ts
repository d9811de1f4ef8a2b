import type { INestApplicationContext } from '@nestjs/common';
import { EarlyWarningRulesService } from '../early-warning/early-warning-rules.service';
import { EarlyWarningService } from '../early-warning/early-warning.service';
import type { Progress } from './progress';
import type { DemoTeam } from './seed-team';
import { DAY_MS, type StoryClock } from './story';

/** The replay starts this long into the story: before that nobody has enough orders for a rhythm. */
const WARM_UP_DAYS = 56;

/**
 * Early warnings over the story: the rules a retention team would keep (cases on the subscription touchpoint, a
 * survey moment), the warnings the weekly scan would have raised and cleared over the year (replayed from the
 * customers' activity, so the history matches what the scan sees), then a scan of today, which raises the warnings that
 * hold now with their "at risk" cases, owned by the customer's account manager when they have one.
 */
export async function seedEarlyWarning(
  app: INestApplicationContext,
  workspaceId: string,
  adminId: string,
  team: DemoTeam,
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const rules = app.get(EarlyWarningRulesService);
  const warnings = app.get(EarlyWarningService);
  await rules.update(
    workspaceId,
    {
      rhythmEnabled: true,
      rhythmFactor: 2,
      rhythmMinOrders: 3,
      paymentsEnabled: true,
      paymentGraceDays: 7,
      usageEnabled: true,
      usageEvent: 'login',
      // Logins are a noisy stream: a month of one or two a week halves by chance now and then, so the team asks
      // for a steeper drop from customers who logged in more than a handful of times.
      usageDropPercent: 70,
      usageMinEvents: 6,
      rfmEnabled: true,
      // Only the valuable customers who stopped buying ("can't lose them"): "at risk" is a quarter of the base.
      rfmGroups: ['cant_lose'],
      touchpointId: team.touchpoints.subscription?.id ?? null,
      surveyMoment: 'at_risk',
    },
    adminId,
  );
  // History up to a week ago; the last week is today's scan (with its cases, webhooks and moments).
  const to = new Date(clock.now.getTime() - 7 * DAY_MS);
  const replayed = await warnings.replay(workspaceId, { from: new Date(clock.start + WARM_UP_DAYS * DAY_MS), to });
  // Only the warnings that ended are history; those still holding are raised by today's scan with a fresh case (a case
  // opened months ago from a replayed warning would sit in the inbox as a months-long SLA breach nobody caused).
  const history = replayed.filter((w) => w.clearedAt);
  await warnings.saveHistory(workspaceId, history);
  const today = await warnings.scan(workspaceId, clock.now);
  progress.note(`early warnings: ${history.length} over the story, ${today.raised} open now with their cases`);
}
