import { ApiError, toApiError } from './api/errors';
import { i18n } from './i18n/index.svelte';

/**
 * The text to show a person for a failed call: known error codes in the
 * user's language, otherwise the server's own message.
 */
export function errorMessage(error: unknown): string {
  const e: ApiError = toApiError(error);
  const t = i18n.t.errors;
  if (e.status === 429 || e.code === 'too_many_requests') return t.tooManyRequests;
  if (e.status === 0 || e.code === 'network_error') return t.network;
  if (e.code === 'csrf_invalid') return t.csrf;
  if (e.code === 'stale_survey') return t.staleSurvey;
  if (e.code === 'cluster_not_active') return t.clusterNotActive;
  if (e.code === 'stale_edit') return t.staleEdit;
  if (e.code === 'mirror_changed') return t.mirrorChanged;
  if (e.code === 'mirror_inactive') return t.mirrorInactive;
  if (e.code === 'mirror_answered') return t.mirrorAnswered;
  if (e.code === 'period_closed') return t.periodClosed;
  // Known codes are phrased in the user's language; other messages come from the server.
  if (e.code === 'invalid_credentials') return t.invalidCredentials;
  if (e.code === 'last_admin') return t.lastAdmin;
  if (e.code === 'already_member') return t.alreadyMember;
  if (e.code === 'forbidden') return t.forbidden;
  if (e.status === 404 && e.message.startsWith('Invitation')) return t.invitationGone;
  if (e.status >= 500) return e.message && e.code !== 'unknown_error' ? e.message : t.generic;
  return e.message || t.generic;
}
