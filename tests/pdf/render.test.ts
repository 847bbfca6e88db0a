/**
 * Page images (issue #16): WebP at the requested widths, cached by the PDF's hash (a second call
 * renders nothing), and rendering independent of the text layer (the page without ToUnicode looks
 * exactly like the page with it).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPdf } from '../../scripts/lib/pdf/read-fs.ts';
import { pdfHash, renderPage, renderToCanvas, webpHeight } from '../../scripts/lib/pdf/render-fs.ts';
import { loadCase } from './fixtures.ts';
import { readFileSync } from 'node:fs';

const cacheDir = mkdtempSync(join(tmpdir(), 'baoku-render-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

async function pixels(pdf: Uint8Array, width: number): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const doc = await openPdf(pdf);
  const canvas = await renderToCanvas(doc, 1, width);
  await doc.loadingTask.destroy();
  return { data: canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data, width: canvas.width, height: canvas.height };
}

describe('page rendering', () => {
  it('writes WebP images at each width, the page’s aspect ratio kept, into a folder named by the PDF’s hash', async () => {
    const { pdf, truth } = await loadCase('front');
    const r = await renderPage(pdf, 1, { widths: [300, 150], cacheDir });
    expect(r.cached).toBe(false);
    expect(r.images.map((i) => i.width)).toEqual([150, 300]);
    for (const img of r.images) {
      const bytes = readFileSync(img.path);
      expect(String.fromCharCode(...bytes.subarray(0, 4)), img.path).toBe('RIFF');
      expect(String.fromCharCode(...bytes.subarray(8, 12))).toBe('WEBP');
      expect(webpHeight(bytes)).toBe(Math.round((img.width * truth.page.height) / truth.page.width));
      expect(img.path.startsWith(join(cacheDir, pdfHash(pdf)))).toBe(true);
    }
  });

  it('renders nothing the second time: the images come from the cache, untouched', async () => {
    const { pdf } = await loadCase('front');
    const first = await renderPage(pdf, 1, { widths: [300, 150], cacheDir });
    const mtimes = first.images.map((i) => statSync(i.path).mtimeMs);
    const again = await renderPage(pdf, 1, { widths: [300, 150], cacheDir });
    expect(again.cached).toBe(true);
    expect(again.images).toEqual(first.images);
    expect(again.images.map((i) => statSync(i.path).mtimeMs)).toEqual(mtimes);
  });

  it('renders a changed PDF anew, under its own hash', async () => {
    const other = (await loadCase('front-identity-v')).pdf;
    const r = await renderPage(other, 1, { widths: [150], cacheDir });
    expect(r.cached).toBe(false);
    expect(r.sha256).not.toBe(pdfHash((await loadCase('front')).pdf));
  });

  it('draws ink where the truth puts text, and renders the garbled text layer exactly like the readable one', async () => {
    const { pdf, truth } = await loadCase('front');
    const a = await pixels(pdf, 400);
    const b = await pixels((await loadCase('front-no-tounicode')).pdf, 400);
    expect(Buffer.compare(Buffer.from(a.data), Buffer.from(b.data))).toBe(0);
    const scale = a.width / truth.page.width;
    const darkness = (box: { x: number; y: number; w: number; h: number }): number => {
      let sum = 0;
      let n = 0;
      for (let y = Math.floor(box.y * scale); y < Math.ceil((box.y + box.h) * scale); y++)
        for (let x = Math.floor(box.x * scale); x < Math.ceil((box.x + box.w) * scale); x++) {
          sum += 255 - a.data[(y * a.width + x) * 4];
          n++;
        }
      return sum / n;
    };
    const title = truth.lines.find((l) => l.role === 'title')!;
    expect(darkness(title.box)).toBeGreaterThan(40);
    // The margin beside the title is paper.
    expect(darkness({ x: 2, y: title.box.y, w: 20, h: title.box.h })).toBeLessThan(1);
  });
});
