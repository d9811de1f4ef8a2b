import { HttpStatus } from '@nestjs/common';
import type { Scope } from '@otklik/survey-model';
import type { Principal } from '../common/auth/principal';
import { ApiError } from '../common/http/api-error';
import type { BreakdownMetric } from './segments.dto';

/** The read scope of the page each metric comes from: the breakdown must not show a token more than that page would. */
export const METRIC_SCOPES: Record<BreakdownMetric, Scope> = {
  nps: 'responses:read', // GET …/metrics/nps
  csat: 'responses:read', // GET …/metrics/csat
  churn: 'customers:read', // GET …/churn/summary
  cases: 'cases:read', // GET …/cases/reports
  mentions: 'mentions:read', // GET …/mentions/stats
};

/** Refuses a token without the metric's own scope (the route already required customers:read); people read every metric. */
export function assertMetricReadable(principal: Principal, metric: BreakdownMetric): void {
  if (principal.kind !== 'token') return;
  const scope = METRIC_SCOPES[metric];
  if (!principal.scopes.includes(scope)) {
    throw new ApiError(
      HttpStatus.FORBIDDEN,
      'insufficient_scope',
      `This API token lacks the "${scope}" scope needed for the ${metric} breakdown.`,
    );
  }
}
