/**
 * Builds the site once (ingest, astro build, search index) with BASE_PATH=PREFIX into
 * tests/.artifacts/dist-prefix, for the unit project's dist checks and the browser tests. Both
 * projects name this setup; the second finds a build stamped with the same inputs and keeps it
 * (so does a re-run with nothing changed). The stamp hashes every file the build reads.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFiles } from '../../scripts/lib/files-fs.ts';
import { DIST, PREFIX } from './site.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const STAMP = `${DIST}.stamp`;
/** What the build reads; src/ includes the ingest output, so a changed or deleted one rebuilds too. */
const INPUTS = ['seeds', 'src', 'core', 'scripts', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** Hash of the build's inputs, taken after a build for its stamp and before the next to compare. */
function inputsHash(): string {
  const h = createHash('sha256').update(PREFIX);
  for (const entry of INPUTS) {
    const abs = join(ROOT, entry);
    if (!existsSync(abs)) continue;
    for (const f of (statSync(abs).isDirectory() ? listFiles(abs) : [abs]).sort()) h.update(relative(ROOT, f)).update(readFileSync(f));
  }
  return h.digest('hex');
}

export default function setup(): void {
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === inputsHash() && existsSync(join(DIST, 'search-docs', 'layout.json'))) return;
  const env = { ...process.env, BASE_PATH: PREFIX, SITE_URL: 'https://archive.example', ASTRO_TELEMETRY_DISABLED: '1' };
  const node = process.execPath;
  execFileSync(node, ['scripts/ingest.ts'], { stdio: 'inherit', env, cwd: ROOT });
  execFileSync(node, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', DIST], { stdio: ['ignore', 'ignore', 'inherit'], env, cwd: ROOT });
  execFileSync(node, ['scripts/search-index.ts', '--dist', DIST], { stdio: ['ignore', 'ignore', 'inherit'], env, cwd: ROOT });
  writeFileSync(STAMP, inputsHash());
}
