import type { DisplayRules, Survey, SurveyQuestion, UpdateSurveyBody, WidgetTheme } from '$lib/api/types';
import { cleanQuestions, sameValue } from './model';

/*
 * The builder edits a copy of the survey (the draft); the preview shows the draft, and each tab saves
 * its own part. These helpers make the copies and the request bodies, and tell whether a part changed.
 */

export interface SettingsDraft {
  name: string;
  touchpointName: string;
  languages: string[];
  defaultLanguage: string;
  /** Allowed origins, one per line as typed. */
  origins: string;
  displayRules: DisplayRules;
  theme: WidgetTheme;
  /** Refuse customer ids without the host's identity hash. */
  requireVerifiedCustomer: boolean;
  /** Skip the workspace's contact frequency cap (the communication guard still applies). */
  contactPolicyExempt: boolean;
}

/** A deep copy (JSON data; the survey may be a reactive proxy, which structuredClone refuses). */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function copyQuestions(survey: Survey): SurveyQuestion[] {
  return copy(survey.questions);
}

export function toSettingsDraft(survey: Survey): SettingsDraft {
  return {
    name: survey.name,
    touchpointName: survey.touchpointName ?? '',
    languages: [...survey.languages],
    defaultLanguage: survey.defaultLanguage,
    origins: survey.allowedOrigins.join('\n'),
    displayRules: copy(survey.displayRules),
    theme: copy(survey.theme),
    requireVerifiedCustomer: survey.requireVerifiedCustomer,
    contactPolicyExempt: survey.contactPolicyExempt,
  };
}

export function originsList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim().replace(/(?<!\/)\/+$/, ''))
    .filter(Boolean);
}

function cleanRules(rules: DisplayRules): DisplayRules {
  const out: DisplayRules = {
    trigger: rules.trigger,
    samplePercent: rules.samplePercent,
    recontactDays: rules.recontactDays,
    stopAfterResponse: rules.stopAfterResponse,
  };
  if (rules.trigger === 'delay' || rules.delaySeconds != null) out.delaySeconds = rules.delaySeconds ?? 0;
  const eventName = rules.eventName?.trim();
  if (eventName) out.eventName = eventName;
  return out;
}

/** The PATCH body for the settings tab. */
export function settingsBody(draft: SettingsDraft): UpdateSurveyBody {
  const touchpointName = draft.touchpointName.trim();
  return {
    name: draft.name.trim(),
    // The API cannot clear a touchpoint (it takes a non-empty text or nothing).
    ...(touchpointName ? { touchpointName } : {}),
    languages: draft.languages,
    defaultLanguage: draft.defaultLanguage,
    allowedOrigins: originsList(draft.origins),
    displayRules: cleanRules(draft.displayRules),
    theme: { primaryColor: draft.theme.primaryColor, position: draft.theme.position },
    requireVerifiedCustomer: draft.requireVerifiedCustomer,
    contactPolicyExempt: draft.contactPolicyExempt,
  };
}

export function settingsChanged(draft: SettingsDraft, survey: Survey): boolean {
  return !sameValue(settingsBody(draft), settingsBody(toSettingsDraft(survey)));
}

export function questionsChanged(questions: SurveyQuestion[], survey: Survey): boolean {
  return !sameValue(cleanQuestions(questions), cleanQuestions(survey.questions));
}
