/**
 * @fileoverview Stage 4 — reflow: labelled lines become units — whole paragraphs with their
 * layout line breaks removed (rejoined across column and photo breaks), and headline lines,
 * credits, captions, markers and teaser boxes as they stand.
 */
import { columnStarts, labelColumn, labelWide, opensArticle, type LabeledLine } from './label.ts';
import type { Layout, Line } from './lines.ts';
import { DISPATCH, MARKER_GLOBAL, displayWidth, endsQuestionOrExclamation, endsSentence, setWidth } from './text.ts';

/** What a unit is; `para` is a paragraph, the others keep their line kinds. */
export type UnitKind = 'para' | 'head' | 'credit' | 'caption' | 'marker' | 'teaser';

/** A paragraph, or one line of another kind, with the source lines it was made from. */
export interface Unit {
  kind: UnitKind;
  /** The unit's text: a paragraph's lines joined without the layout breaks. */
  text: string;
  lines: LabeledLine[];
  /** True when no blank line separates the unit's first line from the line before it. */
  glued: boolean;
}

/**
 * Sentence-opening connectives (此外， 同时， …). A paragraph cut off mid-sentence whose
 * continuation is lost is followed by a line that opens a sentence anew; these words show it.
 */
const OPENER = /^(此外|同时|另外|与此同时|然而|但是|因此|而且|其次|最后|首先|总之|近日|日前|目前|如今|据悉|据了解|另一方面|对此|为此|随后|此前|眼下)[，,]/u;

/** True when the next paragraph piece cannot continue the previous one. */
function cannotContinue(prev: string, next: string, layout: Layout): boolean {
  if (endsSentence(prev) || endsWithMarker(prev)) return true;
  // A dispatch line set alone (`新华社北京1月5日电`) runs on into its lead, credit and all.
  if (isDispatchOnly(prev)) return false;
  if (layout === 'paragraph' && /[：:—]$/u.test(prev.trim())) return true;
  return opensArticle(next) || OPENER.test(next.trim());
}

/** True when the text is only a dispatch opening, e.g. `新华社北京1月5日电` or `本报讯`. */
function isDispatchOnly(text: string): boolean {
  const m = DISPATCH.exec(text);
  return !!m && m[0].trim().length === text.trim().length;
}

/** True when text ends with a continuation marker such as （下转第3版）: the paragraph ends there. */
function endsWithMarker(text: string): boolean {
  const t = text.trimEnd();
  const m = [...t.matchAll(MARKER_GLOBAL)].pop();
  return !!m && m.index + m[0].length === t.length;
}

/** True when a caption unit so far is only its title line, waiting for the credit line. */
function startsCaption(u: Unit): boolean {
  return u.lines.length === 1 && u.lines[0].why.includes('first line of a two-line caption');
}

/** Joins the text of a paragraph's lines: layout breaks removed, spaces inside lines kept. */
function joinLines(lines: LabeledLine[]): string {
  return lines.map((l, i) => (i === 0 ? l.text.trim() : l.text.trimEnd())).join('');
}

/** Builds units from labelled lines; `breakBefore[i]` marks a prose line that starts a paragraph. */
function buildUnits(labeled: LabeledLine[], layout: Layout, breakBefore: boolean[]): Unit[] {
  const units: Unit[] = [];
  let para: LabeledLine[] | null = null;
  let paraGlued = false;
  // Captions met inside an unfinished paragraph wait until the paragraph ends.
  let held: Unit[] = [];
  const flush = (): void => {
    if (para) units.push({ kind: 'para', text: joinLines(para), lines: para, glued: paraGlued });
    para = null;
    units.push(...held);
    held = [];
  };
  for (let i = 0; i < labeled.length; i++) {
    const l = labeled[i];
    if (l.kind === 'prose') {
      if (para) {
        const prevText = joinLines(para);
        // Column pages: a paragraph ends at a sentence end followed by an indented (or otherwise new)
        // line; paragraph pages: at any line that cannot continue the sentence.
        const finished =
          layout === 'column'
            ? (breakBefore[i] && endsSentence(prevText)) || endsWithMarker(prevText) || (opensArticle(l.text) && !isDispatchOnly(prevText))
            : cannotContinue(prevText, l.text, layout);
        if (finished) flush();
      }
      if (!para) {
        para = [l];
        paraGlued = l.glued;
      } else para.push(l);
      continue;
    }
    if (l.kind === 'caption' && para) {
      const last = held[held.length - 1];
      if (last && last.kind === 'caption' && (l.glued || startsCaption(last))) {
        last.lines.push(l);
        last.text = joinLines(last.lines);
      } else held.push({ kind: 'caption', text: l.text.trim(), lines: [l], glued: l.glued });
      continue;
    }
    flush();
    const last = units[units.length - 1];
    const mergeable = l.kind === 'teaser' || l.kind === 'caption';
    if (last && mergeable && last.kind === l.kind && (l.kind === 'teaser' || l.glued || startsCaption(last))) {
      last.lines.push(l);
      last.text = l.kind === 'teaser' ? last.lines.map((x) => x.text.trim()).join(' ') : joinLines(last.lines);
      continue;
    }
    units.push({ kind: l.kind, text: l.text.trim(), lines: [l], glued: l.glued });
  }
  flush();
  return units;
}

/** Reflows a page's lines into units, given its layout style. */
export function reflow(lines: Line[], layout: Layout): Unit[] {
  if (layout === 'paragraph') {
    const labeled = labelWide(lines);
    return buildUnits(labeled, layout, labeled.map(() => true));
  }
  const widths = lines.map((l) => setWidth(l.text));
  const labeled = labelColumn(lines, widths);
  const starts = columnStarts(labeled, widths);
  return buildUnits(labeled, layout, starts).map(questionLineToHead);
}

/**
 * In a column page a one-line paragraph that asks or exclaims and holds no full stop
 * (`下一个千亿台阶，路在何方？`) is a section heading set on its own line.
 */
function questionLineToHead(u: Unit): Unit {
  if (u.kind !== 'para' || u.lines.length !== 1) return u;
  const t = u.text;
  const clauses = (t.match(/[，,、；;]/gu) ?? []).length;
  if (endsQuestionOrExclamation(t) && !/。/u.test(t) && clauses <= 1 && displayWidth(t) <= 18) {
    return { ...u, kind: 'head', lines: u.lines.map((l) => ({ ...l, kind: 'head', why: ['one-line question or exclamation'] })) };
  }
  return u;
}
