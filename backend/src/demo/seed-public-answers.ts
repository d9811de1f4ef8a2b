import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SYSTEM } from '../cases/case-actor';
import { negativeMentionTitle } from '../cases/case-titles';
import { CasesReader } from '../cases/cases.reader';
import { CasesService } from '../cases/cases.service';
import { CompensationService } from '../compensation/compensation.service';
import { MentionsReader } from '../mentions/mentions.reader';
import { PublicAnswersService } from '../public-answers/public-answers.service';
import { DemoHistoryRepository } from './demo-history.repository';
import { Prng } from './prng';
import type { Progress } from './progress';
import { FALLBACK } from './seed-cases';
import type { DemoTeam } from './seed-team';
import { DAY_MS, type StoryClock } from './story';

const HOUR = 3_600_000;
/** About this many negative mentions go through the public workflow: the team began answering in public four weeks ago. */
const COUNT = 30;
const SINCE_DAYS = 28;

type Language = 'ru' | 'en' | 'bg';
const lang = (code: string): Language => (code === 'en' || code === 'bg' ? code : 'ru');

const ANSWERS: Record<Language, string[]> = {
  ru: [
    'Здравствуйте! Нам очень жаль, что так вышло. Уже разбираемся и написали вам в личные сообщения.',
    'Простите за такой опыт. Передали ваш заказ старшему смены — вернёмся с ответом сегодня.',
    'Спасибо, что написали открыто. Проверяем, что случилось с доставкой, и расскажем здесь же.',
  ],
  en: [
    'Hi, we are really sorry about this. We are looking into it and have sent you a direct message.',
    'Sorry for the trouble. Your order is with our shift lead; we will come back to you today.',
  ],
  bg: [
    'Здравейте! Много съжаляваме. Вече проверяваме какво се е случило и ви писахме на лични.',
    'Извинете за неудобството. Поръчката ви е при старшия на смяната, ще се върнем с отговор днес.',
  ],
};

/** Findings in Russian quote the case's root cause (the case story writes them in Russian). */
const findingsFromCause = (rootCause: string) =>
  `Рассказываем, что выяснили: ${rootCause.replace(/\.?$/, '.')} Спасибо, что написали открыто — это помогло разобраться.`;

/** When the customer's own circumstances were the cause, the follow-up says so politely and what was agreed. */
const NO_FAULT: Record<Language, string> = {
  ru: 'Вернулись с итогами: проверили заказ вместе с клиентом — сбоя с нашей стороны не было, договорились о паузе подписки. Спасибо, что написали открыто.',
  en: 'Following up: we went through the order with the customer; nothing failed on our side, and we agreed on a pause of the subscription. Thank you for raising it in the open.',
  bg: 'Връщаме се с изводите: проверихме поръчката заедно с клиента — от наша страна нямаше грешка, договорихме пауза на абонамента. Благодарим, че писахте открито.',
};

function findingsText(language: Language, rootCause: string | null, rng: Prng): string {
  if (rootCause === FALLBACK.rootCause) return NO_FAULT[language];
  return language === 'ru' && rootCause ? findingsFromCause(rootCause) : rng.pick(FINDINGS[language]);
}

const FINDINGS: Record<Language, string[]> = {
  ru: [
    'Рассказываем, что случилось: курьерский партнёр не справлялся с объёмом в новых районах. Мы перевели районы на своих курьеров — за последние две недели ни одного сорванного окна.',
    'Разобрались: сбой был в приложении при оплате, его исправили в версии 4.2. Деньги за двойное списание вернули всем, кого это задело.',
    'Итоги проверки: набор собрали с ошибкой на складе. Добавили вторую проверку комплектации перед отправкой.',
  ],
  en: [
    'What happened: our courier partner could not keep up in the new districts. Those districts now have our own couriers, and no window has been missed for two weeks.',
    'We found it: the app failed at checkout; version 4.2 fixes it and every double charge has been refunded.',
  ],
  bg: [
    'Какво се случи: куриерският партньор не смогваше в новите квартали. Вече ги обслужват наши куриери и от две седмици няма пропуснат час.',
    'Открихме причината: приложението се сриваше при плащане, версия 4.2 го поправя, а двойните плащания са възстановени.',
  ],
};

/** The answer's link: the post's own address with an anchor for our reply (the mention's URL when it has one). */
const replyUrl = (url: string | null, anchor: string): string | null =>
  url && /^https?:\/\//.test(url) && url.length < 1900 ? `${url.split('#')[0]}#${anchor}` : null;

/**
 * About twenty negative mentions of the last weeks through the public workflow: most answered within hours, a few
 * never, several investigated in their cases (root causes from the case story) with findings published, two
 * compensated through the compensation module. Runs after the cases, win-back and compensation seeds.
 */
