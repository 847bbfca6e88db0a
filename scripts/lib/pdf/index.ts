/**
 * @fileoverview The PDF layer's pure API (issue #16): page layout from operator lists, trust,
 * the derived text page. Node-only parts: `read-fs.ts` (open and extract) and `render-fs.ts`
 * (page images with their cache).
 */
export type { Box, FontTrust, PageContent, PageTrust, PdfBlock, PdfFont, PdfGlyph, PdfLine, PdfPage, PdfRule } from './types.ts';
export { layoutPage } from './layout.ts';
export { readOperators, type OperatorList, type FontData, type Matrix } from './operators.ts';
export { checkFont, checkPage, commonHan } from './trust.ts';
export { toTextPage, type TextPage } from './text-page.ts';
