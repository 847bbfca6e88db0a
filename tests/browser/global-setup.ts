/** Builds the site once (ingest, astro build, search index) with BASE_PATH=PREFIX into tests/.artifacts/dist-prefix before the browser tests. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './browser.ts';
import { DIST, PREFIX } from './site.ts';

export default function setup(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const env = { ...process.env, BASE_PATH: PREFIX, SITE_URL: 'https://archive.example', ASTRO_TELEMETRY_DISABLED: '1' };
  const node = process.execPath;
  execFileSync(node, ['scripts/ingest.ts'], { stdio: 'inherit', env });
  execFileSync(node, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', DIST], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync(node, ['scripts/search-index.ts', '--dist', DIST], { stdio: ['ignore', 'ignore', 'inherit'], env });
}
