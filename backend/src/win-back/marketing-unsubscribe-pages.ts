import { escapeHtml } from '../messaging/email/email-template';

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

function page(language: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; background: #f3f4f6; }
  main { max-width: 32rem; margin: 3rem auto; padding: 2rem 1.5rem; background: #fff; border-radius: 12px; }
  h1 { font-size: 1.375rem; line-height: 1.3; margin: 0 0 .75rem; }
  button { font: inherit; font-weight: 600; padding: .75rem 1.5rem; min-height: 44px; border: 0; border-radius: 8px; background: #b91c1c; color: #fff; cursor: pointer; }
  @media (max-width: 30rem) { main { margin: 1rem; } button { width: 100%; } }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/**
 * The marketing unsubscribe pages (no script, readable at 390 px): a GET only asks (mail scanners open every link), the
 * form POSTs back to the same URL, as a mail client's RFC 8058 one-click POST does.
 */
export function marketingUnsubscribeConfirmPage(language: string, action: string): string {
  const w = wordingOf(language);
  return page(
    language,
    w.title,
    `<h1>${escapeHtml(w.title)}</h1><p>${escapeHtml(w.question)}</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" data-testid="unsubscribe-confirm">${escapeHtml(w.button)}</button></form>`,
  );
}

export function marketingUnsubscribedPage(language: string): string {
  const w = wordingOf(language);
  return page(language, w.doneTitle, `<h1 data-testid="unsubscribed">${escapeHtml(w.doneTitle)}</h1><p>${escapeHtml(w.doneText)}</p>`);
}

export function marketingUnsubscribeUnknownPage(language: string): string {
  const w = wordingOf(language);
  return page(language, w.unknown, `<h1 data-testid="unsubscribe-unknown">${escapeHtml(w.unknown)}</h1>`);
}
