import type { paths } from '$lib/api/schema';

type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
type Success<Op> = JsonContent<Responses<Op>[Extract<keyof Responses<Op>, 200 | 201>]>;
type Body<Op> = Op extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

type W = '/api/v1/workspaces/{workspaceId}';
type P<S extends string> = `${W}${S}` extends keyof paths ? paths[`${W}${S}`] : never;

export type Budgets = Success<P<'/compensation/budgets'>['get']>;
export type Budget = Budgets['budgets'][number];
export type BudgetInput = Body<P<'/compensation/budgets'>['put']>['budgets'][number];
export type MyBudget = Success<P<'/compensation/me'>['get']>;
export type GrantPage = Success<P<'/compensation/grants'>['get']>;
export type Grant = GrantPage['items'][number];
export type GrantResult = Success<P<'/cases/{caseId}/compensations'>['post']>;
export type NewGrant = Body<P<'/cases/{caseId}/compensations'>['post']>;
export type Ledger = Success<P<'/compensation/ledger'>['get']>;
export type LedgerRow = Ledger['rows'][number];
export type Report = Success<P<'/compensation/report'>['get']>;
export type ReportRow = Report['total'];
export type GrantKind = Grant['kind'];
export type GrantStatus = Grant['status'];
export type BudgetPeriod = Budget['period'];

export const KINDS: GrantKind[] = ['refund', 'discount', 'bonus', 'gift', 'free_service'];
export const PERIODS: BudgetPeriod[] = ['month', 'quarter', 'year'];
