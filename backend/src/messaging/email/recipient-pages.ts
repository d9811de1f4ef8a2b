import { escapeHtml } from './email-template';

/**
 * The small pages a message's recipient sees outside the dashboard (unsubscribe confirmations and their results, an
 * unknown link): readable at 390 px, in the recipient's language, no script. Survey invitations and win-back notices
 * share them, so every unsubscribe looks and works the same.
 */
export function recipientPage(language: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; background: #f3f4f6; }
  main { max-width: 32rem; margin: 3rem auto; padding: 2rem 1.5rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  h1 { font-size: 1.375rem; line-height: 1.3; margin: 0 0 .75rem; }
  p { margin: 0 0 1.25rem; }
  button { font: inherit; font-weight: 600; padding: .75rem 1.5rem; min-height: 44px; border: 0; border-radius: 8px; background: #b91c1c; color: #fff; cursor: pointer; width: 100%; }
  @media (min-width: 30rem) { button { width: auto; } }
  @media (max-width: 30rem) { main { margin: 1rem; padding: 1.5rem 1.25rem; } }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/**
 * The unsubscribe question: a GET only asks (mail scanners open every link); the form POSTs back to the same URL, as a
 * mail client's RFC 8058 one-click POST does.
 */
export function unsubscribeConfirmPage(
  language: string,
  action: string,
  words: { title: string; question: string; button: string },
): string {
  return recipientPage(
    language,
    words.title,
    `<h1>${escapeHtml(words.title)}</h1><p>${escapeHtml(words.question)}</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" data-testid="unsubscribe-confirm">${escapeHtml(words.button)}</button></form>`,
  );
}

/** A page that only tells: a heading (with the test id the tests find it by) and an optional paragraph. */
export function noticePage(language: string, testId: string, title: string, text?: string): string {
  const paragraph = text === undefined ? '' : `<p>${escapeHtml(text)}</p>`;
  return recipientPage(language, title, `<h1 data-testid="${escapeHtml(testId)}">${escapeHtml(title)}</h1>${paragraph}`);
}
