import { describe, expect, it } from 'vitest';
import { isCreditLine, leadCredit, looksLikeName, namesInCredit } from '../../scripts/lib/credit.ts';
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

describe('inputs found in review', () => {
  it('reads the credits of dated dispatches', () => {
    expect(leadCredit('新华社北京1月5日电（记者 张三 李四）今天')).toBe('记者 张三 李四');
  });
  it('ends sentences on a half-width full stop after CJK text, not inside numbers', () => {
    expect(endsSentence('下一步将继续推进.')).toBe(true);
    expect(endsSentence('增长了6.')).toBe(false);
  });
  it('keeps compound surnames whole', () => {
    expect(namesInCredit('○欧阳 娜')).toEqual(['欧阳娜']);
  });
  it('matches teasers, and answers on a very long line of arrows (a backtracking pattern would hang here)', async () => {
    const { TEASER } = await import('../../scripts/lib/text.ts');
    expect(TEASER.test('>>>>详见第2版')).toBe(true);
    expect(TEASER.test('》》》 本市新闻 第3版')).toBe(true);
    expect(TEASER.test('》'.repeat(50_000) + '第')).toBe(false);
  });
});
