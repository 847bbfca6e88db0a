/**
 * @fileoverview Stable identifiers. A page's id is its file name without `.txt`; an article's id is
 * the page id plus a short hash of the article's opening text, so it depends on nothing but the
 * page itself: adding or removing other pages never changes it, and neither does re-running the
 * parser over an unchanged page.
 */
import { shortHash } from '../../core/hash.ts';
import { MAX_PAGE_ID_BYTES } from './limits.ts';
import { parseSeedPath } from './seed-path.ts';
import { squash } from './text.ts';

/**
 * The letters, digits, `_` and `-` of a file name without its extension, other runs as `-` (may be
 * empty). A file under the folder convention (seed-path.ts) is named by paper, date and file name,
 * since its file name alone repeats in every issue.
 */
function idPart(fileName: string): string {
  let convention: string | null = null;
  try {
    convention = parseSeedPath(fileName)?.idSource ?? null;
  } catch {
    // A bad date folder is reported by the catalog (catalog.ts pathCatalog); the id falls back to the file name.
  }
  const base = convention ?? fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return base.normalize('NFKC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
}

/**
 * The id of a page from its file name: `000_3f2cd97355706aaa.txt` → `000_3f2cd97355706aaa`;
 * `青禾日报/2025-01-23/01-要闻.txt` → `青禾日报-2025-01-23-01-要闻`.
 */
export function pageIdOf(fileName: string): string {
  return idPart(fileName) || 'page';
}

/**
 * Why a file name cannot become a page id, or null (issue 13): a name with no letter or digit
 * would be given the placeholder id `page`, and an id over MAX_PAGE_ID_BYTES would make article
 * file and folder names longer than file systems allow. Such a page is refused by name.
 */
export function pageIdProblem(fileName: string): string | null {
  const id = idPart(fileName);
  if (!id) return 'the file name has no letter or digit to make a page id from: rename the file';
  const bytes = new TextEncoder().encode(id).length;
  if (bytes > MAX_PAGE_ID_BYTES) {
    return `the file name gives a page id of ${bytes} bytes (UTF-8); the longest Baoku takes is ${MAX_PAGE_ID_BYTES}, so that article file and folder names stay under the file system's 255 bytes: shorten the file name`;
  }
  return null;
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
