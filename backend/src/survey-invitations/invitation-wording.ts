// The invitation's own words (subject, lines, pages) in the languages Otklik speaks; the question is the survey's.

export interface InvitationWording {
  subject: string;
  reminderSubject: string;
  intro: string;
  reminderIntro: string;
  /** Under the score row: what a click does. */
  scaleHint: string;
  /** The button to the survey page (a first question that is not a score). */
  openSurvey: string;
  /** Plain-text part: before the score links. */
  textChoose: string;
  unsubscribeTitle: string;
  unsubscribeQuestion: string;
  unsubscribeButton: string;
  unsubscribedTitle: string;
  unsubscribedText: string;
  unknownTitle: string;
  unknownText: string;
  closedTitle: string;
  closedText: string;
  /** Marks a test send's subject. */
  testMark: string;
}

const en: InvitationWording = {
  subject: 'One quick question',
  reminderSubject: 'Reminder: one quick question',
  intro: 'We would love to hear from you. It takes one click.',
  reminderIntro: 'A few days ago we asked you one quick question. If you have a moment, one click is enough.',
  scaleHint: 'Click a number: your answer is saved at once and you can add a comment if you like.',
  openSurvey: 'Answer the survey',
  textChoose: 'Choose your answer:',
  unsubscribeTitle: 'Stop survey emails?',
  unsubscribeQuestion: 'You will no longer receive survey invitations from us at this address.',
  unsubscribeButton: 'Unsubscribe',
  unsubscribedTitle: 'You are unsubscribed',
  unsubscribedText: 'We will not send you survey invitations any more. Thank you for letting us know.',
  unknownTitle: 'This link no longer works',
  unknownText: 'The invitation has expired or the link is incomplete. Thank you for wanting to answer!',
  closedTitle: 'This survey is closed',
  closedText: 'The survey no longer takes answers. Thank you for your time!',
  testMark: 'Test',
};

const ru: InvitationWording = {
  subject: 'Один короткий вопрос',
  reminderSubject: 'Напоминание: один короткий вопрос',
  intro: 'Нам очень важно ваше мнение. Ответ — один клик.',
  reminderIntro: 'Несколько дней назад мы задали вам один короткий вопрос. Если найдётся минута, достаточно одного клика.',
  scaleHint: 'Нажмите на цифру: ответ сохранится сразу, а затем при желании можно добавить комментарий.',
  openSurvey: 'Ответить на опрос',
  textChoose: 'Выберите ответ:',
  unsubscribeTitle: 'Отписаться от опросов?',
  unsubscribeQuestion: 'Мы больше не будем присылать приглашения к опросам на этот адрес.',
  unsubscribeButton: 'Отписаться',
  unsubscribedTitle: 'Вы отписались',
  unsubscribedText: 'Мы больше не будем присылать вам приглашения к опросам. Спасибо, что сообщили.',
  unknownTitle: 'Ссылка больше не работает',
  unknownText: 'Срок приглашения истёк или ссылка скопирована не полностью. Спасибо, что хотели ответить!',
  closedTitle: 'Опрос закрыт',
  closedText: 'Опрос больше не принимает ответы. Спасибо за ваше время!',
  testMark: 'Тест',
};

const bg: InvitationWording = {
  subject: 'Един кратък въпрос',
  reminderSubject: 'Напомняне: един кратък въпрос',
  intro: 'Вашето мнение е важно за нас. Отговорът е с едно щракване.',
  reminderIntro: 'Преди няколко дни ви зададохме един кратък въпрос. Ако имате минутка, едно щракване е достатъчно.',
  scaleHint: 'Щракнете върху число: отговорът се запазва веднага, а след това можете да добавите коментар.',
  openSurvey: 'Отговорете на анкетата',
  textChoose: 'Изберете отговор:',
  unsubscribeTitle: 'Да спрем ли поканите за анкети?',
  unsubscribeQuestion: 'Повече няма да получавате покани за анкети на този адрес.',
  unsubscribeButton: 'Отписване',
  unsubscribedTitle: 'Отписахте се',
  unsubscribedText: 'Повече няма да ви изпращаме покани за анкети. Благодарим, че ни уведомихте.',
  unknownTitle: 'Връзката вече не работи',
  unknownText: 'Поканата е изтекла или връзката е непълна. Благодарим, че искахте да отговорите!',
  closedTitle: 'Анкетата е затворена',
  closedText: 'Анкетата вече не приема отговори. Благодарим за отделеното време!',
  testMark: 'Тест',
};

const WORDING: Record<string, InvitationWording> = { en, ru, bg };

/** The wording for a language tag ("ru-RU" → ru); English for the others. */
export function invitationWording(language: string | null | undefined): InvitationWording {
  const primary = (language ?? 'en').toLowerCase().split('-')[0];
  return WORDING[primary] ?? en;
}

/** The language a page for this request speaks: the recipient's, else the browser's first one we have. */
export function pageLanguage(recipientLanguage: string | null, acceptLanguage: string | undefined): string {
  if (recipientLanguage) return recipientLanguage;
  for (const part of (acceptLanguage ?? '').split(',', 12)) {
    const tag = part.split(';')[0].trim().toLowerCase().split('-')[0];
    if (tag in WORDING) return tag;
  }
  return 'en';
}
