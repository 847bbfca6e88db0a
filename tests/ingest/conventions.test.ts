/**
 * The printing conventions of scripts/lib/conventions.ts, each a named pattern, on examples written
 * for it (fictional names and places): what it must match, in simplified and traditional script
 * where the convention is printed in both, and the near misses it must not match. The tagger weighs
 * these as features, so a pattern that drifts silently changes what the model sees.
 */
import { describe, expect, it } from 'vitest';
import * as C from '../../scripts/lib/conventions.ts';
import { TEASER } from '../../scripts/lib/text.ts';

interface Case {
  yes: string[];
  no: string[];
}

const PATTERNS: Record<string, Case> = {
  OPENING_XUN: {
    yes: ['本报讯（记者 林小禾）近日', '本報訊 記者 林小禾', '本刊讯 近日', '本刊訊', '青禾网讯', '青禾網訊', '青禾日报讯', '青禾日報訊', '\u3000\u3000本报讯 昨日', '【本報訊】青禾縣', '【本报讯】近日'],
    no: ['本报记者林小禾报道', '新华社北京3月5日电', '资讯很多', '近日，本报记者获悉'],
  },
  OPENING_DATED: {
    yes: ['本报北京3月5日电（记者 林小禾）', '本報北京3月5日電', '新华社杭州1月5日电', '新華社杭州1月5日電', '据新华社北京3月5日电', '中新社上海电', '中新社香港３月５日电', '青禾日报北京3月5日电'],
    // 电 of a word (电子版, 电话, 电视) is no dispatch: `某某日报电子版` is a web edition's furniture.
    no: ['本报讯 记者 林小禾 报道', '今天停电了', '记者从供电公司获悉', '青禾日报电子版', '监督举报电话：12388', '青禾日报电视专栏'],
  },
  OPENING_RELAYED: {
    yes: ['据新华社报道', '据央视新闻消息', '据青禾日报报道', '据中新社电'],
    no: ['据了解，', '据悉，', '据统计，全市', '本报讯 据介绍'],
  },
  OPENING_REPORTER: {
    yes: ['本报记者林小禾报道 近日', '本報記者林小禾報導', '记者 林 小禾 报道', '记者 林小禾 报导'],
    no: ['记者林小禾说', '记者了解到，相关报道', '本报讯（记者 林小禾）'],
  },
  DISPATCH_CREDIT: {
    yes: ['〔記者林小禾／青禾報導〕青禾縣', '〔青禾時報記者林小禾、周一鳴/綜合報導〕', '〔駐美特派員林小禾/華府二十日報導〕', '記者林小禾／青禾報導', '（记者 林小禾／青禾报道）'],
    no: ['記者林小禾報導', '市民說／這則報導讓人安心', '〔記者林小禾〕青禾縣', '記者會上／縣長說'],
  },
  SCHOOL_CREDIT: {
    yes: ['青禾县实验小学 四（2）班 林小禾 指导老师：周一鸣', '青禾县城关第二小学 五（1）班 林小禾', '□ 青禾市第一中学 初二（3）班 林 小禾', '青禾中學 高一(5)班 林小禾 指導老師 周一鳴', '青禾县实验小学 三年级2班 林小禾'],
    no: ['青禾县实验小学 四（2）班 林小禾说，这次比赛', '指导老师：周一鸣', '青禾县实验小学举行运动会'],
  },
  LEAD_CREDIT_BRACKETS: {
    yes: ['（记者 林小禾 通讯员 周一鸣）昨日', '（記者 林小禾 通訊員 周一鳴）', '(记者 林小禾) 昨日', '（实习生 周一鸣）', '（實習生 周一鳴）', '（见习记者 林小禾）', '（特约通讯员 林小禾）', '（青禾县融媒体中心 林小禾）', '（融媒體中心 林小禾）'],
    // Anchored at the lead's start: the dateline is taken off first (credit.ts leadCredit).
    no: ['（星期一）召开', '本报讯（记者 林小禾）', '会议（记者 林小禾）', '（青禾县第一中学）'],
  },
  INLINE_CREDIT: {
    yes: ['本报讯 记者 林小禾 通讯员 周一鸣 从市文旅局获悉', '本報訊 記者 林小禾', '本報訊 通訊員 周一鳴 記者 林小禾', '青禾日报讯 通讯员 周一鸣'],
    no: ['本报讯（记者 林小禾）', '本报讯 近日，记者从市里获悉', '记者 林小禾 通讯员 周一鸣'],
  },
  CREDIT_ROLE: {
    yes: ['本报评论员', '本報評論員', '記者', '通讯员', '通訊員', '实习生', '實習生', '文/图', '文／圖', '读者', '讀者', '摄影', '攝影', '编辑', '編輯'],
    no: ['文章', '图书馆', '读书会', '评论'],
  },
  ORNAMENT_START: {
    yes: ['■ 本报评论员', '□晚报记者 林小禾 文/图', '○林小禾', '◎周一鸣', '●要闻', '◆', '◇ 林小禾', '★亮点', '☆好', '▲ 林小禾', '△ 林小禾'],
    no: ['本报评论员', '—— 副题', '※注意', '【链接】'],
  },
  ORNAMENT_ONLY: {
    yes: ['***', '* * *', '＊＊＊', '———', '◆◆◆', '·····', '～～～', '===='],
    no: ['■ 本报评论员', '—文', '* 注'],
  },
  CAPTION_CREDIT: {
    yes: [
      '农贸市场一角(图片由市场监管局提供)',
      '古鎮一角（圖片由青禾縣文旅局提供）',
      '市民在展会上体验新设备（记者 李四 摄）',
      '市民體驗新設備（記者 李四 攝）',
      '开往青禾的列车驶出 林小禾 摄',
      '開往青禾的列車駛出 林小禾 攝',
      '游客在古镇拍照（视觉中国供图）',
      '遊客拍照（視覺中國供圖）',
      '春耕时节的田野 新华社发',
      '航拍青禾新区（资料图）',
      '市民在新馆阅读（图/林小禾）',
    ],
    no: ['市民在展会上体验新设备。', '他摄取了足够的营养', '新馆开放（本报讯）', '本报记者 林小禾 摄影报道了这次活动的全过程，反响热烈'],
  },
  CAPTION_START: {
    yes: ['图为市民在新馆阅读。', '圖為市民在新館閱讀。', '上图：游客在古镇拍照', '上圖：', '下图：', '下圖：', '左图：', '图①', '图② 游客', '图1 游客'],
    no: ['图书馆新馆开放', '地图上标出了新线路', '图片新闻'],
  },
  MARKER_ANY: {
    yes: ['（上接第1版）', '（下转第3版）', '（下轉第3版）', '(紧接第1版)', '（緊接第1版）', '（下转2版）', '（转A3）', '(轉A3)', '（上接A1版）', '（续第2版）', '（續第2版）', '(下转第三版)', '（下转第３版）', '（接第2版）'],
    no: ['（转载）', '（下转）', '（接上文）', '（第3版）', '下转第3版'],
  },
  FURNITURE: {
    yes: ['2025年4月18日 星期五 责任编辑：林晓 版式：周敏', '2025年4月18日 星期五 責任編輯：林曉', '本版编辑 周敏', '美编：方圆', '校對：貝寧', 'A3版', '第3版 要闻', '2025年4月18日'],
    no: ['市图书馆新馆正式对外开放。', '新版本上线', '2025年4月18日上午，新馆开放'],
  },
  TEASER_POINTER: {
    yes: ['>>>>详见第5版', '>>>>詳見第5版', '详见A3版', '詳見A3版', '見第2版', '》》本市新闻 第3版'],
    no: ['详见附件', '看见了第三次版本', '>本市新闻'],
  },
  NOTICE_WORDS: {
    yes: ['特此公告。', '林小禾遗失身份证一张，声明作废。', '林小禾遺失身份證一張，聲明作廢。', '联系电话：0571-88886666', '聯繫電話：88886666', '征稿启事', '徵稿啟事', '投稿邮箱', '报名截止'],
    no: ['今年春季雨水多', '市民纷纷前来借阅'],
  },
  PHONE: {
    yes: ['0571-88886666', '0571—88886666', '13912345678', '电话88886666'],
    no: ['2025年4月', '第12版', '088-123'],
  },
  SPEAKER: {
    yes: ['记者：今年有什么打算？', '記者：今年', '本报记者：', '本報記者：', '问：', '問：', '答：', '主持人：', '林小禾：我们会继续'],
    no: ['据介绍，他说：', 'Q: 今年', '“好：”'],
  },
  NUMBERED: {
    yes: ['一、总体要求', '十一、附则', '（一）工作目标', '（十二）', '1. 开放时间', '1、开放时间', '(2)地点', '①报名', '⑩'],
    no: ['一是加强', '10月1日起', '2025年', '一流的服务'],
  },
  BOX_LABEL: {
    yes: ['链接', '鏈接', '【相关链接】', '【新聞鏈接】', '背景：', '相关阅读', '相關閱讀', '延伸閱讀', '小贴士', '小貼士', '记者手记', '記者手記', '编者按', '編者按：'],
    no: ['链接这座城市的桥', '背景音乐响起', '相关部门'],
  },
  EDITOR_NOTE: {
    yes: ['编者按：春节将至', '【编者按】', '【編者按】', '編者按 春節', '编者的话', '編者的話'],
    no: ['编辑部按', '读者来信'],
  },
  AUTHOR_NOTE: {
    yes: ['（作者系青禾大学教授）', '(作者系青禾大学教授)', '……的力量。（作者为青禾日报评论员）', '（作者為青禾大學教授）', '（本文作者系青禾大学教授）'],
    no: ['作者系青禾大学教授', '（记者 林小禾）', '（作者系青禾大学教授）此后他又说'],
  },
  SUBTITLE_DASH: {
    yes: ['——来自基层一线的报道', '——記青禾縣', '—记青禾', '－－记', '--记'],
    no: ['一线观察', '“——”', '记者——林小禾'],
  },
  LETTER_SPACED: {
    yes: ['云 岭 论 坛', '雲 嶺 論 壇', '东 湖 漫 笔', '苕 溪 时 评', '链 接'],
    no: ['云岭论坛', '云 岭论坛', '新 闻 链 接 二 三 四 五 六', '春节假期 游客量'],
  },
  LETTER_SPACED_PREFIX: {
    yes: ['东 湖 漫 笔 春天里的约定', '云 岭 论 坛 让文明成为习惯', '雲 嶺 論 壇 讓文明成為習慣'],
    no: ['东湖漫笔 春天里的约定', '东 湖', '春节假期 游客量同比增长三成'],
  },
  DATE_LINE: {
    yes: ['2025年9月2日', '二〇二五年九月二日', '二〇二五年九月二十日', '２０２５年９月２日'],
    no: ['2025年9月2日 星期二', '2025年9月', '9月2日', '2025年9月2日。'],
  },
  ORG_LINE: {
    yes: ['青禾县市场监督管理局', '青禾县公安局交通警察大队', '青禾县人民政府办公室', '青禾市自然资源和规划局', '青禾市第一人民医院', '青禾縣市場監督管理局'],
    no: ['关于调整公交线路的通告', '青禾县人民政府：', '局', '本报记者林小禾', '青禾县教育局发布通知'],
  },
  NOTICE_CLOSE: {
    yes: ['特此公告。', '特此通告', '特此声明。', '特此聲明。', '特此公示。'],
    no: ['特此公告。如有疑问请致电', '此公告', '现特此公告如下：'],
  },
  SENTENCE_OPENER: {
    yes: ['此外，', '此外,新馆', '与此同时，各地', '與此同時，', '據悉，', '据了解，', '據了解，', '近日，市里', '同時，', '\u3000\u3000同时，'],
    no: ['此外还有', '目前为止', '同时进行', '近日新馆开放'],
  },
};