export async function seedPublicAnswers(
  app: INestApplicationContext,
  workspaceId: string,
  team: DemoTeam,
  seed: number,
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const rng = new Prng(seed).fork('public-answers');
  const now = clock.now.getTime();
  const history = new DemoHistoryRepository(app.get(DataSource));
  const workflow = app.get(PublicAnswersService);
  const mentionsReader = app.get(MentionsReader);
  const casesReader = app.get(CasesReader);
  const cases = app.get(CasesService);
  const compensation = app.get(CompensationService);
  const smm = { kind: 'user' as const, userId: team.members.smm };

  const candidates = (await history.negativeOriginalMentions(workspaceId, new Date(now - SINCE_DAYS * DAY_MS))).filter(
    (m) => new Date(m.postedAt).getTime() < now - 2 * HOUR,
  );
  const withCase = new Map(
    (
      await casesReader.mentionCases(
        workspaceId,
        candidates.map((m) => m.id),
      )
    ).map((c) => [c.mentionId, c]),
  );
  // Every mention the case story investigated, then others spread over the weeks, newest first.
  const investigated = candidates.filter((m) => withCase.has(m.id)).slice(-15);
  const others = candidates.filter((m) => !withCase.has(m.id));
  const picked = [...investigated];
  for (let i = others.length - 1; picked.length < COUNT && i >= 0; i -= 1 + rng.int(0, 1)) picked.push(others[i]);
  picked.sort((a, b) => new Date(b.postedAt).getTime() - new Date(a.postedAt).getTime());

  // Not answered yet: the newest mentions without a case (about one in seven), and one older one that slipped through.
  const uncased = picked.filter((m) => !withCase.has(m.id));
  const waiting = new Set(uncased.slice(0, Math.max(1, Math.round(picked.length / 7))).map((m) => m.id));
  if (uncased.length > 6) waiting.add(uncased[uncased.length - 2].id);
  let unanswered = 0;
  let opened = 0;
  let compensated = 0;
  for (const [index, m] of picked.entries()) {
    const mention = (await mentionsReader.forPublicAnswer(workspaceId, m.id))!;
    const language = lang(mention.language);
    const posted = mention.postedAt.getTime();
    const mentionCase = withCase.get(m.id) ?? null;
    if (waiting.has(m.id)) {
      unanswered += 1;
      continue;
    }
    const delay = rng.chance(0.75) ? rng.int(20, 6 * 60) * 60_000 : rng.int(12, 40) * HOUR;
    const answeredAt = new Date(Math.min(now - 10 * 60_000, posted + delay));
    await workflow.answer(workspaceId, smm, m.id, {
      text: rng.pick(ANSWERS[language]),
      url: replyUrl(mention.url, 'reply-uzhinbox'),
      answeredAt: answeredAt.toISOString(),
      revision: 0,
    });

    if (!mentionCase) {
      // Two answered complaints get a case of their own a little later: the investigation under way.
      if (opened < 2 && index > 0) {
        opened += 1;
        await cases.open(
          workspaceId,
          {
            source: 'mention',
            sourceId: m.id,
            ...negativeMentionTitle(mention.source, mention.author),
            description: mention.text,
            touchpointId: team.touchpoints.social?.id ?? null,
            openedAt: new Date(Math.min(now - 5 * 60_000, answeredAt.getTime() + 2 * HOUR)),
          },
          SYSTEM,
        );
      }
      continue;
    }
    if (!mentionCase.rootCauseAt) continue;
    const rootCauseAt = mentionCase.rootCauseAt.getTime();
    // Two customers whose case found the cause get compensated the same day.
    if (compensated < 2) {
      compensated += 1;
      const outcome = await compensation.grant(
        workspaceId,
        { kind: 'user', userId: team.members.cx },
        mentionCase.caseId,
        {
          kind: compensated === 1 ? 'refund' : 'bonus',
          amount: compensated === 1 ? '1490.00' : '500.00',
          currency: 'RUB',
          reason: compensated === 1 ? 'Возврат стоимости бокса после публичной жалобы' : 'Бонусные баллы за испорченный вечер',
        },
        { now: new Date(Math.min(now - 30 * 60_000, rootCauseAt + 2 * HOUR)) },
      );
      if (outcome.grant.status === 'pending') await compensation.decide(workspaceId, team.adminId, outcome.grant.id, 'approved', null);
    }
    // A few findings are still being written.
    if (rng.chance(0.15)) continue;
    const findingsAt = new Date(Math.min(now - 5 * 60_000, rootCauseAt + rng.int(4, 48) * HOUR));
    if (findingsAt.getTime() < answeredAt.getTime()) continue;
    await workflow.publishFindings(workspaceId, smm, m.id, {
      text: findingsText(language, mentionCase.rootCause, rng),
      url: replyUrl(mention.url, 'findings-uzhinbox'),
      findingsAt: findingsAt.toISOString(),
      revision: 1,
    });
  }
  progress.note(`public answers: ${picked.length} negative mentions, ${unanswered} not answered yet, ${compensated} compensated`);
}
