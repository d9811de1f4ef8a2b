import type { Member } from '$lib/api/types';
import { i18n } from '$lib/i18n/index.svelte';
import type { ChurnReason, Touchpoint } from './types';

const pick = (table: Record<string, string>, key: string) => table[key] ?? key;

// Unknown values from a newer server show as they are.
export const priorityLabel = (p: string): string => pick(i18n.t.cases.priorities, p);
export const statusLabel = (s: string): string => pick(i18n.t.cases.statuses, s);
export const sourceLabel = (s: string): string => pick(i18n.t.cases.sources, s);
export const channelLabel = (c: string): string => pick(i18n.t.cases.channels, c);
export const priorityReasonLabel = (r: string): string => pick(i18n.t.cases.priorityReasons, r);

/** A member's name; "Unassigned" for no one, "Former member" for someone who has left the workspace. */
export function personName(userId: string | null, members: readonly Member[]): string {
  if (!userId) return i18n.t.cases.unassigned;
  return members.find((m) => m.userId === userId)?.name ?? i18n.t.cases.formerMember;
}

export function touchpointName(id: string | null, touchpoints: readonly Touchpoint[]): string | null {
  if (!id) return null;
  return touchpoints.find((tp) => tp.id === id)?.name ?? null;
}

/** A churn reason's label in the UI language, else English, else its key. */
export function churnReasonLabel(key: string, reasons: readonly ChurnReason[]): string {
  const reason = reasons.find((r) => r.key === key);
  if (!reason) return key;
  return reason.labels[i18n.current] ?? reason.labels.en ?? Object.values(reason.labels)[0] ?? key;
}

/** Names of mention sources as people write them; other sources show with a capital letter. */
const SOURCE_NAMES: Record<string, string> = {
  twitter: 'X (Twitter)',
  x: 'X',
  vk: 'VK',
  telegram: 'Telegram',
  facebook: 'Facebook',
  instagram: 'Instagram',
  youtube: 'YouTube',
  reddit: 'Reddit',
  tiktok: 'TikTok',
  rss: 'RSS',
  csv: 'CSV',
  ok: 'Одноклассники',
  dzen: 'Дзен',
  otzovik: 'Otzovik',
  irecommend: 'iRecommend',
};

export function mentionSourceName(source: string): string {
  return SOURCE_NAMES[source.toLowerCase()] ?? (source ? source[0].toUpperCase() + source.slice(1) : source);
}

const param = (params: Record<string, unknown>, key: string): string | null => {
  const value = params[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
};

/**
 * The case's title in the UI language: cases opened from feedback are written from their titleKey (a churn
 * reason by its label, a mention source by its name); titles people or other systems wrote stay as they are.
 */
export function caseTitle(
  c: { title: string; titleKey: string | null; titleParams: Record<string, unknown> },
  reasons: readonly ChurnReason[],
): string {
  const t = i18n.t.cases.titles;
  const p = (c.titleParams ?? {}) as Record<string, unknown>;
  switch (c.titleKey) {
    case 'low_score': {
      const score = param(p, 'score');
      const survey = param(p, 'survey');
      if (score === null || survey === null) return c.title;
      const kind = t.scoreKinds[param(p, 'kind') ?? ''] ?? t.lowScore;
      return t.low_score(kind, `${score}/${param(p, 'scale') ?? '?'}`, survey);
    }
    case 'cancellation': {
      const reason = param(p, 'reason');
      return t.cancellation(reason ? churnReasonLabel(reason, reasons) : null);
    }
    case 'negative_mention': {
      const source = param(p, 'source');
      return source === null ? c.title : t.negative_mention(mentionSourceName(source), param(p, 'author'));
    }
    case 'known_issue': {
      const name = param(p, 'name');
      return name === null ? c.title : t.known_issue(name);
    }
    case 'at_risk': {
      const rule = param(p, 'rule');
      const customer = param(p, 'customer');
      return rule === null || customer === null ? c.title : t.at_risk(i18n.t.earlyWarning.rules[rule] ?? rule, customer);
    }
    default:
      return c.title;
  }
}
