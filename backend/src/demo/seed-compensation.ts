import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompensationBudgetsService } from '../compensation/compensation-budgets.service';
import { CompensationService, type GrantInput, type GrantOutcome } from '../compensation/compensation.service';
import type { CompensationKind } from '../common/recovery/compensation-lookup.port';
import { type DemoCompensationCase, DemoCompensationRepository } from './demo-compensation.repository';
import { LANGUAGE_WEIGHTS, type StoryLanguage } from './names';
import { Prng } from './prng';
import type { Progress } from './progress';
import type { DemoTeam } from './seed-team';
import { DAY_MS, type StoryClock } from './story';

const HOUR = 3600_000;
/** How far back the story's compensation goes (the report's default range and the ledger's last months). */
const HISTORY_DAYS = 150;
const GRANTS = 25;

type Reason = { kind: CompensationKind; amounts: string[]; text: Record<StoryLanguage, string> };
const r = (kind: CompensationKind, amounts: string[], ru: string, en: string, bg: string): Reason => ({
  kind,
  amounts,
  text: { ru, en, bg },
});

/** What each touchpoint's people typically give, how much (RUB) and why. */
const REASONS: Record<string, Reason[]> = {
  courier: [
    r(
      'refund',
      ['390', '590'],
      'Курьер опоздал на три часа — вернули стоимость доставки',
      'The courier was three hours late: delivery fee refunded',
      'Куриерът закъсня с три часа — върнахме цената на доставката',
    ),
    r(
      'discount',
      ['500', '700'],
      'Доставку переносили дважды — скидка на следующий заказ',
      'Delivery moved twice: discount on the next order',
      'Доставката беше местена два пъти — отстъпка за следващата поръчка',
    ),
  ],
  box: [
    r(
      'refund',
      ['890', '1290'],
      'Повреждённый набор, продукты испорчены — возврат за набор',
      'Damaged box, spoiled food: the box refunded',
      'Повреден комплект, развалени продукти — върнахме сумата',
    ),
    r(
      'gift',
      ['450'],
      'Не хватало соуса в наборе — десерт в подарок',
      'A sauce was missing from the box: a dessert as a gift',
      'Липсваше сос в комплекта — десерт подарък',
    ),
  ],
  subscription: [
    r(
      'free_service',
      ['1490'],
      'Списали за неделю на паузе — следующая неделя бесплатно',
      'Charged during a pause: next week free',
      'Таксувахме по време на пауза — следващата седмица безплатно',
    ),
    r(
      'bonus',
      ['300', '500'],
      'Долго не могли перенести паузу — бонусы на счёт',
      'The pause took long to move: bonus points',
      'Дълго не можахме да преместим паузата — бонус точки',
    ),
  ],
  checkout: [
    r(
      'refund',
      ['1990', '2490'],
      'Двойное списание при оплате — вернули вторую оплату',
      'Charged twice at checkout: the second charge refunded',
      'Двойно плащане — върнахме второто',
    ),
  ],
  support: [
    r(
      'bonus',
      ['300', '500'],
      'Долго ждали ответа поддержки — бонусы в извинение',
      'Waited long for support: bonus points as an apology',
      'Дълго чакане на поддръжката — бонус точки за извинение',
    ),
    r(
      'discount',
      ['600'],
      'Ошиблись в составе заказа — скидка на следующий',
      'We got the order wrong: discount on the next one',
      'Сбъркахме поръчката — отстъпка за следващата',
    ),
  ],
};
const DEFAULT_REASONS = REASONS.support;

/**
 * Grants compensation in the demo as a person would (the same rules and webhook), at a moment of the story: the
 * public-answer seed can use it too. `CompensationService.grant(workspaceId, actor, caseId, input, { now })` is the
 * public call; this adds the story's clock.
 */
export function grantInStory(
  app: INestApplicationContext,
  workspaceId: string,
  userId: string,
  caseId: string,
  input: GrantInput,
  at: Date,
): Promise<GrantOutcome> {
  return app.get(CompensationService, { strict: false }).grant(workspaceId, { kind: 'user', userId }, caseId, input, { now: at });
}

/**
 * Compensation in the demo: budgets (owners 5,000 ₽ a month, analysts 15,000, admins 30,000; Maria of support 8,000
 * of her own), about 25 grants on real cases over the last five months (refunds, discounts, bonuses, gifts, free
 * weeks) approved within budget, one approved over budget by the admin, one rejected and one recent one over budget
 * waiting for the admin. The report then shows which compensated customers stayed and what they bought since.
 */
