import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { json, NextFunction, raw, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { verifyJsonDepth } from './common/http/json-depth';
import { assignRequestId } from './common/http/request-logging';
import { createValidationPipe } from './common/http/validation.pipe';
import type { AppConfig } from './config/app-config';
import { setupOpenApi } from './openapi/openapi';
import { CancellationFlowsService } from './churn/cancellation-flows.service';
import { installIngestEdge } from './surveys/install-ingest-edge';
import { publicCors } from './surveys/public-cors.middleware';
import { PublicSurveyCache } from './surveys/public-survey.cache';
import { loadDashboard, serveDashboard } from './web/static-dashboard';

export const API_PREFIX = 'api/v1';

/**
 * Builds the whole HTTP application (not yet listening): the same wiring for `npm start`,
 * the API tests and the OpenAPI writer. Migrations run during init.
 */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.use(assignRequestId);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // The public survey edge takes small bodies only; body-parser skips a body that is already parsed.
  app.use(`/${API_PREFIX}/public`, json({ limit: config.publicBodyLimit, type: ['application/json', 'text/plain'], verify: verifyJsonDepth }));
  // Signed ingest webhooks verify the exact bytes they were sent, so their body stays raw.
  app.use(`/${API_PREFIX}/ingest`, raw({ limit: config.ingestBodyLimit, type: () => true }));
  app.useBodyParser('json', { limit: config.bodyLimit, type: ['application/json', 'application/*+json'], verify: verifyJsonDepth });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  app.use(cookieParser());
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());

  const dashboard = loadDashboard(config.frontendDir);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...dashboard.scriptHashes],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          // Off: it would push assets to https on plain-http installs (localhost, LAN).
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  const surveys = app.get(PublicSurveyCache);
  const flows = app.get(CancellationFlowsService);
  app.use(
    `/${API_PREFIX}/public`,
    publicCors(async (path) => {
      const [, kind, key] = /^\/(surveys|cancellation-flows)\/([\w-]{1,32})(?:\/|$)/.exec(path) ?? [];
      if (kind === 'surveys') return surveys.byPublicKey(key);
      if (kind === 'cancellation-flows') return flows.originsOf(key);
      return null;
    }),
  );
  app.use('/widget/', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin'); // loaded by <script> on customers' sites
    next();
  });
  setupOpenApi(app);
  serveDashboard(app, dashboard, config.widgetsDir);
  await app.init();
  if (config.ingestEdge) installIngestEdge(app, config);
  return app;
}
