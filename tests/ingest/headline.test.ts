/**
 * The headline chain's features (scripts/lib/headline.ts): the named conventions that tell two
 * lines of one title from a kicker and a title. Names are fictional.
 */
import { describe, expect, it } from 'vitest';
import { HEADLINE_VOCAB, parseGroup, phraseFeatures, phrasesOf, type HeadLine } from '../../scripts/lib/headline.ts';

const group = (texts: string[]): HeadLine[] => texts.map((text, i) => ({ kind: 'head', text, glued: true, no: i + 1 }));
const ctx = { afterBody: true, beforeBody: true, nextOpens: true };
/** The edge feature names of each phrase of a group. */
function edges(texts: string[]): string[][] {
  const lines = group(texts);
  return phraseFeatures(phrasesOf(lines), lines, ctx).map((p) => p.edge.map((id) => HEADLINE_VOCAB.edge.names[id]));
}

describe('headline edge features: a title broken over two lines', () => {
  it.each([
    ['中共青禾县委十五届八次全体会议', '暨县委经济工作务虚会召开'],
    ['青禾县文化馆', '与三所中学共建非遗课堂'],
  ])('a second line going on with a function word (%s / %s) shows e:>fn-start', (a, b) => {
    expect(edges([a, b])[1]).toContain('e:>fn-start');
  });
  it.each([
    ['青禾新区2025年第二批', '“专精特新”中小企业名单公布'],
    ['全市评选出首批12个', '乡村振兴示范村'],
  ])('a first line stopping on a count (%s / %s) shows e:count-end>', (a, b) => {
    expect(edges([a, b])[1]).toContain('e:count-end>');
  });
  it('a kicker and a title show neither', () => {
    const e = edges(['春耕时节农事忙', '青禾县三万亩早稻完成播种']);
    expect(e[1]).not.toContain('e:>fn-start');
    expect(e[1]).not.toContain('e:count-end>');
  });
  it('on the committed weights, a line going on with 暨 is read with the line above as one title', () => {
    const units = parseGroup(group(['中共青禾县委十五届八次全体会议', '暨县委经济工作务虚会召开']), ctx);
    expect(units.map((u) => [u.kicker, u.title])).toEqual([[null, '中共青禾县委十五届八次全体会议 暨县委经济工作务虚会召开']]);
  });
});
