/**
 * @fileoverview The folder and file-name convention for page files (issue 12): an archive of years
 * of back pages is described by where its files are, not by a hand-written entry per page.
 *
 *     seeds/<paper>/<YYYY-MM-DD>/<NN>[-<版名>].txt      e.g. seeds/青禾日报/2025-01-23/01-要闻.txt
 *
 * gives the page its paper (the folder name as printed), its issue date, its page number (版次, the
 * leading digits) and its page name (版名, what follows the first hyphen). Only that three-level
 * shape is read: a file anywhere else keeps the metadata of the catalog alone.
 */
import { isCalendarDate, type PageMeta } from '../../core/schema.ts';

/** What a page file's path says of it: its metadata and the page id it gets. */
export interface SeedPath {
  meta: Pick<PageMeta, 'paper' | 'date' | 'pageNumber' | 'pageName'>;
  /** The path the id is made from: `<paper>-<date>-<file name>` (see ids.ts pageIdOf). */
  idSource: string;
}

/** A page file path that looks like the convention but breaks it. */
export class SeedPathError extends Error {}

/**
 * Reads the convention from a path relative to seeds/ (`/` or `\` separated); null when the path is
 * not in the convention's shape. Throws SeedPathError naming the path when its date folder is not a
 * real date.
 */
export function parseSeedPath(name: string): SeedPath | null {
  const parts = name.split(/[\\/]/).filter(Boolean);
  if (parts.length < 3) return null;
  const [paperDir, dateDir, file] = parts.slice(-3);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateDir)) return null;
  if (!isCalendarDate(dateDir)) throw new SeedPathError(`${name}: folder "${dateDir}" is not a calendar date (seeds/<paper>/<YYYY-MM-DD>/<NN>-<版名>.txt)`);
  const paper = paperDir.normalize('NFC').trim();
  const stem = file.replace(/\.[^.]*$/, '');
  const m = /^(\d{1,3})(?:[-_ ]+(.*))?$/u.exec(stem);
  const pageNumber = m && Number(m[1]) > 0 ? Number(m[1]) : null;
  const pageName = m?.[2]?.trim() || null;
  return { meta: { paper: paper || null, date: dateDir, pageNumber, pageName }, idSource: `${paper}-${dateDir}-${stem}` };
}
