/**
 * @fileoverview Generates the PDF fixtures of tests/fixtures/pdf/<case>/ (page.pdf, truth.json,
 * README.md) from scripts/lib/pdf-fixtures/ (issue #16). Without BAOKU_UPDATE_FIXTURES=1 it only
 * checks that the committed files are what the generator makes (exit 1 naming the stale ones);
 * with it, it rewrites them, to be reviewed as diffs. Needs Debian's fonts-noto-cjk.
 *
 *   npm run pdf:fixtures                          # check
 *   BAOKU_UPDATE_FIXTURES=1 npm run pdf:fixtures  # regenerate
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureFiles } from './lib/pdf-fixtures/files.ts';
import { generateFixtures } from './lib/pdf-fixtures/write-fs.ts';

const root = join(import.meta.dirname, '..', 'tests', 'fixtures', 'pdf');
const update = process.env.BAOKU_UPDATE_FIXTURES === '1';
const stale: string[] = [];
for (const fx of await generateFixtures()) {
  const dir = join(root, fx.name);
  for (const [file, bytes] of Object.entries(fixtureFiles(fx))) {
    const path = join(dir, file);
    let old: Uint8Array | null = null;
    try {
      old = readFileSync(path);
    } catch {}
    const same = old !== null && Buffer.compare(Buffer.from(old), Buffer.from(bytes)) === 0;
    if (same) continue;
    if (update) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, bytes);
      console.log(`wrote ${join(fx.name, file)} (${bytes.length} bytes)`);
    } else stale.push(join(fx.name, file));
  }
}
if (stale.length) {
  console.error(`stale PDF fixtures (regenerate with BAOKU_UPDATE_FIXTURES=1 npm run pdf:fixtures): ${stale.join(', ')}`);
  process.exit(1);
}
if (!update) console.log('PDF fixtures are up to date');
