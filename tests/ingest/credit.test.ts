/**
 * Credits (scripts/lib/credit.ts): recognising a credit line and reading person names out of
 * credits, as SCHEMA.md decides them — roles and organisations are not names, an institutional
 * credit names no one, a caption's photographer is no author of a written report, （作者系…） is a note
 * and no credit. Names and places are fictional.
 */
import { describe, expect, it } from 'vitest';
import { closingCredit, creditOfArticle, isCreditLine, leadCredit, looksLikeName, namesInCredit, photoCreditPlace } from '../../scripts/lib/credit.ts';
import { opensReport } from '../../scripts/lib/conventions.ts';

describe('namesInCredit', () => {
  it.each([
    ['记者 徐 媛 高 庆洋', ['徐媛', '高庆洋']],
    ['记者 林小禾 通讯员 周一鸣', ['林小禾', '周一鸣']],
    ['通讯员 周一鸣 记者 林小禾', ['周一鸣', '林小禾']],
    ['本报记者 林小禾 实习生 周一鸣', ['林小禾', '周一鸣']],
    ['記者 林小禾 通訊員 周一鳴', ['林小禾', '周一鳴']],
    ['记者：林小禾、周一鸣', ['林小禾', '周一鸣']],
    ['林小禾 周一鸣', ['林小禾', '周一鸣']],
  ])('reads the names of %s, in printed order, spaces removed', (credit, names) => {
    expect(namesInCredit(credit)).toEqual(names);
  });
  it('drops an organisation glued to a role (某某日报记者) and an organisation set apart (融媒体中心)', () => {
    expect(namesInCredit('青禾日报记者 林小禾')).toEqual(['林小禾']);
    expect(namesInCredit('□晚报记者 林小禾 文/图')).toEqual(['林小禾']);
    expect(namesInCredit('新华社记者 林小禾 周一鸣')).toEqual(['林小禾', '周一鸣']);
    expect(namesInCredit('青禾县融媒体中心 林小禾 记者 周一鸣')).toEqual(['林小禾', '周一鸣']);
  });
  it('names no one in an institutional credit', () => {
    expect(namesInCredit('■ 本报评论员')).toEqual([]);
    expect(namesInCredit('本報評論員')).toEqual([]);
    expect(namesInCredit('◎ 本报特约评论员')).toEqual([]);
  });
  it('strips ornaments before a name, and joins a name spaced out to three cells', () => {
    expect(namesInCredit('○俞 杰')).toEqual(['俞杰']);
    expect(namesInCredit('□ 林小禾')).toEqual(['林小禾']);
    expect(namesInCredit('○欧阳 娜')).toEqual(['欧阳娜']);
  });
  it('reads a reader’s signature without the role word, in both scripts', () => {
    expect(namesInCredit('读者 林小禾')).toEqual(['林小禾']);
    expect(namesInCredit('讀者 林小禾')).toEqual(['林小禾']);
  });
  it('reads names out of photo and writing credits', () => {
    expect(namesInCredit('记者 林小禾 摄')).toEqual(['林小禾']);
    expect(namesInCredit('林小禾 摄')).toEqual(['林小禾']);
    expect(namesInCredit('林小禾 文/图')).toEqual(['林小禾']);
    expect(namesInCredit('周一鸣报道')).toEqual(['周一鸣']);
  });
  it('closes up role words spaced out by justification (记　者, 通 讯 员), in lead credits too', () => {
    expect(namesInCredit('记　者 林小禾 通 讯 员 周一鸣')).toEqual(['林小禾', '周一鸣']);
    expect(isCreditLine('本 报 记 者 林小禾')).toBe(true);
    expect(leadCredit('本报讯（通   讯员 林小禾）近日，港区开展演练。')).toBe('通讯员 林小禾');
  });
  it('reads the slash form of a writing or photo credit (文/某某, 图/某某, 摄/某某), glued or spaced', () => {
    expect(namesInCredit('文/林小禾')).toEqual(['林小禾']);
    expect(namesInCredit('文 / 林小禾 图 / 周一鸣')).toEqual(['林小禾', '周一鸣']);
    expect(namesInCredit('摄／周一鸣')).toEqual(['周一鸣']);
    expect(namesInCredit('文/新年新开局')).toEqual([]);
  });
  it('accepts a name glued to a role only when it reads as a name', () => {
    expect(namesInCredit('记者濮玉慧')).toEqual(['濮玉慧']);
    expect(namesInCredit('本报记者林小禾报道')).toEqual(['林小禾']);
    expect(namesInCredit('记者走基层')).toEqual([]);
  });
  it('finds no author in an author’s note', () => {
    expect(namesInCredit('作者系青禾大学教授')).toEqual([]);
  });
});

