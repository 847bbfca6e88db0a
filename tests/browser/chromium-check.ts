/** Global setup of the browser project: says plainly when the Chromium the tests drive is missing. */
import { existsSync } from 'node:fs';
import { CHROMIUM } from './browser.ts';

export default function setup(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}
