/**
 * @fileoverview Draws what the PDF layer found over the page image, for an archivist or a
 * developer to check a page by eye (issue #16): blocks (orange, numbered in reading order), lines
 * (blue; vertical ones red; untrusted ones dashed), rules (green). Also prints the page's trust.
 *
 *   node scripts/pdf-inspect.ts PAGE.pdf [--page N] [--width 1600] [--out page-N.png]
 */
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { layoutPage } from './lib/pdf/layout.ts';
import { openPdf, readPageContent } from './lib/pdf/read-fs.ts';
import { renderToCanvas } from './lib/pdf/render-fs.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) {
  console.error('usage: node scripts/pdf-inspect.ts PAGE.pdf [--page N] [--width 1600] [--out FILE.png]');
  process.exit(2);
}
const n = Number(opt('page', '1'));
const width = Number(opt('width', '1600'));
const out = opt('out', `${file.replace(/\.pdf$/iu, '')}-p${n}-layout.png`);

const doc = await openPdf(await readFile(file));
const page = layoutPage(await readPageContent(doc, n));
const canvas = await renderToCanvas(doc, n, width);
await doc.loadingTask.destroy();
const k = width / page.width;
const ctx = canvas.getContext('2d');
ctx.lineWidth = Math.max(1, k * 0.6);
ctx.strokeStyle = 'rgba(0, 160, 60, 0.9)';
for (const r of page.rules) {
  ctx.beginPath();
  ctx.moveTo(r.box.x * k, r.box.y * k);
  ctx.lineTo((r.box.x + r.box.w) * k, (r.box.y + r.box.h) * k);
  ctx.stroke();
}
for (const l of page.lines) {
  ctx.strokeStyle = l.vertical ? 'rgba(220, 0, 0, 0.9)' : 'rgba(0, 90, 255, 0.7)';
  ctx.setLineDash(l.trusted ? [] : [4, 3]);
  ctx.strokeRect(l.box.x * k, l.box.y * k, l.box.w * k, l.box.h * k);
}
ctx.setLineDash([]);
ctx.font = `bold ${Math.round(12 * k)}px sans-serif`;
page.blocks.forEach((b, i) => {
  ctx.strokeStyle = 'rgba(255, 140, 0, 0.9)';
  ctx.strokeRect(b.box.x * k - 2, b.box.y * k - 2, b.box.w * k + 4, b.box.h * k + 4);
  ctx.fillStyle = 'rgba(255, 140, 0, 0.95)';
  ctx.fillText(String(i + 1), b.box.x * k - 2, b.box.y * k - 4);
});
writeFileSync(out, await canvas.encode('png'));
console.log(`${out}: ${page.lines.length} lines, ${page.blocks.length} blocks, ${page.rules.length} rules; text layer ${page.trust.text}`);
for (const f of page.trust.fonts) if (!f.trusted) console.log(`  ${f.font}: ${f.reason}`);
