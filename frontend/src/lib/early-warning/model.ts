import type { components } from '$lib/api/schema';
import { i18n } from '$lib/i18n/index.svelte';

export type Warning = components['schemas']['WarningDto'];
export type WarningPage = components['schemas']['WarningPageDto'];
export type WarningRule = components['schemas']['WarningRule'];
export type WarningRules = components['schemas']['EarlyWarningRulesDto'];
export type SavedWarningRules = components['schemas']['EarlyWarningRulesResponseDto'];
export type Backtest = components['schemas']['BacktestDto'];
export type RfmGroup = components['schemas']['RfmGroup'];

export const WARNING_RULES: readonly WarningRule[] = ['rhythm_break', 'payments_stopped', 'usage_drop', 'rfm_at_risk'];
export const RFM_GROUPS: readonly RfmGroup[] = ['champions', 'loyal', 'potential', 'new', 'at_risk', 'cant_lose', 'hibernating', 'lost'];

/** Which warnings the page lists: the viewer's own customers or everyone's. */
export type WarningView = 'mine' | 'all';
export type WarningState = 'open' | 'cleared' | 'all';

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0));
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** A number of days as people say it: whole, or with one decimal when it has one. */
const daysText = (value: unknown): string => {
  const n = num(value);
  return Number.isInteger(n) ? String(n) : n.toLocaleString(i18n.intlTag, { maximumFractionDigits: 1 });
};

/** What the rule saw, in the reader's language (e.g. "usual interval 9 days, 23 days since the last order"). */
export function seenText(rule: string, detail: Record<string, unknown>): string {
  const t = i18n.t.earlyWarning.seen;
  switch (rule) {
    case 'rhythm_break':
      return t.rhythm_break(daysText(detail.usualIntervalDays), num(detail.daysSinceLast));
    case 'payments_stopped':
      return t.payments_stopped(daysText(detail.usualIntervalDays), num(detail.graceDays), num(detail.daysSinceLast));
    case 'usage_drop':
      return t.usage_drop(text(detail.event), num(detail.previous), num(detail.current), num(detail.dropPercent));
    case 'rfm_at_risk':
      return t.rfm_at_risk(rfmGroupName(text(detail.group)));
    default:
      return '';
  }
}

export const ruleName = (rule: string): string => i18n.t.earlyWarning.rules[rule] ?? rule;
export const rfmGroupName = (group: string): string => i18n.t.earlyWarning.rfmGroups[group] ?? group;
