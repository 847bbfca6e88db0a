import { describe, expect, it } from 'vitest';
import { decodeCodes, encodeCodePoint } from '../../src/lib/search/codec.ts';
import { fold, foldWithMap } from '../../src/lib/search/fold.ts';
import { HEADLINE_MARK, charWords, indexWords, partSearch } from '../../src/lib/search/tokens.ts';
import { recordContent } from '../../src/lib/search/record.ts';

const cps = [0xb5ff, 0xffe5, 0xb600, 0x41, 0x7a, 0x31, 0xff0c, 0x3000, 0x3001, 0x4e00, 0x6df1, 0x9fff, 0xac00, 0xd70f, 0xd710, 0xffff, 0x20000, 0x10ffff];

describe('codec', () => {
  it('round-trips and uses only lowercase ASCII letters and digits', () => {
    const s = String.fromCodePoint(...cps);
    const codes = cps.map(encodeCodePoint);
    expect(decodeCodes(codes.join(''))).toBe(s);
    for (const c of codes) expect(c).toMatch(/^[0-9a-z]+$/);
  });

  it('is prefix-free and never starts with the headline mark', () => {
    const sample = [...cps, ...Array.from({ length: 3000 }, (_, i) => 0x3000 + i * 17), ...Array.from({ length: 500 }, (_, i) => i * 131)];
    const codes = [...new Set(sample.map(encodeCodePoint))].sort();
    expect(codes.length).toBe(new Set(sample).size); // injective
    // In sorted order a prefix would sit right before a word it prefixes.
    const clashes = codes.filter((c, i) => i + 1 < codes.length && codes[i + 1].startsWith(c));
    expect(clashes).toEqual([]);
    expect(codes.filter((c) => c.startsWith(HEADLINE_MARK))).toEqual([]);
  });

  it('gives common Chinese characters three symbols', () => {
    for (const ch of '深圳经濟幹部、。') expect(encodeCodePoint(ch.codePointAt(0)!)).toHaveLength(3);
  });
});

describe('fold', () => {
  it('drops whitespace, lowercases and unifies full-width forms', () => {
    expect(fold(' ＡＢｃ 1２\u3000深 圳\n')).toBe('abc12深圳');
  });

  it('maps folded units back to original offsets', () => {
    const { text, map } = foldWithMap('a B\u{20000}c');
    expect(text).toBe('ab\u{20000}c');
    expect(map).toEqual([0, 2, 3, 3, 5, 6]);
  });
});

describe('index words and query searches', () => {
  const code = (s: string) => Array.from(s, (c) => encodeCodePoint(c.codePointAt(0)!)).join('');

  it('indexes overlapping bigrams plus the last character', () => {
    expect(indexWords('一段简单')).toEqual([code('一段'), code('段简'), code('简单'), code('单')]);
    expect(indexWords('深')).toEqual([code('深')]);
    expect(indexWords('')).toEqual([]);
    expect(indexWords('ab', true)).toEqual([code('ab') + HEADLINE_MARK, code('b') + HEADLINE_MARK]);
  });

  it('gives each distinct character one word, marked apart from bigrams and headline words', () => {
    expect(charWords(['深圳深', '深圳'])).toEqual([code('深') + 'zz', code('圳') + 'zz']);
    expect(charWords(['深'], true)).toEqual([code('深') + 'zy']);
  });

  it('asks for an exact character word for one character and an exact phrase of bigrams otherwise', () => {
    expect(partSearch('深')).toBe(`"${code('深')}zz"`);
    expect(partSearch('段简')).toBe(`"${code('段简')}"`);
    expect(partSearch('是一段')).toBe(`"${code('是一')} ${code('一段')}"`);
    expect(partSearch('深', true)).toBe(`"${code('深')}zy"`);
    expect(partSearch('深圳', true)).toBe(`"${code('深圳') + HEADLINE_MARK}"`);
    expect(partSearch('深圳市', true)).toBe(`"${code('深圳') + HEADLINE_MARK} ${code('圳市') + HEADLINE_MARK}"`);
    expect(partSearch('深圳市长', true)).toBe(`${code('深圳') + HEADLINE_MARK} ${code('市长') + HEADLINE_MARK}`);
  });

  /** Simulates Pagefind on the word list: quoted = words at consecutive positions; bare = all words present. */
  function pagefindMatches(words: string[], search: string): boolean {
    if (!search.startsWith('"')) return search.split(' ').every((t) => words.includes(t));
    const terms = search.slice(1, -1).split(' ');
    return words.some((_, i) => terms.every((t, k) => words[i + k] === t));
  }

  it('matches exactly the substrings of the text (every substring, no non-substring)', () => {
    const text = fold('这是一段简单的测试文本，深圳2024年ＡＢ。深');
    const words = [...indexWords(text), ...charWords([text])];
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      for (let j = i + 1; j <= Math.min(chars.length, i + 8); j++) {
        expect(pagefindMatches(words, partSearch(chars.slice(i, j).join('')))).toBe(true);
      }
    }
    for (const q of ['段单', '简一', '深深', '圳深', '测文', '2025', '本深', '经', '5']) expect(pagefindMatches(words, partSearch(fold(q)))).toBe(false);
  });

  it('keeps a separator between streams so a phrase cannot run from one into the next', () => {
    const words = recordContent({ kicker: null, title: null, subtitle: null, text: '甲乙' }, { kicker: null, title: null, subtitle: null, text: '乙丙' }).split(' ');
    expect(pagefindMatches(words, partSearch('乙丙'))).toBe(true);
    expect(pagefindMatches(words, partSearch('甲乙丙'))).toBe(false);
  });

  it('does not match across the two script streams or into the headline', () => {
    const hans = { kicker: null, title: '经济', subtitle: null, text: '干部' };
    const hant = { kicker: null, title: '經濟', subtitle: null, text: '幹部' };
    const words = recordContent(hans, hant).split(' ');
    expect(pagefindMatches(words, partSearch('部幹'))).toBe(false); // junction of the two streams
    expect(pagefindMatches(words, partSearch('幹'))).toBe(true);
    expect(pagefindMatches(words, partSearch('幹部'))).toBe(true);
    expect(pagefindMatches(words, partSearch('经济'))).toBe(false); // headline words are marked…
    expect(pagefindMatches(words, partSearch('經濟', true))).toBe(true); // …and found as headline
    expect(pagefindMatches(words, partSearch('经', true))).toBe(true);
    expect(pagefindMatches(words, partSearch('经'))).toBe(false); // not in the body text
    expect(pagefindMatches(words, partSearch('部', true))).toBe(false);
    expect(pagefindMatches(words, partSearch('干部', true))).toBe(false);
  });
});
