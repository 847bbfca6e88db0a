/**
 * Corrections (issue 11): each operation on a hand-made parse of a fictional page, so what is
 * checked is the operation, not the parser; then through the real pipeline, where a correction
 * must survive a different parse of the same page.
 */
import { describe, expect, it } from 'vitest';
import { applyCorrections, CorrectionError, parseFixFile, printedText, type ParsedPage } from '../../scripts/lib/corrections.ts';
import { checkConservation } from '../../scripts/lib/invariants.ts';
import { detectLayout, splitLines } from '../../scripts/lib/lines.ts';
import { parsePageText } from '../../scripts/lib/pipeline.ts';
import { tagLines } from '../../scripts/lib/tagger.ts';
import type { Article, OtherBlock } from '../../core/schema.ts';

/** A fictional page (paragraph layout): a header, two reports, a brief. */
const PAGE = `青石日报 2031年5月6日 星期二 责任编辑：林小舟

青石镇老街改造完工

本报讯（记者 林小舟）昨日，青石真老街改造工程完工，沿街二十六家老店重新开门迎客。

镇建设办负责人介绍，工程历时十个月。老店主王阿婆说：“回头客也多了。”

社区图书角开放

首批上架图书两千册

本报讯（记者 陈雨）青石镇第三社区图书角日前对外开放，居民可免费借阅。

又讯 青石镇农贸市场本周起延长营业时间至晚上八点。
`;
const LINES = splitLines(PAGE);

function art(p: Partial<Article> & { body: Article['body'] }): Article {
  return { column: null, kicker: null, title: null, subtitle: null, byline: null, authors: [], continued_from: null, continued_to: null, truncated_start: false, truncated_end: false, ...p };
}

/** The parse a weak parser might give: the subtitle read as the title's kicker, the brief inside the second report as a caption. */
function wrongParse(): ParsedPage<string> {
  const articles = [
    art({
      title: '青石镇老街改造完工',
      authors: ['林小舟'],
      body: [
        { type: 'p', text: '本报讯（记者 林小舟）昨日，青石真老街改造工程完工，沿街二十六家老店重新开门迎客。' },
        { type: 'p', text: '镇建设办负责人介绍，工程历时十个月。老店主王阿婆说：“回头客也多了。”' },
      ],
    }),
    art({
      kicker: '社区图书角开放',
      title: '首批上架图书两千册',
      authors: ['陈雨'],
      body: [
        { type: 'p', text: '本报讯（记者 陈雨）青石镇第三社区图书角日前对外开放，居民可免费借阅。' },
        { type: 'caption', text: '又讯 青石镇农贸市场本周起延长营业时间至晚上八点。' },
      ],
    }),
  ];
  const other: OtherBlock[] = [{ type: 'header', text: '青石日报 2031年5月6日 星期二 责任编辑：林小舟' }];
  return { articles, firstLines: [3, 9], sourceLines: [[3, 5, 7], [9, 11, 13, 15]], other, doubts: [{ line: 15, article: 1, kind: 'boundary', message: '第2篇……', confidence: 0.3 }], confidence: ['sure-0', 'sure-1'] };
}

function fix(yaml: string, parse = wrongParse(), stale: 'error' | 'warn' = 'error') {
  const file = parseFixFile(yaml, 'seeds/qingshi.fix.yaml', 'qingshi.txt');
  const out = applyCorrections(parse, LINES, file, { seed: 'qingshi.txt', stale, touched: () => 'reviewed' });
  // Whatever the corrections did, the page still holds every printed character exactly once.
  expect(checkConservation(LINES, printedText(out))).toBeNull();
  return out;
}

