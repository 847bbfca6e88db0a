import { describe, expect, it } from 'vitest';
import { isCreditLine, leadCredit, looksLikeName, namesInCredit } from '../../scripts/lib/credit.ts';
import { isOneTitle, parseHeadline, splitColumnLabel, splitHeadlineLine, type HeadLine } from '../../scripts/lib/headline.ts';
import { balanced, isCaption, isMarkerOnly, opensArticle, startsWithMarkerFrom } from '../../scripts/lib/label.ts';
import { displayWidth, endsSentence, phraseParts, setWidth, squash } from '../../scripts/lib/text.ts';

describe('text predicates', () => {
  it('tells sentence ends, with closing quotes after the mark', () => {
    expect(endsSentence('他说：“好。”')).toBe(true);
    expect(endsSentence('真的吗？')).toBe(true);
    expect(endsSentence('新平台……')).toBe(true);
    expect(endsSentence('深入开展“三争一实”')).toBe(false);
    expect(endsSentence('一个个沉甸甸的')).toBe(false);
  });
  it('measures width with ASCII as half', () => {
    expect(displayWidth('新闻ab')).toBe(3);
    expect(setWidth('聚 焦 服 务 业')).toBe(5); // letter-spaced line: spaces take no room
    expect(setWidth('一，二')).toBe(2.5); // CJK punctuation set half-width
  });
  it('splits headline phrases only at spaces between CJK characters', () => {
    expect(phraseParts('同台比拼 “竞”展风采 职工运动会开幕')).toEqual(['同台比拼', '“竞”展风采', '职工运动会开幕']);
    expect(phraseParts('2024年 12月 2日')).toEqual(['2024年 12月 2日']);
  });
  it('squashes all white space', () => {
    expect(squash(' a\tb\n c　')).toBe('abc');
  });
  it('checks bracket balance', () => {
    expect(balanced('“文明之光”')).toBe(true);
    expect(balanced('展览特设“文创区”“推荐')).toBe(false);
  });
});

describe('credits', () => {
  it('reads names out of credits, joining letter-spaced names', () => {
    expect(namesInCredit('记者 徐 媛 高 庆洋')).toEqual(['徐媛', '高庆洋']);
    expect(namesInCredit('杭州日报记者 史俊杰')).toEqual(['史俊杰']);
    expect(namesInCredit('记者 陈坚 通讯员 贾丹红')).toEqual(['陈坚', '贾丹红']);
    expect(namesInCredit('区融媒体中心 张三丰 李四 记者 王五')).toEqual(['张三丰', '李四', '王五']);
    expect(namesInCredit('○俞 杰')).toEqual(['俞杰']);
  });
  it('accepts a name glued to a role only if it reads as a name', () => {
    expect(namesInCredit('记者濮玉慧')).toEqual(['濮玉慧']);
    expect(namesInCredit('记者走基层')).toEqual([]);
  });
  it('recognises credit lines and rejects headlines and labels', () => {
    expect(isCreditLine('杭州日报记者 史俊杰')).toBe(true);
    expect(isCreditLine('○俞 杰')).toBe(true);
    expect(isCreditLine('◎王小明')).toBe(true);
    expect(isCreditLine('唐骏 龚 檬')).toBe(true);
    expect(isCreditLine('记者走基层')).toBe(false);
    expect(isCreditLine('苕 溪 时 评')).toBe(false);
    expect(isCreditLine('城势而上')).toBe(false);
    expect(isCreditLine('开往温州的列车 郑锋龙 摄')).toBe(false);
  });
  it('finds a lead credit in brackets', () => {
    expect(leadCredit('本报讯（记者 俞杰）近日……')).toBe('记者 俞杰');
    expect(leadCredit('(记者 金一清) 昨日上午')).toBe('记者 金一清');
    expect(leadCredit('近日（星期一）召开')).toBeNull();
  });
  it('knows surnames, simple and compound', () => {
    expect(looksLikeName('欧阳修')).toBe(true);
    expect(looksLikeName('走基层')).toBe(false);
  });
});

