import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CasesService } from '../cases/cases.service';
import type { Actor } from '../cases/case-actor';
import { SYSTEM } from '../cases/case-actor';
import type { MessageChannel } from '../messaging/message-types';
import { MessagingService } from '../messaging/messaging.service';
import { DemoRepliesRepository, type DemoReplyCase } from './demo-replies.repository';
import type { PlannedCustomer } from './plan';
import type { Progress } from './progress';
import { DAY_MS, type StoryClock } from './story';

const HOUR_MS = DAY_MS / 24;

/** One turn of a conversation: the customer's message or our reply, `hours` after the case opened. */
type Turn =
  | { who: 'customer'; hours: number; channel: MessageChannel; subject?: string; text: string }
  | { who: 'agent'; hours: number; text: string; sent: boolean };

const firstName = (customer: PlannedCustomer | undefined) => customer?.name.split(' ')[0] ?? '';
/** The story's addresses look real: the conversation uses the same mailbox at a reserved domain (RFC 2606). */
const safeAddress = (customer: PlannedCustomer) => `${customer.email.split('@')[0]}@example.net`;

/** A Russian-speaking customer's late box: she writes, we answer (sent), she thanks us. */
const lateBox = (customer: PlannedCustomer | undefined): Turn[] => [
  {
    who: 'customer',
    hours: 1,
    channel: 'email',
    subject: 'Бокс опять привезли после девяти',
    text:
      'Здравствуйте! Уже второй раз за месяц курьер приезжает после 21:00, хотя окно доставки с 18 до 20. ' +
      'Ужин на четверых, дети ждут. Можно что-то с этим сделать?',
  },
  {
    who: 'agent',
    hours: 3,
    sent: true,
    text:
      `Здравствуйте, ${firstName(customer)}!\n\nПростите нас: два опоздания за месяц — это не тот сервис, который мы обещали. ` +
      'Мы вернули стоимость доставки за оба раза и передали ваш адрес новому курьерскому партнёру — со следующей недели он ' +
      'привозит боксы в ваш район.\n\nМарина, служба заботы Uzhinbox',
  },
  {
    who: 'customer',
    hours: 27,
    channel: 'email',
    text: 'Спасибо, возврат увидела. Посмотрим, как будет на следующей неделе.',
  },
];

/** An English-speaking customer's missing ingredient: they write, our answer waits in the outbox (no SMTP in the demo). */
const missingIngredient = (customer: PlannedCustomer | undefined): Turn[] => [
  {
    who: 'customer',
    hours: 2,
    channel: 'email',
    subject: 'Something missing from my box again',
    text:
      'Hi, following up on my survey answer: an ingredient was missing from my box again, so one of the dinners ' +
      "didn't work out. Could you check the packing, please?",
  },
  {
    who: 'agent',
    hours: -0.5,
    sent: false,
    text:
      `Hi ${firstName(customer)},\n\nSorry about the missing ingredient! It was left out at packing: we've credited €4.20 to ` +
      'your account and asked the packing team to double-check that recipe bag.\n\nBest,\nDaniel, Uzhinbox Care',
  },
];

/** A customer who writes in Telegram through the workspace's gateway about the crashing app; we answer the same way. */
const telegramQuestion = (): Turn[] => [
  {
    who: 'customer',
    hours: 0.5,
    channel: 'telegram',
    text: 'Добрый день! Приложение опять закрывается, когда нажимаю «Оплатить». Как мне оплатить бокс на эту неделю?',
  },
  {
    who: 'agent',
    hours: 1,
    sent: true,
    text: 'Добрый день! Ошибка на нашей стороне, исправление выйдет в четверг. Пока оплатить можно на сайте uzhinbox.example — заказ на неделю мы сохранили.',
  },
];

/**
 * Case conversations of the story, both ways: customers' mails and messenger messages landed on their cases, and our
 * replies in their channel and language (one still in the outbox, the demo having no SMTP). Written through the
 * cases and messaging services, then moved back to when they happened.
 */
export async function seedCaseReplies(
  app: INestApplicationContext,
  workspaceId: string,
  adminId: string,
  customers: PlannedCustomer[],
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const repository = new DemoRepliesRepository(app.get(DataSource));
  const cases = app.get(CasesService, { strict: false });
  const messaging = app.get(MessagingService, { strict: false });
  const byId = new Map(customers.map((c) => [c.externalId, c]));
  const now = clock.now.getTime();
  // Opened between 60 and 2 days ago: the customer's answer a day later is still in the past.
  const window = { from: new Date(now - 60 * DAY_MS), to: new Date(now - 2 * DAY_MS) };
  const chosen: string[] = [];
  /** A case on the story's topic (any of the language's cases when none is), each case once. */
  const pick = async (language: string, topics: string[]): Promise<DemoReplyCase | undefined> => {
    const [onTopic] = await repository.cases(workspaceId, language, window, topics, chosen);
    const found = onTopic ?? (await repository.cases(workspaceId, language, window, [], chosen))[0];
    if (found) chosen.push(found.id);
    return found;
  };
  const stories: [string, string[], (c: PlannedCustomer | undefined) => Turn[]][] = [
    ['ru', ['%опозд%', '%курьер%', '%доставк%'], lateBox],
    ['en', ['%missing%'], missingIngredient],
    ['ru', ['%приложен%', '%оплат%'], telegramQuestion],
  ];
  let told = 0;
  for (const [language, topics, story] of stories) {
    const demoCase = await pick(language, topics);
    if (!demoCase) continue;
    const customer = byId.get(demoCase.customerExternalId);
    if (!customer) continue;
    const actor: Actor = { kind: 'user', userId: demoCase.ownerId ?? adminId };
    for (const turn of story(customer)) {
      const at = new Date(turn.hours >= 0 ? demoCase.openedAt.getTime() + turn.hours * HOUR_MS : now + turn.hours * HOUR_MS);
      if (turn.who === 'customer') {
        const from = turn.channel === 'email' ? safeAddress(customer) : `@${customer.email.split('@')[0]!.replace(/[^a-z0-9_]/gi, '_')}`;
        const id = await messaging.recordInbound({
          workspaceId,
          channel: turn.channel,
          from,
          subject: turn.subject ?? null,
          text: turn.text,
          messageId: turn.channel === 'email' ? `<demo-${demoCase.number}-${turn.hours}@example.net>` : null,
          inReplyTo: null,
          references: [],
          customerExternalId: customer.externalId,
          caseId: demoCase.id,
        });
        await cases.replyAndSend(
          workspaceId,
          demoCase.id,
          { text: turn.text, from: 'customer', channel: turn.channel === 'email' ? 'email' : 'messenger', inboundMessageId: id },
          SYSTEM,
          at,
        );
        await repository.backdate(workspaceId, id, at, false);
      } else {
        const { delivery } = await cases.replyAndSend(workspaceId, demoCase.id, { text: turn.text, send: true }, actor, at);
        if (!delivery?.sent) continue;
        const viaGateway = delivery.channel !== 'email' && delivery.channel !== 'public';
        await repository.backdate(workspaceId, delivery.messageId, at, turn.sent && !viaGateway);
        // The gateway reported it delivered (through the messaging module, which the dispatch job also moves on).
        if (turn.sent && viaGateway)
          await messaging.recordGatewayDelivery(workspaceId, delivery.messageId, at, new Date(at.getTime() + 40_000));
      }
    }
    told += 1;
  }
  progress.note(`case conversations: ${told} cases with the customer's messages and our replies`);
}
