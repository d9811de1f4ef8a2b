import type { INestApplicationContext } from '@nestjs/common';
import { CaseBreachJob } from '../cases/case-breach.job';
import { type Actor, SYSTEM } from '../cases/case-actor';
import { cancellationTitle, lowScoreTitle, negativeMentionTitle } from '../cases/case-titles';
import { CasesService, type OpenCaseInput } from '../cases/cases.service';
import type { Theme } from './comments';
import type { DemoHistoryRepository } from './demo-history.repository';
import type { PlannedCancellation, PlannedResponse } from './plan';
import { Prng } from './prng';
import type { Progress } from './progress';
import type { DemoSurvey } from './seed-surveys';
import type { DemoTeam } from './seed-team';
import { DAY_MS, type DemoStory, type StoryClock } from './story';

type State = 'closed' | 'reopened' | 'breached' | 'waiting' | 'open';

const HOUR = 3600 * 1000;

/** What the team found and did, by the complaint's theme (or the cancellation's reason). */
const RESOLUTIONS: Partial<Record<Theme, { rootCause: string; action: string; churnReasonKey?: string }[]>> = {
  courier_delay: [
    {
      rootCause: 'Подрядчик по доставке не справлялся с объёмом в новых районах, окна срывались вечером.',
      action: 'Компенсировали стоимость бокса, район переведён на собственных курьеров.',
      churnReasonKey: 'poor_service',
    },
    {
      rootCause: 'Курьер не позвонил перед опозданием: нарушение регламента.',
      action: 'Извинились, вернули 20 % заказа, разбор с подрядчиком.',
      churnReasonKey: 'poor_service',
    },
  ],
  freshness: [
    {
      rootCause: 'Нарушение холодовой цепи на складе сборки (зелень хранилась без охлаждения).',
      action: 'Вернули деньги за продукт, проведён разбор со сменой склада.',
      churnReasonKey: 'product_quality',
    },
  ],
  missing_ingredient: [
    {
      rootCause: 'Ошибка сборки: товар не отсканирован на линии.',
      action: 'Довезли недостающее в тот же день, добавили контрольное взвешивание коробок.',
      churnReasonKey: 'product_quality',
    },
  ],
  price: [
    {
      rootCause: 'Клиент не согласен с новой ценой после подорожания.',
      action: 'Предложили тариф Lite и скидку 20 % на 3 месяца.',
      churnReasonKey: 'too_expensive',
    },
  ],
  app_crash: [
    {
      rootCause: 'Ошибка в релизе приложения 5.2: падение на шаге оплаты.',
      action: 'Оформили заказ вручную, хотфикс в работе, клиенту начислены бонусы.',
      churnReasonKey: 'technical_problems',
    },
  ],
  support_slow: [
    {
      rootCause: 'Не хватало операторов в вечернюю смену.',
      action: 'Извинились и вернули бонусы; вечерняя смена расширена.',
      churnReasonKey: 'poor_service',
    },
  ],
  portion_size: [
    {
      rootCause: 'Ожидания по размеру порций: клиент на тарифе для двоих готовит на троих.',
      action: 'Помогли перейти на семейный тариф со скидкой на первый месяц.',
      churnReasonKey: 'product_quality',
    },
  ],
  recipe_variety: [
    {
      rootCause: 'Повторы в меню: одни и те же блюда три недели подряд.',
      action: 'Передали в продукт; клиенту открыт ранний доступ к новому меню.',
      churnReasonKey: 'missing_features',
    },
  ],
  packaging_waste: [
    {
      rootCause: 'Избыточная упаковка мелких ингредиентов.',
      action: 'Рассказали о возврате коробок и хладоэлементов курьеру; идея передана в продукт.',
      churnReasonKey: 'other',
    },
  ],
};
/** The resolution of a case whose feedback names no theme (the public-answer story publishes no findings for it). */
export const FALLBACK = {
  rootCause: 'Личные обстоятельства клиента, сервис ни при чём.',
  action: 'Поблагодарили, предложили паузу вместо отмены.',
  churnReasonKey: 'not_using',
};

const REASON_THEME: Record<string, Theme> = {
  too_expensive: 'price',
  competitor_offer: 'price',
  poor_service: 'courier_delay',
  product_quality: 'freshness',
  technical_problems: 'app_crash',
  missing_features: 'recipe_variety',
};

const AGENT_REPLIES = {
  ru: [
    'Здравствуйте! Очень жаль, что так вышло. Уже разбираемся, вернусь с ответом сегодня.',
    'Добрый день! Вернули стоимость продуктов на карту. Подскажите, удобно ли окно доставки на следующей неделе?',
    'Спасибо, что написали. Передали в службу доставки, компенсацию начислили бонусами.',
  ],
  en: [
    'Hi! So sorry about this. We are on it and will get back to you today.',
    'Hello! We refunded the items to your card. Does the same delivery window work next week?',
  ],
  bg: ['Здравейте! Съжаляваме. Проверяваме и ще ви отговорим днес.', 'Здравейте! Върнахме сумата за продуктите.'],
};
const CUSTOMER_REPLIES = {
  ru: ['Спасибо, деньги пришли.', 'Да, окно подходит. Надеюсь, в этот раз привезут вовремя.', 'Ок, жду.'],
  en: ['Thanks, got the refund.', 'Yes, that window works. Hope it arrives on time this time.'],
  bg: ['Благодаря, получих парите.', 'Да, удобно ми е.'],
};

