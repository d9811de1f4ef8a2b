import type { LocalizedText, Question } from '@otklik/survey-model';

/** The prefix when a mirror sets none for a language. */
export const DEFAULT_PREFIX: Readonly<Record<string, string>> = {
  en: 'How do you think customers answer:',
  ru: 'Как, по-вашему, ответят клиенты:',
  bg: 'Как според вас отговарят клиентите:',
  de: 'Wie, glauben Sie, antworten die Kunden:',
};

/** A question staff answer: a scored question of the customer survey, on the same scale, prefixed. */
export interface MirrorQuestion {
  id: string;
  type: 'nps' | 'rating';
  min: number;
  max: number;
  text: LocalizedText;
  customerText: LocalizedText;
  minLabel?: LocalizedText;
  maxLabel?: LocalizedText;
}

export const isScored = (q: Question): boolean => q.type === 'nps' || q.type === 'rating';

/** Scale bounds as the survey model's answer rules read them (NPS always 0–10). */
export function scaleOf(q: Question): { min: number; max: number } {
  return q.type === 'nps' ? { min: 0, max: 10 } : { min: q.scale?.min ?? 1, max: q.scale?.max ?? 5 };
}

function prefixed(prefix: LocalizedText, text: LocalizedText): LocalizedText {
  const out: LocalizedText = {};
  for (const [lang, customer] of Object.entries(text)) {
    const lead = prefix[lang] ?? DEFAULT_PREFIX[lang] ?? DEFAULT_PREFIX.en;
    out[lang] = `${lead} ${customer}`;
  }
  return out;
}

/** The staff version of a survey's scored questions: same ids and scales, wording "how do you think customers…". */
export function mirrorQuestions(questions: readonly Question[], prefix: LocalizedText): MirrorQuestion[] {
  return questions.filter(isScored).map((q) => ({
    id: q.id,
    type: q.type as 'nps' | 'rating',
    ...scaleOf(q),
    text: prefixed(prefix, q.text),
    customerText: q.text,
    ...(q.scale?.minLabel ? { minLabel: q.scale.minLabel } : {}),
    ...(q.scale?.maxLabel ? { maxLabel: q.scale.maxLabel } : {}),
  }));
}

/** Survey questions staff must answer: the scored ones, all required (a partial set would skew the staff mean). */
export function staffAnswerRules(questions: readonly Question[]): Question[] {
  return questions.filter(isScored).map((q) => ({ ...q, required: true }));
}
