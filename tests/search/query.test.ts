import { describe, expect, it } from 'vitest';
import { combineHits, parseQuery, planSearches } from '../../src/lib/search/query.ts';
import { findRanges, matchesAll } from '../../src/lib/search/verify.ts';

const t2cn = (s: string) => s.replace(/經/g, '经').replace(/濟/g, '济');

describe('parseQuery', () => {
  it('splits on any whitespace, folds, dedupes and adds the converted spelling', () => {
    expect(parseQuery('  經濟\u3000ＡＢ  經濟 ', t2cn)).toEqual([['經濟', '经济'], ['ab']]);
    expect(parseQuery('经济', t2cn)).toEqual([['经济']]);
    expect(parseQuery('   ')).toEqual([]);
  });

  it('plans a body and a headline search per variant', () => {
    const plan = planSearches([['經濟', '经济'], ['a']]);
    expect(plan.map((p) => [p.part, p.headline])).toEqual([[0, false], [0, true], [0, false], [0, true], [1, false], [1, true]]);
  });
});

describe('combineHits', () => {
  const order = ['a', 'b', 'c', 'd'];
  it('ANDs parts, ORs variants and puts headline matches first in archive order', () => {
    const r = combineHits(
      2,
      [
        { part: 0, headline: false, ids: ['d', 'b'] },
        { part: 0, headline: false, ids: ['a'] }, // another variant of part 0
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
  it('needs every part, any variant, in any text', () => {
    expect(matchesAll(['一段简单', '一段簡單'], [['段簡'], ['一']])).toBe(true);
    expect(matchesAll(['一段简单'], [['段简'], ['二']])).toBe(false);
    expect(matchesAll(['一段简单'], [['经济', '一段']])).toBe(true);
  });

  it('finds merged, non-overlapping ranges', () => {
    expect(findRanges('abcabc', [['bc'], ['ca']])).toEqual([[1, 6]]);
    expect(findRanges('abcxbc', [['bc']])).toEqual([[1, 3], [4, 6]]);
    expect(findRanges('aaa', [['aa']])).toEqual([[0, 3]]);
    expect(findRanges('xyz', [['q']])).toEqual([]);
  });
});
