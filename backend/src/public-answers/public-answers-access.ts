import { HttpStatus } from '@nestjs/common';
import type { Scope } from '@otklik/survey-model';
import type { Principal } from '../common/auth/principal';
import { ApiError } from '../common/http/api-error';

/** Which cross-module parts of the workflow a caller may see: people see all; a token only under those modules' read scopes. */
export interface WorkflowParts {
  /** The case's root cause (cases:read). */
  rootCause: boolean;
  /** Compensation amounts and waiting grants (compensation:read). */
  compensationAmounts: boolean;
}

export const ALL_PARTS: WorkflowParts = { rootCause: true, compensationAmounts: true };

export function workflowParts(principal: Principal): WorkflowParts {
  if (principal.kind !== 'token') return ALL_PARTS;
  return { rootCause: principal.scopes.includes('cases:read'), compensationAmounts: principal.scopes.includes('compensation:read') };
}

/** A second scope a token needs on a route that writes into two modules (the route's rule checks the first). */
export function assertTokenScope(principal: Principal, scope: Scope): void {
  if (principal.kind === 'token' && !principal.scopes.includes(scope)) {
    throw new ApiError(HttpStatus.FORBIDDEN, 'insufficient_scope', `This API token lacks the "${scope}" scope.`);
  }
}
