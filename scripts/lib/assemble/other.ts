/**
 * @fileoverview What a non-article block is (SCHEMA.md, Page furniture): 导读 teasers, a
 * date/editor header, a call for contributions, classified notices, an advertisement, a page or
 * section label, or a slogan banner — read from the conventions its text shows.
 */
import { FURNITURE, NOTICE_WORDS, PHONE, TEASER_POINTER } from '../conventions.ts';
import type { OtherBlock } from '../assemble.ts';
import type { Unit } from '../reflow.ts';
import { endsSentence } from '../text.ts';

/** The type of an other block. */
export function otherType(u: Unit): OtherBlock['type'] {
  const t = u.text;
  if (TEASER_POINTER.test(t)) return 'teasers';
  if (FURNITURE.test(t) && t.length <= 80) return 'header';
  if (/(遗失|遺失|作废|作廢|注销|註銷)/u.test(t)) return 'classified';
  if (/(征稿|徵稿|投稿|来稿|來稿)/u.test(t)) return 'notice';
  if (PHONE.test(t) || NOTICE_WORDS.test(t)) return 'ad';
  const chars = t.replace(/\s+/g, '').length;
  if (chars <= 8 && !/\s/u.test(t.trim())) return 'label';
  // A slogan is short; running sentences set apart from the articles introduce them (a series intro).
  return chars > 30 && endsSentence(t) ? 'intro' : 'banner';
}
