/**
 * Page overview ("版面缩略图"): each article becomes a box on a fixed grid, its area proportional to
 * its length. Spans are emitted as CSS classes (no inline styles, so the CSP needs no 'unsafe-inline').
 */

/** Grid size of the schematic sheet. */
export const SHEET = { cols: 6, rows: 8 } as const;

/** A box's grid spans. */
export interface Box {
  cols: number;
  rows: number;
}

/**
 * Allocates grid cells to articles by length (largest remainder), then shapes each allotment into a
 * box that is as wide as possible (wide boxes read like newspaper stories) while fitting the sheet.
 */
export function schematicBoxes(lengths: number[], sheet: { cols: number; rows: number } = SHEET): Box[] {
  if (lengths.length === 0) return [];
  const cells = sheet.cols * sheet.rows;
  const total = lengths.reduce((s, n) => s + Math.max(n, 1), 0);
  const exact = lengths.map((n) => (Math.max(n, 1) / total) * cells);
  const alloc = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = cells - alloc.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0 && k < order.length; k++, left--) alloc[order[k][1]] += 1;
  return alloc.map((n) => {
    const cols = n >= sheet.cols * 2 ? sheet.cols : n >= sheet.cols ? Math.ceil(sheet.cols / 2) * 2 : Math.min(n, Math.ceil(sheet.cols / 2));
    const rows = Math.max(1, Math.min(sheet.rows, Math.round(n / cols)));
    return { cols, rows };
  });
}