describe('a corrections file', () => {
  it('reads each correction with its place in the file', () => {
    const f = parseFixFile('# 更正\ncorrections:\n  - split: 又讯\n\n  - set: 社区图书角\n    title: 社区图书角开放\n', 'x.fix.yaml', 'x.txt');
    expect(f.items.map((i) => [i.n, i.line, i.op])).toEqual([
      [1, 3, 'split'],
      [2, 5, 'set'],
    ]);
  });

  it('is empty when it holds only comments', () => {
    expect(parseFixFile('# 暂无更正\n', 'x.fix.yaml', 'x.txt').items).toEqual([]);
  });

  it.each([
    ['corrections:\n  - split: 又讯\n    merge: 社区\n', /x\.fix\.yaml:2 第1条更正应当恰好有一个操作.*split、merge/],
    ['corrections:\n  - spilt: 又讯\n', /x\.fix\.yaml:2 第1条更正应当恰好有一个操作/],
    ['corrections:\n  - retype: 又讯\n    as: table\n', /x\.fix\.yaml:2 第1条更正（retype）的 as 有误/],
    ['corrections:\n  - split: 又讯\n    befor: x\n', /x\.fix\.yaml:2 第1条更正（split）/],
    ['corrections:\n  - split: "  "\n', /x\.fix\.yaml:2 第1条更正（split）的 split 有误/],
    ['corrections: [split: 又讯\n', /x\.fix\.yaml:\d+ 不是有效的 YAML/],
    ['fixes:\n  - split: 又讯\n', /应当只有一个键 corrections/],
  ])('refuses %j, naming the page, the file and the line', (yaml, message) => {
    expect(() => parseFixFile(yaml, 'x.fix.yaml', 'x.txt')).toThrow(CorrectionError);
    expect(() => parseFixFile(yaml, 'x.fix.yaml', 'x.txt')).toThrow(message);
    expect(() => parseFixFile(yaml, 'x.fix.yaml', 'x.txt')).toThrow(/^x\.txt: /);
  });
});

