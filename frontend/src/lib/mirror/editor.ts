import type { components } from '$lib/api/schema';

/** A customer survey that can be mirrored (it has an NPS or rating question). */
export type MirrorSurvey = { id: string; name: string };
type CreateBody = components['schemas']['CreateMirrorDto'];

/** The languages the form offers a prefix in; the server's built-in wording (the placeholders) covers the rest. */
export const PREFIX_LANGUAGES = ['en', 'ru', 'bg', 'de'] as const;
export type PrefixLanguage = (typeof PREFIX_LANGUAGES)[number];

/** The server's wording when a mirror sets no prefix for a language (backend mirror-questions.ts). */
export const DEFAULT_PREFIX: Record<PrefixLanguage, string> = {
  en: 'How do you think customers answer:',
  ru: 'Как, по-вашему, ответят клиенты:',
  bg: 'Как според вас отговарят клиентите:',
  de: 'Wie, glauben Sie, antworten die Kunden:',
};

/** The form as typed: touchpoints as id → extra staff ids. */
export interface MirrorDraft {
  name: string;
  surveyId: string;
  period: 'month' | 'quarter';
  prefix: Record<string, string>;
  /** Numbers as the inputs give them: a number, or text, or null when empty. */
  graceDays: string | number | null;
  blindSpotRating: string | number | null;
  blindSpotNps: string | number | null;
  active: boolean;
  touchpoints: Record<string, string[]>;
}

export interface MirrorFormErrors {
  survey: string;
  touchpoints: string;
  name: string;
  graceDays: string;
  blindSpotRating: string;
  blindSpotNps: string;
  prefix: string;
}

/** Decimal text with a point or a comma ("0,5" as typed in ru/bg); null when not a number. */
function numberOf(text: string | number | null): number | null {
  if (text === null) return null;
  const s = String(text).trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

/** Checks the draft as the API does, with messages in the user's language; the request body when it passes. */
export function validateMirror(
  draft: MirrorDraft,
  messages: MirrorFormErrors,
): { errors: Record<string, string>; body: CreateBody | null } {
  const errors: Record<string, string> = {};
  if (!draft.surveyId) errors.surveyId = messages.survey;
  const touchpointIds = Object.keys(draft.touchpoints);
  if (touchpointIds.length === 0) errors.touchpoints = messages.touchpoints;
  else if (touchpointIds.length > 20) errors.touchpoints = messages.touchpoints;
  const name = draft.name.trim();
  if (name.length > 200) errors.name = messages.name;
  const grace = numberOf(draft.graceDays);
  if (grace === null || !Number.isInteger(grace) || grace > 31) errors.graceDays = messages.graceDays;
  const rating = numberOf(draft.blindSpotRating);
  if (rating === null || rating < 0.1 || rating > 4 || Math.round(rating * 100) !== rating * 100)
    errors.blindSpotRating = messages.blindSpotRating;
  const nps = numberOf(draft.blindSpotNps);
  if (nps === null || nps < 0.1 || nps > 10 || Math.round(nps * 100) !== nps * 100) errors.blindSpotNps = messages.blindSpotNps;
  const prefix: Record<string, string> = {};
  for (const [lang, text] of Object.entries(draft.prefix)) {
    const trimmed = text.trim();
    if (trimmed.length > 200) errors[`prefix.${lang}`] = messages.prefix;
    else if (trimmed) prefix[lang] = trimmed;
  }
  if (Object.keys(errors).length > 0) return { errors, body: null };
  return {
    errors,
    body: {
      surveyId: draft.surveyId,
      ...(name ? { name } : {}),
      period: draft.period,
      prefix,
      graceDays: grace!,
      blindSpotRating: rating!,
      blindSpotNps: nps!,
      active: draft.active,
      touchpoints: touchpointIds.map((id) => ({ id, extraStaffIds: draft.touchpoints[id] })),
    },
  };
}
