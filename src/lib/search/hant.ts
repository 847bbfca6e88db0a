/**
 * Simplified → traditional conversion used at build time (stand-in article pages, index labels).
 * Same converter as the site's traditional twin pages: opencc-js, cn → tw.
 */
import { Converter } from 'opencc-js';

let convert: ((s: string) => string) | null = null;

/** Converts simplified Chinese text to traditional (Taiwan standard); null stays null. */
export function toHant<T extends string | null>(s: T): T {
  if (s === null) return s;
  convert ??= Converter({ from: 'cn', to: 'tw' });
  return convert(s) as T;
}
