/**
 * @fileoverview Assembly, step 1 — items: units become headline groups, article drafts (bodies
 * split where an article opens) and other blocks, in file order.
 */
import type { OtherBlock } from '../assemble.ts';
import type { HeadLine, Headline } from '../headline.ts';
import type { Unit } from '../reflow.ts';

/** The body of one article (before its headline is known), as printed in one place or rejoined. */
export interface Draft {
  units: Unit[];
  headline: Headline | null;
  /** Where the headline came from. */
  side: 'before' | 'after' | null;
  /** The headline lines taken. */
  headLines?: HeadLine[];
  /** Its first paragraph continues a sentence printed elsewhere. */
  fragment: boolean;
  /** A headline group stands right before it in the file. */
  afterGroup: boolean;
}

/** A run of headline lines and credits, a run of body units, or a non-article block. */
export type Item = { type: 'hg'; lines: HeadLine[] } | { type: 'body'; units: Unit[] } | { type: 'other'; unit: Unit };

/** Groups units into headline groups, bodies and other blocks. */
export function toItems(units: Unit[]): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const last = items[items.length - 1];
    if (u.kind === 'other') {
      items.push({ type: 'other', unit: u });
      continue;
    }
    if (u.kind === 'head' || (u.kind === 'credit' && (units[i - 1]?.kind === 'head' || units[i + 1]?.kind === 'head' || !last || last.type !== 'body'))) {
      // A credit next to headline lines belongs to the headline group; one after a body closes or sits in that body.
      const line: HeadLine = { kind: u.kind === 'credit' ? 'credit' : 'head', text: u.text, glued: u.lines[0].glued, no: u.lines[0].no, unit: u, ...(u.lines[0].look ? { look: u.lines[0].look } : {}) };
      if (last && last.type === 'hg') last.lines.push(line);
      else items.push({ type: 'hg', lines: [line] });
      continue;
    }
    if (last && last.type === 'body') last.units.push(u);
    else items.push({ type: 'body', units: [u] });
  }
  return items;
}

/** Splits body runs into drafts where an article opens, keeping headline groups between them. */
export function toDrafts(items: Item[], other: OtherBlock[], otherUnits: Unit[]): { drafts: Draft[]; groups: (HeadLine[] | null)[] } {
  const drafts: Draft[] = [];
  // groups[i] sits before drafts[i]; groups[drafts.length] after the last.
  const groups: (HeadLine[] | null)[] = [null];
  let afterGroup = false;
  for (const it of items) {
    if (it.type === 'other') {
      other.push({ type: 'text', text: it.unit.text });
      otherUnits.push(it.unit);
      continue;
    }
    if (it.type === 'hg') {
      const cur = groups[drafts.length];
      groups[drafts.length] = cur ? [...cur, ...it.lines] : it.lines;
      afterGroup = true;
      continue;
    }
    let cur: Draft | null = null;
    for (const u of it.units) {
      // A new draft where an article opens, or where a piece continuing text printed elsewhere begins.
      const startsNew = !cur || (u.kind === 'para' && (u.opens || u.continues) && cur.units.some((x) => x.kind === 'para'));
      if (startsNew) {
        cur = { units: [u], headline: null, side: null, fragment: u.kind === 'para' && u.continues, afterGroup };
        drafts.push(cur);
        groups.push(null);
        afterGroup = false;
      } else cur!.units.push(u);
    }
  }
  return { drafts, groups };
}