describe('looksLikeName', () => {
  it('knows simple and compound surnames, and rejects words', () => {
    expect(looksLikeName('林小禾')).toBe(true);
    expect(looksLikeName('欧阳修')).toBe(true);
    expect(looksLikeName('司马光')).toBe(true);
    expect(looksLikeName('走基层')).toBe(false);
    expect(looksLikeName('欧阳')).toBe(false);
    expect(looksLikeName('林')).toBe(false);
    expect(looksLikeName('Lin')).toBe(false);
  });
});

describe('isCreditLine', () => {
  it.each([
    '杭州日报记者 史俊杰',
    '○俞 杰',
    '◎王小明',
    '■ 本报评论员',
    '□ 林小禾',
    '□晚报记者 林小禾 文/图',
    '文/林小禾',
    '图／周一鸣',
    '本报记者 林小禾 实习生 周一鸣',
    '本報記者 林小禾',
    '读者 林小禾',
    '讀者 林小禾',
    '唐骏 龚 檬',
    '文/图 林小禾',
  ])('reads %s as a credit printed on its own line', (line) => {
    expect(isCreditLine(line)).toBe(true);
  });
  it.each([
    ['a label that starts with a role-like word', '记者走基层'],
    ['a letter-spaced column label', '苕 溪 时 评'],
    ['a slogan', '城势而上'],
    ['a section label', '读者来信'],
    ['a caption ending in a photographer', '开往青禾的列车 林小禾 摄'],
    ['a photographer’s credit line (a caption’s, not a byline)', '记者 林小禾 摄'],
    ['a sentence about a reporter', '记者在现场看到，人们排起长队。'],
    ['a kicker of two phrases', '春节假期 游客量同比增长三成'],
    ['an author’s note', '（作者系青禾大学教授）'],
    ['a line longer than a credit', `记者 林小禾 ${'很'.repeat(40)}`],
  ])('does not read %s as a credit', (_, line) => {
    expect(isCreditLine(line)).toBe(false);
  });
});

describe('leadCredit', () => {
  it('reads a bracketed credit after a dateline or at the very start', () => {
    expect(leadCredit('本报讯（记者 俞杰）近日……')).toBe('记者 俞杰');
    expect(leadCredit('本報訊（記者 林小禾）近日')).toBe('記者 林小禾');
    expect(leadCredit('(记者 金一清) 昨日上午')).toBe('记者 金一清');
    expect(leadCredit('本报讯（通讯员 周一鸣）')).toBe('通讯员 周一鸣');
  });
  it('reads the credit of a dated dispatch and of a relayed one', () => {
    expect(leadCredit('本报北京3月5日电（记者 林小禾）全国两会期间')).toBe('记者 林小禾');
    expect(leadCredit('新华社北京1月5日电（记者 张三 李四）今天')).toBe('记者 张三 李四');
    expect(leadCredit('据新华社北京3月5日电（记者 张三）')).toBe('记者 张三');
  });
  it('reads an inline credit without brackets, up to the first word that is no role or name', () => {
    expect(leadCredit('本报讯 记者 林小禾 通讯员 周一鸣 从市文旅局获悉，')).toBe('记者 林小禾 通讯员 周一鸣');
    expect(leadCredit('本报讯 记者 林小禾 从市文旅局获悉，')).toBe('记者 林小禾');
    expect(leadCredit('本報訊 記者 林小禾 通訊員 周一鳴 從市文旅局獲悉')).toBe('記者 林小禾 通訊員 周一鳴');
  });
  it('reads the reporter opening 本报记者某某报道', () => {
    expect(namesInCredit(leadCredit('本报记者林小禾报道 近日，') ?? '')).toEqual(['林小禾']);
  });
  it('finds nothing in a lead without a credit', () => {
    expect(leadCredit('近日（星期一）召开')).toBeNull();
    expect(leadCredit('本报讯 近日，记者从市里获悉')).toBeNull();
    expect(leadCredit('本报讯 记者从市文旅局获悉，新馆将开放')).toBeNull();
    expect(leadCredit('近日，市里召开会议。')).toBeNull();
  });
  // Bugs (see the tests branch's report): an inline credit glued to its role (记者林小禾) followed by
  // the lead is dropped, because two words are required; and a short word after the names (昨日)
  // is taken for a name.
  it.fails('reads an inline credit whose name is glued to its role', () => {
    expect(leadCredit('本报讯 记者林小禾 从市文旅局获悉，')).not.toBeNull();
  });
  it.fails('takes no time word after the names of an inline credit for a name', () => {
    expect(namesInCredit(leadCredit('本报讯 记者 林小禾 通讯员 周一鸣 昨日 在市里获悉') ?? '')).toEqual(['林小禾', '周一鸣']);
  });
  it.fails('reads the reporter opening of two reporters', () => {
    expect(namesInCredit(leadCredit('本报记者 林小禾 周一鸣 报道 近日') ?? '')).toEqual(['林小禾', '周一鸣']);
  });
});

