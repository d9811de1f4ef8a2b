import { channelLabel, priorityLabel } from '$lib/cases/labels';
import { monthLabel } from '$lib/churn/labels';
import { i18n } from '$lib/i18n/index.svelte';
import type { CaseReportPoint, GroupBy } from './types';

/** A group's name in the UI language: touchpoint / owner names as stored, channels and priorities translated. */
export function groupLabel(groupBy: GroupBy, group: { key: string | null; label: string | null }): string {
  const t = i18n.t.caseReports.table;
  if (group.key === null) return groupBy === 'owner' ? t.unassigned : t.noTouchpoint;
  if (groupBy === 'channel') return channelLabel(group.key);
  if (groupBy === 'priority') return priorityLabel(group.key);
  if (groupBy === 'month') return monthLabel(group.key);
  return group.label ?? group.key;
}

/** A series point: "Oct 2026" for months, the week's first day ("16 Nov") for weeks. */
export function pointLabel(point: CaseReportPoint): string {
  if (/^\d{4}-\d{2}$/.test(point.label)) return monthLabel(point.label);
  return new Intl.DateTimeFormat(i18n.intlTag, { day: 'numeric', month: 'short' }).format(new Date(point.start));
}
