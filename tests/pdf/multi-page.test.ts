/**
 * A multi-page PDF (an issue's PDF): every page is extracted and rendered, numbered from 1, with
 * one open document (issue #16).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPdf } from '../../scripts/lib/pdf/read-fs.ts';
import { renderPdf } from '../../scripts/lib/pdf/render-fs.ts';
import { loadCase, squash } from './fixtures.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'baoku-multi-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** The `front` page, then a blank A4 page. */
async function twoPages(): Promise<Uint8Array> {
  const src = await PDFDocument.load((await loadCase('front')).pdf);
  const doc = await PDFDocument.create();
  const [page] = await doc.copyPages(src, [0]);
  doc.addPage(page);
  doc.addPage([595, 842]);
  return doc.save();
}

describe('multi-page PDF', () => {
  it('extracts every page, numbered from 1, each with its own size and text', async () => {
    const { truth } = await loadCase('front');
    const pages = await extractPdf(await twoPages());
    expect(pages.map((p) => [p.page, p.width, p.height])).toEqual([[1, 842, 1191], [2, 595, 842]]);
    expect(pages[0].lines.map((l) => squash(l.text))).toEqual(truth.lines.map((l) => squash(l.text)));
    expect(pages[1].lines).toEqual([]);
    expect(pages[1].trust.text).toBe('none');
  });

  it('renders every page, then serves them all from the cache', async () => {
    const pdf = await twoPages();
    const first = await renderPdf(pdf, { widths: [100], cacheDir });
    expect(first.map((r) => [r.page, r.cached, r.images[0].height])).toEqual([[1, false, 141], [2, false, 142]]);
    const again = await renderPdf(pdf, { widths: [100], cacheDir });
    expect(again.every((r) => r.cached)).toBe(true);
  });
});