describe('closingCredit', () => {
  it('reads a bracketed credit closing the last paragraph: roles and names, or names alone', () => {
    expect(closingCredit('……取得实效。（通讯员 赵明 记者 王芳）')).toBe('通讯员 赵明 记者 王芳');
    expect(closingCredit('……取得实效。（王芳 赵明）')).toBe('王芳 赵明');
    expect(closingCredit('……两万多斤。（柯文军）')).toBe('柯文军');
    expect(closingCredit('……的风景。（记者 王芳 摄）')).toBe('记者 王芳 摄');
    expect(closingCredit('……（本报记者 王芳 实习生 赵明）')).toBe('本报记者 王芳 实习生 赵明');
  });
  it('is no credit when the brackets hold an author’s note, a marker, a source or other words', () => {
    expect(closingCredit('……的力量。（作者系青禾大学教授）')).toBeNull();
    expect(closingCredit('……的力量。（作者为青禾日报评论员）')).toBeNull();
    expect(closingCredit('……取得实效。（下转第3版）')).toBeNull();
    expect(closingCredit('……取得实效。（据新华社）')).toBeNull();
    expect(closingCredit('会议在市民中心（三楼）')).toBeNull();
    expect(closingCredit('……取得实效。（上图）')).toBeNull();
    expect(closingCredit('（记者 王芳）近日，新馆开放。')).toBeNull();
  });
});

describe('creditOfArticle', () => {
  const article = (body: { type: 'p' | 'h' | 'caption'; text: string }[], byline: string | null = null) => ({ byline, body });
  const p = (text: string) => ({ type: 'p' as const, text });
  it('takes the byline first', () => {
    expect(creditOfArticle(article([p('本报讯（记者 周一鸣）近日。')], '■ 本报评论员'))).toBe('■ 本报评论员');
  });
  it('else the lead’s credit, in the first or second paragraph, after a marker', () => {
    expect(creditOfArticle(article([p('本报讯（记者 王芳）近日。'), p('其次。')]))).toBe('记者 王芳');
    expect(creditOfArticle(article([p('编者按：春节将至。'), p('本报讯（记者 王芳）近日。')]))).toBe('记者 王芳');
    expect(creditOfArticle(article([p('（上接第1版）本报讯（记者 王芳）近日。')]))).toBe('记者 王芳');
  });
  it('else a credit closing the last paragraph, or a photographer closing a photo-news text', () => {
    expect(creditOfArticle(article([p('近日，市里召开会议。'), p('会议要求抓好落实。（通讯员 赵明 记者 王芳）')]))).toBe('通讯员 赵明 记者 王芳');
    expect(namesInCredit(creditOfArticle(article([p('昨日，青禾湖畔的樱花竞相开放，吸引众多市民前来赏花。 本报记者 王芳 摄')])) ?? '')).toEqual(['王芳']);
  });
  it('never takes a caption’s photographer as the author of a written report', () => {
    expect(creditOfArticle(article([p('近日，市里召开会议。'), { type: 'caption', text: '会场一角（记者 李四 摄）' }]))).toBeNull();
  });
  it('finds no credit in （作者系…）', () => {
    expect(creditOfArticle(article([p('文明是一座城市的底色。'), p('……的力量。（作者系青禾大学教授）')]))).toBeNull();
  });
});