describe('line kinds', () => {
  it('recognises captions by their photo credit', () => {
    expect(isCaption('径山村(图片由余杭区径山镇提供)')).toBe(true);
    expect(isCaption('开往温州的复兴号列车驶出 郑锋龙 摄')).toBe(true);
    expect(isCaption('记者在现场采访了摄影师。')).toBe(false);
  });
  it('recognises continuation markers and article openings', () => {
    expect(isMarkerOnly('(上接第1版)')).toBe(true);
    expect(isMarkerOnly('（下转第3版）')).toBe(true);
    expect(startsWithMarkerFrom('(紧接第1版)要巩固深化')).toBe(true);
    expect(startsWithMarkerFrom('(下转第3版)')).toBe(false);
    expect(opensArticle('本报讯（记者 俞杰）近日')).toBe(true);
    expect(opensArticle('近日，记者来到现场')).toBe(false);
  });
});

describe('headline parts', () => {
  const lines = (...t: [string, HeadLine['kind']?][]): HeadLine[] => t.map(([text, kind], i) => ({ text, kind: kind ?? 'head', glued: false, no: i + 1 }));
  it('splits a one-line headline of three phrases into kicker and title', () => {
    expect(splitHeadlineLine('春风拂面 万物生长 本市植树节活动举行')).toEqual({ kicker: '春风拂面 万物生长', title: '本市植树节活动举行' });
    expect(splitHeadlineLine('十年耕耘结硕果，书写乡村振兴新篇章 青山:敢为人先 共奔小康')).toEqual({ kicker: '十年耕耘结硕果，书写乡村振兴新篇章', title: '青山:敢为人先 共奔小康' });
    expect(splitHeadlineLine('建设美丽乡村 推动城乡融合发展')).toEqual({ kicker: null, title: '建设美丽乡村 推动城乡融合发展' });
  });
  it('joins a title broken in two and keeps kicker + title apart', () => {
    expect(isOneTitle('市政协常委会召开', '2025年第一次会议')).toBe(true);
    expect(isOneTitle('“春风行动”', '帮扶千户家庭就业')).toBe(true);
    expect(isOneTitle('全市安全生产会议举行', '守牢底线护平安')).toBe(false);
    expect(isOneTitle('客流创新高 营收增两成', '景区春节迎来开门红')).toBe(false);
  });
  it('reads column, kicker, title, subtitle and byline from a group', () => {
    const h = parseHeadline(lines(['时评'], ['春潮涌动'], ['新年新气象'], ['——来自基层一线的报道'], ['记者 王小明', 'credit']).map((l, i) => (i === 0 ? { ...l, kind: 'column' } : l)));
    expect(h).toMatchObject({ column: '时评', kicker: '春潮涌动', title: '新年新气象', subtitle: '——来自基层一线的报道', byline: '记者 王小明', leftovers: [] });
  });
  it('leaves a series label before a full headline over', () => {
    const h = parseHeadline(lines(['一线观察'], ['春风拂面 万物生长 本市植树节活动举行']));
    expect(h.title).toBe('本市植树节活动举行');
    expect(h.leftovers.map((l) => l.text)).toEqual(['一线观察']);
  });
  it('splits a letter-spaced column label off a headline line', () => {
    expect(splitColumnLabel('东 湖 漫 笔 春天里的约定')).toEqual({ label: '东 湖 漫 笔', rest: '春天里的约定' });
    expect(splitColumnLabel('聚 焦 服 务 业 增 加 值')).toBeNull();
  });
});

describe('inputs found in review', () => {
  it('opens articles at dated dispatches and reads their credits', async () => {
    const { opensArticle: opens } = await import('../../scripts/lib/label.ts');
    expect(opens('新华社北京1月5日电（记者 张三）国务院新闻办公室今天举行发布会。')).toBe(true);
    expect(opens('本报北京1月5日电 记者从会上获悉')).toBe(true);
    expect(leadCredit('新华社北京1月5日电（记者 张三 李四）今天')).toBe('记者 张三 李四');
  });
  it('ends sentences on a half-width full stop after CJK text, not inside numbers', () => {
    expect(endsSentence('下一步将继续推进.')).toBe(true);
    expect(endsSentence('增长了6.')).toBe(false);
  });
  it('recognises bracketed photo credits and keeps compound surnames whole', () => {
    expect(isCaption('市民在展会上体验新设备（记者 李四 摄）')).toBe(true);
    expect(namesInCredit('○欧阳 娜')).toEqual(['欧阳娜']);
  });
  it('matches teasers, and answers on a very long line of arrows (a backtracking pattern would hang here)', async () => {
    const { TEASER } = await import('../../scripts/lib/text.ts');
    expect(TEASER.test('>>>>详见第2版')).toBe(true);
    expect(TEASER.test('》》》 本市新闻 第3版')).toBe(true);
    expect(TEASER.test('》'.repeat(50_000) + '第')).toBe(false);
  });
});
