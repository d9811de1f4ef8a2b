/*
 * Builds, in the browser, the PublicSurveyConfig that GET /api/v1/public/surveys/{publicKey} would serve, from
 * the questions being edited (saved or not), so the live preview shows exactly what visitors would get.
 * Localisation and the widget's button texts come from @otklik/survey-model, the code the server runs, so the
 * preview cannot drift from the server.
 */
import { directionOf, localizeQuestions, uiText, type PublicSurveyConfig, type Question } from '@otklik/survey-model';
import type { DisplayRules, SurveyKind, SurveyQuestion, WidgetTheme } from '$lib/api/types';
import { cleanQuestions } from './model';

export type { PublicSurveyConfig } from '@otklik/survey-model';

export interface PreviewSource {
  publicKey: string;
  kind: SurveyKind;
  version: number;
  defaultLanguage: string;
  questions: SurveyQuestion[];
  displayRules: DisplayRules;
  theme: WidgetTheme;
}

/** The config a widget would receive for `language`, always eligible (a preview shows regardless of rules). */
export function buildPreviewConfig(source: PreviewSource, language: string): PublicSurveyConfig {
  // Blank translations are dropped first, as saving does, so they fall back to the default language.
  const questions = cleanQuestions(source.questions) as Question[];
  return {
    publicKey: source.publicKey,
    kind: source.kind,
    version: source.version,
    language,
    direction: directionOf(language),
    questions: localizeQuestions(questions, language, source.defaultLanguage),
    displayRules: { ...source.displayRules },
    theme: { ...source.theme },
    eligible: true,
    ui: uiText(language),
  };
}
