/**
 * @fileoverview What a line's printed look rules out (issue #16). A page read from a PDF knows
 * each line's size, weight, block and the rules between blocks (pdf/look.ts); a text page does
 * not. Rather than retrain the learned scorers on features text pages never have, these facts
 * constrain their decoding: the tagger's (tagger.ts) and the headline chain's (headline.ts). Each
 * rule below removes readings no typesetter produces; the learned weights choose among the rest.
 * Text pages get no constraint from here, so their parse is unchanged.
 */
import type { HeadTag } from './headline.ts';
import type { LineLook, PageLook } from './pdf/look.ts';
import type { Tag } from './tagger.ts';

/** Clearly larger than the body text: a headline, a heading or page furniture. */
export const LARGER = 1.15;
/** Clearly smaller than the body text: a caption, a credit, furniture — never a headline or heading. */
export const SMALLER = 0.95;

const HEADISH: ReadonlySet<Tag> = new Set(['H', 'X']);
const LARGE_TAGS: ReadonlySet<Tag> = new Set(['H', 'X', 'O', 'o']);
const CAPTION_TAGS: ReadonlySet<Tag> = new Set(['C', 'c', 'O', 'o']);
const CONTINUING: ReadonlySet<Tag> = new Set(['p', 'q', 'c', 'o']);
/** What may follow a full line inside a block of running text in a page that indents: the same paragraph (or block), or a credit. */
const RUN_ON: ReadonlySet<Tag> = new Set(['p', 'B', 'c', 'o']);
/** What cannot follow a rule: anything that carries on the article or block before it. */
const NOT_AFTER_RULE: ReadonlySet<Tag> = new Set(['p', 'P', 'X', 'c', 'o']);

/** What the line's text shows that the rules below use (from the tagger's measurements). */
export interface LineText {
  /** It ends in a photo credit (…摄, 图片由…提供). */
  photoCredit: boolean;
}

/** Why a tag is ruled out for a line, or null when its look allows it (also for reports and tests). */
export function tagRuledOut(look: LineLook, page: Pick<PageLook, 'indents'>, text: LineText, tag: Tag): string | null {
  const bodySize = look.rel > SMALLER && look.rel < LARGER;
  if (look.rel >= LARGER && !LARGE_TAGS.has(tag)) return 'set larger than the body text: a headline, heading or furniture';
  if (look.rel <= SMALLER && HEADISH.has(tag)) return 'set smaller than the body text: no headline or heading';
  if (look.rel <= SMALLER && text.photoCredit && !CAPTION_TAGS.has(tag)) return 'a small line ending in a photo credit: a caption';
  if (look.inBody && bodySize && !look.bold && HEADISH.has(tag)) return 'running text at the body size, not bold: no headline or heading';
  if (look.ruled && NOT_AFTER_RULE.has(tag)) return 'a rule separates it from what was read before: nothing carries on across it';
  if (look.inBody && bodySize && !look.blockStart && look.afterShort && (tag === 'p' || tag === 'q')) return 'the line before it stops short: a paragraph ended there';
  if (page.indents && look.inBody && bodySize && look.indent && CONTINUING.has(tag)) return 'indented in a page that indents paragraphs: something begins here';
  if (page.indents && look.inBody && bodySize && !look.indent && !look.blockStart && look.afterFull && !RUN_ON.has(tag)) return 'not indented after a full line, in a page that indents paragraphs: the text runs on';
  return null;
}

const FURNITURE_TAGS: ReadonlySet<Tag> = new Set(['O', 'o']);

/**
 * Why a tag is ruled out for a line given the line read right after it (`next`), or null: a line
 * set right on top of a larger line of headline size (stacked, no rule between) is that headline's kicker — a
 * typesetter sets a banner or a running head apart from the headlines under it.
 */
export function tagRuledOutAbove(look: LineLook, next: LineLook, tag: Tag): string | null {
  if (FURNITURE_TAGS.has(tag) && !next.ruled && next.rel >= LARGER && next.size >= LARGER * look.size && stacked(look, next)) return 'set right on top of a larger headline line: its kicker, not furniture';
  return null;
}

/** The tagger's `allowed` predicate for a page's lines (`looks[i]` of `lines[i]`, undefined where none). */
export function tagConstraints(looks: (LineLook | undefined)[], page: Pick<PageLook, 'indents'>, texts: LineText[]): (i: number, tag: Tag) => boolean {
  return (i, tag) => {
    const look = looks[i];
    if (!look) return true;
    const next = looks[i + 1];
    return tagRuledOut(look, page, texts[i], tag) === null && (!next || tagRuledOutAbove(look, next, tag) === null);
  };
}

const CONTINUE_PART: ReadonlySet<HeadTag> = new Set(['C+', 'K+', 'T+', 'S+', 'B+', 'Cp+', 'L+']);
const AFTER_SMALLER: ReadonlySet<HeadTag> = new Set(['T', '^T', '^K', '^C', '^L']);

/** Lines stacked one right below the other, overlapping across: one headline. */
function stacked(a: LineLook, b: LineLook): boolean {
  if (a.vertical || b.vertical) return false;
  const gap = b.box.y - (a.box.y + a.box.h);
  const across = Math.min(a.box.x + a.box.w, b.box.x + b.box.w) - Math.max(a.box.x, b.box.x);
  return gap >= -0.2 * Math.min(a.size, b.size) && gap <= Math.min(a.size, b.size) && across >= 0.5 * Math.min(a.box.w, b.box.w);
}

/**
 * Why a headline tag is ruled out for the first phrase of a headline line, given the look of the
 * line before it in its group (`prev`) and its own, or null. Lines of one block, one size and one
 * weight are one part (a title broken in two); lines stacked tightly are one headline; a line
 * larger than the one above is the title (or starts a new headline); a smaller one does not carry
 * on the part above.
 */
export function headTagRuledOut(prev: LineLook, look: LineLook, tag: HeadTag): string | null {
  const same = Math.abs(look.size - prev.size) <= 0.05 * prev.size;
  if (look.block === prev.block && same && look.bold === prev.bold && !CONTINUE_PART.has(tag)) return 'one block, one size and weight: the same part';
  if (stacked(prev, look) && tag.startsWith('^')) return 'stacked right below the line above: the same headline';
  // A column label read after its title is an extraction's doing (headline.ts `Cp`); set right under a title, a line is its subtitle.
  if (stacked(prev, look) && (tag === 'Cp' || tag === 'Cp+')) return 'stacked right below the line above: no column label';
  if (look.size >= LARGER * prev.size && !AFTER_SMALLER.has(tag)) return 'larger than the line above: the title, or a new headline';
  if (look.size * LARGER <= prev.size && CONTINUE_PART.has(tag)) return 'smaller than the line above: not the same part';
  return null;
}
