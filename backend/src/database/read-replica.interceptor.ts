import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { onReadReplica } from './read-replica';
import { READ_REPLICA_ROUTES } from './read-replica-routes';

/**
 * Runs the handlers of READ_REPLICA_ROUTES on the read replica. An interceptor, so the guards before it (the session,
 * the workspace membership) read the primary: a session made a moment ago on another replica is always found.
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
    return new Observable((subscriber) => onReadReplica(() => next.handle().subscribe(subscriber)));
  }
}
