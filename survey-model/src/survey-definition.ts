/** The shape of a survey as stored (versioned questions) and as served to widgets. */

export const SURVEY_KINDS = ['nps', 'csat', 'ces', 'custom'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SURVEY_STATUSES = ['draft', 'live', 'paused', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** Languages with built-in wording. A survey may add others with its own texts. */
export const BUILT_IN_LANGUAGES = ['en', 'ru', 'bg', 'de'] as const;

/** Text per language code, e.g. { en: 'Why?', ru: 'Почему?' }. */
export type LocalizedText = Record<string, string>;

export const QUESTION_TYPES = ['nps', 'rating', 'text', 'single_choice', 'multi_choice', 'matrix'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface ChoiceOption {
  id: string;
  label: LocalizedText;
}

/** A parameter of a matrix question (price, delivery, …), rated on the question's scale. */
export interface MatrixRow {
  /** Stable within the question: the answer is keyed by it. [a-z0-9_-]{1,40} */
  id: string;
  label: LocalizedText;
}

/** Wording used when the score question's answer falls in [min, max]. */
export interface ScoreBandText {
  min: number;
  max: number;
  text: LocalizedText;
}

export interface Question {
  /** Stable within the survey: answers are keyed by it. [a-z0-9_-]{1,40} */
  id: string;
  type: QuestionType;
  required: boolean;
  text: LocalizedText;
  /** nps: always 0..10. rating: 1..5 or 1..7 (CES), 1..5 (CSAT). matrix: one of MATRIX_SCALES (1..5 by default). */
  scale?: { min: number; max: number; minLabel?: LocalizedText; maxLabel?: LocalizedText };
  /** single_choice / multi_choice. */
  options?: ChoiceOption[];
  /** matrix: the parameters, each rated on `scale` (MATRIX_ROWS_MIN..MATRIX_ROWS_MAX). */
  rows?: MatrixRow[];
  /** text: alternative wording by the score given to `scoreQuestionId` (e.g. detractors asked what went wrong). */
  textByScore?: { scoreQuestionId: string; bands: ScoreBandText[] };
  /** Max characters for text answers (≤ 5000). */
  maxLength?: number;
}

export const DISPLAY_TRIGGERS = ['page_load', 'delay', 'event', 'exit_intent'] as const;
export type DisplayTrigger = (typeof DISPLAY_TRIGGERS)[number];

export interface DisplayRules {
  trigger: DisplayTrigger;
  /** For trigger 'delay'. */
  delaySeconds?: number;
  /** For trigger 'event': shown when the host page calls Otklik.track(eventName). */
  eventName?: string;
  /** Share of eligible visitors who see it, 0..100. */
  samplePercent: number;
  /** Not shown again to the same respondent for this many days after a display or a response. */
  recontactDays: number;
  /** Never shown again to a respondent who finished it. */
  stopAfterResponse: boolean;
}

export const WIDGET_POSITIONS = ['bottom-right', 'bottom-left', 'center'] as const;
export type WidgetPosition = (typeof WIDGET_POSITIONS)[number];

export interface WidgetTheme {
  /** CSS colour for buttons and the selected score, e.g. #3d5afe. */
  primaryColor: string;
  position: WidgetPosition;
}

/** A matrix answer: row id → the whole number given to that parameter. */
export type MatrixAnswer = Record<string, number>;

/**
 * Answer values by question type: nps/rating → integer; text → string; single_choice → option id; multi_choice →
 * option ids; matrix → row id → integer.
 */
export type AnswerValue = number | string | string[] | MatrixAnswer;
export type Answers = Record<string, AnswerValue>;

/**
 * What a widget receives from GET /api/v1/public/surveys/{publicKey}: one version's questions with texts
 * already resolved to a single language, plus whether this respondent may see it now.
 */
export interface PublicSurveyConfig {
  publicKey: string;
  kind: SurveyKind;
  version: number;
  /** The language the texts are in: the first of the visitor's candidates the survey has, else its default. */
  language: string;
  /** 'rtl' for right-to-left languages. */
  direction: 'ltr' | 'rtl';
  questions: PublicQuestion[];
  displayRules: DisplayRules;
  theme: WidgetTheme;
  /** False when the recontact rules say not to show it to this respondent now. */
  eligible: boolean;
  /** Why not, when not eligible: 'recontact_window' | 'already_responded' | 'not_live' | 'customer_not_verified'. */
  ineligibleReason?: string;
  /** Button and helper texts in `language`. */
  ui: WidgetUiText;
}

export interface PublicQuestion {
  id: string;
  type: QuestionType;
  required: boolean;
  text: string;
  scale?: { min: number; max: number; minLabel?: string; maxLabel?: string };
  options?: { id: string; label: string }[];
  rows?: { id: string; label: string }[];
  textByScore?: { scoreQuestionId: string; bands: { min: number; max: number; text: string }[] };
  maxLength: number;
}

export interface WidgetUiText {
  next: string;
  submit: string;
  close: string;
  thanks: string;
  required: string;
  placeholder: string;
  /** Accessible name of a score button, e.g. "{score} out of {max}". */
  scoreLabel: string;
}
