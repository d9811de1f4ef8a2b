import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { json, NextFunction, raw, Request, Response, urlencoded } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { verifyJsonDepth } from './common/http/json-depth';
import { assignRequestId } from './common/http/request-logging';
import { createValidationPipe } from './common/http/validation.pipe';
import { smallerLimit, type AppConfig } from './config/app-config';
import { setupOpenApi } from './openapi/openapi';
import { publicCors } from './web/public-write/public-cors.middleware';
import { publicPathGuard } from './web/public-write/public-route';
import { SESSION_COOKIE } from './auth/sessions.service';
import { SignedIngestService } from './mentions/ingest-keys/signed-ingest.service';
import { inboundEmailBody } from './messaging/inbound/inbound-email-body';
import { InboundEmailService } from './messaging/inbound/inbound-email.service';
import { installIngestEdge } from './web/public-write/install-ingest-edge';
import { PublicRoutes } from './web/public-write/public-routes';
import { PublicWrites } from './web/public-write/public-write.module';
import { loadDashboard, serveDashboard } from './web/static-dashboard';

export const API_PREFIX = 'api/v1';

/**
 * Builds the whole HTTP application (not yet listening): the same wiring for `npm start`,
 * the API tests and the OpenAPI writer. Migrations run during init.
 */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  // Routes match exactly as written: no /API/… or /Surveys/… aliases, no trailing-slash twins. Set on the Express
  // instance before Nest's adapter wraps it, because its constructor creates the router, which copies them once.
  const server = express();
  server.set('case sensitive routing', true);
  server.set('strict routing', true);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), new ExpressAdapter(server), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.use(assignRequestId);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Other spellings of a public path are 404 before any body is read (public-route.ts).
  app.use(publicPathGuard);
  // Public writes (the registered routes in PublicRoutes) read their own body in the public-write pipeline, on the
  // ingest edge and behind the Nest controllers alike: no body parser here may touch them.
  const writes = app.get(PublicWrites);
  const unlessPublicWrite =
    (parser: (req: Request, res: Response, next: NextFunction) => void) => (req: Request, res: Response, next: NextFunction) =>
      writes.handles(req.method, req.originalUrl) ? next() : parser(req, res, next);
  // The rest of the public API (config reads) takes small bodies only; body-parser skips a body that is already parsed.
  app.use(
    `/${API_PREFIX}/public`,
    unlessPublicWrite(json({ limit: config.publicBodyLimit, type: ['application/json', 'text/plain'], verify: verifyJsonDepth })),
  );
  // Signed ingest webhooks verify the exact bytes they were sent, so their body stays raw. Their key and signature
  // headers are checked first: an unknown key or an unsigned request is 401 before any of its (5 MB) body is read.
  const signedIngest = app.get(SignedIngestService);
  app.use(`/${API_PREFIX}/ingest`, (req: Request, _res: Response, next: NextFunction) => {
    signedIngest.authenticate(req.header('otklik-key'), req.headers).then(() => next(), next);
  });
  app.use(`/${API_PREFIX}/ingest`, raw({ limit: config.ingestBodyLimit, type: () => true }));
  // The signed inbound-email endpoint likewise: raw MIME (up to 10 MB), read after its signature headers are checked.
  app.use(inboundEmailBody(app.get(InboundEmailService)));
  // A request carrying no credential at all can only be served by a public route (sign-in, invitations): its body
  // is read with the small public limit, so an anonymous caller cannot make the server read BODY_LIMIT bytes.
  // …and never more than BODY_LIMIT, when an operator set that lower.
  const anonymousLimit = smallerLimit(config.publicBodyLimit, config.bodyLimit);
  const anonymousJson = json({ limit: anonymousLimit, type: ['application/json', 'application/*+json'], verify: verifyJsonDepth });
  const anonymousForm = urlencoded({ limit: anonymousLimit, extended: false });
  app.use(
    unlessPublicWrite((req: Request, res: Response, next: NextFunction) => {
      if (req.headers.authorization || req.headers.cookie?.includes(`${SESSION_COOKIE}=`)) return next();
      anonymousJson(req, res, (error?: unknown) => (error ? next(error) : anonymousForm(req, res, next)));
    }),
  );
  app.use(unlessPublicWrite(json({ limit: config.bodyLimit, type: ['application/json', 'application/*+json'], verify: verifyJsonDepth })));
  app.use(unlessPublicWrite(urlencoded({ limit: config.bodyLimit, extended: false })));
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
  // Preflights and config reads; public writes check their origin in the pipeline (the same rule and answer).
  const routes = app.get(PublicRoutes);
  app.use(`/${API_PREFIX}/public`, unlessPublicWrite(publicCors((route) => routes.origins(route))));
  app.use('/widget/', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin'); // loaded by <script> on customers' sites
    next();
  });
  setupOpenApi(app);
  serveDashboard(app, dashboard, config.widgetsDir);
  await app.init();
  if (config.ingestEdge) installIngestEdge(app);
  return app;
}
