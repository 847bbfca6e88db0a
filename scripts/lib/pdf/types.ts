/**
 * @fileoverview The page layout a PDF page becomes (issue #16): the interface the article parser
 * and the site's facsimile view consume. Described field by field in docs/pdf.md.
 *
 * All positions are PDF points (1/72 in) on the page as displayed (its /Rotate applied), origin at
 * the top-left corner, y downwards — the coordinates of the rendered page image, so a box scales
 * to pixels by `imageWidth / page.width`.
 */

/** An axis-aligned box in points, origin top-left. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A font of the page, as the operator list names it. */
export interface PdfFont {
  /** pdf.js's id of the loaded font (unique per document). */
  id: string;
  /** PostScript name without the subset tag (`ABCDEF+`), e.g. `NotoSansCJKsc-Bold`. */
  name: string;
  /** Bold by its name (Bold, Black, Heavy, Semibold, Demi, 粗, 黑体 families…). */
  bold: boolean;
  /** A vertical-writing font (Identity-V or another vertical CMap). */
  vertical: boolean;
}

/** One drawn glyph, where the text layer says it is. */
export interface PdfGlyph {
  /** The glyph's Unicode text as the PDF maps it ('' when it maps to nothing). */
  text: string;
  /** Its em box: advance wide (one em for vertical glyphs), from 0.88 em above the baseline to 0.12 em below. */
  box: Box;
  /** Font size in points: the text matrix and CTM applied to the `Tf` size. */
  size: number;
  /** Index into `fonts`. */
  font: number;
  /** Drawn by a vertical font: the pen moved down. */
  vertical: boolean;
  /** A space character (kept for the text, never a line on its own). */
  space: boolean;
  /** Position in the content stream, for diagnostics. */
  seq: number;
}

/** A ruling line: a stroked axis-aligned segment, or a thin filled rectangle. */
export interface PdfRule {
  /** The centre line's extent (h = 0 for horizontal, w = 0 for vertical rules). */
  box: Box;
  orientation: 'horizontal' | 'vertical';
  /** Thickness in points. */
  width: number;
}

/** One printed line, in reading order: what one line of the derived text page holds. */
export interface PdfLine {
  /** The line's text (glyph texts in order; a space where the glyphs leave a gap of ⅓ em or more). */
  text: string;
  box: Box;
  /** Font size in points, rounded to 0.01 pt. */
  size: number;
  /** Most of its glyphs are in a bold font. */
  bold: boolean;
  /** Set top to bottom (a vertical font, or glyphs stacked one below the other). */
  vertical: boolean;
  /** The name of the font most of its glyphs use. */
  fontName: string;
  /** Index into `PdfPage.blocks`. */
  block: number;
  /** False when a font of this line failed the trust check: the text is not the printed text. */
  trusted: boolean;
  /** Number of glyphs (spaces excluded). */
  glyphs: number;
}

/** Lines laid out together: a column's run of text of one size, a headline, a caption. */
export interface PdfBlock {
  box: Box;
  /** Indexes into `PdfPage.lines`, in reading order. */
  lines: number[];
  size: number;
  vertical: boolean;
}

/** The trust check of one font's text. */
export interface FontTrust {
  font: string;
  glyphs: number;
  /** Glyphs mapped to nothing, a control or private-use character, U+FFFD or an unassigned code point. */
  bad: number;
  /** Glyphs outside the scripts and symbols a Chinese newspaper prints. */
  implausible: number;
  /** Han glyphs, and how many of them are common characters (GB 2312 level 1). */
  han: number;
  commonHan: number;
  trusted: boolean;
  /** Why not, in words; null when trusted. */
  reason: string | null;
}

/** Whether a page's text layer can be used. */
export interface PageTrust {
  /** `ok`: every font passed; `garbled`: some did not (their lines say `trusted: false`); `none`: no text at all. */
  text: 'ok' | 'garbled' | 'none';
  fonts: FontTrust[];
}

/** A PDF page as a layout: what the parser reads and the facsimile view draws over. */
export interface PdfPage {
  /** 1-based page number in its PDF. */
  page: number;
  width: number;
  height: number;
  /** Printed lines in reading order. */
  lines: PdfLine[];
  /** Blocks in reading order. */
  blocks: PdfBlock[];
  rules: PdfRule[];
  /** Pictures: images and filled areas at least FIGURE_MIN_SIDE pt on both sides (photos, drawings, shaded boxes), in drawing order, none inside another. */
  figures: Box[];
  fonts: PdfFont[];
  trust: PageTrust;
}

/** What the content stream holds, before layout: the input of `layoutPage`. */
export interface PageContent {
  page: number;
  width: number;
  height: number;
  glyphs: PdfGlyph[];
  rules: PdfRule[];
  /** Pictures (see `PdfPage.figures`); absent where the content was built without them. */
  figures?: Box[];
  fonts: PdfFont[];
}
