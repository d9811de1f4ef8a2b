import type { paths } from '$lib/api/schema';
import { formatNumber, formatSigned } from '$lib/format';
import { i18n } from '$lib/i18n/index.svelte';

type Ok<Op> = Op extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type MirrorList = Ok<paths['/api/v1/workspaces/{workspaceId}/mirrors']['get']>;
export type Mirror = MirrorList['items'][number];
export type MyMirrors = Ok<paths['/api/v1/workspaces/{workspaceId}/mirrors/mine']['get']>;
export type MyMirror = MyMirrors['items'][number];
export type MirrorReport = Ok<paths['/api/v1/workspaces/{workspaceId}/mirrors/{mirrorId}/report']['get']>;
export type MirrorReportRow = MirrorReport['rows'][number];

/** A survey text in the dashboard's language, else English, else any. */
export function textOf(text: Record<string, string> | undefined): string {
  if (!text) return '';
  return text[i18n.current] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** "3.33" or "—". */
export const meanText = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : formatNumber(value, 2);

/** "+1.07" / "−0.50" or "—". */
export const gapText = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : formatSigned(value, 2));

/** Row label for charts: touchpoint, then the question when the survey has several. */
export function rowLabel(row: MirrorReportRow, report: MirrorReport): string {
  const questions = new Set(report.rows.map((r) => r.questionId)).size;
  return questions > 1 ? `${row.touchpointName} · ${textOf(row.questionText)}` : row.touchpointName;
}

/** "2026-11-01" → "Nov 2026" in the dashboard's language. */
export function periodLabel(periodStart: string): string {
  const date = new Date(`${periodStart}T00:00:00Z`);
  return new Intl.DateTimeFormat(i18n.intlTag, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}
