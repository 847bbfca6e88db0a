/**
 * @fileoverview Stable identifiers. A page's id is its file name without `.txt`; an article's id is
 * the page id plus a short hash of the article's opening text, so it depends on nothing but the
 * page itself: adding or removing other pages never changes it, and neither does re-running the
 * parser over an unchanged page.
 */
import { shortHash } from '../../core/hash.ts';
import { parseSeedPath } from './seed-path.ts';
import { squash } from './text.ts';

/**
 * The id of a page from its file name: `000_3f2cd97355706aaa.txt` → `000_3f2cd97355706aaa`. A file
 * under the folder convention (seed-path.ts) is named by paper, date and file name, since its file
 * name alone repeats in every issue: `余杭晨报/2025-01-23/01-要闻.txt` → `余杭晨报-2025-01-23-01-要闻`.
 */
export function pageIdOf(fileName: string): string {
  let convention: string | null = null;
  try {
    convention = parseSeedPath(fileName)?.idSource ?? null;
  } catch {
    // A bad date folder is reported by the catalog (catalog.ts pathCatalog); the id falls back to the file name.
  }
  const base = convention ?? fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const id = base.normalize('NFKC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
  return id || 'page';
}

/**
 * Article ids for one page, in reading order. The hash covers the first 40 characters of the body
 * (white space removed); a clash inside the page gets `-2`, `-3` in reading order.
 */
export function articleIds(pageId: string, openings: string[]): string[] {
  const seen = new Map<string, number>();
  return openings.map((o) => {
    const base = `${pageId}-${shortHash(squash(o).slice(0, 40), 6)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
