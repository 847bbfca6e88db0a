/**
 * @fileoverview Character tables and small text predicates shared by the ingest stages.
 * Punctuation classes follow clreq (W3C, Requirements for Chinese Text Layout, §3.1):
 * https://www.w3.org/TR/clreq/#punctuation_marks
 */

/** Marks that end a sentence: U+3002 。, U+FF01 ！, U+FF1F ？, ASCII ! ?, U+2026 …. */
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '…', '．']);
/** Closing marks that may follow a sentence end: U+201D ”, U+2019 ’, U+FF09 ）, ) , U+300D 」, U+300F 』, U+300B 》. */
const CLOSERS = new Set(['”', '’', '）', ')', '」', '』', '》', '"']);
/** Clause-internal punctuation: U+FF0C ，, ASCII , , U+3001 、, U+FF1B ；, ; */
const CLAUSE_MARKS = /[，,、；;]/;

/** Display width of a string in em: CJK and full-width characters count 1, ASCII and spaces ½. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/**
 * Width as a typesetter fills a column: CJK punctuation is set half-width at line ends and
 * in runs (clreq §3.1.6), so it counts ½ like ASCII. Used to tell full lines from indented ones.
 */
export function setWidth(s: string, squeezed = true): number {
  let w = 0;
  const t = s.trim();
  // A letter-spaced line (`聚 焦 服 务 业`) was stretched by justification: its spaces take no room of their own.
  const gaps = t.length > 1 ? (t.match(/ /g) ?? []).length / (t.length - 1) : 0;
  for (const ch of gaps >= 0.3 ? t.replace(/ /g, '') : t) {
    const c = ch.charCodeAt(0);
    if (c < 0x2000) w += 0.5;
    else if (squeezed && isCjkPunctuation(c)) w += 0.5;
    else w += 1;
  }
  return w;
}

/** Unicode punctuation (\p{P}) by BMP code unit, tabled once: a regex test per character is slow on long pages. */
const PUNCTUATION = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0x2000; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) t[c] = /\p{P}/u.test(String.fromCharCode(c)) ? 1 : 0;
  return t;
})();

function isCjkPunctuation(c: number): boolean {
  return c < 0x10000 && PUNCTUATION[c] === 1;
}

/** Text with all white space removed: the form in which text is compared and conserved. */
export function squash(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** True when the text ends a sentence, allowing closing quotes/brackets after the mark. */
export function endsSentence(s: string): boolean {
  // Scans back by code unit: every mark involved is in the BMP.
  let i = s.length - 1;
  while (i >= 0 && (s.charCodeAt(i) <= 0x20 || s.charCodeAt(i) === 0x3000 || s.charCodeAt(i) === 0xa0)) i--;
  while (i >= 0 && CLOSERS.has(s[i])) i--;
  if (i < 0) return false;
  if (SENTENCE_END.has(s[i])) return true;
  // A half-width full stop after a CJK character ends a sentence in pages set with ASCII punctuation.
  return s[i] === '.' && i > 0 && s.charCodeAt(i - 1) >= 0x2e80;
}

/** True when the text ends on a question or exclamation mark (possibly inside closers). */
export function endsQuestionOrExclamation(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && /\s/u.test(s[i])) i--;
  while (i >= 0 && CLOSERS.has(s[i])) i--;
  return i >= 0 && /[！？!?]/.test(s[i]);
}

/** True when the text holds clause punctuation (comma, enumeration comma, semicolon). */
export function hasClauseMarks(s: string): boolean {
  return CLAUSE_MARKS.test(s);
}

/** Splits a headline line at spaces that separate phrases (a space between two non-ASCII characters). */
export function phraseParts(s: string): string[] {
  return s
    .trim()
    .split(/(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])/u)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Han character test (CJK Unified Ideographs and extensions). */
export function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}

/** Count of Han characters in a string. */
export function hanCount(s: string): number {
  let n = 0;
  for (const ch of s) if (isHan(ch)) n++;
  return n;
}

// Continuation markers are shared with the site (it links them), so they live in core/ (issue 14).
export { MARKER, MARKER_GLOBAL, markerDirection } from '../../core/continuation.ts';

/**
 * A teaser for another page: `>>>>详见第5版`, `详见第3版`, `(详见第5版)`. Two arrows suffice to match a run
 * of them, and keep the test linear on long lines (an unbounded run before `.*` backtracks cubically).
 */
export const TEASER = /[>》]{2}[^>》]{0,40}第\s*\S{1,4}\s*版|详见\s*第\s*\S{1,4}\s*版/u;

/** Dispatch opening: 本报讯 (our news), 本报记者…报道, or 讯 after an agency name. */
export const DISPATCH = /^\s*(本报讯|(本报|新华社|中新社|[\p{Script=Han}]{2,6}(社|网))[\p{Script=Han}]{0,8}(\d{1,2}月\d{1,2}日)?电|[\p{Script=Han}]{2,6}(社|网)讯)/u;

/** A credit in brackets at the start of a lead: （记者 俞杰） (记者 金一清) (良渚…中心 某某 记者 某某). */
export const LEAD_CREDIT = /^\s*(?:(?:本报讯|(?:本报|新华社|中新社|[\p{Script=Han}]{2,6}(?:社|网))[\p{Script=Han}]{0,8}(?:\d{1,2}月\d{1,2}日)?电)\s*)?[（(]([^（）()]{0,60}?(?:记者|通讯员|实习生|特约|融媒体中心|见习)[^（）()]{0,60}?)[)）]/u;

/** Words that name a role in a credit rather than a person. */
export const CREDIT_ROLES = /(本报记者|特约记者|见习记者|实习生|通讯员|记者|摄影|摄像|编辑|撰稿|文\/图|文|图)$/u;

/** Organisation suffixes in credits (融媒体中心, 宣传部, …): such tokens are not person names. */
export const ORG_SUFFIX = /(中心|日报|晚报|报社|新闻社|电视台|宣传部|办公室|街道|社区|镇|乡|区|县|市|局|部|委|站|社|台|网|组|院|公司|集团|协会)$/u;

/** A pair of adjacent characters as one number (code units; BMP pairs are what Chinese text holds). */
export function pairKey(a: number, b: number): number {
  return a * 0x10000 + b;
}

const isPairChar = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * The pairs of adjacent characters of a text, Han characters, Latin letters and digits only, other
 * characters skipped (as numbers, pairKey): what the wording of two texts is compared by.
 */
export function charPairs(s: string): Set<number> {
  const out = new Set<number>();
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isPairChar(c)) continue;
    if (prev >= 0) out.add(pairKey(prev, c));
    prev = c;
  }
  return out;
}