interface CaseSource {
  input: OpenCaseInput;
  theme: Theme | null;
  language: 'ru' | 'en' | 'bg';
  /** The churn reason to close with when the customer left (required then). */
  churnReasonKey: string | null;
}

interface Op {
  /** When the case opened: cases are replayed one after the other, oldest first. */
  caseAt: number;
  /** This step stops a timer: the breach check runs at its moment first, so a late answer counts as a breach. */
  stopsTimer?: boolean;
  at: Date;
  order: number;
  run: () => Promise<unknown>;
}

/**
 * Cases opened from the story's own feedback through the case service (routing, priority, SLA timers), then worked:
 * replies, waiting on the customer, closing with root causes, follow-ups that reopen. Every step is replayed in time
 * order with its own moment, the SLA breach check runs at each of them, and the audit trail is stamped to match.
 */
export async function seedCases(
  app: INestApplicationContext,
  workspaceId: string,
  team: DemoTeam,
  surveys: Record<string, DemoSurvey>,
  responses: PlannedResponse[],
  cancellations: PlannedCancellation[],
  story: DemoStory,
  clock: StoryClock,
  history: DemoHistoryRepository,
  progress: Progress,
): Promise<void> {
  const rng = new Prng(story.seed).fork('cases');
  const now = clock.now.getTime();
  const cases = app.get(CasesService);
  const breach = app.get(CaseBreachJob);
  const touchpointByName = new Map(Object.values(team.touchpoints).map((t) => [t.name, t.id]));

  // Candidates, newest first: detractors and low scores with a comment, cancellations, negative mentions.
  const lowResponses = responses
    .filter(
      (r) =>
        r.comment &&
        clock.at(r.day).getTime() > now - 95 * DAY_MS &&
        ((r.survey === 'nps' && r.score <= 6) || (r.survey === 'csat' && r.score <= 2) || (r.survey === 'ces' && r.score <= 3)),
    )
    .reverse();
  const lost = cancellations.filter((x) => !x.saved && clock.at(x.day).getTime() > now - 95 * DAY_MS).reverse();
  const mentions = await history.negativeOriginalMentions(workspaceId, new Date(now - 30 * DAY_MS));

  const sources: CaseSource[] = [];
  const n = story.cases;
  for (let i = 0; sources.length < Math.round(n * 0.62) && i < lowResponses.length; i += 1 + rng.int(0, 3)) {
    const r = lowResponses[i];
    const survey = surveys[r.survey];
    const scale = r.survey === 'nps' ? 10 : r.survey === 'csat' ? 5 : 7;
    sources.push({
      theme: r.theme,
      language: r.language,
      churnReasonKey: r.customer.leftDay !== null ? (RESOLUTIONS[r.theme]?.[0].churnReasonKey ?? 'other') : null,
      input: {
        source: 'response',
        sourceId: r.id,
        ...lowScoreTitle(r.survey, r.score, scale, survey.name),
        description: r.comment ?? '',
        customerExternalId: r.customer.externalId,
        touchpointId: touchpointByName.get(survey.touchpointName) ?? null,
        openedAt: clock.at(r.day),
      },
    });
  }
  for (let i = 0; sources.length < Math.round(n * 0.87) && i < lost.length; i += 1 + rng.int(0, 2)) {
    const x = lost[i];
    sources.push({
      theme: REASON_THEME[x.reasonKey] ?? null,
      language: x.language,
      churnReasonKey: x.reasonKey,
      input: {
        source: 'cancellation',
        sourceId: x.id,
        ...cancellationTitle(x.reasonKey),
        description: [x.otherText, x.followUp].filter(Boolean).join('\n\n'),
        customerExternalId: x.customer.externalId,
        touchpointId: team.touchpoints.cancel.id,
        openedAt: clock.at(x.day),
      },
    });
  }
  for (let i = mentions.length - 1; sources.length < n && i >= 0; i -= 1 + rng.int(0, 4)) {
    const m = mentions[i];
    sources.push({
      theme: /курьер|courier|куриер|достав|deliver/i.test(m.text) ? 'courier_delay' : null,
      language: 'ru',
      churnReasonKey: null,
      input: {
        source: 'mention',
        sourceId: m.id,
        ...negativeMentionTitle(m.source, m.author),
        description: m.text,
        touchpointId: team.touchpoints.social.id,
        openedAt: new Date(m.postedAt),
      },
    });
  }

  // States by age: the recent ones are still being worked on, older ones are closed (some reopened by a low follow-up).
  sources.sort((a, b) => b.input.openedAt.getTime() - a.input.openedAt.getTime());
  const ops: Op[] = [];
  let order = 0;
  // Steps are taken by the case's owner (the touchpoint's owner it was routed to), else the CX manager.
  const byOwner = async (id: string): Promise<Actor> => ({
    kind: 'user',
    userId: (await cases.get(workspaceId, id)).ownerId ?? team.members.cx,
  });
  const ids: (string | null)[] = new Array(sources.length).fill(null);
  for (const [i, s] of sources.entries()) {
    const share = i / sources.length;
    let state: State = share < 0.2 ? 'open' : share < 0.32 ? 'waiting' : share < 0.47 ? 'breached' : share < 0.56 ? 'reopened' : 'closed';
    // Age each planned state so it is what the clock says: open ones very recent, breached ones days overdue.
    const ageHours =
      state === 'open' ? rng.int(1, 5) : state === 'waiting' ? rng.int(10, 90) : state === 'breached' ? rng.int(50, 200) : null;
    // (Never before the feedback that opened it.)
    if (ageHours !== null)
      s.input.openedAt = new Date(Math.max(s.input.openedAt.getTime(), now - ageHours * HOUR - rng.int(0, 50) * 60_000));
    if (s.input.openedAt.getTime() > now - 20 * 60_000) state = 'open';
    const opened = s.input.openedAt.getTime();
    const at = (ms: number) => new Date(Math.min(now - 60_000, opened + ms));
    ops.push({
      caseAt: opened,
      at: s.input.openedAt,
      order: order++,
      run: async () => {
        ids[i] = await cases.open(workspaceId, s.input, SYSTEM);
      },
    });
    const owner = () => ids[i];
    const lang = s.language;
    if (state === 'open') {
      const replyAt = at(rng.int(4, 25) * 60_000);
      const text = rng.pick(AGENT_REPLIES[lang]);
      if (rng.chance(0.6))
        ops.push({
          caseAt: opened,
          stopsTimer: true,
          at: replyAt,
          order: order++,
          run: async () => cases.reply(workspaceId, owner()!, { text }, await byOwner(owner()!), replyAt),
        });
      continue;
    }
    if (state === 'breached') continue; // nobody answered: the breach check escalates it
    // Most first replies are in time (chat and phone targets are 30 minutes), some are hours late.
    const firstReply = at((rng.chance(0.72) ? rng.int(4, 25) : rng.int(45, 360)) * 60_000);
    const replyText = rng.pick(AGENT_REPLIES[lang]);
    const wait = state === 'waiting' || rng.chance(0.4);
    ops.push({
      caseAt: opened,
      stopsTimer: true,
      at: firstReply,
      order: order++,
      run: async () => cases.reply(workspaceId, owner()!, { text: replyText, waitForCustomer: wait }, await byOwner(owner()!), firstReply),
    });
    if (state === 'waiting') continue;
    const customerBack = at(firstReply.getTime() - opened + rng.int(2, 30) * HOUR);
    const customerText = rng.pick(CUSTOMER_REPLIES[lang]);
    ops.push({
      caseAt: opened,
      at: customerBack,
      order: order++,
      run: () => cases.reply(workspaceId, owner()!, { text: customerText, from: 'customer' }, SYSTEM, customerBack),
    });
    const closeAt = at(customerBack.getTime() - opened + rng.int(1, 40) * HOUR);
    const resolution = s.theme ? rng.pick(RESOLUTIONS[s.theme] ?? [FALLBACK]) : FALLBACK;
    const close = {
      rootCause: resolution.rootCause,
      actionTaken: resolution.action,
      ...(s.churnReasonKey ? { churnReasonKey: s.churnReasonKey } : {}),
    };
    ops.push({
      caseAt: opened,
      stopsTimer: true,
      at: closeAt,
      order: order++,
      run: async () => cases.close(workspaceId, owner()!, close, await byOwner(owner()!), closeAt),
    });
    if (state === 'reopened' || rng.chance(0.55)) {
      const followAt = at(closeAt.getTime() - opened + rng.int(2, 24) * HOUR);
      const score = state === 'reopened' ? rng.int(1, 2) : Number(rng.weighted({ 3: 1, 4: 3, 5: 6 } as Record<string, number>));
      ops.push({
        caseAt: opened,
        at: followAt,
        order: order++,
        run: () => cases.followUp(workspaceId, owner()!, { score }, SYSTEM, followAt),
      });
    }
  }

  // One case after the other, oldest first, each step at its moment.
  // (Replaying one case's steps back to back keeps the background breach check, which uses the real clock, from
  // seeing a half-replayed case.)
  ops.sort((a, b) => a.caseAt - b.caseAt || a.order - b.order);
  const seedStart = new Date();
  let done = 0;
  for (const op of ops) {
    if (op.stopsTimer) await breach.run(op.at, workspaceId);
    await op.run();
    await history.stampCaseEvents(workspaceId, op.at, seedStart);
    done += 1;
    if (done % 50 === 0) progress.step('case steps', done, ops.length);
  }
  await breach.run(clock.now, workspaceId);
  await history.stampCaseEvents(workspaceId, clock.now, seedStart);
  progress.step('cases', sources.length, sources.length);
}
