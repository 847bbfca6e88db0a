/**
 * The expected JSON of a generated PDF page is derived from its truth file by code
 * (scripts/lib/eval/pdf-truth.ts): it must be a page in the gold schema that holds every printed
 * character exactly once, its articles in the truth's reading order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GoldPageSchema } from '../../core/schema.ts';
import { expectedFromTruth, type TruthPage } from '../../scripts/lib/eval/pdf-truth.ts';
import { CASES, FIXTURES } from '../pdf/fixtures.ts';

const truthOf = (name: string): TruthPage => JSON.parse(readFileSync(join(FIXTURES, name, 'truth.json'), 'utf8'));
const bag = (texts: (string | null)[]): string => [...texts.filter((t): t is string => !!t).join('').replace(/\s+/gu, '')].sort().join('');

describe('expected JSON from a PDF fixture’s truth', () => {
  for (const name of CASES) {
    it(`${name}: a gold page holding every printed character exactly once`, () => {
      const truth = truthOf(name);
      const page = GoldPageSchema.parse(expectedFromTruth(truth, `${name}.pdf`));
      const printed = bag(truth.lines.map((l) => l.text));
      const kept = bag([...page.articles.flatMap((a) => [a.column, a.kicker, a.title, a.subtitle, a.byline, ...a.body.map((b) => b.text)]), ...page.other.map((o) => o.text)]);
      expect(kept).toBe(printed);
    });
  }

  it('keeps the truth’s reading order, puts a caption at its article’s foot and the header among the other blocks', () => {
    const truth = truthOf('front');
    const page = expectedFromTruth(truth, 'front.pdf');
    expect(page.articles.map((a) => a.title)).toEqual(truth.articles.map((a) => a.title));
    truth.articles.forEach((t, i) => {
      const body = page.articles[i].body;
      if (t.caption) expect(body[body.length - 1]).toEqual({ type: 'caption', text: t.caption });
      else expect(body.every((b) => b.type !== 'caption')).toBe(true);
      expect(page.articles[i].authors).toEqual(t.authors);
    });
    const header = truth.lines.filter((l) => l.role === 'header').map((l) => l.text);
    expect(page.other).toEqual([{ type: 'header', text: header.join(' ') }]);
  });

  it('splits furniture by role and types what is not a header as text', () => {
    const truth: TruthPage = {
      lines: [
        { text: '甲', role: 'header', article: null },
        { text: '乙', role: 'header', article: null },
        { text: '丙', role: 'body', article: 'a' },
        { text: '丁', role: 'header', article: null },
        { text: '戊', role: 'caption', article: null },
      ],
      articles: [{ id: 'a', column: null, kicker: null, title: '题', subtitle: null, byline: null, caption: null, authors: [], body: [{ type: 'p', text: '丙' }] }],
    };
    expect(expectedFromTruth(truth, 'x.pdf').other).toEqual([
      { type: 'header', text: '甲 乙' },
      { type: 'header', text: '丁' },
      { type: 'text', text: '戊' },
    ]);
  });
});