describe('conventions: each named pattern on examples written for it', () => {
  it('every pattern of conventions.ts has examples here', () => {
    const exported = Object.entries(C).filter(([, v]) => v instanceof RegExp).map(([k]) => k).sort();
    expect(exported).toEqual(Object.keys(PATTERNS).sort());
  });
  for (const [name, { yes, no }] of Object.entries(PATTERNS)) {
    const re = (C as unknown as Record<string, RegExp>)[name];
    it(`${name} matches what it names`, () => {
      expect(yes.filter((s) => !re.test(s))).toEqual([]);
    });
    it(`${name} leaves its near misses alone`, () => {
      expect(no.filter((s) => re.test(s))).toEqual([]);
    });
  }
});

describe('conventions that are functions', () => {
  it('opensReport: any report opening — dateline, dispatch, relay, reporter opening, bracketed credit', () => {
    for (const s of ['本报讯 近日', '本報北京3月5日電', '据新华社报道', '本报记者林小禾报道', '（记者 林小禾）昨日']) expect(C.opensReport(s), s).toBe(true);
    for (const s of ['近日，记者来到现场', '据悉，新馆将开放', '图为新馆']) expect(C.opensReport(s), s).toBe(false);
  });
  it('markerPointsOn: 下转/转 point on, 上接/紧接/接/续 point back', () => {
    for (const w of ['下转', '下轉', '转', '轉', '转至', '轉至']) expect(C.markerPointsOn(w), w).toBe(true);
    for (const w of ['上接', '紧接', '緊接', '接', '续', '續']) expect(C.markerPointsOn(w), w).toBe(false);
  });
  it('MARKER_ANY gives the marker word and the page as printed, with or without 第', () => {
    const parts = (s: string) => C.MARKER_ANY.exec(s)?.slice(1, 3);
    expect(parts('（下转2版）')).toEqual(['下转', '2版']);
    expect(parts('（转A3）')).toEqual(['转', 'A3']);
    expect(parts('（上接A1版）')).toEqual(['上接', 'A1版']);
    expect(parts('……的意见(上接第 1 版)')).toEqual(['上接', '第 1 版']);
  });
});

