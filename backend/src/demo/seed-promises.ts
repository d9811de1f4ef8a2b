import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PromiseCalendars } from '../promises/promise-calendars';
import { dueFrom, remindAtFor, type DueIn } from '../promises/promise-clock';
import { DEFAULT_REMIND_BEFORE_MINUTES } from '../promises/promise-rules';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import { type DemoCaseEvent, type DemoPromise, type DemoPromiseCase, DemoPromisesRepository } from './demo-promises.repository';
import { LANGUAGE_WEIGHTS, type StoryLanguage } from './names';
import { Prng } from './prng';
import type { Progress } from './progress';
import type { DemoTeam } from './seed-team';
import { DAY_MS, type StoryClock } from './story';

const HOUR = 3600_000;
const PERIOD_DAYS = 92;

type Template = { text: Record<StoryLanguage, string>; due: DueIn };
const t = (ru: string, en: string, bg: string, due: DueIn): Template => ({ text: { ru, en, bg }, due });
const hours = (amount: number): DueIn => ({ amount, unit: 'hours' });
const days = (amount: number): DueIn => ({ amount, unit: 'days' });

/** What each touchpoint's people typically promise, with the usual lead time. */
const TEMPLATES: Record<string, Template[]> = {
  courier: [
    t(
      'Курьер приедет повторно в пятницу с 10 до 14',
      'The courier will come again on Friday between 10 and 2',
      'Куриерът ще дойде отново в петък между 10 и 14',
      days(3),
    ),
    t(
      'Перезвоним завтра до обеда и согласуем новое окно доставки',
      'We will call you back tomorrow morning to agree a new delivery window',
      'Ще ви се обадим утре преди обяд за нов час на доставка',
      days(1),
    ),
  ],
  box: [
    t(
      'Заменим повреждённый набор в следующей доставке',
      'We will replace the damaged box in your next delivery',
      'Ще заменим повредения комплект при следващата доставка',
      days(4),
    ),
    t(
      'Вернём деньги за испорченные продукты в течение 5 дней',
      'Refund for the spoiled items within 5 days',
      'Ще върнем парите за развалените продукти до 5 дни',
      days(5),
    ),
  ],
  subscription: [
    t(
      'Перенесём паузу подписки и пришлём подтверждение на почту',
      'We will move your subscription pause and email a confirmation',
      'Ще преместим паузата на абонамента и ще изпратим потвърждение',
      hours(4),
    ),
    t(
      'Вернём списание за пропущенную неделю за 5 рабочих дней',
      'We will refund the skipped week within 5 business days',
      'Ще възстановим плащането за пропуснатата седмица до 5 работни дни',
      days(5),
    ),
  ],
  checkout: [
    t(
      'Разберёмся с двойным списанием и вернём деньги за 5 дней',
      'We will sort out the double charge and refund it within 5 days',
      'Ще изясним двойното плащане и ще върнем сумата до 5 дни',
      days(5),
    ),
    t(
      'Пришлём промокод на повторный заказ сегодня',
      'We will send a promo code for your next order today',
      'Ще изпратим промокод за следващата поръчка днес',
      hours(3),
    ),
  ],
  support: [
    t(
      'Перезвоним завтра и расскажем, что выяснили',
      'We will call you back tomorrow with what we found',
      'Ще ви се обадим утре с това, което разбрахме',
      days(1),
    ),
    t(
      'Вернёмся с ответом от службы доставки через 2 дня',
      'We will get back to you with the delivery team’s answer in 2 days',
      'Ще ви отговорим с информация от доставката до 2 дни',
      days(2),
    ),
  ],
  cancel: [
    t(
      'Менеджер свяжется в течение дня и предложит паузу вместо отмены',
      'A manager will call within a day to offer a pause instead',
      'Мениджър ще се свърже до ден с предложение за пауза',
      days(1),
    ),
  ],
  social: [
    t(
      'Ответим в личных сообщениях после проверки заказа',
      'We will reply by direct message once we have checked the order',
      'Ще отговорим с лично съобщение след проверка на поръчката',
      hours(2),
    ),
  ],
  menu: [
    t(
      'Передадим пожелание шеф-повару и ответим до пятницы',
      'We will pass this to the chef and reply by Friday',
      'Ще предадем на готвача и ще отговорим до петък',
      days(3),
    ),
  ],
  trial: [
    t(
      'Продлим пробный период на неделю и пришлём подтверждение',
      'We will extend your trial by a week and send a confirmation',
      'Ще удължим пробния период с седмица и ще изпратим потвърждение',
      hours(6),
    ),
  ],
};

