/**
 * @fileoverview The ingest output's `media/` folder (issue #16: page images and PDFs, named by the
 * PDF's hash) published into the built site: an Astro integration that, once the pages are
 * built, links every file into `<outDir>/media/` — served under the base like any page. Hard
 * links where the file system allows (a 30,000-page archive holds tens of GB of images; nothing
 * is read or rewritten), copies elsewhere.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Links (or copies) every file under `from` to the same path under `to`; returns how many. */
export function publishFolder(from: string, to: string): number {
  if (!existsSync(from)) return 0;
  let n = 0;
  for (const e of readdirSync(from, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const src = join(from, e.name);
    const dst = join(to, e.name);
    if (e.isDirectory()) {
      n += publishFolder(src, dst);
      continue;
    }
    if (!e.isFile()) continue;
    mkdirSync(to, { recursive: true });
    try {
      linkSync(src, dst);
    } catch {
      copyFileSync(src, dst);
    }
    n++;
  }
  return n;
}

/** The integration: `generated` is the ingest output folder. */
export function mediaIntegration(generated: string): AstroIntegration {
  return {
    name: 'baoku-media',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const n = publishFolder(join(generated, 'media'), join(fileURLToPath(dir), 'media'));
        if (n) logger.info(`${n} page image and PDF file(s) published into media/`);
      },
    },
  };
}
