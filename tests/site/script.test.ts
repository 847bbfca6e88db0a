import { describe, expect, it } from 'vitest';
import { langTag, toScript, toScriptOrNull, twinLocale } from '../../core/script.ts';

describe('toScript (s2tw: characters, not vocabulary)', () => {
  const cases: [string, string][] = [
    ['干部', '幹部'],
    ['发展', '發展'],
    ['头发', '頭髮'],
    ['之后', '之後'],
    ['皇后', '皇后'],
    ['余杭', '餘杭'],
    ['面条', '麵條'],
    ['范围', '範圍'],
    ['于是', '於是'],
    ['里面', '裡面'],
    // from the seeds
    ['以高质量党建引领高质量发展', '以高質量黨建引領高質量發展'],
    ['钱塘项目建设热火朝天', '錢塘項目建設熱火朝天'],
    ['“领航经英”干部成长学院又开课了', '“領航經英”幹部成長學院又開課了'],
    ['瓶窑千年古城会客厅启用', '瓶窯千年古城會客廳啟用'],
    ['区委常委会召开 2024年度民主生活会', '區委常委會召開 2024年度民主生活會'],
    // OpenCC alone reads 由余 as a name here (found by the dist check)
    ['（图片由余杭区委宣传部提供）', '（圖片由餘杭區委宣傳部提供）'],
    ['全体纪检监察干部要牢记嘱托', '全體紀檢監察幹部要牢記囑託'],
  ];
  it.each(cases)('%s → %s', (s, t) => expect(toScript(s, 'zh-hant')).toBe(t));

  it('keeps wording (no Taiwan phrase substitution)', () => {
    // s2twp would give 軟體 / 資訊; an archive keeps the printed words.
    expect(toScript('软件信息', 'zh-hant')).toBe('軟件信息');
  });
  it('is the identity for simplified and leaves ASCII/URLs alone', () => {
    expect(toScript('干部发展', 'zh-hans')).toBe('干部发展');
    expect(toScript('https://example.org/articles/a-1/ &amp; 3000亿', 'zh-hant')).toBe('https://example.org/articles/a-1/ &amp; 3000億');
  });
  it('keeps null as null', () => expect(toScriptOrNull(null, 'zh-hant')).toBeNull());
  it('tags and twins', () => {
    expect(langTag('zh-hant')).toBe('zh-Hant');
    expect(langTag('zh-hans')).toBe('zh-Hans');
    expect(twinLocale('zh-hans')).toBe('zh-hant');
  });
});