const NOTES: Record<'late' | 'broken', Record<StoryLanguage, string>> = {
  late: { ru: 'Сделали на день позже', en: 'Done a day late', bg: 'Направено ден по-късно' },
  broken: { ru: 'Не успели, клиент написал повторно', en: 'Missed it, the customer wrote again', bg: 'Не успяхме, клиентът писа отново' },
};

/** Our reply's language, as seed-cases wrote it (Bulgarian replies start the Bulgarian way). */
const languageOf = (text: string): StoryLanguage => (/Здравейте|Върнахме/.test(text) ? 'bg' : /[а-яё]/i.test(text) ? 'ru' : 'en');

/**
 * The promise register in the demo: about 90 promises from the last three months' cases (two in three from a reply, in
 * the customer's language), due on the touchpoint's SLA calendar. Most were kept on time; the delivery desk is late
 * more often than the others (couriers), some were broken, a few are open and two or three are overdue now (the
 * deadline job escalates them on its first turn). Runs after the cases.
 */
export async function seedPromises(
  app: INestApplicationContext,
  workspaceId: string,
  team: DemoTeam,
  seed: number,
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const rng = new Prng(seed).fork('promises');
  const repository = new DemoPromisesRepository(app.get(DataSource));
  const calendars = app.get(PromiseCalendars, { strict: false });
  const touchpoints = app.get(TouchpointsReader, { strict: false });
  const now = clock.now;
  const keyOf = new Map(Object.entries(team.touchpoints).map(([key, tp]) => [tp.id, key]));
  const candidates = (await repository.cases(workspaceId, new Date(now.getTime() - PERIOD_DAYS * DAY_MS))).filter(
    (c): c is DemoPromiseCase & { ownerId: string } => keyOf.has(c.touchpointId) && c.ownerId !== null,
  );
  // About 90 promises: cases picked at random, a case twice when there are few (a callback, then a refund).
  const wanted = Math.min(90, Math.round(candidates.length * 1.4));
  const chosen = Array.from({ length: wanted }, (_, i) => candidates[i < candidates.length ? i : rng.int(0, candidates.length - 1)])
    .map((c) => ({ c, order: rng.next() }))
    .sort((a, b) => a.order - b.order)
    .map(({ c }) => c)
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());

  const promises: DemoPromise[] = [];
  let overdueLeft = 3;
  const usedReplies = new Set<string>();
  for (const c of [...chosen].reverse()) {
    const key = keyOf.get(c.touchpointId)!;
    const template = rng.pick(TEMPLATES[key] ?? TEMPLATES.support);
    // One promise per reply (a case's second promise is typed by hand).
    const fromReply = c.replyId !== null && !usedReplies.has(c.replyId) && rng.chance(0.67);
    if (fromReply) usedReplies.add(c.replyId!);
    const language = fromReply && c.replyText ? languageOf(c.replyText) : rng.weighted(LANGUAGE_WEIGHTS);
    // The story's time of the reply (its event row was written at seeding time): shortly after the case opened.
    const createdAt = new Date(c.openedAt.getTime() + rng.int(10, 240) * 60_000);
    if (createdAt >= now) continue;
    const calendar = await calendars.forPromise(workspaceId, null, c.touchpointId);
    const dueAt = dueFrom(createdAt, template.due, calendar);
    const remindAt = remindAtFor(createdAt, dueAt, DEFAULT_REMIND_BEFORE_MINUTES, calendar);
    const text = template.text[language];
    const events: DemoCaseEvent[] = [
      { kind: 'promise_made', at: createdAt, actorId: c.ownerId, details: { text, dueAt: dueAt.toISOString(), ownerId: c.ownerId } },
    ];
    const p: DemoPromise = {
      text,
      promisedBy: c.ownerId,
      ownerId: c.ownerId,
      customerExternalId: c.customerExternalId,
      caseId: c.id,
      touchpointId: c.touchpointId,
      source: fromReply ? 'case_reply' : 'manual',
      sourceRef: fromReply ? { caseEventId: c.replyId! } : {},
      dueAt,
      remindAt,
      remindedAt: null,
      escalatedAt: null,
      escalatedTo: null,
      status: 'open',
      keptAt: null,
      brokenAt: null,
      cancelledAt: null,
      resolvedBy: null,
      resolutionNote: null,
      createdAt,
      events,
    };
    // Newest first: the latest promises past due stay open (overdue now); those due later are simply open.
    if (dueAt.getTime() > now.getTime()) {
      promises.push(p);
      continue;
    }
    if (overdueLeft > 0 && now.getTime() - dueAt.getTime() < 3 * DAY_MS) {
      overdueLeft -= 1;
      if (remindAt && remindAt < now) p.remindedAt = remindAt;
      promises.push(p);
      continue;
    }
    // Couriers depend on the road: the delivery desk is late and breaks promises more often.
    const delivery = key === 'courier' || key === 'box';
    const outcome = rng.weighted(
      delivery ? { kept: 0.66, late: 0.2, broken: 0.1, cancelled: 0.04 } : { kept: 0.84, late: 0.08, broken: 0.05, cancelled: 0.03 },
    );
    const span = dueAt.getTime() - createdAt.getTime();
    const lead = (await touchpoints.routingTouchpoint(workspaceId, c.touchpointId))?.ownerId ?? null;
    const escalate = (at: Date) => {
      p.escalatedAt = at;
      p.escalatedTo = lead && lead !== c.ownerId ? lead : null;
      events.push({
        kind: 'promise_overdue',
        at,
        actorId: null,
        details: {
          text,
          dueAt: dueAt.toISOString(),
          ownerId: c.ownerId,
          escalatedTo: p.escalatedTo,
          notified: p.escalatedTo ? [p.escalatedTo] : [team.adminId],
        },
      });
    };
    if (remindAt) p.remindedAt = remindAt;
    if (outcome === 'kept') {
      p.keptAt = new Date(createdAt.getTime() + span * (0.3 + 0.65 * rng.next()));
      if (p.remindedAt && p.remindedAt > p.keptAt) p.remindedAt = null;
    } else if (outcome === 'late') {
      escalate(new Date(dueAt.getTime() + 60_000));
      p.keptAt = new Date(dueAt.getTime() + rng.int(2, 30) * HOUR);
      p.resolutionNote = NOTES.late[language];
    } else if (outcome === 'broken') {
      escalate(new Date(dueAt.getTime() + 60_000));
      p.brokenAt = new Date(dueAt.getTime() + rng.int(4, 48) * HOUR);
      p.resolutionNote = NOTES.broken[language];
    } else {
      p.cancelledAt = new Date(createdAt.getTime() + span * 0.5 * rng.next());
      p.remindedAt = null;
    }
    // An outcome that would fall after "now" happened just before it instead (a late keep is still after the due time).
    const latest = new Date(now.getTime() - 10 * 60_000);
    if (p.keptAt && p.keptAt > latest) p.keptAt = latest;
    if (p.brokenAt && p.brokenAt > latest) p.brokenAt = latest;
    const resolvedAt = p.keptAt ?? p.brokenAt ?? p.cancelledAt!;
    p.status = p.keptAt ? 'kept' : p.brokenAt ? 'broken' : 'cancelled';
    p.resolvedBy = c.ownerId;
    events.push({
      kind: `promise_${p.status}`,
      at: resolvedAt,
      actorId: c.ownerId,
      details: { text, dueAt: dueAt.toISOString(), late: outcome === 'late', ...(p.resolutionNote ? { note: p.resolutionNote } : {}) },
    });
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    promises.push(p);
  }
  await repository.store(workspaceId, promises);
  const by = (status: string) => promises.filter((p) => p.status === status).length;
  progress.note(
    `promises: ${promises.length} (${by('kept')} kept, ${by('broken')} broken, ${by('open')} open, ${by('cancelled')} cancelled)`,
  );
}
