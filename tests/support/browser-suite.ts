import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { AppConfig } from '@otklik/backend/src/config/app-config';
import { startTestApp, type TestApp } from './app';
import { launchChromium } from './browser';

export interface BrowserSuite {
  /** The app under test; throws if it did not start. */
  readonly app: TestApp;
  /** Headless Chromium; throws if it did not start. */
  readonly browser: Browser;
}

/**
 * One real app (on its own database) and one Chromium for a browser test file: started before its tests,
 * closed after them (closing the browser closes every context the tests opened).
 */
export function browserSuite(overrides: Partial<AppConfig> = {}): BrowserSuite {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startTestApp(overrides);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  }, 60_000);
  return {
    get app() {
      if (!app) throw new Error('test app did not start');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('browser did not start');
      return browser;
    },
  };
}

/** Resolves with the next response of the page to `method` on a path matching `path`. */
export function apiCall(page: Page, method: string, path: RegExp): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname));
}
