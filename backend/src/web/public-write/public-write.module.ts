import { Global, Inject, Injectable, Logger, Module } from '@nestjs/common';
import { RateLimitsModule } from '../../common/rate-limits/rate-limits.module';
import { APP_CONFIG, type AppConfig, parseSize } from '../../config/app-config';
import { PublicRateLimiter } from './public-rate-limit.guard';
import { createPublicWritePipeline, type PublicWriteAnswer, type PublicWriteRequest } from './public-write.pipeline';
import { PublicRoutes } from './public-routes';

/** The public-write pipeline as a provider, for both transports (the Nest controllers and the ingest edge). */
@Injectable()
export class PublicWrites {
  private readonly logger = new Logger('Errors');
  readonly run: (req: PublicWriteRequest) => Promise<PublicWriteAnswer>;

  constructor(
    private readonly routes: PublicRoutes,
    limiter: PublicRateLimiter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.run = createPublicWritePipeline({
      routes,
      limiter,
      bodyLimitBytes: parseSize(config.publicBodyLimit),
      trustProxy: config.trustProxy,
      logError: (error, requestId) => this.logger.error({ err: error, requestId }, 'Unhandled error'),
    });
  }

  /** Whether a request (method and raw URL) is a registered public write, which this pipeline answers. */
  handles(method: string | undefined, url: string): boolean {
    return this.routes.writeFor(method, url) !== null;
  }
}

/** Global: every module that owns public routes registers them in PublicRoutes; one limiter per process, counters shared. */
@Global()
@Module({
  imports: [RateLimitsModule],
  providers: [PublicRoutes, PublicRateLimiter, PublicWrites],
  exports: [PublicRoutes, PublicRateLimiter, PublicWrites],
})
export class PublicWriteModule {}
