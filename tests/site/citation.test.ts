/**
 * Citations (src/lib/citation.ts, issue 12): GB/T 7714-2015 newspaper references written out by hand,
 * with unknown parts, hostile titles and bidirectional controls; the citation_* meta tags; RIS and
 * BibTeX records.
 */
import { describe, expect, it } from 'vitest';
import { bibtexEntry, bibtexEscape, citationAuthors, citationMeta, citationParts, formatCitation, isolate, risRecord } from '../../src/lib/citation.ts';

const base = { authors: ['俞杰'], title: '以高质量党建引领高质量发展', subtitle: null, paper: '报名', date: '2025-01-23', pageNumber: 2, url: null };

describe('GB/T 7714-2015 newspaper citation', () => {
  it('formats a complete print reference', () => {
    expect(formatCitation(base)).toBe('俞杰. 以高质量党建引领高质量发展[N]. 报名, 2025-01-23(2).');
  });
  it('online: [N/OL], access date right after the publication date, then URL', () => {
    const c = { ...base, url: 'https://archive.example/articles/x/' };
    expect(formatCitation(c, '2025-03-01')).toBe('俞杰. 以高质量党建引领高质量发展[N/OL]. 报名, 2025-01-23(2)[2025-03-01]. https://archive.example/articles/x/.');
    expect(formatCitation(c)).toBe('俞杰. 以高质量党建引领高质量发展[N/OL]. 报名, 2025-01-23(2). https://archive.example/articles/x/.');
  });
  it('marks an unknown paper or date as unknown in brackets, where they belong, and leaves out an unknown page', () => {
    const c = { ...base, paper: null, date: null, pageNumber: null, url: 'https://archive.example/a/' };
    // The access date follows the (unknown) publication date; it never takes the paper's place.
    expect(formatCitation(c, '2025-03-01')).toBe('俞杰. 以高质量党建引领高质量发展[N/OL]. [报名不详], [出版日期不详][2025-03-01]. https://archive.example/a/.');
    expect(formatCitation({ ...base, date: null, pageNumber: null })).toBe('俞杰. 以高质量党建引领高质量发展[N]. 报名, [出版日期不详].');
    expect(formatCitation({ ...base, pageNumber: null })).toBe('俞杰. 以高质量党建引领高质量发展[N]. 报名, 2025-01-23.');
    expect(formatCitation({ ...base, authors: [] })).toBe('以高质量党建引领高质量发展[N]. 报名, 2025-01-23(2).');
    expect(formatCitation({ ...base, title: null })).toBe('俞杰. [无题名][N]. 报名, 2025-01-23(2).');
  });
  it('takes a title that looks like a placeholder literally', () => {
    const c = { ...base, title: '{accessed} ${url} [N]', url: 'https://archive.example/a/' };
    expect(formatCitation(c, '2025-03-01')).toBe('俞杰. {accessed} ${url} [N][N/OL]. 报名, 2025-01-23(2)[2025-03-01]. https://archive.example/a/.');
    // The access date and URL have places of their own: nothing is found by searching the text.
    expect(citationParts(c).filter((p) => p.kind === 'accessed' || p.kind === 'url').map((p) => p.text)).toEqual(['', ' https://archive.example/a/.']);
  });
  it('isolates a source string that holds bidirectional controls, and only such a string', () => {
    expect(isolate('标题\u202e反')).toBe('\u2068标题\u202e反\u2069');
    expect(isolate('标题')).toBe('标题');
    const text = formatCitation({ ...base, title: '题\u202e名' });
    expect(text).toBe('俞杰. \u2068题\u202e名\u2069[N]. 报名, 2025-01-23(2).');
    expect(citationParts({ ...base, title: '题\u202e名' }).find((p) => p.kind === 'source' && p.text.includes('\u202e'))).toBeTruthy();
  });
  it('subtitle joins with a full-width colon; more than three authors end with 等', () => {
    expect(formatCitation({ ...base, subtitle: '副题' })).toContain('以高质量党建引领高质量发展：副题[N]');
    expect(citationAuthors(['甲', '乙', '丙', '丁'])).toBe('甲, 乙, 丙, 等');
    expect(formatCitation({ ...base, authors: ['甲', '乙', '丙', '丁'] })).toMatch(/^甲, 乙, 丙, 等\. /);
  });
});

describe('citation_* meta tags', () => {
  it('gives what Zotero and Google Scholar read, dates as YYYY/MM/DD, and nothing unknown', () => {
    expect(citationMeta({ ...base, authors: ['甲', '乙'], url: 'https://archive.example/a/', language: 'zh-Hans' })).toEqual([
      ['citation_title', '以高质量党建引领高质量发展'],
      ['citation_author', '甲'],
      ['citation_author', '乙'],
      ['citation_publication_date', '2025/01/23'],
      ['citation_journal_title', '报名'],
      ['citation_firstpage', '2'],
      ['citation_public_url', 'https://archive.example/a/'],
      ['citation_language', 'zh-Hans'],
    ]);
    expect(citationMeta({ ...base, paper: null, date: null, pageNumber: null, language: 'zh-Hant' })).toEqual([
      ['citation_title', '以高质量党建引领高质量发展'],
      ['citation_author', '俞杰'],
      ['citation_language', 'zh-Hant'],
    ]);
  });
});

describe('RIS and BibTeX', () => {
  it('writes an RIS NEWS record with CRLF lines', () => {
    expect(risRecord({ ...base, url: 'https://archive.example/a/', language: 'zh-Hans', id: 'p-1' })).toBe(
      ['TY  - NEWS', 'TI  - 以高质量党建引领高质量发展', 'AU  - 俞杰', 'T2  - 报名', 'PY  - 2025', 'DA  - 2025/01/23', 'SP  - 2', 'UR  - https://archive.example/a/', 'LA  - zh-Hans', 'DB  - 报库', 'ID  - p-1', 'ER  - ', ''].join('\r\n'),
    );
    expect(risRecord({ ...base, title: '两行\n标题', language: 'zh-Hans', id: 'p' })).toContain('TI  - 两行 标题\r\n');
  });
  it('writes a BibTeX entry whose braces always balance', () => {
    expect(bibtexEscape('a{b}%c_d\\e')).toBe('a\\{b\\}\\%c\\_d\\textbackslash{}e');
    expect(bibtexEntry({ ...base, title: '}{危险', authors: ['甲', '乙'], language: 'zh-Hans', key: 'baoku-p-1' })).toBe(
      '@article{baoku-p-1,\n  title = {\\}\\{危险},\n  author = {甲 and 乙},\n  journal = {报名},\n  date = {2025-01-23},\n  year = {2025},\n  month = {1},\n  day = {23},\n  pages = {2},\n  langid = {zh-Hans},\n  entrysubtype = {newspaper}\n}\n',
    );
  });
});