// Bugs found writing these examples (kept failing until fixed; see the report of the tests branch).
describe('conventions in both scripts and forms (known gaps)', () => {
  // OPENING_RELAYED lists traditional agency names (新華社, 人民日報, 央視) but opens with the
  // simplified 据 only, so a traditional page's 據新華社… is never read as a relayed report.
  it.fails('OPENING_RELAYED reads a traditional 據新華社… / 據央視新聞…', () => {
    expect(['據新華社報道', '據央視新聞消息'].filter((s) => !C.OPENING_RELAYED.test(s))).toEqual([]);
  });
  // OPENING_REPORTER takes one name of two to four characters, so the common opening of two
  // reporters (本报记者 某某 某某 报道) is no opening, and credit.ts reads no author from it.
  it.fails('OPENING_REPORTER reads an opening of two reporters', () => {
    expect(C.OPENING_REPORTER.test('本报记者 林小禾 周一鸣 报道 近日')).toBe(true);
  });
  // ORG_LINE wants four characters before the suffix, so the commonest signing body of a notice,
  // a county's or city's government (X县人民政府, X市人民政府), is not an organisation line; and its
  // suffixes are simplified only (委员会, 办公室), though features.ts ORG_END lists 會 and 室 for them.
  it.fails('ORG_LINE reads a county government and traditional organisation names', () => {
    expect(['青禾县人民政府', '泓川市人民政府', '青禾縣環境保護委員會', '青禾縣人民政府辦公室'].filter((s) => !C.ORG_LINE.test(s))).toEqual([]);
  });
});

