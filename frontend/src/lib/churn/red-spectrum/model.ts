import type { paths } from '$lib/api/schema';
import { i18n } from '$lib/i18n/index.svelte';

type Ok<Op> = Op extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
type W = '/api/v1/workspaces/{workspaceId}/churn/red-spectrum';

export type RedSpectrum = Ok<paths[W]['get']>;
export type RedCustomerPage = Ok<paths[`${W}/customers`]['get']>;
export type RedCustomer = RedCustomerPage['items'][number];
export type RedStatus = RedSpectrum['statuses'][number]['status'];
export type LossReason = RedSpectrum['reasons'][number];

/** The red end of the funnel, mildest first. */
export const RED_STATUSES = ['red_green', 'red_gold', 'red_platinum'] as const satisfies readonly RedStatus[];

/** One colour per red status, from the offer turned down (light) to the long-term client lost (deep). */
export const RED_COLOURS: Record<RedStatus, string> = { red_green: '#e4826a', red_gold: '#c8442a', red_platinum: '#8a1538' };

/** The drill-down's cell: a status (or every red status) and a loss reason. */
export interface SpectrumCell {
  status: RedStatus | null;
  reason: string;
}

/** A loss reason as the dashboard names it: catalog labels as given, clusters and surveys with what they are. */
export function lossReasonLabel(reason: LossReason): string {
  const t = i18n.t.redSpectrum.reasons;
  if (reason.kind === 'unknown') return t.unknown;
  if (reason.kind === 'cluster') return t.cluster(reason.label);
  if (reason.kind === 'survey') return t.survey(reason.label);
  return reason.label;
}
