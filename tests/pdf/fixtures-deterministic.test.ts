/**
 * The fixture generator (issue #16) makes the same bytes every time, and the committed fixtures
 * are what it makes now (regenerate with `BAOKU_UPDATE_FIXTURES=1 npm run pdf:fixtures`). Needs
 * Debian's fonts-noto-cjk, which .ci/run installs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../scripts/lib/pdf-fixtures/files.ts';
import { generateFixtures } from '../../scripts/lib/pdf-fixtures/write-fs.ts';
import { FIXTURES } from './fixtures.ts';

describe('PDF fixture generator', () => {
  it('writes byte-identical files on every run, equal to the committed fixtures', { timeout: 60_000 }, async () => {
    const [a, b] = [await generateFixtures(), await generateFixtures()];
    expect(a.map((f) => f.name)).toEqual(['front', 'front-no-tounicode', 'front-identity-v']);
    for (let i = 0; i < a.length; i++) {
      const fa = fixtureFiles(a[i]);
      const fb = fixtureFiles(b[i]);
      for (const file of Object.keys(fa)) {
        expect(Buffer.compare(Buffer.from(fa[file]), Buffer.from(fb[file])), `${a[i].name}/${file} differs between runs`).toBe(0);
        const committed = readFileSync(join(FIXTURES, a[i].name, file));
        expect(Buffer.compare(committed, Buffer.from(fa[file])), `${a[i].name}/${file} is stale: BAOKU_UPDATE_FIXTURES=1 npm run pdf:fixtures`).toBe(0);
      }
    }
  });

  it('keeps every fixture PDF under 300 KB', async () => {
    for (const name of ['front', 'front-no-tounicode', 'front-identity-v']) {
      expect(readFileSync(join(FIXTURES, name, 'page.pdf')).length, name).toBeLessThan(300_000);
    }
  });
});
