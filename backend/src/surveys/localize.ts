import type { LocalizedText, PublicQuestion, Question } from './survey-definition';
import { TEXT_ANSWER_MAX } from './survey-definition';

/** The survey language to use for a requested one ("ru-RU" → "ru"), falling back to the default. */
export function chooseLanguage(requested: string | undefined, languages: string[], defaultLanguage: string): string {
  if (!requested) return defaultLanguage;
  const wanted = requested.toLowerCase();
  return languages.find((l) => l === wanted) ?? languages.find((l) => l === wanted.split('-')[0]) ?? defaultLanguage;
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
    ...(q.textByScore
      ? { textByScore: { scoreQuestionId: q.textByScore.scoreQuestionId, bands: q.textByScore.bands.map((b) => ({ min: b.min, max: b.max, text: t(b.text) })) } }
      : {}),
    maxLength: Math.min(q.maxLength ?? TEXT_ANSWER_MAX, TEXT_ANSWER_MAX),
  }));
}