describe('operations', () => {
  it('split: a new article begins at the quoted text, with its own credit and flags', () => {
    const out = fix('corrections:\n  - split: 又讯 青石镇农贸市场\n');
    expect(out.articles).toHaveLength(3);
    expect(out.articles[1].body.map((b) => b.text)).toEqual(['本报讯（记者 陈雨）青石镇第三社区图书角日前对外开放，居民可免费借阅。']);
    expect(out.articles[2]).toMatchObject({ title: null, authors: [], body: [{ type: 'caption', text: '又讯 青石镇农贸市场本周起延长营业时间至晚上八点。' }] });
    expect(out.sourceLines[2]).toEqual([15]);
    expect(out.sourceLines[1]).toEqual([9, 11, 13]);
    expect(out.statuses).toEqual([{ n: 1, line: 2, op: 'split', status: 'applied', message: null }]);
  });

  it('split inside a paragraph cuts it, and the line goes to both articles', () => {
    const out = fix('corrections:\n  - split: 老店主王阿婆说\n');
    expect(out.articles[0].body.at(-1)!.text).toBe('镇建设办负责人介绍，工程历时十个月。');
    expect(out.articles[1].body[0].text).toBe('老店主王阿婆说：“回头客也多了。”');
    expect(out.sourceLines[0]).toContain(7);
    expect(out.sourceLines[1]).toEqual([7]);
  });

  it('merge: two articles are one; the second one\'s headline becomes a section heading', () => {
    const out = fix('corrections:\n  - merge: 老街改造完工\n    with: 第三社区图书角\n');
    expect(out.articles).toHaveLength(1);
    const a = out.articles[0];
    expect(a.title).toBe('青石镇老街改造完工');
    expect(a.body.map((b) => b.type)).toEqual(['p', 'p', 'h', 'h', 'p', 'caption']);
    expect(a.body[2].text).toBe('社区图书角开放');
    expect(a.authors).toEqual(['林小舟', '陈雨']);
    expect(out.sourceLines[0]).toEqual([3, 5, 7, 9, 11, 13, 15]);
  });

  it('set: headline parts take page text from wherever it is, and what they held goes back there', () => {
    const out = fix('corrections:\n  - set: 第三社区图书角\n    title: 社区图书角开放\n    subtitle: 首批上架图书两千册\n');
    expect(out.articles[1]).toMatchObject({ kicker: null, title: '社区图书角开放', subtitle: '首批上架图书两千册' });
    // 首批上架图书两千册 is also inside no other text: the whole-line quote is unambiguous.
  });

  it('set: a quote of a whole line wins over the same words inside a paragraph', () => {
    const page = wrongParse();
    page.articles[1].body[0].text = '本报讯（记者 陈雨）社区图书角开放了，首批上架图书两千册。';
    const lines = splitLines(PAGE.replace('青石镇第三社区图书角日前对外开放，居民可免费借阅。', '社区图书角开放了，首批上架图书两千册。'));
    const file = parseFixFile('corrections:\n  - set: 陈雨\n    title: 社区图书角开放\n    subtitle: 首批上架图书两千册\n', 'f', 'p');
    const out = applyCorrections(page, lines, file, { seed: 'p', touched: () => 'r' });
    expect(out.articles[1]).toMatchObject({ kicker: null, title: '社区图书角开放', subtitle: '首批上架图书两千册' });
    expect(out.articles[1].body[0].text).toBe('本报讯（记者 陈雨）社区图书角开放了，首批上架图书两千册。');
  });

  it('set: null gives a headline part back to the body; values set authors, continuation and truncation', () => {
    const out = fix('corrections:\n  - set: 首批上架\n    kicker: null\n    authors: [陈雨, 林小舟]\n    continued_to: 第3版\n    truncated_end: true\n');
    const a = out.articles[1];
    expect(a.kicker).toBeNull();
    expect(a.body[0]).toEqual({ type: 'p', text: '社区图书角开放' });
    expect(a).toMatchObject({ authors: ['陈雨', '林小舟'], continued_to: '第3版', truncated_end: true });
  });

  it('set: a value that overrides what a split derived counts as applied, not as already so', () => {
    const yaml = 'corrections:\n  - split: 又讯 青石镇农贸市场\n  - retype: 又讯 青石镇农贸市场\n    as: p\n';
    // 又… reads as a sentence's middle (assemble/article.ts), so the new article, now a paragraph, would start truncated…
    expect(fix(yaml).articles[2].truncated_start).toBe(true);
    const out = fix(`${yaml}  - set: 又讯 青石镇农贸市场\n    truncated_start: false\n`);
    // …unless the archivist says otherwise.
    expect(out.articles[2].truncated_start).toBe(false);
    expect(out.statuses.map((x) => x.status)).toEqual(['applied', 'applied', 'applied']);
    const same = fix('corrections:\n  - set: 又讯 青石镇农贸市场\n    truncated_start: false\n');
    expect(same.statuses.map((x) => x.status)).toEqual(['holds']);
  });

  it('move: a headline goes to another article, swapping with what that one had', () => {
    const out = fix('corrections:\n  - move: 首批上架图书两千册\n    to: 老街改造工程\n    as: subtitle\n  - move: 社区图书角开放\n    to: 第三社区\n    as: title\n');
    expect(out.articles[0]).toMatchObject({ title: '青石镇老街改造完工', subtitle: '首批上架图书两千册' });
    expect(out.articles[1]).toMatchObject({ kicker: null, title: '社区图书角开放' });
  });

  it('set: a headline part taken out of the same field (two printed lines read as one title) — the rest waits in the body for the next part', () => {
    const page = wrongParse();
    Object.assign(page.articles[1], { kicker: null, title: '社区图书角开放 首批上架图书两千册' });
    const out = fix('corrections:\n  - set: 第三社区\n    title: 社区图书角开放\n    subtitle: 首批上架图书两千册\n', page);
    expect(out.articles[1]).toMatchObject({ kicker: null, title: '社区图书角开放', subtitle: '首批上架图书两千册' });
    expect(out.articles[1].body[0].text).toMatch(/^本报讯/u);
    expect(out.statuses.map((x) => x.status)).not.toContain('stale');
  });

  it('move: a credit line moves with its authors', () => {
    const page = wrongParse();
    page.articles[0].byline = '林小舟';
    page.articles[0].body[0].text = '昨日，青石真老街改造工程完工，沿街二十六家老店重新开门迎客。';
    const text = PAGE.replace('本报讯（记者 林小舟）昨日', '昨日').replace('青石镇老街改造完工\n', '青石镇老街改造完工\n\n林小舟\n');
    const file = parseFixFile('corrections:\n  - move: 林小舟\n    to: 第三社区\n', 'f', 'p');
    const out = applyCorrections(page, splitLines(text), file, { seed: 'p', touched: () => 'r' });
    expect(out.articles[0]).toMatchObject({ byline: null, authors: [] });
    expect(out.articles[1]).toMatchObject({ byline: '林小舟', authors: ['林小舟'] });
  });

  it('other: text becomes a non-article block of a type; whole: an article becomes one block; article: and back', () => {
    const out = fix('corrections:\n  - other: 又讯 青石镇农贸市场本周起\n    type: notice\n');
    expect(out.articles[1].body).toHaveLength(1);
    expect(out.other.at(-1)).toEqual({ type: 'notice', text: '又讯 青石镇农贸市场本周起延长营业时间至晚上八点。' });
    const whole = fix('corrections:\n  - other: 社区图书角开放\n    type: teasers\n    whole: true\n');
    expect(whole.articles).toHaveLength(1);
    expect(whole.other.at(-1)!.type).toBe('teasers');
    expect(whole.other.at(-1)!.text.replace(/\s/g, '')).toBe('社区图书角开放首批上架图书两千册本报讯（记者陈雨）青石镇第三社区图书角日前对外开放，居民可免费借阅。又讯青石镇农贸市场本周起延长营业时间至晚上八点。');
    const back = fix('corrections:\n  - article: 星期二 责任编辑\n');
    expect(back.articles).toHaveLength(3);
    expect(back.articles[0].body).toEqual([{ type: 'p', text: '青石日报 2031年5月6日 星期二 责任编辑：林小舟' }]);
    expect(back.other).toEqual([]);
    const into = fix('corrections:\n  - article: 星期二 责任编辑\n    into: 第三社区\n    as: caption\n');
    expect(into.articles[1].body[0]).toEqual({ type: 'caption', text: '青石日报 2031年5月6日 星期二 责任编辑：林小舟' });
  });

  it('join and break: a paragraph break is removed or made where the quote says', () => {
    const broken = fix('corrections:\n  - break: 老店主王阿婆说\n');
    expect(broken.articles[0].body.map((b) => b.text)).toEqual([
      '本报讯（记者 林小舟）昨日，青石真老街改造工程完工，沿街二十六家老店重新开门迎客。',
      '镇建设办负责人介绍，工程历时十个月。',
      '老店主王阿婆说：“回头客也多了。”',
    ]);
    const joined = fix('corrections:\n  - join: 重新开门迎客。镇建设办\n');
    expect(joined.articles[0].body).toHaveLength(1);
    expect(joined.articles[0].body[0].text).toBe('本报讯（记者 林小舟）昨日，青石真老街改造工程完工，沿街二十六家老店重新开门迎客。镇建设办负责人介绍，工程历时十个月。老店主王阿婆说：“回头客也多了。”');
  });

  it('retype: a block is a paragraph, a section heading or a caption', () => {
    const out = fix('corrections:\n  - retype: 又讯 青石镇农贸市场\n    as: p\n');
    expect(out.articles[1].body[1].type).toBe('p');
  });

  it('correct: the text is corrected, the printed text kept beside it and in the conservation check', () => {
    const out = fix('corrections:\n  - correct: 青石真\n    to: 青石镇\n    note: 排印错误\n');
    expect(out.articles[0].body[0].text).toBe('本报讯（记者 林小舟）昨日，青石镇老街改造工程完工，沿街二十六家老店重新开门迎客。');
    expect(out.fixes).toEqual([
      { article: 0, field: 'body', block: 0, start: 14, end: 17, original: '青石真', corrected: '青石镇', context: '本报讯（记者 林小舟）昨日，青石真老街改造工程完工，沿街二十六家老店重新开', note: '排印错误' },
    ]);
    expect(printedText(out).articles[0].body[0].text).toContain('青石真老街');
    // Without the printed text kept, the check would see a character lost and one doubled.
    expect(checkConservation(LINES, out)).toMatchObject({ missing: '真', extra: '镇' });
  });

  it('correct: `in` picks one of several occurrences; two fixes in one paragraph keep their places', () => {
    const out = fix('corrections:\n  - correct: 青石\n    to: 清石\n    in: 青石镇农贸\n  - correct: 晚上八点\n    to: 晚上九点\n');
    expect(out.articles[1].body[1].text).toBe('又讯 清石镇农贸市场本周起延长营业时间至晚上九点。');
    const [a, b] = out.fixes;
    expect(out.articles[1].body[1].text.slice(a.start, a.end)).toBe('清石');
    expect(out.articles[1].body[1].text.slice(b.start, b.end)).toBe('晚上九点');
    expect(printedText(out).articles[1].body[1].text).toBe('又讯 青石镇农贸市场本周起延长营业时间至晚上八点。');
  });

  it('marks the articles it changed as reviewed and drops their doubts', () => {
    const out = fix('corrections:\n  - retype: 又讯 青石镇农贸市场\n    as: p\n');
    expect(out.confidence).toEqual(['sure-0', 'reviewed']);
    expect(out.doubts).toEqual([]);
    expect(out.corrected).toEqual([false, true]);
  });
});

