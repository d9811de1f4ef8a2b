import { escapeHtml } from '../messaging/email/email-template';
import { invitationWording } from './invitation-wording';

/**
 * The small pages a recipient sees outside the dashboard: the unsubscribe confirmation (a form that POSTs back to
 * the same URL) and its result, and the friendly answer to an unknown, expired or closed invitation. Readable at
 * 390 px, in the recipient's language, no script.
 */
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

export function unsubscribeConfirmPage(language: string, action: string): string {
  const w = invitationWording(language);
  return page(
    language,
    w.unsubscribeTitle,
    `<h1>${escapeHtml(w.unsubscribeTitle)}</h1><p>${escapeHtml(w.unsubscribeQuestion)}</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" data-testid="unsubscribe-confirm">${escapeHtml(w.unsubscribeButton)}</button></form>`,
  );
}

export function unsubscribedPage(language: string): string {
  const w = invitationWording(language);
  return page(
    language,
    w.unsubscribedTitle,
    `<h1 data-testid="unsubscribed">${escapeHtml(w.unsubscribedTitle)}</h1><p>${escapeHtml(w.unsubscribedText)}</p>`,
  );
}

export function unknownInvitationPage(language: string): string {
  const w = invitationWording(language);
  return page(
    language,
    w.unknownTitle,
    `<h1 data-testid="invitation-unknown">${escapeHtml(w.unknownTitle)}</h1><p>${escapeHtml(w.unknownText)}</p>`,
  );
}

export function closedSurveyPage(language: string): string {
  const w = invitationWording(language);
  return page(
    language,
    w.closedTitle,
    `<h1 data-testid="invitation-closed">${escapeHtml(w.closedTitle)}</h1><p>${escapeHtml(w.closedText)}</p>`,
  );
}
