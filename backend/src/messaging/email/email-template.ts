import type { EmailBlock } from '../message-types';
import { emailStrings, htmlLang } from './email-strings';

export interface EmailContent {
  workspaceName: string;
  brandColour: string;
  language: string;
  subject: string;
  text: string;
  blocks: EmailBlock[] | null;
  unsubscribeUrl: string | null;
}

/** Every value that reaches the HTML goes through this (text and attributes alike). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Only http(s) links become hrefs: a `javascript:` URL in a block must not become a link. */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : '#';
}

const paragraphsOf = (text: string): EmailBlock[] =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => ({ kind: 'paragraph', text: part }));

/** Line breaks inside a paragraph stay line breaks. */
const multiline = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

function renderBlock(block: EmailBlock, colour: string, language: string): string {
  const strings = emailStrings(language);
  switch (block.kind) {
    case 'heading':
      return `<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;color:#111827">${escapeHtml(block.text)}</h1>`;
    case 'paragraph':
      return `<p style="margin:0 0 16px;font-size:15px;line-height:1.6;color:#1f2937">${multiline(block.text)}</p>`;
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:8px 14px;border-left:3px solid ${colour};color:#4b5563;font-size:14px;line-height:1.5">${multiline(block.text)}</blockquote>`;
    case 'button':
      return `<p style="margin:0 0 20px"><a href="${safeUrl(block.url)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:${colour};color:#ffffff;text-decoration:none;font-weight:600;font-size:15px">${escapeHtml(block.label)}</a></p>`;
    case 'scale': {
      const cells = block.choices
        .map(
          (choice) =>
            `<td style="padding:2px"><a href="${safeUrl(choice.url)}" style="display:block;min-width:28px;padding:8px 0;border:1px solid ${colour};border-radius:4px;text-align:center;color:${colour};text-decoration:none;font-weight:600;font-size:14px">${escapeHtml(choice.label)}</a></td>`,
        )
        .join('');
      const low = escapeHtml(block.lowLabel ?? strings.scaleLow);
      const high = escapeHtml(block.highLabel ?? strings.scaleHigh);
      return (
        `<p style="margin:0 0 10px;font-size:15px;line-height:1.5;color:#111827;font-weight:600">${escapeHtml(block.question)}</p>` +
        `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 4px"><tr>${cells}</tr></table>` +
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 20px;font-size:12px;color:#6b7280"><tr><td>${low}</td><td style="text-align:right">${high}</td></tr></table>`
      );
    }
  }
}

function textOfBlock(block: EmailBlock): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'quote':
      return block.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`)
        .join('\n');
    case 'button':
      return `${block.label}: ${block.url}`;
    case 'scale':
      return [block.question, ...block.choices.map((choice) => `  ${choice.label}: ${choice.url}`)].join('\n');
  }
}

/**
 * The workspace's HTML email (its name, brand colour and a footer in the message's language) and its plain-text
 * twin. Table layout and inline styles, since mail clients ignore style sheets.
 */
export function renderEmail(content: EmailContent): { html: string; text: string } {
  const strings = emailStrings(content.language);
  const colour = /^#[0-9a-f]{6}$/i.test(content.brandColour) ? content.brandColour : '#4f46e5';
  const blocks = content.blocks && content.blocks.length > 0 ? content.blocks : paragraphsOf(content.text);
  const workspace = escapeHtml(content.workspaceName);
  const sentBy = escapeHtml(strings.sentBy).replace('{workspace}', () => workspace);
  const unsubscribe = content.unsubscribeUrl
    ? ` <a href="${safeUrl(content.unsubscribeUrl)}" style="color:#6b7280">${escapeHtml(strings.unsubscribe)}</a>`
    : '';
  const html = `<!doctype html>
<html lang="${escapeHtml(htmlLang(content.language))}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;padding:24px 12px"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;overflow:hidden">
<tr><td style="background:${colour};padding:14px 24px;color:#ffffff;font-size:16px;font-weight:700">${workspace}</td></tr>
<tr><td style="padding:24px">${blocks.map((block) => renderBlock(block, colour, content.language)).join('\n')}</td></tr>
<tr><td style="padding:14px 24px;border-top:1px solid #e5e7eb;font-size:12px;line-height:1.5;color:#6b7280">${sentBy}${unsubscribe}</td></tr>
</table></td></tr></table>
</body>
</html>`;
  const body = content.blocks && content.blocks.length > 0 ? content.blocks.map(textOfBlock).join('\n\n') : content.text.trim();
  const footer = [strings.sentBy.replace('{workspace}', () => content.workspaceName)];
  if (content.unsubscribeUrl) footer.push(`${strings.unsubscribeText} ${content.unsubscribeUrl}`);
  return { html, text: `${body}\n\n-- \n${footer.join('\n')}\n` };
}
