import type { LocalizedText, PublicQuestion, Question } from './survey-definition';
import { TEXT_ANSWER_MAX } from './limits';

/** At most this many candidates are looked at: the loader sends a handful, nothing legitimate sends more. */
const MAX_CANDIDATES = 12;

/**
 * The survey language to use for the visitor's candidates, a comma list in order of preference (the widget's
 * `data-language`, the page's `<html lang>`, then the browser's `navigator.languages`): the first candidate the
 * survey has, by exact tag, then by primary subtag ("ru-RU" → "ru"), falling back to the default.
 */
export function chooseLanguage(requested: string | undefined, languages: string[], defaultLanguage: string): string {
  return matchLanguage(requested, languages) ?? defaultLanguage;
}

/** The survey language the candidates match (see chooseLanguage), or undefined when none does. */
export function matchLanguage(requested: string | undefined, languages: string[]): string | undefined {
  if (!requested) return undefined;
  const have = new Map(languages.map((l) => [l.toLowerCase(), l]));
  const candidates = requested.split(',', MAX_CANDIDATES);
  for (const candidate of candidates) {
    const wanted = candidate.trim().toLowerCase().replace(/_/g, '-');
    if (!wanted) continue;
    const found = have.get(wanted) ?? have.get(wanted.split('-')[0]);
    if (found) return found;
  }
  return undefined;
}

export function pick(text: LocalizedText, language: string, fallback: string): string {
  return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

/** One version's questions with every text resolved to `language`, as widgets receive them. */
export function localizeQuestions(questions: Question[], language: string, fallback: string): PublicQuestion[] {
  const t = (text: LocalizedText) => pick(text, language, fallback);
  return questions.map((q) => ({
    id: q.id,
    type: q.type,
    required: q.required,
    text: t(q.text),
    ...(q.type === 'nps' || q.scale
      ? {
          scale: {
            min: q.type === 'nps' ? 0 : q.scale!.min,
            max: q.type === 'nps' ? 10 : q.scale!.max,
            ...(q.scale?.minLabel ? { minLabel: t(q.scale.minLabel) } : {}),
            ...(q.scale?.maxLabel ? { maxLabel: t(q.scale.maxLabel) } : {}),
          },
        }
      : {}),
    ...(q.options ? { options: q.options.map((o) => ({ id: o.id, label: t(o.label) })) } : {}),
    ...(q.rows ? { rows: q.rows.map((r) => ({ id: r.id, label: t(r.label) })) } : {}),
    ...(q.textByScore
      ? {
          textByScore: {
            scoreQuestionId: q.textByScore.scoreQuestionId,
            bands: q.textByScore.bands.map((b) => ({ min: b.min, max: b.max, text: t(b.text) })),
          },
        }
      : {}),
    maxLength: Math.min(q.maxLength ?? TEXT_ANSWER_MAX, TEXT_ANSWER_MAX),
  }));
}
