import { Injectable } from '@nestjs/common';
import { type PublicRoute, resolvePublicPath } from './public-route';

export type PublicWriteAction = 'displays' | 'responses' | 'submissions';

/** What a public write's service call gets besides the validated body. */
export interface PublicWriteContext {
  userAgent?: string;
}

/** A service's answer to a public write: 201 when it created the record, 200 when the idempotency key already had one. */
export interface PublicWriteOutcome {
  created: boolean;
  body: unknown;
}

/** One public write: the DTO its body is validated against, and the service call that does it. */
export interface PublicWrite<T extends object = object> {
  dto: new () => T;
  handle(publicKey: string, input: T, context: PublicWriteContext): Promise<PublicWriteOutcome>;
}

/** A kind of public key (a survey, a cancellation flow), declared by the module that owns it. */
export interface PublicTarget {
  target: PublicRoute['target'];
  /** The allowed origins of the thing a key names, or null when no such key exists (it answers its own 404). */
  origins(publicKey: string): Promise<{ allowedOrigins: readonly string[] } | null>;
  // Each write names its own DTO (handle is a method, so a PublicWrite<SubmitResponseDto> fits here).
  writes: Partial<Record<PublicWriteAction, PublicWrite>>;
}

export interface ResolvedPublicWrite {
  route: PublicRoute;
  target: PublicTarget;
  write: PublicWrite;
}

/**
 * The public (widget-facing) routes' owners: each module registers its targets in onModuleInit (surveys, cancellation
 * flows), so the CORS middleware, the public-write pipeline and the ingest edge find origins and writes here
 * instead of knowing every module.
 */
@Injectable()
export class PublicRoutes {
  private readonly targets = new Map<PublicRoute['target'], PublicTarget>();

  register(target: PublicTarget): void {
    if (this.targets.has(target.target)) throw new Error(`public target registered twice: ${target.target}`);
    this.targets.set(target.target, target);
  }

  /** The allowed origins of what a public route names (null for an unknown key or an unregistered target). */
  origins(route: PublicRoute): Promise<{ allowedOrigins: readonly string[] } | null> {
    return this.targets.get(route.target)?.origins(route.key) ?? Promise.resolve(null);
  }

  /** The registered write a request is, judged on its method and raw URL; null for anything else. */
  writeFor(method: string | undefined, url: string): ResolvedPublicWrite | null {
    if (method !== 'POST') return null;
    const route = resolvePublicPath(url);
    if (!route || route.action === 'config') return null;
    const target = this.targets.get(route.target);
    const write = target?.writes[route.action];
    return target && write ? { route, target, write } : null;
  }
}
