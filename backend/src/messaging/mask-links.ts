/**
 * An invitation recipient's token opens their score, survey and unsubscribe links: the API shows message texts,
 * previews and case threads with it replaced by "…" (only the dispatch sends the real links).
 */
export function maskInvitationTokens(value: string): string;
export function maskInvitationTokens(value: string | null): string | null;
export function maskInvitationTokens(value: string | null): string | null {
  if (value === null) return null;
  return value
    .replace(/(\/public\/(?:invitations|marketing\/unsubscribe)\/)[^/?#\s"'<>&]+/g, (_m, path: string) => `${path}…`)
    .replace(/([?&](?:amp;)?invitation=)[^&#\s"'<>]+/g, (_m, key: string) => `${key}…`);
}