/** Milliseconds a pattern takes on a text (a linear-time match of a few thousand characters takes well under one). */
function msToTest(re: RegExp, s: string): number {
  const t = performance.now();
  re.test(s);
  return performance.now() - t;
}

describe('patterns answer in linear time on hostile lines', () => {
  it('TEASER and TEASER_POINTER answer on a very long run of arrows (an unbounded run before `.*` backtracks cubically)', () => {
    const arrows = '》'.repeat(50_000);
    expect(TEASER.test(`${arrows}第`)).toBe(false);
    expect(C.TEASER_POINTER.test(`${arrows}第`)).toBe(false);
    expect(msToTest(TEASER, `${arrows}第`)).toBeLessThan(200);
    expect(msToTest(C.TEASER_POINTER, `${'>'.repeat(50_000)}x`)).toBeLessThan(200);
    expect(msToTest(C.TEASER_POINTER, '见 '.repeat(20_000))).toBeLessThan(200);
  });
  it('TEASER still finds teasers', () => {
    expect(TEASER.test('>>>>详见第2版')).toBe(true);
    expect(TEASER.test('》》》 本市新闻 第3版')).toBe(true);
    expect(TEASER.test('详见第 3 版')).toBe(true);
    expect(TEASER.test('详见附件')).toBe(false);
  });
  it('the other patterns answer on long runs of spaces, brackets and names', () => {
    const slow: string[] = [];
    for (const [name, re] of Object.entries(C)) {
      if (!(re instanceof RegExp) || name === 'CAPTION_CREDIT' || name === 'OPENING_DATED') continue;
      for (const s of ['（' + ' '.repeat(2000) + 'x', '本报' + '\u3000'.repeat(2000) + 'x', ' 王'.repeat(2000), '好'.repeat(20_000) + '局x', '1-'.repeat(5000)]) {
        if (msToTest(re, s) > 100) slow.push(name);
      }
    }
    expect(slow).toEqual([]);
  });
  // Bug: three adjacent `\s*` (around the optional place and date) backtrack cubically on a run of
  // spaces after 本报/新华社: 800 spaces take ~1.5 s, 2,000 take ~20 s. Reached unguarded from
  // credit.ts leadCredit (every article's lead) and sections.ts via opensReport.
  it.fails('OPENING_DATED answers on a dateline word followed by a long run of spaces', () => {
    expect(msToTest(C.OPENING_DATED, `本报${' '.repeat(800)}x`)).toBeLessThan(100);
  });
  // Bug: `[（(]\s*…` alternatives followed by `\s*$` backtrack on an open bracket and a run of spaces:
  // 250 spaces take ~0.5 s, 600 ~13 s. features.ts tries it on every line holding 图/摄/提供/发.
  it.fails('CAPTION_CREDIT answers on an open bracket followed by a long run of spaces', () => {
    expect(msToTest(C.CAPTION_CREDIT, `（${' '.repeat(250)}图x`)).toBeLessThan(50);
  });
});
