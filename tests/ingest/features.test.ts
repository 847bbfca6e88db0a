/**
 * Features (scripts/lib/features.ts): what is measured of each line, and the named features each
 * position of a page gives the tagger — read back through their names (TAGGER_VOCAB), the
 * currency of the committed weights.
 */
import { describe, expect, it } from 'vitest';
import { wrap } from '../../scripts/lib/corpus/render.ts';
import { measureLines, positions, TAGGER_VOCAB } from '../../scripts/lib/features.ts';
import { detectLayout, splitGluedHeads, splitLines, type Layout } from '../../scripts/lib/lines.ts';

const measure = (texts: string[], layout: Layout = 'paragraph') => measureLines(splitLines(texts.join('\n\n')), layout);
const one = (text: string) => measure([text])[0];

describe('measureLines: widths', () => {
  it('counts CJK characters one cell, Latin letters, digits and squeezed CJK punctuation half a cell', () => {
    expect(one('新馆开放').width).toBe(4);
    expect(one('ab新馆').width).toBe(3);
    expect(one('新馆，开放。').width).toBe(5);
  });
  it('ignores the spaces of a letter-spaced label', () => {
    expect(one('云 岭 论 坛').width).toBe(4);
  });
  it('estimates the column of a column page from the lines that run on, and measures the rest against it', () => {
    const ts = { width: 14, squeeze: true, hang: false };
    const text = '本报讯（记者 林小禾）昨日，青禾市图书馆新馆正式对外开放，首日接待读者八千余人次。新馆设有少儿阅览区、古籍修复展示区和数字体验区，藏书总量达一百二十万册，阅览座位两千个，每晚开放至九点，方便读者借阅。欢迎来馆。';
    const column = wrap(text, ts, 2);
    const lines = splitLines([...column, ...column].join('\n\n'));
    expect(detectLayout(lines)).toBe('column');
    const info = measureLines(lines, 'column');
    for (const x of info) expect(Math.abs(x.column - 14)).toBeLessThanOrEqual(1);
    // The paragraph's last line, short against the column.
    const last = info[column.length - 1];
    expect(last.width).toBeLessThan(last.column - 2);
  });
  it('gives a paragraph page the typical width of its long lines as the column', () => {
    const info = measure(['短标题', '本报讯'.padEnd(30, '新'), '其次'.padEnd(34, '馆'), '结尾'.padEnd(32, '好')]);
    expect(info.map((x) => x.column)).toEqual([32, 32, 32, 32]);
    expect(measure(['短标题', '也很短'])[0].column).toBe(40);
  });
});

describe('measureLines: how a line ends and starts', () => {
  it.each([
    ['新馆开放。', 'stop'],
    ['他说：“好。”', 'stop+'],
    ['真的吗？', 'quest'],
    ['太好了！', 'excl'],
    ['首日接待读者，', 'comma'],
    ['少儿区、', 'enum'],
    ['一是；', 'semi'],
    ['馆长说：', 'colon'],
    ['新馆——', 'dash'],
    ['等等……', 'ellipsis'],
    ['新馆开放', 'han'],
    ['增长12', 'digit'],
    ['上线APP', 'latin'],
    ['将继续推进.', 'stop'],
    ['version 2.', 'mark'],
  ])('%s ends with class %s', (text, cls) => {
    expect(one(text).endClass).toBe(cls);
  });
  it.each([
    ['，这是后半句', 'closing'],
    ['“我们将继续', 'quote'],
    ['（记者 林小禾）', 'bracket'],
    ['■ 本报评论员', 'ornament'],
    ['——副题', 'dash'],
    ['12月', 'digit'],
    ['APP上线', 'latin'],
    ['新馆开放', 'han'],
    ['的新馆', 'han-fn'],
    ['@新馆', 'other'],
  ])('%s starts with class %s', (text, cls) => {
    expect(one(text).startClass).toBe(cls);
  });
  it('tells a line ending a sentence, an indented line and a split-off tail', () => {
    expect(one('新馆开放。').endsSentence).toBe(true);
    expect(one('新馆开放').endsSentence).toBe(false);
    expect(one('\u3000\u3000新馆开放').indented).toBe(true);
    expect(one('新馆开放').indented).toBe(false);
    const split = measureLines(splitGluedHeads(splitLines('……有关事项。 基层政务服务将推行“一窗通办”')), 'paragraph');
    expect(split.map((x) => x.split)).toEqual([false, true]);
  });
});