describe('dispatch credits (記者某某／地點報導), as papers in traditional script print them', () => {
  it('name the reporters, not the place they report from, in a lead or a credit line', () => {
    expect(namesInCredit(leadCredit('〔記者林小禾／青禾報導〕青禾縣老街騎樓昨完成整修。')!)).toEqual(['林小禾']);
    expect(namesInCredit(leadCredit('〔青禾時報記者林小禾、周一鳴/綜合報導〕縣府昨宣布……')!)).toEqual(['林小禾', '周一鳴']);
    expect(namesInCredit(leadCredit('〔駐美特派員林小禾/華府二十日報導〕研討會今天登場。')!)).toEqual(['林小禾']);
    expect(isCreditLine('記者林小禾／青禾報導')).toBe(true);
    expect(namesInCredit('記者林小禾／青禾報導')).toEqual(['林小禾']);
  });
  it('open a report, as 【本報訊】 does', () => {
    expect(opensReport('〔記者林小禾／青禾報導〕青禾縣老街騎樓昨完成整修。')).toBe(true);
    expect(opensReport('【本報訊】青禾縣圖書館下月起夜間延長開放。')).toBe(true);
    expect(leadCredit('【本報訊】（記者 林小禾）青禾縣圖書館下月起延長開放。')).toBe('記者 林小禾');
  });
  it('are not read into a sentence that merely holds a slash and 報導', () => {
    expect(opensReport('市民說／這則報導讓人安心。')).toBe(false);
    expect(opensReport('記者會上，縣長表示將擴大報導。')).toBe(false);
  });
});

describe('a pupil\'s credit under a composition', () => {
  it('is a credit line naming the pupil, not the supervising teacher', () => {
    expect(isCreditLine('青禾县实验小学 四（2）班 林小禾 指导老师：周一鸣')).toBe(true);
    expect(namesInCredit('青禾县实验小学 四（2）班 林小禾 指导老师：周一鸣')).toEqual(['林小禾']);
    expect(namesInCredit('青禾县城关第二小学 五（1）班 林 小禾')).toEqual(['林小禾']);
    expect(isCreditLine('青禾县实验小学四（2）班同学合影')).toBe(false);
  });
});

describe('photoCreditPlace: where a line\'s photo credit sits', () => {
  it.each([
    ['（图片由青禾市文旅局提供）', 'alone'],
    ['(本报记者 林小禾 摄)', 'alone'],
    ['新落成的青禾市图书馆（图片由青禾市文旅局提供）', 'closing'],
    ['渡口村(视觉中国供图)', 'closing'],
    ['首班列车从青禾西站驶出 周一鸣 摄', 'closing'],
    ['图为会议现场。本报记者 林小禾 摄', 'closing'],
    ['本报记者 林小禾 摄', null],
    ['新华社记者 周一鸣 摄', null],
    ['新华社发(周一鸣 摄)', null],
    ['青禾市图书馆新馆正式开放', null],
    ['（下转第3版）', null],
    ['（文/图 林小禾）', null],
    ['白沙渡口（图）', 'closing'],
  ])('%s → %s', (text, place) => {
    expect(photoCreditPlace(text)).toBe(place);
  });
});

describe('namesInCredit: the page\'s production staff are no authors', () => {
  it.each([
    ['记者 林小禾 周一鸣 版式：晏青 校对：蓝晶', ['林小禾', '周一鸣']],
    ['责任编辑：林 晓 美编：周一鸣', []],
    ['记者 林小禾 责编 周一鸣', ['林小禾']],
    ['本版编辑 林小禾', []],
  ])('%s → %j', (credit, names) => {
    expect(namesInCredit(credit)).toEqual(names);
  });
});
