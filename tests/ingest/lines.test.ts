/**
 * Stage 2 — lines (scripts/lib/lines.ts): page text becomes numbered non-empty lines with the blank
 * lines before each, the page's layout, and headlines glued onto a sentence's end split off.
 */
import { describe, expect, it } from 'vitest';
import { detectLayout, splitGluedHeads, splitLines, splitSideBySide } from '../../scripts/lib/lines.ts';
import { displayWidth } from '../../scripts/lib/text.ts';
import { parsePageText } from '../../scripts/lib/pipeline.ts';

describe('splitLines', () => {
  it('numbers the non-empty lines from 1 in the file and counts the blank lines before each', () => {
    const lines = splitLines('\n\n标题\n本报讯\n\n\n正文。\n\u3000\n结尾');
    expect(lines.map((l) => [l.no, l.text, l.blank, l.glued])).toEqual([
      [3, '标题', 2, false],
      [4, '本报讯', 0, true],
      [7, '正文。', 2, false],
      // A line of U+3000 IDEOGRAPHIC SPACE only is blank.
      [9, '结尾', 1, false],
    ]);
  });
  it('never marks the first line glued, even with no blank line before it', () => {
    const [first, second] = splitLines('第一行\n第二行');
    expect(first).toMatchObject({ no: 1, blank: 0, glued: false });
    expect(second).toMatchObject({ no: 2, blank: 0, glued: true });
  });
  it('removes trailing white space (a CR of CRLF included) and keeps the indent', () => {
    const lines = splitLines('\u3000\u3000本报讯 近日，  \r\n正文。\t\r\n');
    expect(lines.map((l) => l.text)).toEqual(['\u3000\u3000本报讯 近日，', '正文。']);
  });
  it('gives nothing for a page of white space', () => {
    expect(splitLines(' \n\u3000\n\t\n')).toEqual([]);
  });
});

describe('detectLayout', () => {
  const column = (n: number, every = 4) => splitLines(Array.from({ length: n }, (_, i) => (i % every === every - 1 ? '天气晴好。' : '市图书馆新馆正式对外开放首日')).join('\n\n'));
  it('reads narrow lines that mostly stop mid-sentence as column lines', () => {
    expect(detectLayout(column(16))).toBe('column');
  });
  it('reads a page of a few lines line by line, however narrow', () => {
    expect(detectLayout(column(8))).toBe('paragraph');
  });
  it('reads wide lines as one paragraph per line', () => {
    const wide = Array.from({ length: 16 }, () => '市图书馆新馆正式对外开放，首日接待读者八千余人次，新馆设有少儿阅览区和数字体验区').join('\n\n');
    expect(detectLayout(splitLines(wide))).toBe('paragraph');
  });
  it('reads narrow lines that mostly end sentences as paragraphs (short paragraphs, not columns)', () => {
    const short = Array.from({ length: 16 }, (_, i) => (i % 2 ? '新馆开放了。' : '市民纷纷前来借阅。')).join('\n\n');
    expect(detectLayout(splitLines(short))).toBe('paragraph');
  });
  it('reads an empty page as paragraphs', () => {
    expect(detectLayout([])).toBe('paragraph');
  });
});

describe('splitGluedHeads', () => {
  const split = (text: string) => splitGluedHeads(splitLines(text));
  it('splits a headline glued after a sentence end into a line of its own, same line number', () => {
    expect(split('正文\n……有关事项。 基层政务服务将推行“一窗通办”')).toEqual([
      { no: 1, text: '正文', glued: false, blank: 0 },
      { no: 2, text: '……有关事项。', glued: true, blank: 0 },
      { no: 2, text: '基层政务服务将推行“一窗通办”', glued: true, blank: 0, split: true },
    ]);
  });
  it('splits after closing quotes and brackets that follow the sentence end', () => {
    expect(split('他说：“要抓紧。” 新馆下月开放').map((l) => l.text)).toEqual(['他说：“要抓紧。”', '新馆下月开放']);
  });
  it.each([
    ['a tail with clause marks (a sentence, not a headline)', '……有关事项。 此外，新馆还将开放'],
    ['a tail that ends a sentence', '……有关事项。 新馆开放了。'],
    ['a tail shorter than four characters', '……有关事项。 新馆'],
    ['a tail longer than forty characters', `……有关事项。 ${'新'.repeat(41)}`],
    ['a tail that opens a bracket it does not close (a credit running on)', '……有关事项。 （记者 王芳 通讯员'],
    ['no space after the sentence end', '……有关事项。基层政务服务将推行'],
    ['no sentence end before the space', '……有关事项 基层政务服务将推行'],
    ['nothing but the mark before the space', '。 基层政务服务将推行'],
  ])('leaves a line whole for %s', (_, text) => {
    const lines = split(text);
    expect(lines.map((l) => l.text)).toEqual([text]);
    expect(lines[0].split).toBeUndefined();
  });
});

