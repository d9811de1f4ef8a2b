import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); nothing is downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium with the flags this sandboxed, offline machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
