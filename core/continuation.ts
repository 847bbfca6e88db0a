/**
 * @fileoverview Continuation notes — where an article jumps pages: （上接第1版） at the start of the
 * rest of an article, (下转第3版) where it breaks off. The ingest records them (continued_from /
 * continued_to) and the site links them to the page they name, with this one pattern (issue 14).
 */

/**
 * Continuation marker printed where an article jumps pages: （上接第3版） (上接第3版) (紧接第3版)
 * (下转第3版) (转第3版) (接第2版). Half- and full-width brackets both occur.
 */
export const MARKER = /[（(]\s*(上接|紧接|接|下转|转|续)\s*(第\s*[\dA-Za-z０-９一二三四五六七八九十]+\s*版)\s*[)）]/u;
export const MARKER_GLOBAL = new RegExp(MARKER.source, 'gu');

/** Where a marker points: continued from (上接/紧接/接/续) or continued to (下转/转). */
export function markerDirection(word: string): 'from' | 'to' {
  return word === '下转' || word === '转' ? 'to' : 'from';
}

/** Parses "第3版" (Arabic or Chinese numerals up to 99) to 3; null if not a page reference. */
export function parsePageRef(text: string): number | null {
  const m = /第\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*版/.exec(text);
  if (!m) return null;
  const raw = m[1].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(raw)) return Number(raw);
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const tenAt = raw.indexOf('十');
  if (tenAt < 0) return raw.length === 1 ? digits[raw] ?? null : null;
  const tens = tenAt === 0 ? 1 : digits[raw.slice(0, tenAt)];
  const onesText = raw.slice(tenAt + 1);
  const ones = onesText === '' ? 0 : digits[onesText];
  return tens === undefined || ones === undefined ? null : tens * 10 + ones;
}

/** A piece of paragraph text: plain, or a continuation note like （上接第1版）. */
export type ParagraphPart = { kind: 'text'; text: string } | { kind: 'continuation'; text: string; direction: 'from' | 'to'; pageNumber: number };

/** Splits paragraph text around continuation notes (上接/紧接/下转 第N版, any bracket width). */
export function splitContinuations(text: string): ParagraphPart[] {
  // The same marker pattern the ingest records continued_from/continued_to with.
  const out: ParagraphPart[] = [];
  let last = 0;
  for (const m of text.matchAll(MARKER_GLOBAL)) {
    const n = parsePageRef(m[2]);
    if (n === null) continue;
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push({ kind: 'continuation', text: m[0], direction: markerDirection(m[1]), pageNumber: n });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}