describe('measureLines: clauses, sentences, phrases', () => {
  it('counts clause marks (，、；：) and sentence marks', () => {
    expect(one('新馆开放，首日接待读者；馆长说：好。真好！').clauses).toBe(3);
    expect(one('新馆开放，首日接待读者；馆长说：好。真好！').sentences).toBe(2);
  });
  it('does not count an item number as a clause mark', () => {
    expect(one('一、从“看管”到“服务”').clauses).toBe(0);
    expect(one('1、开放时间，地点').clauses).toBe(1);
    expect(one('（一）工作目标').clauses).toBe(0);
  });
  it('counts phrases set apart by spaces between CJK characters only', () => {
    expect(one('春节假期 游客量同比增长三成').phrases).toBe(2);
    expect(one('2024年 12月 2日').phrases).toBe(1);
  });
  it('lists the conventions the line shows', () => {
    expect(one('本报讯（记者 林小禾）近日，新馆开放。').patterns).toEqual(['open:xun']);
    expect(one('（记者 林小禾）近日，新馆开放。').patterns).toEqual(['open:credit']);
    expect(one('（下转第3版）').patterns).toEqual(expect.arrayContaining(['marker:only', 'marker:only:on']));
    expect(one('（上接第1版）新馆').patterns).toEqual(expect.arrayContaining(['marker:start', 'marker:start:back']));
    expect(one('新馆开放。').patterns).toEqual([]);
  });
});

describe('measureLines: topic continuity', () => {
  it('is low where one article gives way to another and high inside an article', () => {
    const ts = { width: 14, squeeze: true, hang: false };
    const a = wrap('本报讯（记者 林小禾）昨日，青禾市图书馆新馆正式对外开放，首日接待读者八千余人次。新馆设有少儿阅览区、古籍修复展示区和数字体验区，藏书总量达一百二十万册。图书馆馆长吴静介绍，新馆阅览座位两千个，图书馆还将延长开放时间，新馆每晚开放至九点，方便读者借阅图书。吴静说，图书馆将定期举办读书沙龙，新馆少儿阅览区周末还有亲子阅读活动。', ts, 2);
    const b = wrap('本报讯（记者 周一鸣）春耕时节，澜溪县各乡镇农户抢抓农时，育秧、翻耕、施肥有序推进。县农业农村局组织农技人员深入田间地头，指导农户科学育秧，推广水稻机插秧技术。今年全县计划种植水稻二十八万亩，农技人员还为种粮大户提供测土配方施肥服务，确保春耕生产顺利进行。县农业农村局负责人说，春耕物资供应充足。', ts, 2);
    const info = measureLines(splitLines([...a, ...b].join('\n\n')), 'column');
    expect(info[a.length].topic).toBe('low');
    expect(info[Math.floor(a.length / 2)].topic).toBe('high');
    expect(info[a.length + Math.floor(b.length / 2)].topic).toBe('high');
  });
  it('is none with too little text either side', () => {
    expect(measure(['新馆开放', '本报讯 新馆开放了。']).map((x) => x.topic)).toEqual(['none', 'none']);
  });
});

