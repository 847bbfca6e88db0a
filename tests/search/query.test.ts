import { describe, expect, it } from 'vitest';
import { combineHits, parseQuery, planSearches } from '../../core/search/query.ts';
import { findRanges, matchesAll } from '../../core/search/verify.ts';
import { decodeVariants, encodeVariants, variantClasses } from '../../core/search/variants.ts';

describe('parseQuery', () => {
  const variants = decodeVariants(encodeVariants(variantClasses([['经', '經'], ['济', '濟']])));

  it('splits on any whitespace, folds, maps variants and dedupes', () => {
    const economy = parseQuery('经济', variants);
    expect(parseQuery('經濟', variants)).toEqual(economy);
    expect(parseQuery('  經濟\u3000ＡＢ  经济 ', variants)).toEqual([...economy, 'ab']);
    expect(parseQuery('經濟')).toEqual(['經濟']); // no variants given: plain folding
    expect(parseQuery('   ')).toEqual([]);
  });

  it('plans a body and a headline search per part; one character is a character-file lookup', () => {
    const plan = planSearches(['经济', '深']);
    expect(plan.map((p) => [p.part, p.headline])).toEqual([[0, false], [0, true], [1, false], [1, true]]);
    expect(plan[2]).toEqual({ part: 1, headline: false, term: null, char: '深' });
    expect(plan[0].char).toBeUndefined();
    expect(plan[3].term).toMatch(/zy"$/); // the headline still asks Pagefind
  });
});

describe('combineHits', () => {
  const order = ['a', 'b', 'c', 'd'];
  it('ANDs parts, ORs searches of the same part and puts headline matches first in archive order', () => {
    const r = combineHits(
      2,
      [
        { part: 0, headline: false, ids: ['d', 'b'] },
        { part: 0, headline: false, ids: ['a'] }, // another search for part 0
        { part: 1, headline: false, ids: ['a', 'b', 'd'] },
        { part: 0, headline: true, ids: ['d'] },
        { part: 1, headline: true, ids: ['d', 'c'] },
      ],
      order,
    );
    expect(r.ids).toEqual(['d', 'a', 'b']);
    expect([...r.headline]).toEqual(['d']);
  });

  it('returns nothing when a part has no hits', () => {
    expect(combineHits(2, [{ part: 0, headline: false, ids: ['a'] }], order).ids).toEqual([]);
  });
});

describe('verification', () => {
  it('needs every part, in any text', () => {
    expect(matchesAll(['一段简单', '一段簡單'], ['段簡', '一'])).toBe(true);
    expect(matchesAll(['一段简单'], ['段简', '二'])).toBe(false);
    expect(matchesAll(['一段简单'], ['经济'])).toBe(false);
  });

  it('finds merged, non-overlapping ranges', () => {
    expect(findRanges('abcabc', ['bc', 'ca'])).toEqual([[1, 6]]);
    expect(findRanges('abcxbc', ['bc'])).toEqual([[1, 3], [4, 6]]);
    expect(findRanges('aaa', ['aa'])).toEqual([[0, 3]]);
    expect(findRanges('xyz', ['q'])).toEqual([]);
  });
});
