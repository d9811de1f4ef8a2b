import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { static as serveStatic, type NextFunction, type Request, type Response } from 'express';

/**
 * sha256 sources for the inline scripts of a page, so CSP can allow exactly those. A forward scan
 * (not a regex with a lookahead and a lazy body, which rescans the rest of the page per "<script").
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (let from = 0; ;) {
    const open = html.indexOf('<script', from);
    const tagEnd = open === -1 ? -1 : html.indexOf('>', open);
    const close = tagEnd === -1 ? -1 : html.indexOf('</script>', tagEnd + 1);
    if (close === -1) break;
    if (!/\bsrc=/.test(html.slice(open, tagEnd))) {
      hashes.push(
        `'sha256-${createHash('sha256')
          .update(html.slice(tagEnd + 1, close), 'utf8')
          .digest('base64')}'`,
      );
    }
    from = close + '</script>'.length;
  }
  return hashes;
}

export interface DashboardBuild {
  frontendDir: string;
  /** The SPA shell, or null when the dashboard has not been built. */
  indexHtml: string | null;
  /** Hashes to add to script-src for the shell's inline bootstrap script. */
  scriptHashes: string[];
}

export function loadDashboard(frontendDir: string): DashboardBuild {
  const indexFile = join(frontendDir, 'index.html');
  const indexHtml = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
  return { frontendDir, indexHtml, scriptHashes: indexHtml ? inlineScriptHashes(indexHtml) : [] };
}

/**
 * Serves the static SvelteKit build at `/`, with index.html for every client-side route,
 * and the survey widgets under `/widget`. API paths are left to Nest.
 */
export function serveDashboard(app: NestExpressApplication, dashboard: DashboardBuild, widgetsDir: string): void {
  if (existsSync(widgetsDir)) {
    app.useStaticAssets(widgetsDir, { prefix: '/widget/', maxAge: '1h' });
  }
  const { frontendDir, indexHtml } = dashboard;
  if (indexHtml === null) {
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
      res.status(503).type('text/plain').send('The dashboard is not built yet: run `npm run build` (npm start does it).');
    });
    return;
  }
  // Only for dashboard paths: serve-static would otherwise stat the disk for every API request.
  const skipApi =
    (middleware: (req: Request, res: Response, next: NextFunction) => void) => (req: Request, res: Response, next: NextFunction) =>
      req.path.startsWith('/api/') ? next() : middleware(req, res, next);
  app.use(
    skipApi(
      serveStatic(frontendDir, {
        index: false,
        setHeaders: (res, path) => {
          // SvelteKit fingerprints everything under _app/immutable.
          if (path.includes(`${join('_app', 'immutable')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    ),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api') || req.path.startsWith('/widget/')) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(indexHtml);
  });
}
