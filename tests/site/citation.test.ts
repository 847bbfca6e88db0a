import { describe, expect, it } from 'vitest';
import { citationAuthors, formatCitation } from '../../src/lib/citation.ts';

const base = { authors: ['俞杰'], title: '以高质量党建引领高质量发展', subtitle: null, paper: '报名', date: '2025-01-23', pageNumber: 2, url: null };

describe('GB/T 7714-2015 newspaper citation', () => {
  it('formats a complete print reference', () => {
    expect(formatCitation(base)).toBe('俞杰. 以高质量党建引领高质量发展[N]. 报名, 2025-01-23(2).');
  });
  it('online: [N/OL], access date after the publication date, then URL', () => {
    const c = { ...base, url: 'https://example.org/articles/x/' };
    expect(formatCitation(c, '2025-03-01')).toBe('俞杰. 以高质量党建引领高质量发展[N/OL]. 报名, 2025-01-23(2)[2025-03-01]. https://example.org/articles/x/.');
    expect(formatCitation(c, null, true)).toContain('(2){accessed}. https://');
    expect(formatCitation(c)).toBe('俞杰. 以高质量党建引领高质量发展[N/OL]. 报名, 2025-01-23(2). https://example.org/articles/x/.');
  });
  it('omits unknown parts instead of inventing them', () => {
    expect(formatCitation({ ...base, paper: null, date: null, pageNumber: null })).toBe('俞杰. 以高质量党建引领高质量发展[N].');
    expect(formatCitation({ ...base, date: null, pageNumber: null })).toBe('俞杰. 以高质量党建引领高质量发展[N]. 报名.');
    expect(formatCitation({ ...base, authors: [] })).toBe('以高质量党建引领高质量发展[N]. 报名, 2025-01-23(2).');
  });
  it('subtitle joins with a full-width colon; more than three authors end with 等', () => {
    expect(formatCitation({ ...base, subtitle: '副题' })).toContain('以高质量党建引领高质量发展：副题[N]');
    expect(citationAuthors(['甲', '乙', '丙', '丁'])).toBe('甲, 乙, 丙, 等');
  });
});
