import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PublicIngestService } from '../surveys/public-ingest.service';
import { SurveysReader } from '../surveys/surveys.reader';
import { InvitationFanOutService, invitationResponseKey } from '../survey-invitations/invitation-fan-out.service';
import { PublicInvitationsService } from '../survey-invitations/public-invitations.service';
import { SurveyInvitationsJob } from '../survey-invitations/survey-invitations.job';
import { SurveySendsService } from '../survey-invitations/survey-sends.service';
import { DemoInvitationsRepository, type DemoRecipient } from './demo-invitations.repository';
import type { PlannedCustomer, SurveyKey } from './plan';
import { Prng } from './prng';
import type { Progress } from './progress';
import type { DemoSurvey } from './seed-surveys';
import { DAY_MS, type StoryClock } from './story';

const HOUR_MS = DAY_MS / 24;
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';

/** Follow-up comments by score band and language: what people write after clicking a score in the email. */
const COMMENTS: Record<'low' | 'mid' | 'high', Record<string, string[]>> = {
  low: {
    ru: ['Курьер опять опоздал на два часа', 'Подняли цену, а порции стали меньше', 'Не хватило сметаны в боксе'],
    en: ['The courier was late again', 'Prices went up and portions went down', 'Missing ingredients twice this month'],
    bg: ['Куриерът пак закъсня', 'Цената се вдигна, а порциите намаляха'],
  },
  mid: {
    ru: ['В целом хорошо, но хочется больше рецептов без мяса', 'Удобно, но упаковки слишком много'],
    en: ['Good overall, more vegetarian recipes please', 'Handy, but too much packaging'],
    bg: ['Като цяло добре, но искам повече вегетариански рецепти'],
  },
  high: {
    ru: ['Экономит кучу времени по вечерам', 'Свежие продукты и понятные рецепты', 'Дети сами выбирают ужин на неделю'],
    en: ['Saves us so much time on weeknights', 'Fresh produce and clear recipes'],
    bg: ['Спестява ни много време вечер', 'Пресни продукти и ясни рецепти'],
  },
};

/**
 * The story's email invitations, through the product's services: three weeks ago the relationship NPS went to every fifth
 * active customer (320 at most) with a reminder after three days (some skipped: no consent, the guard, asked lately; a few
 * bounced; about a third clicked a score, most of them finished the follow-up; five unsubscribed). This morning the
 * CES survey went to fifteen customers after support contacts (waiting in the outbox: the demo has no SMTP_URL), and a
 * CSAT send is scheduled for tomorrow morning. Story addresses are moved to example.net before anything is queued.
 */
export async function seedInvitations(
  app: INestApplicationContext,
  workspaceId: string,
  adminId: string,
  customers: PlannedCustomer[],
  surveys: Record<SurveyKey, DemoSurvey>,
  seed: number,
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const sends = app.get(SurveySendsService, { strict: false });
  const job = app.get(SurveyInvitationsJob, { strict: false });
  const repo = new DemoInvitationsRepository(app.get(DataSource));
  const rng = new Prng(seed ^ 0x1818);
  const active = customers.filter((c) => c.leftDay === null);
  if (active.length < 50) {
    progress.note('invitations skipped: the story is too small for them');
    return;
  }
  // The job compares with the database's clock, not the story's: "later" and "tomorrow" are real times.
  const later = new Date(Date.now() + HOUR_MS).toISOString();

  /** Makes a list send for later, moves its addresses to example.net, then lets the job send it now. */
  const sendNow = async (surveyKey: SurveyKey, list: string[], reminderDays: number) => {
    const { send } = await sends.create(
      workspaceId,
      surveys[surveyKey].id,
      { audience: 'list', list, reminderDays, scheduledAt: later },
      adminId,
    );
    await repo.safeAddresses(workspaceId, send.id);
    await repo.dueNow(workspaceId, send.id);
    await job.turn();
    return send.id;
  };

  // Three weeks ago: the relationship NPS to every fifth active customer.
  const npsList = active.filter((_, i) => i % 5 === 2).slice(0, 320);
  const npsSend = await sendNow(
    'nps',
    npsList.map((c) => c.externalId),
    3,
  );
  // 10:00 Moscow time, three weeks ago.
  const sentAt = new Date(clock.now.getTime() - 21 * DAY_MS);
  sentAt.setUTCHours(7, 0, 0, 0);
  await repo.sentAt(workspaceId, npsSend, sentAt, 3);
  const invited = (await repo.recipients(workspaceId, npsSend)).filter((r) => r.status === 'invited');
  await answerNps(app, workspaceId, surveys.nps.id, invited, sentAt, rng, repo, npsSend);
  progress.note(`invitations: the NPS send three weeks ago (${invited.length} invited)`);

  // This morning: the CES survey to customers a support agent helped this week.
  await sendNow(
    'ces',
    active
      .filter((_, i) => i % 7 === 5)
      .slice(0, 15)
      .map((c) => c.externalId),
    0,
  );
  // Tomorrow 10:00: CSAT after delivery to a batch of recent orders.
  const tomorrow = new Date(Math.max(clock.now.getTime(), Date.now()) + DAY_MS);
  tomorrow.setUTCHours(7, 0, 0, 0);
  const scheduled = await sends.create(
    workspaceId,
    surveys.csat.id,
    {
      audience: 'list',
      list: active
        .filter((_, i) => i % 11 === 4)
        .slice(0, 60)
        .map((c) => c.externalId),
      reminderDays: 2,
      scheduledAt: tomorrow.toISOString(),
    },
    adminId,
  );
  await repo.safeAddresses(workspaceId, scheduled.send.id);
  progress.note('invitations: a CES send in the outbox and a CSAT send scheduled for tomorrow');
}

