/**
 * `npm run eval -- --errors` (scripts/lib/eval/score.ts describeErrors): each expected article not
 * found is told as missing, merged into another or split, each found one by the parts that differ,
 * and each article of the parse that matches none as extra.
 */
import { describe, expect, it } from 'vitest';
import { describeErrors, scorePage, scores, type ScoredArticle } from '../../scripts/lib/eval/score.ts';

const A = '青禾市图书馆新馆昨日正式开放，市民排起长队，馆内设有少儿阅览区和古籍修复展示区。';
const B = '全市春季植树活动在城东湿地公园举行，两千余名干部群众参加义务植树，共栽下苗木一万余株。';
const C = '市场监管部门开展春季食品安全检查，重点查看商户进货台账和冷链储存情况，发现问题十二处。';
const art = (title: string | null, text: string, o: Partial<ScoredArticle> = {}): ScoredArticle => ({ column: null, kicker: null, title, subtitle: null, authors: [], body: [{ type: 'p', text }], ...o });

describe('describeErrors', () => {
  it('says nothing of a parse equal to the expected page, and that a refused page was refused', () => {
    const gold = [art('新馆开放', A), art('植树', B)];
    expect(describeErrors(gold, gold)).toEqual([]);
    expect(describeErrors(gold, null)).toEqual(['page refused']);
  });
  it('tells a headline part and the authors that differ on a matched article', () => {
    const gold = [art('新馆开放', A, { kicker: '书香青禾', authors: ['林小禾'] })];
    const pred = [art('书香青禾 新馆开放', A, { authors: [] })];
    expect(describeErrors(gold, pred)).toEqual(['headline 「新馆开放」: kicker null ≠ "书香青禾"; title "书香青禾 新馆开放" ≠ "新馆开放"', 'authors 「新馆开放」: [] ≠ [林小禾]']);
  });
  it('tells an article merged into another, one split in pieces, one missing, and an extra one', () => {
    expect(describeErrors([art('新馆开放', A), art('植树', B)], [art('新馆开放', A + B)])).toContain('merged 「植树」 into an article with other text (「新馆开放」)');
    const half = Math.floor(B.length / 2);
    expect(describeErrors([art('植树', B)], [art('植树', B.slice(0, half)), art(null, B.slice(half))])).toEqual(['split 「植树」 across articles (2 pieces)', `extra article 「植树」 (${half} chars)`, `extra article 「」 (${B.length - half} chars)`]);
    expect(describeErrors([art('检查', C)], [art('新馆开放', A)])).toEqual(['missing 「检查」: its text is mostly in no article', `extra article 「新馆开放」 (${A.length} chars)`]);
  });
  it('agrees with the scores: a split article is no match', () => {
    const half = Math.floor(B.length / 2);
    expect(scores(scorePage([art('植树', B)], [art('植树', B.slice(0, half)), art(null, B.slice(half))])).articleF1).toBe(0);
  });
});
