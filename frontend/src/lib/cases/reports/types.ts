import type { paths } from '$lib/api/schema';
import { CHANNELS as CASE_CHANNELS, PRIORITIES as CASE_PRIORITIES } from '../model';

/* Case report types, derived from the operations (they survive regenerating schema.d.ts). */

type Ok<Op> = Op extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
type W = '/api/v1/workspaces/{workspaceId}/case-reports';

export type CaseReport = Ok<paths[W]['get']>;
export type CaseReportSeries = Ok<paths[`${W}/series`]['get']>;
export type CaseReportGroup = CaseReport['groups'][number];
export type CaseFigures = CaseReport['totals'];
export type CaseReportPoint = CaseReportSeries['points'][number];
export type GroupBy = CaseReport['groupBy'];
export type Interval = CaseReportSeries['interval'];

export const GROUP_BYS: readonly GroupBy[] = ['touchpoint', 'owner', 'channel', 'priority', 'month'];
export const INTERVALS: readonly Interval[] = ['week', 'month'];

type ReportQuery = NonNullable<paths[W]['get']['parameters']['query']>;
export type ReportChannel = NonNullable<ReportQuery['channel']>;
export type ReportPriority = NonNullable<ReportQuery['priority']>;

// The report filters offer the channels and priorities cases have, in the cases' order.
export const CHANNELS: readonly ReportChannel[] = CASE_CHANNELS;
export const PRIORITIES: readonly ReportPriority[] = CASE_PRIORITIES;
