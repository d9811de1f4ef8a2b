import { api, unwrap } from '$lib/api/client';
import type { Backtest, SavedWarningRules, WarningPage, WarningRule, WarningRules, WarningState, WarningView } from './model';

const W = '/api/v1/workspaces/{workspaceId}/early-warning' as const;
const at = (workspaceId: string) => ({ path: { workspaceId } });

export interface WarningQuery {
  view: WarningView;
  rule: WarningRule | '';
  state: WarningState;
  cursor?: string | null;
}

export function listWarnings(workspaceId: string, q: WarningQuery): Promise<WarningPage> {
  const query: { open?: boolean; rule?: WarningRule; managerId?: string; cursor?: string; limit: number } = { limit: 50 };
  if (q.state !== 'all') query.open = q.state === 'open';
  if (q.rule) query.rule = q.rule;
  if (q.view === 'mine') query.managerId = 'me';
  if (q.cursor) query.cursor = q.cursor;
  return unwrap(api.GET(`${W}/warnings`, { params: { ...at(workspaceId), query } }));
}

export const getRules = (workspaceId: string): Promise<SavedWarningRules> => unwrap(api.GET(`${W}/rules`, { params: at(workspaceId) }));

export const saveRules = (workspaceId: string, body: WarningRules): Promise<SavedWarningRules> =>
  unwrap(api.PUT(`${W}/rules`, { params: at(workspaceId), body }));

export const scanNow = (workspaceId: string): Promise<{ raised: number; cleared: number }> =>
  unwrap(api.POST(`${W}/scan`, { params: at(workspaceId) }));

export const backtest = (workspaceId: string, weeks = 26): Promise<Backtest> =>
  unwrap(api.GET(`${W}/backtest`, { params: { ...at(workspaceId), query: { weeks } } }));
