import type { Principal } from '../common/auth/principal';
import type { Role } from '../common/auth/roles';
import type { Scope } from '@otklik/survey-model';
import type { ChecklistStep, OverviewPart } from './overview.dto';

/**
 * What reading each part needs: the scope (and roles, where restricted) of the endpoint its linked page reads, so
 * the overview never shows a token or a person more than that page would.
 */
export interface ReadRule {
  scope: Scope;
  roles?: readonly Role[];
}

export const PART_RULES: Record<OverviewPart, ReadRule> = {
  scores: { scope: 'responses:read' }, // GET …/metrics/:kind, GET …/surveys/:id/metrics
  churn: { scope: 'customers:read' }, // GET …/churn/summary, …/churn/reasons-over-time
  cases: { scope: 'cases:read' }, // GET …/cases
  clusters: { scope: 'clusters:read' }, // GET …/clusters
  mentions: { scope: 'mentions:read' }, // GET …/mentions/stats, …/mentions/alerts
  touchpoints: { scope: 'workspace:read' }, // GET …/touchpoints
  sleeping: { scope: 'customers:read' }, // GET …/churn/inactive
};

export const STEP_RULES: Record<ChecklistStep, ReadRule> = {
  survey: { scope: 'surveys:read' },
  embed: { scope: 'surveys:read' },
  owners: { scope: 'workspace:read' },
  sla: { scope: 'workspace:read' },
  cancellation: { scope: 'customers:read' },
  mentions: { scope: 'mentions:read' },
  team: { scope: 'members:read' },
};

/** Every scope that opens at least one part: a token needs one of them to call the overview at all. */
export const OVERVIEW_SCOPES: readonly Scope[] = [
  ...new Set([...Object.values(PART_RULES), ...Object.values(STEP_RULES)].map((r) => r.scope)),
];

/** Null when the caller may read under this rule, else what is missing (the guard has already checked membership). */
export function refusal(principal: Principal, role: Role | null, rule: ReadRule): { needs: string; reason: string } | null {
  if (principal.kind === 'token') {
    if (!principal.scopes.includes(rule.scope)) return { needs: rule.scope, reason: `This API token lacks the "${rule.scope}" scope.` };
    if (rule.roles && !rule.roles.includes(principal.creatorRole)) {
      return {
        needs: rule.roles.join(', '),
        reason: `This API token's creator is now ${principal.creatorRole}, and that role cannot read this.`,
      };
    }
    return null;
  }
  if (rule.roles && (!role || !rule.roles.includes(role)))
    return { needs: rule.roles.join(', '), reason: `Your role (${role}) cannot read this.` };
  return null;
}
