/*
 * Builds, in the browser, the PublicSurveyConfig that GET /api/v1/public/surveys/{publicKey} would serve, from
 * the questions being edited (saved or not), so the live preview shows exactly what visitors would get.
 * Localisation and the widget's button texts come from the backend's own pure modules (no Nest imports), so
 * the preview cannot drift from the server.
 */
import type { PublicSurveyConfig, Question } from '../../../../backend/src/surveys/survey-definition';
import { localizeQuestions } from '../../../../backend/src/surveys/localize';
import { directionOf, uiText } from '../../../../backend/src/surveys/templates';
import type { DisplayRules, SurveyKind, SurveyQuestion, WidgetTheme } from '$lib/api/types';
import { cleanQuestions } from './model';

export type { PublicSurveyConfig } from '../../../../backend/src/surveys/survey-definition';

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
		ui: uiText(language)
	};
}
