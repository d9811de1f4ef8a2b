import type { INestApplicationContext } from '@nestjs/common';
import type { SurveyContactChannel } from '../common/contact/contact-gate.port';
import { ContactGuardService } from '../contact-policy/contact-guard.service';
import { ContactPolicyService } from '../contact-policy/contact-policy.service';
import { ContactPolicyViews } from '../contact-policy/contact-policy.views';
import type { PlannedCustomer, SurveyKey } from './plan';
import { Prng } from './prng';
import type { Progress } from './progress';
import type { DemoSurvey } from './seed-surveys';
import { DAY_MS, type StoryClock } from './story';

/** How many customers a survey asked in the last weeks of the story (so profiles show "last asked" and the cap bites). */
const ASKED = 60;
const CHANNELS: SurveyContactChannel[] = ['widget', 'widget', 'email', 'link'];

/**
 * The contact policy of the story: saved by the admin (ask at most once a month; the guard holds marketing and
 * surveys during an open complaint, 30 days after a cancellation and 14 after a breached SLA), the recent survey asks
 * of active customers, and the guard's state computed once, so customers with an open complaint or a fresh
 * cancellation show it on their profile and in the contact-guard API from the start.
 */
export async function seedContactPolicy(
  app: INestApplicationContext,
  workspaceId: string,
  adminId: string,
  customers: PlannedCustomer[],
  surveys: Record<SurveyKey, DemoSurvey>,
  seed: number,
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  // Through the same path as the Settings tab.
  const settings = { frequencyDays: 30, guardEnabled: true, guardOpenComplaints: true, cancellationDays: 30, slaBreachDays: 14 };
  await app.get(ContactPolicyViews, { strict: false }).saveSettings(workspaceId, settings, adminId);

  const rng = new Prng(seed).fork('contact-policy');
  const policy = app.get(ContactPolicyService, { strict: false });
  const nowDay = clock.dayOf(clock.now);
  const active = customers.filter((c) => c.leftDay === null && c.surveyConsent && c.lastSeenDay > nowDay - 45);
  const asked = active.filter((_, i) => i % Math.max(1, Math.floor(active.length / ASKED)) === 0).slice(0, ASKED);
  for (const customer of asked) {
    const survey = surveys[rng.pick(['nps', 'csat', 'ces'] as const)];
    // Spread over the last 45 days: about two thirds inside the 30-day window, so their next survey waits.
    const at = new Date(clock.now.getTime() - rng.int(1, 45) * DAY_MS - rng.int(0, 86_399) * 1000);
    await policy.recordSurveyContact(workspaceId, customer.externalId, { surveyId: survey.id, channel: rng.pick(CHANNELS), at });
  }
  const { started } = await app.get(ContactGuardService, { strict: false }).syncWorkspace(workspaceId, clock.now);
  progress.note(`contact policy saved, ${asked.length} recent survey asks, ${started} customers under the communication guard`);
}