/** About a third click a score (most on the first day, some after the reminder), most of them finish; five unsubscribe. */
async function answerNps(
  app: INestApplicationContext,
  workspaceId: string,
  surveyId: string,
  invited: DemoRecipient[],
  sentAt: Date,
  rng: Prng,
  repo: DemoInvitationsRepository,
  sendId: string,
): Promise<void> {
  const links = app.get(PublicInvitationsService, { strict: false });
  const ingest = app.get(PublicIngestService, { strict: false });
  const fanOut = app.get(InvitationFanOutService, { strict: false });
  const survey = (await app.get(SurveysReader, { strict: false }).findById(workspaceId, surveyId))!;
  const plan = invited.map((recipient) => {
    const clicks = rng.chance(0.36);
    // Before the reminder (day 3) most of those who answer do; the reminder brings the rest.
    const day = rng.chance(0.7) ? rng.next() * 1.5 : 3 + rng.next() * 2;
    const roll = rng.next();
    const score = roll < 0.24 ? rng.int(0, 6) : roll < 0.52 ? rng.int(7, 8) : rng.int(9, 10);
    return { recipient, clicks, day, score, finishes: rng.chance(0.74) };
  });
  for (const bounced of plan.filter((p) => !p.clicks).slice(0, 4)) await repo.bounced(workspaceId, bounced.recipient.id);
  const clickers = plan.filter((p) => p.clicks && p.recipient.customerExternalId);
  const seenBefore = await repo.lastSeen(
    workspaceId,
    clickers.map((p) => p.recipient.customerExternalId!),
  );

  const click = async (p: (typeof plan)[number]) => {
    await links.score(p.recipient.token, String(p.score), PHONE);
    let finishedAfter: number | null = null;
    if (p.finishes) {
      const key = invitationResponseKey(p.recipient.id);
      const band = p.score <= 6 ? 'low' : p.score <= 8 ? 'mid' : 'high';
      const comments = COMMENTS[band][p.recipient.language] ?? COMMENTS[band].en;
      const withComment = rng.chance(0.8);
      await ingest.submitResponse(
        survey.publicKey,
        {
          idempotencyKey: key,
          respondentId: key,
          language: p.recipient.language,
          answers: withComment ? { comment: rng.pick(comments) } : {},
          finished: true,
        },
        { userAgent: PHONE },
      );
      finishedAfter = rng.int(1, 4);
    }
    await repo.clickedAt(workspaceId, p.recipient.id, new Date(sentAt.getTime() + p.day * DAY_MS), finishedAfter);
  };

  for (const p of plan.filter((x) => x.clicks && x.day < 3)) await click(p);
  // Day 3: the one reminder to everyone who had not answered.
  while ((await fanOut.remindBatch()) > 0);
  await repo.remindedAt(workspaceId, sendId, new Date(sentAt.getTime() + 3 * DAY_MS));
  for (const p of plan.filter((x) => x.clicks && x.day >= 3)) await click(p);
  await repo.restoreLastSeen(
    workspaceId,
    seenBefore,
    new Map(clickers.map((p) => [p.recipient.customerExternalId!, new Date(sentAt.getTime() + p.day * DAY_MS)])),
  );
  for (const p of plan.filter((x) => !x.clicks).slice(10, 15)) {
    await links.unsubscribe(p.recipient.token, 'link');
    await repo.unsubscribedAt(workspaceId, p.recipient.id, new Date(sentAt.getTime() + (1 + rng.next() * 4) * DAY_MS));
  }
}
