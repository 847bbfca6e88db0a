/**
 * Stage 3 — label (scripts/lib/tagger.ts): the conventions the tagger obeys whatever its weights
 * say — tested with hand-built models that want the forbidden tag by a wide margin, and on the
 * committed weights — and what a tagged line carries.
 */
import { describe, expect, it } from 'vitest';
import { detectLayout, splitLines } from '../../scripts/lib/lines.ts';
import { tagLines, TAGS, taggerModel, type Tag } from '../../scripts/lib/tagger.ts';
import { taggerPreferring } from './stage-helpers.ts';

const OPENINGS = [
  '本报讯（记者 林小禾）昨日，青禾市图书馆新馆正式开放。',
  '本報訊 記者 林小禾 通訊員 周一鳴 從市文旅局獲悉，新館將開放。',
  '本报北京3月5日电（记者 林小禾）全国两会期间，代表们建言献策。',
  '新华社杭州1月5日电 记者从省统计局获悉',
  '据新华社报道，全国春运客流创新高。',
  '本报记者林小禾报道 近日，新馆开放。',
  '（记者 林小禾 通讯员 周一鸣）昨日上午，新馆开放。',
  '（下转第3版）',
];

const lines = (texts: string[]) => splitLines(texts.join('\n\n'));

describe('tagLines: conventions no weights can overrule', () => {
  for (const want of ['H', 'X', 'B'] as Tag[]) {
    it(`never tags a report’s opening or a marker alone ${want}, even for a model that wants ${want} everywhere`, () => {
      const ls = lines(['市场监管局开展春季检查', ...OPENINGS, '春节假期 游客量同比增长三成']);
      const tagged = tagLines(ls, 'paragraph', taggerPreferring(want));
      // The lines without an opening take what the model wants…
      expect(tagged[0].tag).toBe(want);
      expect(tagged[tagged.length - 1].tag).toBe(want);
      // …the openings never: they take the model's next choice.
      for (const l of tagged.slice(1, -1)) expect([l.text, l.tag]).toEqual([l.text, 'P']);
    });
  }
  it('one paragraph per line: a line opening with a connective (此外，) after one stopping mid-sentence never continues it', () => {
    const texts = ['新馆设有少儿阅览区、古籍修复展示区和数字体验区', '此外，新馆还将定期举办读书沙龙。', '同时，图书馆将延长开放时间'];
    for (const want of ['p', 'q'] as Tag[]) {
      const tagged = tagLines(lines(texts), 'paragraph', taggerPreferring(want, 'P'));
      expect(tagged.map((l) => l.tag)).toEqual([want, 'P', want]);
    }
  });
  it('…but may continue a line that ends a sentence, and column lines are not held to it', () => {
    const after = tagLines(lines(['新馆开放了。', '此外，新馆还将举办读书沙龙。']), 'paragraph', taggerPreferring('p'));
    expect(after[1].tag).toBe('p');
    const column = tagLines(lines(['新馆设有少儿阅览区和数字体', '此外，新馆还将举办读书沙龙。']), 'column', taggerPreferring('p'));
    expect(column[1].tag).toBe('p');
  });
  it('holds on the committed weights too', () => {
    const ls = lines(['市场监管局开展春季检查', ...OPENINGS.slice(0, 4), '“我们将把检查常态化。”', ...OPENINGS.slice(4)]);
    for (const l of tagLines(ls, detectLayout(ls))) if (OPENINGS.includes(l.text)) expect(['H', 'X', 'B']).not.toContain(l.tag);
  });
});

