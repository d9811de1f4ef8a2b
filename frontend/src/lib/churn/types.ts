import type { paths } from '$lib/api/schema';

/* Churn page types, derived from the operations (they survive regenerating schema.d.ts). */

type Ok<Op> = Op extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
type W = '/api/v1/workspaces/{workspaceId}/churn';

export type ChurnSummary = Ok<paths[`${W}/summary`]['get']>;
export type InactiveCustomers = Ok<paths[`${W}/inactive`]['get']>;
export type ReasonsOverTime = Ok<paths[`${W}/reasons-over-time`]['get']>;
export type ReasonBreakdown = Ok<paths[`${W}/reasons/breakdown`]['get']>;
export type BreakdownDimension = ReasonBreakdown['by'];
export type ReasonComments = Ok<paths[`${W}/reasons/{reasonKey}/comments`]['get']>;
export type Cohorts = Ok<paths[`${W}/cohorts`]['get']>;
export type Funnel = Ok<paths[`${W}/funnel`]['get']>;
export type ChurnTrend = Ok<paths[`${W}/trend`]['get']>;
export type MoneyLost = Ok<paths[`${W}/money-lost`]['get']>;
export type ReasonInfo = ReasonsOverTime['reasons'][number];
