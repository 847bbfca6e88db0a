/**
 * A very long article in the search index (issue 13): an article of ~128,000 characters crashed the
 * indexer with "Maximum call stack size exceeded" (spreading its words into push), naming no page.
 * The index of such an article must hold every character position, and a failing article must be
 * named with its page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_VARIANTS } from '../../core/search/variants.ts';
import { recordContent } from '../../core/search/record.ts';
import { buildSearchIndex } from '../../scripts/lib/search/build-fs.ts';
import { archiveVariants, type IndexItem } from '../../scripts/lib/search/plan.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** `n` characters cycling through a few hundred Han characters (no two neighbours equal). */
function longText(n: number): string {
  return Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7) % 300))).join('');
}

const doc = (id: string, text: string, title = '长文') => ({ id, paper: null, date: null, page: null, column: null, kicker: null, title, subtitle: null, text });

describe('a 200,000-character article', () => {
  const text = longText(200_000);

  it('gets one index word per character position, body and headline', () => {
    const headline = '长篇连载';
    const rc = recordContent({ kicker: null, title: headline, subtitle: null, text }, { kicker: null, title: headline, subtitle: null, text }, NO_VARIANTS);
    // Body: n-1 bigrams + the last character; headline likewise; plus one word per distinct headline character.
    expect(rc.content.split(' ').length).toBe(text.length + headline.length + new Set(headline).size);
    expect(rc.chars.length).toBe(300);
  });

  it('yields its script-variant pairs however many there are', () => {
    // Every position differs between the two scripts' texts: 200,000 pairs, one class per pair of characters.
    const hant = Array.from(text, (c) => String.fromCodePoint(c.codePointAt(0)! + 0x1000)).join('');
    const classes = archiveVariants([{ url: '/a/', doc: { hans: doc('a', text), hant: doc('a', hant) } }]);
    expect(classes.length).toBe(300);
  });
});

describe('a failing article in the index build', () => {
  it('is named with its page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baoku-idx-long-'));
    dirs.push(dir);
    const good: IndexItem = { url: '/articles/p1-aaaaaa/', page: 'p1.txt', doc: { hans: doc('p1-aaaaaa', '正文'), hant: doc('p1-aaaaaa', '正文') } };
    // A document whose text is not a string, as a broken ingest output could give.
    const bad = { ...good, url: '/articles/p2-bbbbbb/', page: 'p2.txt', doc: { hans: doc('p2-bbbbbb', null as unknown as string), hant: doc('p2-bbbbbb', '正文') } };
    await expect(buildSearchIndex(dir, [good, bad])).rejects.toThrow(/search-index: article p2-bbbbbb \(page p2\.txt, \/articles\/p2-bbbbbb\/\)/);
  });
});
