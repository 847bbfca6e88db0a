/**
 * @fileoverview The catalog (`seeds/catalog.json`): page metadata an archivist edits by hand —
 * paper name, date, page number and page name. Every field is optional; fill in only what the
 * printed page itself shows, never an invented date. Validated field by field with clear errors.
 */

/** Metadata of one page. */
export interface PageMeta {
  /** Newspaper name as printed in the masthead, e.g. 余杭晨报. */
  paper: string | null;
  /** Issue date as printed, ISO `YYYY-MM-DD`. */
  date: string | null;
  /** Page number (版次), e.g. 2 for 第2版. */
  pageNumber: number | null;
  /** Page name (版名), e.g. 要闻. */
  pageName: string | null;
}

/** The catalog file: metadata keyed by page id (the page file name without `.txt`). */
export interface Catalog {
  pages: Record<string, PageMeta>;
}

export const EMPTY_META: PageMeta = { paper: null, date: null, pageNumber: null, pageName: null };

const FIELDS = new Set(['paper', 'date', 'pageNumber', 'pageName', 'note']);

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Parses and validates catalog text; throws an Error naming the file and the bad entry. */
export function parseCatalog(text: string, file: string): Catalog {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${file}: expected an object with a "pages" object`);
  const pagesRaw = (raw as { pages?: unknown }).pages ?? {};
  if (!pagesRaw || typeof pagesRaw !== 'object' || Array.isArray(pagesRaw)) throw new Error(`${file}: "pages" must be an object keyed by page id`);
  const pages: Record<string, PageMeta> = {};
  for (const [id, v] of Object.entries(pagesRaw as Record<string, unknown>)) {
    const where = `${file}: pages["${id}"]`;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${where} must be an object`);
    const e = v as Record<string, unknown>;
    for (const k of Object.keys(e)) if (!FIELDS.has(k)) throw new Error(`${where}: unknown field "${k}" (known: ${[...FIELDS].join(', ')})`);
    const str = (k: string): string | null => {
      const x = e[k];
      if (x === undefined || x === null || x === '') return null;
      if (typeof x !== 'string') throw new Error(`${where}.${k} must be a string`);
      return x.trim();
    };
    const date = str('date');
    if (date !== null && !isRealDate(date)) throw new Error(`${where}.date "${date}" is not a calendar date in YYYY-MM-DD form`);
    const pn = e.pageNumber;
    if (pn !== undefined && pn !== null && !(Number.isInteger(pn) && (pn as number) > 0)) throw new Error(`${where}.pageNumber must be a positive whole number`);
    pages[id] = { paper: str('paper'), date, pageNumber: (pn as number | null | undefined) ?? null, pageName: str('pageName') };
  }
  return { pages };
}
