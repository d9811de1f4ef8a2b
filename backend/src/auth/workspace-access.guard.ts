import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY, WORKSPACE_ACCESS_KEY, WorkspaceAccessRule } from '../common/auth/access.decorators';
import type { AppRequest } from '../common/auth/principal';
import { ApiError, forbidden, notFound } from '../common/http/api-error';
import { MembershipsReader } from '../members/memberships.reader';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Decides whether the caller may act in the route's `:workspaceId`.
 * Anyone outside the workspace gets 404, exactly as for a workspace that does not exist.
 * API tokens reach only routes that name a scope, and only in their own workspace.
 */
@Injectable()
export class WorkspaceAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly memberships: MembershipsReader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<AppRequest>();
    const principal = req.principal;
    const rule = this.reflector.getAllAndOverride<WorkspaceAccessRule | undefined>(WORKSPACE_ACCESS_KEY, targets);

    if (!rule) {
      if (principal?.kind === 'token') {
        throw new ApiError(HttpStatus.FORBIDDEN, 'token_not_allowed', 'This endpoint needs a signed-in user; API tokens cannot use it.');
      }
      return true;
    }

    const param = req.params.workspaceId;
    if (typeof param !== 'string' || !UUID.test(param)) throw notFound('Workspace');
    const workspaceId = param.toLowerCase();

    if (principal?.kind === 'token') {
      if (principal.workspaceId !== workspaceId) throw notFound('Workspace');
      if (rule.anyScope) {
        if (!rule.anyScope.some((scope) => principal.scopes.includes(scope))) {
          throw new ApiError(
            HttpStatus.FORBIDDEN,
            'insufficient_scope',
            `This API token needs one of these scopes: ${rule.anyScope.join(', ')}.`,
          );
        }
      } else if (!rule.scope) {
        throw new ApiError(HttpStatus.FORBIDDEN, 'token_not_allowed', 'API tokens cannot use this endpoint; sign in as an admin.');
      } else if (!principal.scopes.includes(rule.scope)) {
        throw new ApiError(HttpStatus.FORBIDDEN, 'insufficient_scope', `This API token lacks the "${rule.scope}" scope.`);
      }
      // The creator's role as it is now (read with the token): a demoted creator's token loses what they lost.
      if (rule.roles && !rule.roles.includes(principal.creatorRole)) {
        throw new ApiError(
          HttpStatus.FORBIDDEN,
          'token_creator_role',
          `This API token's creator is now ${principal.creatorRole}, and that role cannot do this (allowed: ${rule.roles.join(', ')}). Ask an admin for a new token.`,
        );
      }
      req.workspace = { workspaceId: principal.workspaceId, role: null };
      return true;
    }

    if (principal?.kind !== 'user') return false;
    const role = await this.memberships.roleOf(workspaceId, principal.userId);
    if (!role) throw notFound('Workspace');
    if (rule.roles && !rule.roles.includes(role)) {
      throw forbidden(`Your role (${role}) cannot do this. Allowed: ${rule.roles.join(', ')}.`);
    }
    req.workspace = { workspaceId, role };
    return true;
  }
}