describe('a correction that no longer applies', () => {
  it('fails the page, naming the page, the file, the line, the correction and the reason', () => {
    const yaml = 'corrections:\n  - retype: 又讯 青石镇农贸市场\n    as: p\n  - split: 本报讯（记者 王五）\n';
    expect(() => fix(yaml)).toThrow(CorrectionError);
    expect(() => fix(yaml)).toThrow('qingshi.txt: seeds/qingshi.fix.yaml:4 第2条更正（split「本报讯（记者 王五）」）不再适用：本版找不到「本报讯（记者 王五）」');
  });

  it('fails when its quote is on the page more than once', () => {
    expect(() => fix('corrections:\n  - break: 青石镇\n')).toThrow(/第1条更正（break「青石镇」）不再适用：「青石镇」在本版出现了\d次，请多引几个字/);
  });

  it('is skipped with a warning when downgraded, and the rest still apply', () => {
    const out = fix('corrections:\n  - split: 本报讯（记者 王五）\n  - retype: 又讯 青石镇农贸市场\n    as: p\n', wrongParse(), 'warn');
    expect(out.warnings).toEqual(['seeds/qingshi.fix.yaml:2 第1条更正（split「本报讯（记者 王五）」）不再适用：本版找不到「本报讯（记者 王五）」']);
    expect(out.statuses.map((s) => s.status)).toEqual(['stale', 'applied']);
    expect(out.articles[1].body[1].type).toBe('p');
  });
});

