/**
 * @fileoverview Stage 4 — reflow: tagged lines become units — whole paragraphs with their layout
 * line breaks removed (rejoined across column and photo breaks; captions met inside a paragraph
 * wait until it ends), and headline lines, credits, section headings, captions and other blocks as
 * they stand. A paragraph that continues text printed elsewhere (after a headline, another article
 * or a sidebar came between) is marked, for the rejoining stage to put back.
 */
import type { Tag, TaggedLine } from './tagger.ts';

/** What a unit is. */
export type UnitKind = 'para' | 'head' | 'credit' | 'section' | 'caption' | 'other';

/** A paragraph, or one block of another kind, with the source lines it was made from. */
export interface Unit {
  kind: UnitKind;
  /** The unit's text: its lines joined without the layout breaks. */
  text: string;
  lines: TaggedLine[];
  /** A paragraph whose first line opens an article (tag `A`). */
  opens: boolean;
  /** A paragraph that continues a sentence printed elsewhere (its first line is a continuation, tag `p`). */
  continues: boolean;
}

/** Joins a block's lines: layout breaks removed, spaces inside lines kept. */
export function joinLines(lines: { text: string }[]): string {
  return lines.map((l, i) => (i === 0 ? l.text.trim() : l.text.trimEnd())).join('');
}

/** Two paragraphs that are one (a break the layout made): the first's text and lines, then the second's. */
export function mergeParagraphs(a: Unit, b: Unit): Unit {
  return { ...a, text: a.text + b.text, lines: [...a.lines, ...b.lines] };
}

function unit(kind: UnitKind, first: TaggedLine, opens = false, continues = false): Unit {
  return { kind, text: '', lines: [first], opens, continues };
}

const KIND: Record<Tag, UnitKind> = { A: 'para', P: 'para', p: 'para', q: 'para', H: 'head', B: 'credit', X: 'section', C: 'caption', c: 'caption', O: 'other', o: 'other' };

/** Builds units from tagged lines, in file order. */
export function reflow(lines: TaggedLine[]): Unit[] {
  const units: Unit[] = [];
  let para: Unit | null = null;
  // Captions (and their continuation lines) met inside an unfinished paragraph.
  let held: Unit[] = [];
  const flush = (): void => {
    if (para) units.push(para);
    para = null;
    units.push(...held);
    held = [];
  };
  const last = (): Unit | undefined => held[held.length - 1] ?? (para ? undefined : units[units.length - 1]);
  for (const l of lines) {
    switch (l.tag) {
      case 'A':
      case 'P':
        flush();
        para = unit('para', l, l.tag === 'A');
        break;
      case 'p':
        if (para) para.lines.push(l);
        else {
          flush();
          para = unit('para', l, false, true);
        }
        break;
      case 'q':
        flush();
        para = unit('para', l, false, true);
        break;
      case 'C':
        if (para) held.push(unit('caption', l));
        else units.push(unit('caption', l));
        break;
      case 'c':
      case 'o': {
        const prev = last();
        if (prev && prev.kind === KIND[l.tag]) prev.lines.push(l);
        else if (para && l.tag === 'c') held.push(unit('caption', l));
        else {
          flush();
          units.push(unit(KIND[l.tag], l));
        }
        break;
      }
      default:
        flush();
        units.push(unit(KIND[l.tag], l));
    }
  }
  flush();
  for (const u of units) u.text = u.kind === 'other' && u.lines.length > 1 && !runningText(u) ? u.lines.map((x) => x.text.trim()).join(' ') : joinLines(u.lines);
  return units;
}

/**
 * Whether an other block's lines run on as one text (a notice set in a column) rather than stand
 * as separate items (a teaser box, a list of notices): most of its lines stop mid-sentence.
 */
function runningText(u: Unit): boolean {
  const runOn = u.lines.slice(0, -1).filter((l) => !l.info.endsSentence).length;
  return runOn >= (u.lines.length - 1) / 2;
}
