import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); nothing is downloaded. `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_MISSING =
  `Chromium was not found at ${CHROMIUM}, so the browser tests cannot run. ` +
  'Install it with `apt-get update && apt-get install -y chromium` (Debian/Ubuntu; `.ci/run` does this), ' +
  'or set CHROMIUM_PATH to a Chromium binary.';

/**
 * Headless Chromium with the flags this sandboxed, offline machine needs; fails loudly when it is missing.
 * `extraArgs` adds flags, e.g. `--lang=ru-RU` for a browser in another language.
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) return Promise.reject(new Error(CHROMIUM_MISSING));
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs],
  });
}
