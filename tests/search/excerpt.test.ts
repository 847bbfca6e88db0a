import { describe, expect, it } from 'vitest';
import { bodyStart, excerpt, highlight, segmentsToHtml } from '../../src/lib/search/excerpt.ts';
import { decodeEntities, extractBodyText } from '../../scripts/lib/search/extract.ts';
import { parseQuery } from '../../core/search/query.ts';
import { decodeVariants, encodeVariants, variantClasses } from '../../core/search/variants.ts';

describe('highlight and excerpt', () => {
  it('marks matches in the original text, across whitespace, without swallowing it', () => {
    expect(segmentsToHtml(highlight('深 圳 市', ['深圳']))).toBe('<mark>深 圳</mark> 市');
    expect(segmentsToHtml(highlight('ＡＢ and <b>', ['ab', '<b']))).toBe('<mark>ＡＢ</mark> and &lt;b&gt;'.replace('&lt;b', '<mark>&lt;b</mark>'));
  });

  it('marks a query in the other script through the archive\'s variants', () => {
    const variants = decodeVariants(encodeVariants(variantClasses([['经', '經'], ['济', '濟']])));
    const parts = parseQuery('经济', variants);
    expect(segmentsToHtml(highlight('幹部 經濟', parts, variants))).toBe('幹部 <mark>經濟</mark>');
    expect(segmentsToHtml(highlight('幹部 经济', parseQuery('經濟', variants), variants))).toBe('幹部 <mark>经济</mark>');
    expect(segmentsToHtml(highlight('幹部 經濟', ['经济']))).toBe('幹部 經濟'); // without variants: no match
  });

  it('cuts around the first match with ellipses and no line breaks', () => {
    const text = '开头'.repeat(100) + '\n目标词' + '结尾'.repeat(100);
    const html = segmentsToHtml(excerpt(text, ['目标'], { length: 40 }));
    expect(html).toMatch(/^…/);
    expect(html).toMatch(/…$/);
    expect(html).toContain('<mark>目标</mark>');
    expect(html).not.toContain('\n');
    expect(html.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(44);
  });

  it('skips the headline the result already shows', () => {
    const text = '引题\n主标题\n正文第一句提到主标题里的词。';
    const start = bodyStart(text, ['引题', '主标题', null]);
    expect(text.slice(start)).toBe('\n正文第一句提到主标题里的词。');
    expect(segmentsToHtml(excerpt(text, ['标题'], { start }))).toBe('…正文第一句提到主<mark>标题</mark>里的词。');
    expect(segmentsToHtml(excerpt(text, ['引'], { start }))).toBe('…正文第一句提到主标题里的词。');
    expect(bodyStart('正文', ['不在这里'])).toBe(0);
  });

  it('starts at the beginning when nothing matches', () => {
    expect(segmentsToHtml(excerpt('短文', ['无']))).toBe('短文');
  });
});

describe('extractBodyText', () => {
  const html = `<html><body><header><form><input name="q"></form></header>
<main data-pagefind-body><h1>标题 &amp; 副</h1><p>第一段<b>加粗</b>文字</p><script>var x = "不要";</script>
<div data-pagefind-ignore><p>忽略<span>这</span></p></div><p>第二段&#x4e00;</p></main><footer>页脚</footer></body></html>`;

  it('takes only the data-pagefind-body element, minus scripts and ignored parts', () => {
    expect(extractBodyText(html)).toBe('标题 & 副\n第一段加粗文字\n第二段一');
  });

  it('joins several data-pagefind-body elements in document order', () => {
    expect(extractBodyText('<header data-pagefind-body><h1>题</h1></header><nav>菜单</nav><article data-pagefind-body><p>文</p></article>')).toBe('题\n文');
  });

  it('returns null without a data-pagefind-body element', () => {
    expect(extractBodyText('<main><p>x</p></main>')).toBeNull();
  });

  it('decodes entities', () => {
    expect(decodeEntities('&lt;&#20013;&#x6587;&nbsp;&bogus;')).toBe('<中文\u00a0&bogus;');
  });
});
