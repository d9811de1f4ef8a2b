import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WinBackNoticeService } from '../win-back/win-back-notice.service';
import { WinBackTrackingService } from '../win-back/win-back-tracking.service';
import { WinBackService } from '../win-back/win-back.service';
import { defaultNotice } from '../win-back/notice-template';
import { DemoWinBackRepository } from './demo-win-back.repository';
import { Prng } from './prng';
import type { Progress } from './progress';
import type { DemoTeam } from './seed-team';
import { APP_CRASH_DAYS_AGO, COURIER_FIXED_DAY, DAY_MS, type StoryClock } from './story';

const WHAT_CHANGED = 'Switched to a second courier in Sofia and Plovdiv; delivery promise now 2 days';
/** Share of the told customers who order again in the weeks after the notice. */
const RETURN_SHARE = 0.3;
const ANSWER_SHARE = 0.15;

const ANSWERS: Record<string, string[]> = {
  ru: ['Спасибо, что сообщили! Попробую снова.', 'Хорошо, посмотрим, как будет с доставкой.', 'Наконец-то. Верну подписку.'],
  en: ['Thanks for letting me know, I will give it another go.', 'Good to hear. Let us see how the deliveries go.'],
  bg: ['Благодаря, че ми казахте! Ще опитам отново.', 'Добре, да видим как ще е с доставката.'],
};

/**
 * The win-back story: the courier partner's missed delivery windows (months 8–10) were fixed in the middle of month 10
 * (COURIER_FIXED_DAY, when the story's late-delivery complaints stop). The clusters are built after the story, so the
 * fix is recorded on the churn reason the story's courier cancellations give ("poor service"); its customers (who
 * cancelled with it, or whose case names it) were told two days later, some answered, about 30 % ordered again.
 * The checkout crash of the last weeks is an open known issue with the cases that show it.
 */
export async function seedWinBack(
  app: INestApplicationContext,
  workspaceId: string,
  team: DemoTeam,
  seed: number,
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const rng = new Prng(seed + 19);
  const demo = new DemoWinBackRepository(app.get(DataSource));
  const winBack = app.get(WinBackService);
  const fixedAt = clock.at(COURIER_FIXED_DAY);

  const { row: courier } = await winBack.create(
    workspaceId,
    team.adminId,
    { kind: 'churn_reason', churnReasonKey: 'poor_service', title: 'Late courier deliveries' },
    'en',
  );
  const courierTouchpoint = team.touchpoints.courier?.id;
  const fixed = await winBack.fix(workspaceId, courier.id, team.adminId, {
    whatChanged: WHAT_CHANGED,
    fixedAt: fixedAt.toISOString(),
    ...(courierTouchpoint ? { touchpointId: courierTouchpoint } : {}),
  });

  const template = defaultNotice('en');
  await app.get(WinBackNoticeService).notify(workspaceId, courier.id, team.adminId, { ...template, language: 'en' });
  const toldAt = new Date(fixedAt.getTime() + 2 * DAY_MS);
  const told = await demo.dateNotices(workspaceId, courier.id, toldAt);

  const answers: { customerExternalId: string; text: string; at: Date }[] = [];
  const orders: { customerExternalId: string; eventId: string; amount: number; at: Date }[] = [];
  const latest = clock.now.getTime() - DAY_MS;
  for (const person of told) {
    if (rng.chance(ANSWER_SHARE)) {
      const texts = ANSWERS[person.language] ?? ANSWERS.ru;
      answers.push({
        customerExternalId: person.customerExternalId,
        text: rng.pick(texts),
        at: new Date(toldAt.getTime() + rng.int(2, 96) * 3600_000),
      });
    }
    if (rng.chance(RETURN_SHARE)) {
      // The first order a few days to a few weeks after the notice, then a couple more of a weekly box.
      let at = toldAt.getTime() + rng.int(3, 28) * DAY_MS;
      for (let n = 0; n < rng.int(1, 4) && at < latest; n++, at += rng.int(6, 9) * DAY_MS)
        orders.push({
          customerExternalId: person.customerExternalId,
          eventId: `winback-${courier.id}-${person.customerExternalId}-${n}`,
          amount: rng.int(2400, 4600),
          at: new Date(at),
        });
    }
  }
  await demo.insertAnswers(workspaceId, answers);
  await demo.insertOrders(workspaceId, orders);
  const tracked = await app.get(WinBackTrackingService).track(workspaceId, courier.id);

  // The open problem of the last weeks: the checkout crash, with the cases that show it.
  const { row: crash } = await winBack.create(
    workspaceId,
    team.adminId,
    { kind: 'known_issue', title: 'Checkout crashes in the app after the latest release' },
    'en',
  );
  const cases = await demo.recentCases(workspaceId, clock.at(365 - APP_CRASH_DAYS_AGO), 5);
  for (const caseId of cases) await winBack.setRootCause(workspaceId, caseId, crash.id, team.adminId);

  progress.note(
    `win-back: courier fix with ${fixed.affectedCount ?? 0} affected, ${told.length} told, ${tracked.answered} answered, ${tracked.returned} came back; open known issue with ${cases.length} cases`,
  );
}
