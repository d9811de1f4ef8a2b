import type { paths } from '$lib/api/schema';

type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
type Success<Op> = JsonContent<Responses<Op>[Extract<keyof Responses<Op>, 200 | 201>]>;
type Body<Op> = Op extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

type W = '/api/v1/workspaces/{workspaceId}/recovery';
type P = paths;

export type ProblemList = Success<P[`${W}/problems`]['get']>;
export type Problem = ProblemList['items'][number];
export type ProblemKind = Problem['kind'];
export type NewProblem = Body<P[`${W}/problems`]['post']>;
export type ProblemDetail = Success<P[`${W}/problems/{id}`]['get']>;
export type FixInput = Body<P[`${W}/problems/{id}/fix`]['post']>;
export type CustomerPage = Success<P[`${W}/problems/{id}/customers`]['get']>;
export type RecoveryCustomer = CustomerPage['items'][number];
export type CustomerState = RecoveryCustomer['state'];
export type NotifyInput = Body<P[`${W}/problems/{id}/notify`]['post']>;
export type NotifyResult = Success<P[`${W}/problems/{id}/notify`]['post']>;
export type NoticeTemplate = Success<P[`${W}/notice-template`]['get']>;
export type RecoveryReport = Success<P[`${W}/report`]['get']>;
export type Money = Problem['revenueRecovered'][number];