export async function seedCompensation(
  app: INestApplicationContext,
  workspaceId: string,
  team: DemoTeam,
  seed: number,
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const rng = new Prng(seed).fork('compensation');
  const budgets = app.get(CompensationBudgetsService, { strict: false });
  const compensation = app.get(CompensationService, { strict: false });
  await budgets.save(
    workspaceId,
    [
      { role: 'admin', amount: '30000.00', currency: 'RUB', period: 'month' },
      { role: 'analyst', amount: '15000.00', currency: 'RUB', period: 'month' },
      { role: 'owner', amount: '5000.00', currency: 'RUB', period: 'month' },
      { userId: team.members.support, amount: '8000.00', currency: 'RUB', period: 'month' },
    ],
    team.adminId,
  );

  const now = clock.now.getTime();
  const keyOf = new Map(Object.entries(team.touchpoints).map(([key, tp]) => [tp.id, key]));
  const members = new Set(Object.values(team.members));
  const candidates = await new DemoCompensationRepository(app.get(DataSource)).cases(
    workspaceId,
    new Date(now - HISTORY_DAYS * DAY_MS),
    new Date(now - 2 * HOUR),
  );
  // The three newest cases are the admin's decisions of the last days; the others spread over the months, one grant each.
  const special = candidates.slice(-3);
  const spread = candidates.slice(0, -3);
  const step = Math.max(1, Math.floor(spread.length / GRANTS));
  const even = spread.filter((_, i) => i % step === 0).slice(-GRANTS);
  // Compensation does not keep everyone: a few of the customers compensated were lost within 90 days anyway.
  const lost = spread.filter((c) => c.lostLater && !even.includes(c)).slice(-3);
  const chosen = [...even.slice(lost.length), ...lost].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  let approved = 0;
  let pending = 0;
  for (const c of chosen) {
    const reasons = REASONS[keyOf.get(c.touchpointId) ?? ''] ?? DEFAULT_REASONS;
    const reason = rng.pick(reasons);
    const granter = c.ownerId && members.has(c.ownerId) ? c.ownerId : team.members.cx;
    const at = new Date(Math.min(c.openedAt.getTime() + rng.int(2, 30) * HOUR, now - HOUR));
    const outcome = await grantInStory(
      app,
      workspaceId,
      granter,
      c.id,
      { kind: reason.kind, amount: rng.pick(reason.amounts), currency: 'RUB', reason: reason.text[rng.weighted(LANGUAGE_WEIGHTS)] },
      at,
    );
    if (outcome.grant.status === 'approved') approved += 1;
    else pending += 1;
  }

  // The admin's decisions of the last days: one over budget approved, one rejected, one left waiting.
  const big = (c: DemoCompensationCase | undefined, amount: string, text: string, kind: CompensationKind) => {
    if (!c) return null;
    // A day or three ago, never before the case opened.
    const at = new Date(Math.min(Math.max(c.openedAt.getTime() + 2 * HOUR, now - rng.int(1, 3) * DAY_MS), now - HOUR));
    return grantInStory(app, workspaceId, team.members.delivery, c.id, { kind, amount, currency: 'RUB', reason: text }, at);
  };
  const over = await big(special[0], '6500.00', 'Сорвали доставку на юбилей клиента — возврат за весь заказ', 'refund');
  if (over?.grant.status === 'pending')
    await compensation.decide(workspaceId, team.adminId, over.grant.id, 'approved', 'Согласовано: постоянный клиент, 3 года с нами');
  const rejected = await big(special[1], '5200.00', 'Клиент просит компенсацию за задержку на 15 минут', 'free_service');
  if (rejected?.grant.status === 'pending')
    await compensation.decide(
      workspaceId,
      team.adminId,
      rejected.grant.id,
      'rejected',
      'Опоздание в пределах окна доставки — достаточно извинения',
    );
  const waiting = await big(
    special[2],
    '7000.00',
    'Третий раз подряд привезли не тот набор — вернуть стоимость месячной подписки',
    'refund',
  );
  progress.note(
    `compensation: budgets per role and one per member, ${approved} grants approved within budget, ${pending} over it, ` +
      `one approved and one rejected by the admin, ${waiting?.grant.status === 'pending' ? 'one' : 'no'} grant waiting for approval`,
  );
}
