import type { components, paths } from '$lib/api/schema';
import { formatNumber } from '$lib/format';
export { pct } from '../reports/format';
import { i18n } from '$lib/i18n/index.svelte';

/* Routing report types, derived from the operation (they survive regenerating schema.d.ts). */

type Ok<Op> = Op extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
export const ROUTING_PATH = '/api/v1/workspaces/{workspaceId}/case-reports/routing' as const;

export type RoutingReport = Ok<paths[typeof ROUTING_PATH]['get']>;
export type RoutingFigures = RoutingReport['totals'];
export type RoutingGroup = RoutingReport['byRule'][number];
export type RoutingTouchpoint = RoutingReport['touchpoints'][number];
export type ReassignReason = components['schemas']['ReassignReason'];
export type CaseHop = components['schemas']['CaseHopDto'];

export const REASSIGN_REASONS: readonly ReassignReason[] = [
  'wrong_touchpoint',
  'wrong_owner',
  'escalation',
  'workload',
  'absence',
  'other',
];

export const reasonLabel = (reason: string): string => i18n.t.caseRouting.reasons[reason] ?? reason;
export const ruleLabel = (rule: string | null): string =>
  rule === null ? i18n.t.caseRouting.groups.unknown : (i18n.t.caseRouting.rules[rule] ?? rule);

const dash = '—';
export const hours = (value: number | null): string => (value === null ? dash : i18n.t.caseRouting.hours(formatNumber(value, 1)));
export const perCase = (value: number | null): string => (value === null ? dash : formatNumber(value, 2));
