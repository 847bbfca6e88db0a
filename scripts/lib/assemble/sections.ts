/**
 * @fileoverview Assembly, step 2b — section headings (issue #10): a single headline-like line
 * between two bodies is either the next article's title or a section heading (小标题) of the article
 * it sits in. The line tagger sees only the lines around it; here the whole bodies are compared:
 * text after the line that opens no report, continues an article that had its headline before it
 * and shares its wording (names, places, subjects) is a section of that article.
 */
import type { Doubt } from '../assemble.ts';
import { opensReport } from '../conventions.ts';
import { closingCredit, leadCredit } from '../credit.ts';
import type { HeadLine } from '../headline.ts';
import type { Unit } from '../reflow.ts';
import { charPairs, endsSentence } from '../text.ts';
import { TUNING } from '../tuning.ts';
import type { Draft } from './items.ts';


const text = (d: Draft): string => d.units.map((u) => u.text).join('');

/** Share of the smaller set's pairs that both hold, counting only pairs `rare` keeps. */
function similarity(a: Set<number>, b: Set<number>, rare: (p: number) => boolean): number {
  let shared = 0;
  let na = 0;
  let nb = 0;
  for (const p of a) if (rare(p)) na++;
  for (const p of b) {
    if (!rare(p)) continue;
    nb++;
    if (a.has(p)) shared++;
  }
  return shared / Math.max(1, Math.min(na, nb));
}

/** Merges drafts that are sections of the draft before them; the line between becomes a section heading. */
export function mergeSections(drafts: Draft[], groups: (HeadLine[] | null)[], doubts: Doubt[]): { drafts: Draft[]; groups: (HeadLine[] | null)[] } {
  if (drafts.length < 2 || !groups.some((g) => g?.length === 1)) return { drafts, groups };
  const t = TUNING.sections;
  const sets = drafts.map((d) => charPairs(text(d)));
  const counts = new Map<number, number>();
  for (const s of sets) for (const p of s) counts.set(p, (counts.get(p) ?? 0) + 1);
  // A pair in most bodies of the page says nothing about which belong together.
  const common = Math.max(2, Math.ceil(drafts.length / 2));
  const rare = (p: number): boolean => (counts.get(p) ?? 0) < common;
  const out: Draft[] = [drafts[0]];
  const gs: (HeadLine[] | null)[] = [groups[0]];
  let outSet = sets[0];
  for (let k = 1; k < drafts.length; k++) {
    const d = drafts[k];
    const g = groups[k];
    const prev = out[out.length - 1];
    const first = d.units.find((u) => u.kind === 'para');
    const last = [...prev.units].reverse().find((u) => u.kind === 'para');
    const candidate =
      g?.length === 1 &&
      g[0].kind === 'head' &&
      !!first &&
      !opensReport(first.text) &&
      !first.continues &&
      !!last &&
      endsSentence(last.text) &&
      (gs[gs.length - 1]?.length ?? 0) > 0;
    if (candidate) {
      const own = similarity(outSet, sets[k], rare);
      const others = Math.max(0, ...drafts.map((_, j) => (j === k || j === k - 1 ? 0 : similarity(sets[j], sets[k], rare))));
      // The article before already has section headings: one more is likelier than a new article.
      const sectioned = prev.units.some((u) => u.kind === 'section');
      const credited = d.units.some((u) => u.kind === 'credit') || d.units.some((u) => u.kind === 'para' && (leadCredit(u.text) !== null || closingCredit(u.text) !== null));
      const sure = g[0].unit?.lines.every((l) => l.margin >= t.sureMargin) ?? false;
      if (!credited && !sure && (sectioned || (own >= t.minSimilarity && own >= others * t.overOthers))) {
        const heading: Unit = { kind: 'section', text: g[0].text, lines: g[0].unit?.lines ?? [], opens: false, continues: false };
        prev.units = [...prev.units, heading, ...d.units];
        for (const p of sets[k]) outSet.add(p);
        doubts.push({ line: g[0].no, kind: 'boundary', message: `第${g[0].no}行“${g[0].text.slice(0, 16)}”读作上一篇文章的小标题（其后文字与上文用语相近，没有新的电头）` });
        continue;
      }
    }
    out.push(d);
    gs.push(g);
    outSet = new Set(sets[k]);
  }
  gs.push(groups[drafts.length]);
  return { drafts: out, groups: gs };
}
