import type { LocalizedText, QuestionType } from '@otklik/survey-model';
import type { SurveyKind, SurveyQuestion, SurveyStatus } from '$lib/api/types';

/*
 * Pure helpers for the dashboard's survey pages. The survey model itself (kinds, question types, triggers,
 * positions, languages, limits) is @otklik/survey-model; the server's rules beyond it live in backend/src/surveys.
 */

/** Question types in the order the question menus offer them (the model's own order is the API's). */
export const QUESTION_TYPES = [
  'single_choice',
  'multi_choice',
  'rating',
  'text',
  'nps',
  'matrix',
] as const satisfies readonly QuestionType[];

// Fail the type check when the model gains a question type the menus lack.
const everyType: Exclude<QuestionType, (typeof QUESTION_TYPES)[number]> extends never ? true : never = true;
void everyType;

/** Language name in the UI language, e.g. "German" / "немецкий"; the code when unknown. */
export function languageName(code: string, uiTag: string): string {
  try {
    const name = new Intl.DisplayNames([uiTag], { type: 'language' }).of(code);
    return name && name !== code ? name.charAt(0).toLocaleUpperCase(uiTag) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/** Trims every text and drops empty ones, so a blank translation falls back to the default language. */
export function cleanText(text: LocalizedText | undefined): LocalizedText {
  const out: LocalizedText = {};
  for (const [language, value] of Object.entries(text ?? {})) {
    const trimmed = value.trim();
    if (trimmed) out[language] = trimmed;
  }
  return out;
}

/** The questions as the API should receive them: texts trimmed, empty translations and labels removed. */
export function cleanQuestions(questions: SurveyQuestion[]): SurveyQuestion[] {
  return questions.map((q) => {
    const out: SurveyQuestion = { ...q, text: cleanText(q.text) };
    if (q.scale) {
      const { minLabel, maxLabel, ...scale } = q.scale;
      const min = cleanText(minLabel);
      const max = cleanText(maxLabel);
      out.scale = {
        ...scale,
        ...(Object.keys(min).length ? { minLabel: min } : {}),
        ...(Object.keys(max).length ? { maxLabel: max } : {}),
      };
    }
    if (q.options) out.options = q.options.map((o) => ({ ...o, label: cleanText(o.label) }));
    if (q.rows) out.rows = q.rows.map((r) => ({ ...r, label: cleanText(r.label) }));
    if (q.textByScore) {
      out.textByScore = {
        ...q.textByScore,
        bands: q.textByScore.bands.map((b) => ({ ...b, text: cleanText(b.text) })),
      };
    }
    return out;
  });
}

/** JSON with object keys sorted, to compare values regardless of key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A new id like q3 / o2 not used by any of `taken`. */
export function nextId(prefix: string, taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** Starter wording for new custom questions, by language; other languages get the English text. */
const STARTER: Record<
  string,
  { rating: string; text: string; choice: string; option: string; nps: string; matrix: string; rows: string[] }
> = {
  en: {
    rating: 'How would you rate your experience?',
    text: 'Anything else you would like to tell us?',
    choice: 'Which option fits best?',
    option: 'Option',
    nps: 'How likely are you to recommend us to a friend or colleague?',
    matrix: 'How satisfied are you with each of these?',
    rows: ['Price', 'Delivery', 'Service'],
  },
  ru: {
    rating: 'Как вы оцениваете свой опыт?',
    text: 'Хотите рассказать нам что-то ещё?',
    choice: 'Какой вариант подходит лучше всего?',
    option: 'Вариант',
    nps: 'Насколько вероятно, что вы порекомендуете нас другу или коллеге?',
    matrix: 'Насколько вы довольны каждым из этих пунктов?',
    rows: ['Цены', 'Доставка', 'Обслуживание'],
  },
  bg: {
    rating: 'Как бихте оценили преживяването си?',
    text: 'Искате ли да ни кажете още нещо?',
    choice: 'Кой вариант пасва най-добре?',
    option: 'Вариант',
    nps: 'Колко вероятно е да ни препоръчате на приятел или колега?',
    matrix: 'Колко сте доволни от всяко от изброените?',
    rows: ['Цени', 'Доставка', 'Обслужване'],
  },
  de: {
    rating: 'Wie bewerten Sie Ihre Erfahrung?',
    text: 'Möchten Sie uns noch etwas mitteilen?',
    choice: 'Welche Option passt am besten?',
    option: 'Option',
    nps: 'Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?',
    matrix: 'Wie zufrieden sind Sie mit jedem dieser Punkte?',
    rows: ['Preis', 'Lieferung', 'Service'],
  },
};

const starter = (language: string) => STARTER[language] ?? STARTER.en;

/** A new question of `type` with starter wording in `language` and an id not in `taken`. */
export function newQuestion(type: QuestionType, taken: readonly string[], language: string): SurveyQuestion {
  const words = starter(language);
  const id = nextId('q', taken);
  switch (type) {
    case 'single_choice':
    case 'multi_choice':
      return {
        id,
        type,
        required: false,
        text: { [language]: words.choice },
        options: [
          { id: 'o1', label: { [language]: `${words.option} 1` } },
          { id: 'o2', label: { [language]: `${words.option} 2` } },
        ],
      };
    case 'rating':
      return { id, type, required: false, text: { [language]: words.rating }, scale: { min: 1, max: 5 } };
    case 'nps':
      return { id, type, required: false, text: { [language]: words.nps }, scale: { min: 0, max: 10 } };
    case 'text':
      return { id, type, required: false, text: { [language]: words.text }, maxLength: 1000 };
    case 'matrix':
      return {
        id,
        type,
        required: true,
        text: { [language]: words.matrix },
        scale: { min: 1, max: 5 },
        rows: words.rows.map((label, i) => ({ id: `p${i + 1}`, label: { [language]: label } })),
      };
  }
}

/** The questions a new custom survey starts with: a required rating and an optional comment. */
export function starterQuestions(language: string): SurveyQuestion[] {
  const rating = { ...newQuestion('rating', [], language), id: 'rating', required: true };
  const comment = { ...newQuestion('text', ['rating'], language), id: 'comment' };
  return [rating, comment];
}

/** Changes a question's type, keeping its id, wording and required flag. */
export function changeQuestionType(question: SurveyQuestion, type: QuestionType, language: string): SurveyQuestion {
  const fresh = newQuestion(type, [], language);
  return { ...fresh, id: question.id, required: question.required, text: question.text };
}

/** Returns a copy of `list` with the item at `from` moved to `to`. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

/** Score range of a question: nps is always 0–10; rating uses its scale (1–5 when missing). */
export function scoreRange(question: SurveyQuestion): { min: number; max: number } {
  if (question.type === 'nps') return { min: 0, max: 10 };
  return { min: question.scale?.min ?? 1, max: question.scale?.max ?? 5 };
}

/** Which end of the scale a follow-up band covers, for naming it ("Detractors", "Satisfied", …). */
export type BandTone = 'low' | 'middle' | 'high';

export function bandTone(kind: SurveyKind, band: { min: number; max: number }, scale: { min: number; max: number }): BandTone {
  if (kind === 'nps') {
    if (band.max <= 6) return 'low';
    if (band.min >= 9) return 'high';
    return 'middle';
  }
  const span = scale.max - scale.min;
  const low = scale.min + span / 3;
  const high = scale.max - span / 3;
  if (band.max <= low || (kind === 'ces' && band.min === scale.min)) return 'low';
  if (band.min >= high || (kind === 'ces' && band.max === scale.max)) return 'high';
  return 'middle';
}

/** Status changes offered for a status: the action and the status it leads to. */
export type StatusAction = 'publish' | 'pause' | 'resume' | 'close' | 'reopen';

export function statusActions(status: SurveyStatus): { action: StatusAction; to: SurveyStatus }[] {
  switch (status) {
    case 'draft':
      return [{ action: 'publish', to: 'live' }];
    case 'live':
      return [
        { action: 'pause', to: 'paused' },
        { action: 'close', to: 'closed' },
      ];
    case 'paused':
      return [
        { action: 'resume', to: 'live' },
        { action: 'close', to: 'closed' },
      ];
    case 'closed':
      return [{ action: 'reopen', to: 'live' }];
    default:
      return [];
  }
}

/** Response rate in percent, or null without displays. */
export function responseRatePercent(responses: number, displays: number): number | null {
  return displays > 0 ? (responses * 100) / displays : null;
}

/** Whether a score is at the low, middle or high end for its kind (NPS detractor/passive/promoter, etc.). */
export function scoreTone(kind: SurveyKind, score: number, scaleMax: number): BandTone | null {
  if (kind === 'nps') return score <= 6 ? 'low' : score <= 8 ? 'middle' : 'high';
  if (kind === 'csat') return score <= 2 ? 'low' : score === 3 ? 'middle' : 'high';
  if (kind === 'ces') {
    const agree = scaleMax === 5 ? 4 : 5;
    return score >= agree ? 'high' : score === agree - 1 ? 'middle' : 'low';
  }
  return null;
}
