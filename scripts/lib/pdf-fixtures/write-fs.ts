/**
 * @fileoverview Writes the fixture PDFs and their ground truth from one typeset page model
 * (typeset.ts), with pdfkit and Debian's Noto CJK fonts (`apt-get install fonts-noto-cjk`), then
 * derives variants with pdf-lib, as real newspaper PDFs differ (issue #16):
 * - `front` — the page; its vertical headline is drawn glyph by glyph in a horizontal font
 *   (stacked), one article glyph by glyph in shuffled order, headlines after bodies;
 * - `front-no-tounicode` — the same bytes without any ToUnicode map: renders the same, but the
 *   text layer is garbled (common in 公文 and 方正书版 output);
 * - `front-identity-v` — the vertical headline set in one run of a vertical (Identity-V) font.
 * Output bytes are deterministic: fixed dates and ids, a seeded shuffle, no clock, no randomness.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { PDFDict, PDFDocument as LibDocument, PDFName, PDFRef } from 'pdf-lib';
import { subsetFont } from './subset-fs.ts';
import { typesetPage, type FontKey, type PageModel, type Run, EM_ASCENT } from './typeset.ts';

/** Where Debian's fonts-noto-cjk puts its fonts, and the simplified-Chinese face of each. */
const FONT_FILES: Record<FontKey, { file: string; face: string }> = {
  serif: { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  sansBold: { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' },
  // The vertical headline's own copy of the bold face, so that a variant can make it Identity-V.
  vertical: { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' },
};

/** How the page's text is drawn: a variant of the same page. */
export type Variant = 'front' | 'front-no-tounicode' | 'front-identity-v';

/** One generated fixture: the PDF bytes, its truth and a note for its folder. */
export interface Fixture {
  name: Variant;
  pdf: Uint8Array;
  truth: Truth;
  note: string;
}

/** The ground truth file (truth.json) of a fixture; see docs/pdf.md. */
export interface Truth {
  case: Variant;
  page: { width: number; height: number };
  /** `ok`: the text layer gives the printed text; `garbled`: it does not (no ToUnicode). */
  textLayer: 'ok' | 'garbled';
  /** Printed lines in reading order. */
  lines: (Pick<Run, 'text' | 'box' | 'size' | 'bold' | 'vertical' | 'role' | 'article' | 'shuffled'> & { font: string; drawn: 'run' | 'glyphs' | 'stacked' | 'identity-v' })[];
  blocks: PageModel['blocks'];
  rules: { box: { x: number; y: number; w: number; h: number }; width: number }[];
  photos: PageModel['photos'];
  articles: (PageModel['articles'][number]['content'] & { regions: PageModel['articles'][number]['regions'] })[];
}

interface LoadedFont {
  font: fontkit.Font;
  bytes: Uint8Array;
  index: number;
}

function loadFont(key: FontKey): LoadedFont {
  const { file, face } = FONT_FILES[key];
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new Error(`font ${file} not found: install Debian's fonts-noto-cjk (apt-get install -y fonts-noto-cjk)`);
  }
  const opened = fontkit.create(bytes);
  const fonts = 'fonts' in opened ? opened.fonts : [opened];
  const index = fonts.findIndex((f) => f.postscriptName === face);
  if (index < 0) throw new Error(`${file} has no face ${face}`);
  return { font: fonts[index], bytes, index };
}

/** A small seeded generator (mulberry32), for the shuffled article's drawing order. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const num = (n: number): string => {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/** Draws the model with pdfkit; `vertical` says how the vertical headline is drawn. */
async function drawPage(model: PageModel, fonts: Record<FontKey, Uint8Array>, vertical: 'stacked' | 'identity-v'): Promise<{ bytes: Uint8Array; fontIds: Record<FontKey, string> }> {
  const doc = new PDFDocument({
    size: [model.width, model.height],
    margin: 0,
    compress: true,
    lang: 'zh-CN',
    info: {
      Title: '青岚日报 2031年4月18日 第3版（报库 PDF 测试页）',
      Author: 'Baoku pdf-fixtures',
      Creator: 'Baoku scripts/pdf-fixtures.ts',
      Producer: 'Baoku scripts/pdf-fixtures.ts',
      // Fixed: the document id is derived from the info dictionary, so the bytes are stable.
      CreationDate: new Date(Date.UTC(2031, 3, 18, 0, 0, 0)),
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  const fontIds = {} as Record<FontKey, string>;
  const fontObj = {} as Record<FontKey, PDFDocument['_font']>;
  for (const key of Object.keys(fonts) as FontKey[]) {
    doc.registerFont(key, fonts[key]);
    doc.font(key);
    fontObj[key] = doc._font;
    fontIds[key] = doc._font.id;
  }
  const H = model.height;
  const use = (key: FontKey): string => {
    const f = fontObj[key];
    doc.page.fonts[f.id] ??= f.ref();
    return f.id;
  };
  const gid = (key: FontKey, ch: string): string => fontObj[key].encode(ch)[0].join('');

  // Photos and rules first, as layout programs export them.
  for (const { box } of model.photos) {
    doc.rect(box.x, box.y, box.w, box.h).fill('#c9d1d6');
    doc.polygon([box.x, box.y + box.h], [box.x + box.w * 0.35, box.y + box.h * 0.35], [box.x + box.w * 0.6, box.y + box.h * 0.7], [box.x + box.w * 0.8, box.y + box.h * 0.45], [box.x + box.w, box.y + box.h]).fill('#7d8a92');
    doc.circle(box.x + box.w * 0.8, box.y + box.h * 0.25, Math.min(box.w, box.h) * 0.12).fill('#eee6c4');
  }
  for (const r of model.rules) {
    doc.lineWidth(r.width);
    if (r.kind === 'line') doc.moveTo(r.x1, r.y1).lineTo(r.x2, r.y2).stroke('#000000');
    else doc.rect(r.x1, r.y1, r.x2 - r.x1, r.y2 - r.y1).stroke('#000000');
  }

  // Text in PDF coordinates (y up): undo pdfkit's top-left flip.
  doc.save();
  doc.addContent(`1 0 0 -1 0 ${num(H)} cm 0 g`);
  const drawRun = (r: Run): void => {
    if (r.vertical && vertical === 'identity-v') {
      // One run in a vertical font: the pen starts at the top centre and moves down; vertical
      // spacing is a negative Tc (PDF 32000-1 §9.2.4: ty = w1·Tfs + Tc, w1 < 0).
      doc.addContent(`BT /${use(r.font)} ${num(r.size)} Tf ${num(-r.charSpacing)} Tc 1 0 0 1 ${num(r.cross)} ${num(H - r.glyphs[0].at)} Tm <${[...r.text].map((ch) => gid(r.font, ch)).join('')}> Tj ET`);
      return;
    }
    if (r.vertical) {
      // Stacked: each glyph placed on its own, in the horizontal font (how many exports do it).
      const ops = r.glyphs.map((g) => `1 0 0 1 ${num(r.cross - g.adv / 2)} ${num(H - (g.at + EM_ASCENT * r.size))} Tm <${gid(r.font, g.ch)}> Tj`);
      doc.addContent(`BT /${use(r.font)} ${num(r.size)} Tf ${ops.join(' ')} ET`);
      return;
    }
    const tc = r.charSpacing ? `${num(r.charSpacing)} Tc ` : '0 Tc ';
    doc.addContent(`BT /${use(r.font)} ${num(r.size)} Tf ${tc}1 0 0 1 ${num(r.glyphs[0].at)} ${num(H - r.cross)} Tm <${[...r.text].map((ch) => gid(r.font, ch)).join('')}> Tj ET`);
  };
  // Content-stream order is not reading order: articles last to first, each body before its
  // headline, the page header at the end, the shuffled article glyph by glyph in random order.
  const articleIds = [...new Set(model.runs.map((r) => r.article).filter((a): a is string => a !== null))].reverse();
  const headRoles = new Set(['label', 'kicker', 'title', 'subtitle']);
  const shuffled: { r: Run; i: number }[] = [];
  for (const id of articleIds) {
    const runs = model.runs.filter((r) => r.article === id);
    for (const r of [...runs.filter((x) => !headRoles.has(x.role)), ...runs.filter((x) => headRoles.has(x.role))]) {
      if (r.shuffled) r.glyphs.forEach((_, i) => shuffled.push({ r, i }));
      else drawRun(r);
    }
  }
  for (const r of model.runs.filter((x) => x.article === null)) drawRun(r);
  const random = rng(16);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  for (const { r, i } of shuffled) {
    const g = r.glyphs[i];
    doc.addContent(`BT /${use(r.font)} ${num(r.size)} Tf 1 0 0 1 ${num(g.at)} ${num(H - r.cross)} Tm <${gid(r.font, g.ch)}> Tj ET`);
  }
  doc.restore();
  doc.end();
  await done;
  return { bytes: Buffer.concat(chunks), fontIds };
}

/** Loads a pdfkit PDF into pdf-lib, applies `edit` to each font dictionary of page 1, saves. */
async function editFonts(bytes: Uint8Array, edit: (name: string, font: PDFDict, doc: LibDocument) => void): Promise<Uint8Array> {
  const doc = await LibDocument.load(bytes, { updateMetadata: false });
  const fonts = doc.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  for (const [name, ref] of fonts.entries()) edit(name.decodeText(), doc.context.lookup(ref, PDFDict), doc);
  return doc.save({ useObjectStreams: false, addDefaultPage: false });
}

function truthOf(model: PageModel, name: Variant, vertical: 'stacked' | 'identity-v', textLayer: Truth['textLayer']): Truth {
  const ps: Record<FontKey, string> = { serif: FONT_FILES.serif.face, sansBold: FONT_FILES.sansBold.face, vertical: FONT_FILES.vertical.face };
  return {
    case: name,
    page: { width: model.width, height: model.height },
    textLayer,
    lines: model.runs.map((r) => ({
      text: r.text,
      box: r.box,
      size: r.size,
      bold: r.bold,
      vertical: r.vertical,
      role: r.role,
      article: r.article,
      shuffled: r.shuffled,
      font: ps[r.font],
      drawn: r.vertical ? vertical : r.shuffled ? 'glyphs' : 'run',
    })),
    blocks: model.blocks,
    rules: model.rules.map((r) => ({
      box: { x: Math.min(r.x1, r.x2), y: Math.min(r.y1, r.y2), w: Math.abs(r.x2 - r.x1), h: Math.abs(r.y2 - r.y1) },
      width: r.width,
    })),
    photos: model.photos,
    articles: model.articles.map((a) => ({ ...a.content, regions: a.regions })),
  };
}

const NOTES: Record<Variant, string> = {
  front: 'A3 page, 5 columns, six fictional articles: kicker/title/subtitle, credits, section headings, photo captions, a boxed column label, rules. The vertical headline (a4) is stacked glyph by glyph in a horizontal font; article a5 is drawn glyph by glyph in shuffled order; every article body is drawn before its headline and the page header last.',
  'front-no-tounicode': 'The `front` page with every ToUnicode map removed (pdf-lib): it renders exactly like `front`, but its text layer is garbled; extraction must report it as untrusted and keep the regions.',
  'front-identity-v': 'The `front` page with the vertical headline (a4) set as one run of an Identity-V (vertical) font.',
};

/** Generates every fixture; throws when the fonts are missing. */
export async function generateFixtures(): Promise<Fixture[]> {
  const loaded = { serif: loadFont('serif'), sansBold: loadFont('sansBold'), vertical: loadFont('vertical') };
  const metrics = (key: FontKey, ch: string): number => {
    const f = loaded[key].font;
    const cp = ch.codePointAt(0)!;
    if (!f.hasGlyphForCodePoint(cp)) throw new Error(`${FONT_FILES[key].face} has no glyph for ${ch}`);
    return f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm;
  };
  const model = typesetPage(metrics);
  const chars: Record<FontKey, Set<string>> = { serif: new Set(), sansBold: new Set(), vertical: new Set() };
  for (const r of model.runs) for (const ch of r.text) chars[r.font].add(ch);
  const sorted = (s: Set<string>): string[] => [...s].sort();
  const subsets = Object.fromEntries((Object.keys(loaded) as FontKey[]).map((k) => [k, subsetFont(loaded[k].bytes, loaded[k].index, sorted(chars[k]))])) as Record<FontKey, Uint8Array>;

  const stacked = await drawPage(model, subsets, 'stacked');
  const noToUnicode = await editFonts(stacked.bytes, (_, font, doc) => {
    // Remove the map itself too, as a file written without one would not hold it.
    const ref = font.get(PDFName.of('ToUnicode'));
    font.delete(PDFName.of('ToUnicode'));
    if (ref instanceof PDFRef) doc.context.delete(ref);
  });
  const vertical = await drawPage(model, subsets, 'identity-v');
  const identityV = await editFonts(vertical.bytes, (name, font) => {
    if (name === vertical.fontIds.vertical) font.set(PDFName.of('Encoding'), PDFName.of('Identity-V'));
  });
  return [
    { name: 'front', pdf: stacked.bytes, truth: truthOf(model, 'front', 'stacked', 'ok'), note: NOTES.front },
    { name: 'front-no-tounicode', pdf: noToUnicode, truth: truthOf(model, 'front-no-tounicode', 'stacked', 'garbled'), note: NOTES['front-no-tounicode'] },
    { name: 'front-identity-v', pdf: identityV, truth: truthOf(model, 'front-identity-v', 'identity-v', 'ok'), note: NOTES['front-identity-v'] },
  ];
}