describe('tagLines: what a tagged line carries', () => {
  const ls = lines(['市场监管局开展春季检查', OPENINGS[0], '新馆设有少儿阅览区和数字体验区。']);
  it('keeps the line’s number, text, blank count and glued flag, with one tag of TAGS, a margin ≥ 0 and another tag as runner-up', () => {
    const tagged = tagLines(ls, 'paragraph');
    expect(tagged.map(({ no, text, blank, glued }) => ({ no, text, blank, glued }))).toEqual(ls.map(({ no, text, blank, glued }) => ({ no, text, blank, glued })));
    for (const l of tagged) {
      expect(TAGS).toContain(l.tag);
      expect(TAGS).toContain(l.runnerUp);
      expect(l.runnerUp).not.toBe(l.tag);
      expect(l.margin).toBeGreaterThanOrEqual(0);
      expect(l.info.text).toBe(l.text.trim());
    }
  });
  it('decodes the same page the same way every time', () => {
    expect(tagLines(ls, 'paragraph', taggerModel())).toEqual(tagLines(ls, 'paragraph', taggerModel()));
  });
  it('takes given tags as they are, sure of each', () => {
    const given: Tag[] = ['O', 'H', 'c'];
    const tagged = tagLines(ls, 'paragraph', taggerModel(), given);
    expect(tagged.map((l) => [l.tag, l.runnerUp, l.margin])).toEqual(given.map((t) => [t, t, Infinity]));
  });
});

describe('tagLines: a forward marker ends the paragraph on this page', () => {
  it('never continues the paragraph of a line ending in （下转…）, even for a model that wants it', () => {
    const texts = ['据介绍，下一步将继续加大政策支持力度（下转第3版）', '今年以来，全区上下坚持稳中求进', '推动经济持续向好（转A2版）', '会议指出，要狠抓落实。'];
    const tagged = tagLines(lines(texts), 'paragraph', taggerPreferring('p'));
    expect(tagged.map((l) => l.tag)).toEqual(['p', 'P', 'p', 'P']);
  });
  it('…but a backward marker (（上接第1版）) does not stop the paragraph', () => {
    const tagged = tagLines(lines(['（上接第1版）要巩固深化改革成果', '持续推动高质量发展。']), 'paragraph', taggerPreferring('p'));
    expect(tagged[1].tag).toBe('p');
  });
});

describe('tagLines: a photo credit is part of its caption', () => {
  // Fictional captions in the ways papers print a photographer or a source.
  const closing = ['新落成的青禾市图书馆（图片由青禾市文旅局提供）', '志愿者为老人送上长寿面。（本报记者 林小禾 摄）', '渡口村（视觉中国供图）', '首班列车从青禾西站驶出 周一鸣 摄'];
  it.each(closing)('never tags %s a byline, even for a model that wants B everywhere', (text) => {
    const tagged = tagLines(lines(['市场监管局开展春季检查', text]), 'paragraph', taggerPreferring('B', 'C'));
    expect(tagged.map((l) => l.tag)).toEqual(['B', 'C']);
  });
  it('a bracketed credit alone ends the caption above it: neither it nor that line is a headline or a byline', () => {
    for (const want of ['H', 'B', 'X'] as Tag[]) {
      const tagged = tagLines(lines(['会议强调，要狠抓落实。', '青禾市图书馆新馆', '（图片由青禾市文旅局提供）']), 'paragraph', taggerPreferring(want, 'c'));
      expect(tagged.map((l) => l.tag)).toEqual([want, 'c', 'c']);
    }
    // Nor does it open an article: for a model that wants A, the line above may open one (a photo item's text), the credit goes on with it.
    expect(tagLines(lines(['青禾市图书馆新馆开放', '（图片由青禾市文旅局提供）']), 'paragraph', taggerPreferring('A', 'p')).map((l) => l.tag)).toEqual(['A', 'p']);
  });
  it('a credit and nothing else (本报记者 某某 摄, 新华社发(某某 摄)) may be a photo item’s byline', () => {
    for (const text of ['本报记者 林小禾 摄', '新华社发(周一鸣 摄)']) {
      const tagged = tagLines(lines([text]), 'paragraph', taggerPreferring('B', 'C'));
      expect(tagged[0].tag).toBe('B');
    }
  });
  it('on the committed weights: a caption and its credit under a report are read as one caption, inside the report', () => {
    const texts = ['本报讯（记者 林小禾）昨日，青禾市图书馆新馆正式开放，馆藏图书', '青禾市图书馆新馆', '（图片由青禾市文旅局提供）', '120万册，设有少儿阅览区和古籍修复展示区。'];
    const tagged = tagLines(lines(texts), 'paragraph');
    expect(tagged.slice(1, 3).map((l) => l.tag)).toEqual(['C', 'c']);
  });
});
