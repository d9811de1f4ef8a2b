import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiNotFoundResponse, ApiParam } from '@nestjs/swagger';
import { ErrorResponseDto } from '../http/error.dto';
import type { AppRequest, Principal, WorkspaceContext } from './principal';
import { ROLES, type Role } from './roles';
import { SCOPES, type Scope } from '@otklik/survey-model';

export const PUBLIC_KEY = 'otklik:public';
export const WORKSPACE_ACCESS_KEY = 'otklik:workspace-access';

/** No login needed (login itself, health, public ingest). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export interface WorkspaceAccessRule {
  /** Roles allowed; every member when omitted. */
  roles?: readonly Role[];
  /** Scope an API token needs; tokens are refused when omitted. */
  scope?: Scope;
  /**
   * Instead of one scope: a token needs at least one of these. For an endpoint made of parts that each show only
   * under their own scope (the home overview); the service leaves out the parts the token may not read.
   */
  anyScope?: readonly Scope[];
}

/**
 * Per scope, the roles allowed on at least one route that names it, collected from the @WorkspaceAccess rules
 * themselves as the controllers are defined, so "what a role may put in a token" cannot drift from what the
 * role may do. (Each use is still checked against the one route's roles by WorkspaceAccessGuard.)
 */
const scopeHolders = new Map<Scope, Set<Role>>();

function registerScopeHolders(rule: WorkspaceAccessRule): void {
  for (const scope of rule.scope ? [rule.scope] : (rule.anyScope ?? [])) {
    const holders = scopeHolders.get(scope) ?? new Set<Role>();
    for (const role of rule.roles ?? ROLES) holders.add(role);
    scopeHolders.set(scope, holders);
  }
}

/**
 * The scopes a member with this role may give a token: those of routes the role may call itself. A scope no route
 * names yet (reserved) opens nothing; only admins, who may do everything, may hold it.
 */
export function scopesRoleMayHold(role: Role): Scope[] {
  return SCOPES.filter((scope) => scopeHolders.get(scope)?.has(role) ?? role === 'admin');
}

/**
 * The route acts inside `:workspaceId`. Non-members get 404 (the workspace's existence is not
 * revealed); members whose role is not listed get 403.
 */
export const WorkspaceAccess = (rule: WorkspaceAccessRule = {}) => {
  registerScopeHolders(rule);
  return applyDecorators(
    SetMetadata(WORKSPACE_ACCESS_KEY, rule),
    // Who may call it, in the API document: for integrators, and for the access-matrix test.
    ApiExtension('x-otklik-access', {
      roles: rule.roles ?? ROLES,
      scope: rule.scope ?? null,
      ...(rule.anyScope ? { anyScope: rule.anyScope } : {}),
    }),
    ApiParam({ name: 'workspaceId', format: 'uuid', description: 'The workspace acted in' }),
    ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such workspace or record, or not yours' }),
    ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Your role or token scope does not allow this' }),
  );
};

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AppRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});

export const CurrentWorkspace = createParamDecorator((_: unknown, ctx: ExecutionContext): WorkspaceContext => {
  const workspace = ctx.switchToHttp().getRequest<AppRequest>().workspace;
  if (!workspace) throw new Error('CurrentWorkspace used on a route without @WorkspaceAccess');
  return workspace;
});

/** The signed-in person's id; the route must not accept API tokens. */
export const CurrentUserId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const principal = ctx.switchToHttp().getRequest<AppRequest>().principal;
  if (principal?.kind !== 'user') throw new Error('CurrentUserId needs a user session');
  return principal.userId;
});
