import { describe, expect, it } from 'vitest';
import { Locale } from 'opencc-js';
import { decodeCodes, encodeCodePoint } from '../../core/search/codec.ts';
import { fold, foldWithMap } from '../../core/search/fold.ts';
import { HEADLINE_MARK, charBucket, distinctChars, headlineCharWords, indexWords, partSearch, type PartSearch } from '../../core/search/tokens.ts';
import { EMPTY_RECORD_WORD, recordContent, type RecordContent } from '../../core/search/record.ts';
import { NO_VARIANTS, decodeVariants, differingPairs, encodeVariants, variantClasses, type Variants } from '../../core/search/variants.ts';

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

  it('lists distinct characters for the character files, and headline characters as marked words', () => {
    expect(distinctChars(['深圳深', '深圳'])).toEqual(['圳', '深']);
    expect(distinctChars(['b\u{20000}a'])).toEqual(['a', 'b', '\u{20000}']);
    expect(charBucket('深', 1)).toBe(0);
    expect(charBucket('深', 7)).toBe(0x6df1 % 7);
    expect(headlineCharWords(['深'])).toEqual([code('深') + 'zy']);
  });

  it('looks one character up in the character files and asks an exact phrase of bigrams otherwise', () => {
    expect(partSearch('深')).toEqual({ term: null, char: '深' });
    expect(partSearch('段简')).toEqual({ term: `"${code('段简')}"` });
    expect(partSearch('是一段').term).toBe(`"${code('是一')} ${code('一段')}"`);
    expect(partSearch('深', true).term).toBe(`"${code('深')}zy"`);
    expect(partSearch('深圳', true).term).toBe(`"${code('深圳') + HEADLINE_MARK}"`);
    expect(partSearch('深圳市', true).term).toBe(`"${code('深圳') + HEADLINE_MARK} ${code('圳市') + HEADLINE_MARK}"`);
    expect(partSearch('深圳市长', true).term).toBe(`${code('深圳') + HEADLINE_MARK} ${code('市长') + HEADLINE_MARK}`);
  });

  /**
   * Simulates the index on one record: a quoted term = words at consecutive positions; a bare term =
   * all words present; a character lookup = the character is among the record's characters.
   */
  function pagefindMatches(record: RecordContent, search: PartSearch): boolean {
    const words = record.content.split(' ');
    if (search.term === null) return record.chars.includes(search.char);
    if (!search.term.startsWith('"')) return search.term.split(' ').every((t) => words.includes(t));
    const terms = search.term.slice(1, -1).split(' ');
    return words.some((_, i) => terms.every((t, k) => words[i + k] === t));
  }
  const plain = (text: string, title: string | null = null) => ({ kicker: null, title, subtitle: null, text });
  const find = (r: RecordContent, q: string, variants: Variants = NO_VARIANTS, headline = false) => pagefindMatches(r, partSearch(fold(q, variants), headline));

  it('matches exactly the substrings of the text (every substring, no non-substring)', () => {
    const text = '这是一段简单的测试文本，深圳2024年ＡＢ。深';
    const r = recordContent(plain(text), plain(text), NO_VARIANTS);
    const chars = Array.from(fold(text));
    for (let i = 0; i < chars.length; i++) {
      for (let j = i + 1; j <= Math.min(chars.length, i + 8); j++) {
        expect(pagefindMatches(r, partSearch(chars.slice(i, j).join('')))).toBe(true);
      }
    }
    for (const q of ['段单', '简一', '深深', '圳深', '测文', '2025', '本深', '经', '5']) expect(find(r, q)).toBe(false);
  });

  it('indexes one stream when the scripts fold alike, and finds either spelling', () => {
    const hans = plain('干部讲经济', '经济');
    const hant = plain('幹部講經濟', '經濟');
    const pairs = [...differingPairs(fold(hans.text), fold(hant.text))!, ...differingPairs('经济', '經濟')!];
    const variants = decodeVariants(encodeVariants(variantClasses(pairs)));
    const r = recordContent(hans, hant, variants);
    expect(r.twoStreams).toBe(false);
    expect(r.content.split(' ')).toHaveLength(Array.from(hans.text).length + 2 + 2); // body, headline stream, headline characters
    for (const q of ['干部', '幹部', '部講經', '讲经济', '幹', '济']) expect(find(r, q, variants)).toBe(true);
    expect(find(r, '经济', variants, true)).toBe(true);
    expect(find(r, '經', variants, true)).toBe(true);
    expect(find(r, '部', variants, true)).toBe(false); // not in the headline
    expect(find(r, '干部', variants, true)).toBe(false);
    expect(find(r, '济经', variants)).toBe(false);
  });

  it('gives an article without any text one placeholder word, so Pagefind keeps it (and its rank)', () => {
    const r = recordContent(plain(' \n'), plain(''), NO_VARIANTS);
    expect(r.content).toBe(EMPTY_RECORD_WORD);
    expect(r.chars).toEqual([]);
    expect(EMPTY_RECORD_WORD.startsWith(HEADLINE_MARK)).toBe(true); // no character code starts so
    expect(recordContent(plain('甲'), plain('甲'), NO_VARIANTS).content).not.toContain(EMPTY_RECORD_WORD);
  });

  it('indexes both streams, kept apart, when the scripts do not fold alike', () => {
    const r = recordContent(plain('甲乙'), plain('乙丙'), NO_VARIANTS);
    expect(r.twoStreams).toBe(true);
    expect(find(r, '乙丙')).toBe(true);
    expect(find(r, '甲乙')).toBe(true);
    expect(find(r, '丙')).toBe(true);
    expect(find(r, '甲乙丙')).toBe(false); // junction of the two streams
    expect(find(r, '乙甲')).toBe(false);
  });
});

describe('script variants', () => {
  it('rely on opencc-js cn → tw keeping every text\'s length (no dictionary entry on that path changes it)', () => {
    const dicts = [...Locale.from.cn, ...Locale.to.tw].flat(Infinity as 1) as unknown[];
    let entries = 0;
    const changing: string[] = [];
    for (const d of dicts) {
      const list = typeof d === 'string' ? d.split('|').map((e) => e.split(' ')) : (d as string[][]);
      for (const [k, v] of list) {
        if (!k || !v) continue;
        entries++;
        if (Array.from(k).length !== Array.from(v).length) changing.push(`${k}→${v}`);
      }
    }
    expect(entries).toBeGreaterThan(10_000);
    expect(changing).toEqual([]);
  });

  it('pairs differing characters of texts that line up, and nothing otherwise', () => {
    expect(differingPairs('干部经济', '幹部經濟')).toEqual([['干', '幹'], ['经', '經'], ['济', '濟']]);
    expect(differingPairs('一样', '一样')).toEqual([]);
    expect(differingPairs('长', '长度')).toBeNull();
    expect(differingPairs('\u{20000}a', 'ba')).toEqual([['\u{20000}', 'b']]); // code points, not UTF-16 units
  });

  it('joins pairs into classes with the lowest code point first, whatever the order', () => {
    const pairs: [string, string][] = [['發', '发'], ['后', '後'], ['髮', '发'], ['后', '后']];
    const classes = variantClasses(pairs);
    expect(classes).toEqual(['发發髮', '后後']);
    expect(variantClasses([...pairs].reverse())).toEqual(classes);
    const v = decodeVariants(encodeVariants(classes));
    expect(fold('頭髮 發展 以後', v)).toBe('头发发展以后'.replace('头', '頭'));
    expect(v.get('发')).toBeUndefined(); // representatives map to themselves implicitly
  });
});