describe('a correction that the parse already has', () => {
  it('holds, changes nothing and is not stale', () => {
    const once = fix('corrections:\n  - split: 又讯 青石镇农贸市场\n  - retype: 又讯 青石镇农贸市场\n    as: p\n  - set: 第三社区\n    title: 社区图书角开放\n    subtitle: 首批上架图书两千册\n');
    const again = applyCorrections(
      { ...once, confidence: once.confidence },
      LINES,
      parseFixFile('corrections:\n  - split: 又讯 青石镇农贸市场\n  - retype: 又讯 青石镇农贸市场\n    as: p\n  - set: 第三社区\n    title: 社区图书角开放\n    subtitle: 首批上架图书两千册\n', 'f', 'p'),
      { seed: 'p', touched: () => 'r' },
    );
    expect(again.statuses.map((s) => s.status)).toEqual(['holds', 'holds', 'holds']);
    expect(again.articles).toEqual(once.articles);
  });
});

describe('through the pipeline', () => {
  const YAML = `corrections:
  - break: 老店主王阿婆说
  - set: 第三社区
    title: 社区图书角开放
    subtitle: 首批上架图书两千册
  - split: 又讯 青石镇农贸市场
  - retype: 又讯 青石镇农贸市场
    as: p
  - set: 又讯 青石镇农贸市场
    truncated_start: false
  - correct: 青石真
    to: 青石镇
`;
  const file = () => parseFixFile(YAML, 'seeds/qingshi.fix.yaml', 'qingshi.txt');
  const target = [
    { title: '青石镇老街改造完工', subtitle: null, body: ['本报讯（记者 林小舟）昨日，青石镇老街改造工程完工，沿街二十六家老店重新开门迎客。', '镇建设办负责人介绍，工程历时十个月。', '老店主王阿婆说：“回头客也多了。”'] },
    { title: '社区图书角开放', subtitle: '首批上架图书两千册', body: ['本报讯（记者 陈雨）青石镇第三社区图书角日前对外开放，居民可免费借阅。'] },
    { title: null, subtitle: null, body: ['又讯 青石镇农贸市场本周起延长营业时间至晚上八点。'] },
  ];
  const shape = (articles: Article[]) => articles.map((a) => ({ title: a.title, subtitle: a.subtitle, body: a.body.map((b) => b.text) }));

  it('gives the corrected page, conserved, with the printed text kept', () => {
    const r = parsePageText(PAGE, 'qingshi.txt', 'utf-8', { corrections: file() });
    expect(shape(r.articles)).toEqual(target);
    expect(r.articles[2].truncated_start).toBe(false);
    expect(r.fixes?.map((f) => [f.original, f.corrected])).toEqual([['青石真', '青石镇']]);
    expect(r.corrections?.statuses.every((s) => s.status !== 'stale')).toBe(true);
  });

  it('gives the same corrected page when another parser reads the page differently', () => {
    const lines = splitLines(PAGE);
    const plain = tagLines(lines, detectLayout(lines)).map((l) => l.tag);
    // "Another parser": the brief read as an article of its own, both headline lines as one title group's lines.
    const other = (ls: typeof lines) => ls.map((l, i) => (l.text.startsWith('又讯') ? 'A' : plain[i]));
    const before = parsePageText(PAGE, 'qingshi.txt', 'utf-8', { tags: other });
    const now = parsePageText(PAGE, 'qingshi.txt', 'utf-8');
    expect(shape(before.articles)).not.toEqual(shape(now.articles));
    const r = parsePageText(PAGE, 'qingshi.txt', 'utf-8', { tags: other, corrections: file() });
    expect(shape(r.articles)).toEqual(target);
  });
});