describe('positions: the features each line gives the tagger, by name', () => {
  const lineNames = (texts: string[], layout: Layout = 'paragraph') => positions(measure(texts, layout), layout).map((p) => p.line.map((i) => TAGGER_VOCAB.line.names[i]));
  const edgeNames = (texts: string[], layout: Layout = 'paragraph') => positions(measure(texts, layout), layout).map((p) => p.edge.map((i) => TAGGER_VOCAB.edge.names[i]));
  const page = ['新馆开放', '本报讯（记者 林小禾）近日，青禾市图书馆新馆开放。', '“我们将继续。”'];
  it('every feature id is a name of the vocabulary', () => {
    for (const p of positions(measure(page), 'paragraph')) {
      for (const i of p.line) expect(Number.isInteger(i) && i >= 0 && i < TAGGER_VOCAB.line.size).toBe(true);
      for (const i of p.edge) expect(Number.isInteger(i) && i >= 0 && i < TAGGER_VOCAB.edge.size).toBe(true);
    }
  });
  it('every convention a line can show is a registered feature, of the line and of its neighbours', () => {
    const lines = ['本报讯 记者 林小禾 通讯员 周一鸣 从市里获悉', '本报北京3月5日电', '据新华社报道', '本报记者林小禾报道', '（记者 林小禾）', '■ 本报评论员', '◆◆◆', '***', '读者 林小禾', '会场（记者 李四 摄）', '图为新馆', '（下转第3版）', '（上接第1版）新馆', '新馆（转A3）', '新馆（下转2版）开放', '2025年4月18日 星期五 责任编辑：林晓', '>>>>详见第5版', '特此公告。', '电话：13912345678', '记者：今年', '一、总体', '链接', '编者按：新馆', '（作者系青禾大学教授）', '——副题', '云 岭 论 坛', '东 湖 漫 笔 春天里的约定', '他说“好', '新馆（开放', '《青禾日报》', '2025年9月2日', '青禾县市场监督管理局', '此外，新馆'];
    const info = measure(lines);
    const shown = new Set(info.flatMap((x) => x.patterns));
    expect(shown.size).toBeGreaterThan(30);
    for (const p of shown) {
      expect(TAGGER_VOCAB.line.lookup(p), p).toBeDefined();
      expect(TAGGER_VOCAB.line.lookup(`p.${p}`), `p.${p}`).toBeDefined();
    }
    for (const p of positions(info, 'paragraph')) for (const i of p.line) expect(Number.isInteger(i)).toBe(true);
  });
  it('marks the first and last lines and the line’s own conventions', () => {
    const names = lineNames(page);
    expect(names[0]).toEqual(expect.arrayContaining(['bias', 'first-line', 'end:han', 'start:han', 'n.open:xun']));
    expect(names[0]).not.toContain('last-line');
    expect(names[1]).toEqual(expect.arrayContaining(['open:xun', 'end:stop', 'p.end:han', 'p.sentend:0', 'gap:1']));
    expect(names[2]).toEqual(expect.arrayContaining(['last-line', 'start:quote', 'end:stop+', 'p.open:xun', 'p.sentend:1']));
    expect(names[2]).not.toContain('first-line');
  });
  it('gives the gap before a line, its indent and a split-off tail', () => {
    const info = measureLines(splitGluedHeads(splitLines('新馆开放\n\n\n\n\u3000\u3000本报讯 近日。 新馆下月开放试运行')), 'paragraph');
    const names = positions(info, 'paragraph').map((p) => p.line.map((i) => TAGGER_VOCAB.line.names[i]));
    expect(names[1]).toEqual(expect.arrayContaining(['gap:3', 'indent-spaces']));
    expect(names[2]).toEqual(expect.arrayContaining(['gap:0', 'split-tail']));
    expect(names[0]).toEqual(expect.arrayContaining(['n.gap:3', 'n.indent-spaces']));
  });
  it('gives the boundary before each line as edge features, and the layout as the weight group', () => {
    const edges = edgeNames(page);
    expect(edges[0]).toEqual(['e:bias', 'e:gap0', 'e:W']);
    expect(edges[1]).toEqual(expect.arrayContaining(['e:bias', 'e:gap1', 'e:W', 'e:psent0', 'e:pend:han', 'e:start:han']));
    expect(positions(measure(page), 'paragraph').map((p) => p.layout)).toEqual([1, 1, 1]);
    expect(positions(measure(page, 'column'), 'column').map((p) => p.layout)).toEqual([0, 0, 0]);
    expect(edgeNames(page, 'column')[1]).toEqual(expect.arrayContaining(['e:C']));
  });
  it('gives the headline-like (bare) lines their first and last characters', () => {
    const names = lineNames(['全市春季工作会议召开', '本报讯 近日，会议召开。']);
    expect(names[0]).toEqual(expect.arrayContaining(['bare-last:开', 'bare-first:全', 'bare|topic:none']));
    expect(names[1].some((n) => n.startsWith('bare'))).toBe(false);
  });
});
