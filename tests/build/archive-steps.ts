/**
 * The steps that build a test archive in a copy of the project — ingest, astro build, search
 * index — with the environment Astro must see (none of the variables Vitest sets for its own
 * Vite, no SITE_URL), their output kept in `<root>/build.log` and `build.err`.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ArchiveBuild {
  /** Named in the error when a step fails. */
  label: string;
  /** The project copy the steps run in; its seeds/ are what is built. */
  project: string;
  /** The served root (emptied first); the logs are written there. */
  root: string;
  /** The site folder under the root. */
  dist: string;
  base: string;
  /** Extra ingest arguments. */
  ingestArgs?: string[];
}

/** Runs the three steps; throws naming the step that failed, with its stderr. */
export function buildArchiveIn({ label, project, root, dist, base, ingestArgs = [] }: ArchiveBuild): void {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST|SITE_URL)$/.test(k)));
  Object.assign(env, { BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1' });
  rmSync(root, { recursive: true, force: true });
  const steps = [['scripts/ingest.ts', '--seeds', join(project, 'seeds'), '--no-cache', ...ingestArgs], ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], ['scripts/search-index.ts', '--dist', dist]];
  let out = '';
  let err = '';
  for (const step of steps) {
    const r = spawnSync(process.execPath, step, { cwd: project, env, encoding: 'utf8' });
    out += r.stdout;
    err += r.stderr;
    if (r.status !== 0) throw new Error(`${label}: ${step[0]} failed:\n${r.stderr}`);
  }
  writeFileSync(join(root, 'build.log'), out);
  writeFileSync(join(root, 'build.err'), err);
}
