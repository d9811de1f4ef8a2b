// How an agent's reply reads to the customer: the subject (threaded "Re: …") in the customer's language. Pure.
import type { CaseRow } from '../cases.repository';

/** The primary language subtag of a stored language ("ru-RU" → "ru"), or null when there is none. */
export function primaryLanguage(value: string | null | undefined): string | null {
  const primary = (value ?? '').trim().toLowerCase().split(/[-_]/, 1)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/** "Your feedback (case #N)" for cases opened from feedback, whose titles are our own wording, not the customer's. */
const FEEDBACK_SUBJECT: Record<string, (n: number) => string> = {
  en: (n) => `Your feedback (case #${n})`,
  ru: (n) => `Ваш отзыв (обращение № ${n})`,
  bg: (n) => `Вашият отзив (случай № ${n})`,
};

/**
 * "Re: " + the customer's own subject when they wrote to us, else + the case's title when a person wrote it, else +
 * "your feedback (case #N)" in the customer's language. A subject that already starts with Re: keeps one; line breaks
 * and tabs become one space.
 */
export function replySubject(c: Pick<CaseRow, 'title' | 'titleKey' | 'number'>, language: string, theirSubject: string | null): string {
  const base = theirSubject?.trim() || (c.titleKey ? (FEEDBACK_SUBJECT[language] ?? FEEDBACK_SUBJECT.en!)(c.number) : c.title);
  // One header line: a subject stored with CR/LF or tabs (an encoded header) would be refused by the outbox.
  const bare = base
    .replace(/[\r\n\t]+/g, ' ')
    .trim()
    .replace(/^((re|aw|ha|отв|fwd?)\s*:\s*)+/i, '');
  return `Re: ${bare}`.slice(0, 300);
}
