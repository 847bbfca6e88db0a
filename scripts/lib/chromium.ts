/** Launches Debian's chromium through playwright-core (never a downloaded browser): tests and benchmarks. */
import { chromium, type Browser } from 'playwright-core';

/** Path of the system chromium; override with CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts headless chromium with flags that keep it from calling home. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
