/**
 * @fileoverview The catalog (`seeds/catalog.json`): page metadata an archivist edits by hand —
 * paper name, date, page number and page name. Every field is optional; fill in only what the
 * printed page itself shows, never an invented date. The shape is `CatalogSchema` (core/schema.ts);
 * this module reads the file and words zod's findings as errors naming the file and the entry.
 */
import type { z } from 'astro/zod';
import { CatalogSchema, type Catalog } from '../../core/schema.ts';

/** The fields an entry may have, for the message about an unknown one. */
const FIELDS = ['paper', 'date', 'pageNumber', 'pageName', 'note'];

/** `pages["x"].date` for the path ['pages', 'x', 'date']. */
function where(path: PropertyKey[]): string {
  return path.map((k, i) => (i === 1 ? `[${JSON.stringify(String(k))}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/** One zod issue as a sentence about the catalog file. */
function describe(file: string, issue: z.core.$ZodIssue): string {
  const at = where(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return `${file}: ${at}: unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (known: ${FIELDS.join(', ')})`;
  }
  if (issue.path.length === 0) return `${file}: expected an object with a "pages" object`;
  if (issue.path.length === 1) return `${file}: "pages" must be an object keyed by page id`;
  if (issue.path.length === 2) return `${file}: ${at} must be an object`;
  return `${file}: ${at} ${issue.message}`;
}

/** Parses and validates catalog text; throws an Error naming the file and the first bad entry. */
export function parseCatalog(text: string, file: string): Catalog {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = CatalogSchema.safeParse(raw);
  if (!parsed.success) throw new Error(describe(file, parsed.error.issues[0]));
  return parsed.data;
}
