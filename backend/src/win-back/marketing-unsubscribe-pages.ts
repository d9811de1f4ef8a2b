import { noticePage, unsubscribeConfirmPage } from '../messaging/email/recipient-pages';

type Language = 'en' | 'ru' | 'bg';

const WORDING: Record<Language, { title: string; question: string; button: string; doneTitle: string; doneText: string; unknown: string }> =
  {
    en: {
      title: 'Stop news and offers?',
      question: 'We will no longer send you news, offers or notices about fixes.',
      button: 'Unsubscribe',
      doneTitle: 'You are unsubscribed',
      doneText: 'We will not send you news or offers any more. Messages about your orders and requests still reach you.',
      unknown: 'This link no longer works',
    },
    ru: {
      title: 'Отписаться от новостей и предложений?',
      question: 'Мы больше не будем присылать вам новости, предложения и сообщения об исправлениях.',
      button: 'Отписаться',
      doneTitle: 'Вы отписались',
      doneText:
        'Мы больше не будем присылать вам новости и предложения. Сообщения о ваших заказах и обращениях будут приходить как прежде.',
      unknown: 'Ссылка больше не работает',
    },
    bg: {
      title: 'Да спрем ли новините и предложенията?',
      question: 'Повече няма да ви изпращаме новини, предложения и съобщения за поправки.',
      button: 'Отписване',
      doneTitle: 'Отписахте се',
      doneText: 'Повече няма да ви изпращаме новини и предложения. Съобщенията за вашите поръчки и запитвания ще продължат да идват.',
      unknown: 'Връзката вече не работи',
    },
  };

const wordingOf = (language: string) => WORDING[(language in WORDING ? language : 'en') as Language];

/** The marketing unsubscribe pages: the shared recipient pages in the customer's language. */
export function marketingUnsubscribeConfirmPage(language: string, action: string): string {
  const w = wordingOf(language);
  return unsubscribeConfirmPage(language, action, { title: w.title, question: w.question, button: w.button });
}

export function marketingUnsubscribedPage(language: string): string {
  const w = wordingOf(language);
  return noticePage(language, 'unsubscribed', w.doneTitle, w.doneText);
}

export function marketingUnsubscribeUnknownPage(language: string): string {
  return noticePage(language, 'unsubscribe-unknown', wordingOf(language).unknown);
}
