import type { components } from '$lib/api/schema';
import { formatNumber } from '$lib/format';
import { i18n } from '$lib/i18n/index.svelte';

type S = components['schemas'];
export type AuditGrid = S['AuditGridDto'];
export type GridRow = S['GridRowDto'];
export type AuditModel = S['AuditModelDto'];
export type AuditProcess = S['ProcessDto'];
export type AuditCriterion = S['CriterionDto'];
export type CriterionDetail = S['CriterionDetailDto'];
export type AuditCheck = S['CheckDto'];
export type AuditColour = GridRow['colour'];
export type AuditMeasure = AuditCriterion['measure'];

/** One touchpoint's rows of the grid, in the server's order. */
export interface TouchpointRows {
  touchpointId: string;
  touchpointName: string;
  rows: GridRow[];
}

export function byTouchpoint(rows: readonly GridRow[]): TouchpointRows[] {
  const groups: TouchpointRows[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last?.touchpointId === row.touchpointId) last.rows.push(row);
    else groups.push({ touchpointId: row.touchpointId, touchpointName: row.touchpointName, rows: [row] });
  }
  return groups;
}

/** A value with its unit: "15 min", "4.5", "90 %". */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  const shown = formatNumber(value, 2);
  if (unit === 'score' || unit === 'points' || unit === 'cases') return shown;
  return `${shown} ${i18n.t.serviceAudit.units[unit] ?? unit}`;
}

/** Better, worse or the same as the month before, in the criterion's direction; null without both values. */
export function trendOf(row: GridRow): 'up' | 'down' | 'flat' | null {
  if (row.value === null || row.previousValue === null) return null;
  if (row.value === row.previousValue) return 'flat';
  const higher = row.value > row.previousValue;
  return higher === (row.criterion.direction === 'higher_better') ? 'up' : 'down';
}

export function thresholdsText(c: AuditCriterion): string {
  const t = i18n.t.serviceAudit.grid;
  const green = formatValue(c.green, c.unit);
  const yellow = formatValue(c.yellow, c.unit);
  return c.direction === 'lower_better' ? t.lowerBetter(green, yellow) : t.higherBetter(green, yellow);
}

/** "2026-11" in the UI language: "November 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(i18n.intlTag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

export function shortMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(i18n.intlTag, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

/** The last full month on the user's clock: the audit reviews a closed month (the server's default too). */
export function lastFullMonth(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The pattern the page accepts in ?month= (anything else falls back to the current month). */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
