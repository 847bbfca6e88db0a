/**
 * @fileoverview Line tags of a page with a gold annotation (the training truth of the tagger),
 * read off the alignment of its lines to the expected fields (align.ts).
 */
import { HEAD_CONSTRAINTS, HEAD_TAGS, phrasesOf, type GroupContext, type HeadLine, type HeadTag } from '../headline.ts';
import type { Tag } from '../tagger.ts';
import { squash } from '../text.ts';
import type { Alignment } from './align.ts';

/** The true tag of every line. */
export function trueTags(al: Alignment, firstBlock: (article: number) => number): Tag[] {
  return al.lines.map((pieces, li) => {
    const p = pieces[0];
    const s = al.slots[p.slot];
    const prev = li > 0 ? al.lines[li - 1][al.lines[li - 1].length - 1] : null;
    switch (s.kind) {
      case 'column':
      case 'kicker':
      case 'title':
      case 'subtitle':
        return 'H';
      case 'byline':
        return 'B';
      case 'h':
        return 'X';
      case 'caption':
        return p.from === 0 ? 'C' : 'c';
      case 'other':
        return p.from === 0 ? 'O' : 'o';
      case 'p': {
        if (p.from > 0) {
          // Continuing a paragraph printed elsewhere: the line before holds other text (not a caption of its own article).
          const ps = prev ? al.slots[prev.slot] : null;
          const resumes = !ps || (prev!.slot !== p.slot && !(ps.kind === 'caption' && ps.article === s.article));
          return resumes ? 'q' : 'p';
        }
        return s.block === firstBlock(s.article) ? 'A' : 'P';
      }
    }
  });
}

/** A headline group of a gold page with the true tag of each of its phrases (training the headline chain). */
export interface HeadGroupTruth {
  lines: HeadLine[];
  ctx: GroupContext;
  tags: HeadTag[];
}

/**
 * The headline groups of a page (runs of headline and credit lines, with labels set among them) and
 * the true phrase tags; groups whose truth breaks the printing order are left out (counted).
 */
export function headGroups(lineTexts: string[], glued: boolean[], tags: Tag[], al: Alignment): { groups: HeadGroupTruth[]; skipped: number } {
  const groups: HeadGroupTruth[] = [];
  let skipped = 0;
  const isLabel = (i: number): boolean => {
    const s = al.slots[al.lines[i][0].slot];
    return tags[i] === 'O' && s.kind === 'other' && (s.otherType === 'label' || s.otherType === 'banner') && lineTexts[i].trim().length <= 20;
  };
  const inGroup = (i: number): boolean => tags[i] === 'H' || tags[i] === 'B' || isLabel(i);
  for (let i = 0; i < tags.length; i++) {
    if (!inGroup(i)) continue;
    let j = i;
    while (j + 1 < tags.length && inGroup(j + 1)) j++;
    const span = [...Array(j - i + 1).keys()].map((k) => i + k);
    if (span.some((k) => tags[k] === 'H')) {
      const lines: HeadLine[] = span.map((k) => ({ kind: tags[k] === 'B' ? 'credit' : 'head', text: lineTexts[k], glued: glued[k], no: k + 1 }));
      const body = (k: number): boolean => k >= 0 && k < tags.length && ['A', 'P', 'p', 'q', 'X', 'C', 'c'].includes(tags[k]);
      const ctx: GroupContext = { afterBody: body(i - 1), beforeBody: body(j + 1), nextOpens: tags[j + 1] === 'A' };
      const phrases = phrasesOf(lines);
      const out: HeadTag[] = [];
      let prevSlot = -1;
      let prevArticle = -2;
      let titleSeen = false;
      let ok = true;
      for (const p of phrases) {
        const li = span[p.line];
        // The phrase's first character, as an offset into the squashed line.
        const before = lineTexts[li].trim();
        const at = squash(before.slice(0, before.indexOf(p.text))).length;
        let acc = 0;
        const piece = al.lines[li].find((x) => {
          const hit = at < acc + (x.to - x.from);
          acc += x.to - x.from;
          return hit;
        }) ?? al.lines[li][0];
        const slot = al.slots[piece.slot];
        const same = piece.slot === prevSlot;
        const fresh = slot.article !== prevArticle || slot.article < 0;
        if (fresh) titleSeen = false;
        let tag: HeadTag;
        switch (slot.kind) {
          case 'column':
            tag = same ? (titleSeen ? 'Cp+' : 'C+') : fresh ? '^C' : 'Cp';
            break;
          case 'kicker':
            tag = same ? 'K+' : fresh ? '^K' : 'K';
            break;
          case 'title':
            tag = same ? 'T+' : fresh ? '^T' : 'T';
            titleSeen = true;
            break;
          case 'subtitle':
            tag = same ? 'S+' : 'S';
            break;
          case 'byline':
            tag = same ? 'B+' : fresh ? '^B' : 'B';
            break;
          default:
            tag = same ? 'L+' : '^L';
        }
        if (out.length === 0 ? !HEAD_CONSTRAINTS.transition!(-1, HEAD_TAGS.indexOf(tag)) : !HEAD_CONSTRAINTS.transition!(HEAD_TAGS.indexOf(out[out.length - 1]), HEAD_TAGS.indexOf(tag))) ok = false;
        out.push(tag);
        prevSlot = piece.slot;
        prevArticle = slot.kind === 'other' ? -1 : slot.article;
      }
      if (ok && out.length && HEAD_CONSTRAINTS.final!(HEAD_TAGS.indexOf(out[out.length - 1]))) groups.push({ lines, ctx, tags: out });
      else skipped++;
    }
    i = j;
  }
  return { groups, skipped };
}
