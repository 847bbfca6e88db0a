/**
 * Simplified → traditional conversion for search labels and documents: the very converter of the
 * site's traditional twin pages (src/lib/script.ts: opencc-js cn → tw plus its context fixes), so a
 * result shows a headline exactly as the page prints it.
 */
import { toScript } from '../script.ts';

/** Converts simplified Chinese text to traditional (Taiwan standard); null stays null. */
export function toHant<T extends string | null>(s: T): T {
  return (s === null ? s : toScript(s, 'zh-hant')) as T;
}
