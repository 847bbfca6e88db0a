/**
 * @fileoverview The expected JSON of a generated PDF page (issue #16), derived from its truth file
 * (tests/fixtures/pdf/<case>/truth.json, written by the typesetter from the same model as the PDF):
 * what an archivist would publish from the printed page, in the gold schema
 * (the gold page of core/schema.ts), so `npm run eval` scores pages read from PDFs like the text pages.
 *
 * - Each truth article in reading order becomes an article: its column label, kicker, title,
 *   subtitle and credit line as printed, the authors the fixture's content names, its body pieces
 *   (paragraphs and section headings), then its photo caption, which the page prints at the
 *   article's foot (a caption inside a report is a `caption` block; its photographer no author).
 *   Nothing on the generated pages continues elsewhere or is cut off.
 * - Lines of no article are page furniture: consecutive lines of one role are one block, the page
 *   header (报眉) of type `header`, anything else `text`.
 *
 * Every printed character lands exactly once in the result (tested), as the gold schema requires.
 */
import type { Article, GoldPage, OtherBlock } from '../../../core/schema.ts';

/** What this derivation reads of a truth file (scripts/lib/pdf-fixtures/write-fs.ts `Truth`). */
export interface TruthPage {
  lines: { text: string; role: string; article: string | null }[];
  articles: {
    id: string;
    column: string | null;
    kicker: string | null;
    title: string;
    subtitle: string | null;
    byline: string | null;
    caption: string | null;
    authors: string[];
    body: { type: 'p' | 'h'; text: string }[];
  }[];
}

const OTHER_TYPE: Record<string, OtherBlock['type']> = { header: 'header' };

/** The expected gold page of a truth file; `seed` names the page. */
export function expectedFromTruth(truth: TruthPage, seed: string): GoldPage {
  const articles: Article[] = truth.articles.map((a) => ({
    column: a.column,
    kicker: a.kicker,
    title: a.title,
    subtitle: a.subtitle,
    byline: a.byline,
    authors: [...a.authors],
    continued_from: null,
    continued_to: null,
    truncated_start: false,
    truncated_end: false,
    body: [...a.body.map((b) => ({ type: b.type, text: b.text })), ...(a.caption ? [{ type: 'caption' as const, text: a.caption }] : [])],
  }));
  const other: OtherBlock[] = [];
  let last: string | null = null;
  for (const l of truth.lines) {
    if (l.article !== null) {
      last = null;
      continue;
    }
    if (last === l.role) other[other.length - 1].text += ` ${l.text}`;
    else other.push({ type: OTHER_TYPE[l.role] ?? 'text', text: l.text });
    last = l.role;
  }
  return { seed, articles, other };
}
