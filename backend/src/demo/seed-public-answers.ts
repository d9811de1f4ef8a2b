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
import type { DemoTeam } from './seed-team';
import { DAY_MS, type StoryClock } from './story';

const HOUR = 3_600_000;
/** About this many negative mentions go through the public workflow. */
const COUNT = 20;

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

  const candidates = (await history.negativeOriginalMentions(workspaceId, new Date(now - 45 * DAY_MS))).filter(
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
  const investigated = candidates.filter((m) => withCase.has(m.id)).slice(-12);
  const others = candidates.filter((m) => !withCase.has(m.id));
  const picked = [...investigated];
  for (let i = others.length - 1; picked.length < COUNT && i >= 0; i -= 1 + rng.int(0, 6)) picked.push(others[i]);
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
    if (!mentionCase.rootCauseAt || rng.chance(0.2)) continue;
    const findingsAt = new Date(Math.min(now - 5 * 60_000, mentionCase.rootCauseAt.getTime() + rng.int(4, 48) * HOUR));
    if (findingsAt.getTime() < answeredAt.getTime()) continue;
    await workflow.publishFindings(workspaceId, smm, m.id, {
      text: rng.pick(FINDINGS[language]),
      url: replyUrl(mention.url, 'findings-uzhinbox'),
      findingsAt: findingsAt.toISOString(),
      revision: 1,
    });
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
          reason: compensated === 1 ? 'Возврат стоимости бокса за сорванную доставку' : 'Бонусные баллы за испорченный вечер',
        },
        { now: new Date(findingsAt.getTime() - HOUR) },
      );
      if (outcome.grant.status === 'pending') await compensation.decide(workspaceId, team.adminId, outcome.grant.id, 'approved', null);
    }
  }
  progress.note(`public answers: ${picked.length} negative mentions, ${unanswered} not answered yet, ${compensated} compensated`);
}