describe('splitSideBySide: two columns printed side by side (a layout-preserving extraction)', () => {
  // Column lines break mid-sentence; a paragraph's last line ends on its full stop.
  const L = ['本报讯（记者 林小禾）昨日，青', '禾县图书馆新馆正式开放，馆藏', '图书120万册，设有少儿阅览区', '和古籍修复展示区。', '  馆长周一鸣介绍，新馆还将定', '期举办读书沙龙和公益讲座。'];
  const R = ['本报讯（记者 周一鸣）今年，白', '沙镇新建村级卫生室8个，村民', '看病不出村。', '  镇卫生院还组织医生每周下村', '巡诊，为全镇老人建立健康档', '案，已建档2300余份。'];
  const pad = (s: string, cells: number): string => s + ' '.repeat(Math.max(3, Math.round((cells - displayWidth(s)) * 2)));
  const page = ['青禾县报', '', ...L.map((l, i) => pad(l, 16) + R[i]), '', '文明青禾 你我共建'].join('\n');
  it('reads the left column, then the right one, each part with its line number and its indent against its column', () => {
    const out = splitSideBySide(splitLines(page));
    expect(out.map((l) => l.text.trimEnd())).toEqual(['青禾县报', ...L, ...R, '文明青禾 你我共建']);
    expect(out.slice(1, 7).map((l) => l.no)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(out.slice(7, 13).map((l) => l.no)).toEqual([3, 4, 5, 6, 7, 8]);
    // The right column begins a block of its own; its lines are glued to each other.
    expect(out[7]).toMatchObject({ glued: false });
    expect(out.slice(8, 13).every((l) => l.glued)).toBe(true);
  });
  it('leaves alone a table of two aligned cells (no clause marks), verse set in two half-lines, and a page with a few such lines', () => {
    const table = ['线路      首班', ...Array.from({ length: 7 }, (_, i) => `${i + 1}路城关至白沙      6:${10 + i}`)].join('\n');
    expect(splitSideBySide(splitLines(table)).map((l) => l.text)).toEqual(splitLines(table).map((l) => l.text));
    const verse = ['白沙江畔春来早，      青禾山前燕归迟。', '柳岸新芽含露重，      桃溪细浪映霞低。', '渔舟唱晚归村远，      牧笛吹云过岭西。', '莫道乡关无好景，      一犁春雨满田畦。', '晨钟暮鼓传深巷，      月白风清照小溪。', '借问行人何处去，      桥边酒旗正相宜。'].join('\n');
    expect(splitSideBySide(splitLines(verse)).map((l) => l.text)).toEqual(splitLines(verse).map((l) => l.text));
    const few = ['青禾县报', ...L.slice(0, 3).map((l, i) => pad(l, 16) + R[i])].join('\n');
    expect(splitSideBySide(splitLines(few)).map((l) => l.text)).toEqual(splitLines(few).map((l) => l.text));
  });
  it('loses nothing: every character of the page once, and the whole page parses into the two articles', () => {
    const chars = (texts: string[]) => [...texts.join('').replace(/\s/gu, '')].sort().join('');
    expect(chars(splitSideBySide(splitLines(page)).map((l) => l.text))).toBe(chars([page]));
    const r = parsePageText(page, 'side-by-side.txt');
    expect(r.articles.map((a) => a.body[0]?.text.slice(0, 8))).toEqual(['本报讯（记者 林', '本报讯（记者 周']);
  });
  it('keeps a character outside the BMP before the gutter whole', () => {
    const rows = L.map((l, i) => pad(`${l.slice(0, -1)}𠀋`, 16) + R[i]).join('\n');
    const out = splitSideBySide(splitLines(rows));
    expect(out.slice(0, 6).every((l) => l.text.endsWith('𠀋'))).toBe(true);
  });
  it('reads a line across the width right after the run as a block of its own (it follows the right column in reading order)', () => {
    const foot = '青禾县报社地址：青禾县人民路88号 邮编：330100 广告经营许可证：青工商广字第001号';
    const out = splitSideBySide(splitLines(`${L.map((l, i) => pad(l, 16) + R[i]).join('\n')}\n${foot}`));
    expect(out[out.length - 1]).toMatchObject({ text: foot, glued: false, blank: 1 });
  });
});
