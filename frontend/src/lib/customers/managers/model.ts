import type { paths } from '$lib/api/schema';
import { i18n } from '$lib/i18n/index.svelte';

type Ok<Op> = Op extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type ManagersReport = Ok<paths['/api/v1/workspaces/{workspaceId}/customers/managers-report']['get']>;
export type ManagersReportRow = ManagersReport['rows'][number];
export type ManagersGrouping = ManagersReport['by'];
export const MANAGERS_GROUPINGS = ['manager', 'touchpoint', 'segment'] as const satisfies readonly ManagersGrouping[];

/** A group's name: the manager, touchpoint or segment, or what the customers without one are. */
export function groupLabel(row: ManagersReportRow, by: ManagersGrouping): string {
  const t = i18n.t.accountManagers;
  if (row.label !== null) return row.label;
  return by === 'touchpoint' ? t.noTouchpoint : t.noManager;
}
