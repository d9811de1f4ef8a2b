import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { allowReplicaReads } from './read-replica';
import { READ_REPLICA_ROUTES } from './read-replica-routes';

/**
 * Lets the handlers of READ_REPLICA_ROUTES send their heavy aggregate reads to the read replica (each marked by
 * readFromReplica in its service); everything else they read — and the guards before this interceptor (the session,
 * the workspace membership) — stays on the primary: a session, survey or segment made a moment ago is always found.
 */
@Injectable()
export class ReadReplicaInterceptor implements NestInterceptor {
  private readonly enabled: boolean;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'databaseReadUrl'>) {
    this.enabled = config.databaseReadUrl !== undefined;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.enabled || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const route = (req.route as { path?: string } | undefined)?.path;
    if (req.method !== 'GET' || !route || !READ_REPLICA_ROUTES.has(route)) return next.handle();
    return new Observable((subscriber) => allowReplicaReads(() => next.handle().subscribe(subscriber)));
  }
}
