/**
 * @fileoverview Stage 6 — confidence (issue #10): how sure the parse is of each article's
 * boundaries and headline, as a calibrated chance of being right (model/chain.ts), and the doubts
 * an archivist should review: the article, its lines, and what else the line could have been.
 */
import type { Article, Doubt } from './assemble.ts';
import type { Draft } from './assemble/items.ts';
import type { ChainModel } from './model/chain.ts';
import type { Tag, TaggedLine } from './tagger.ts';
import { TUNING } from './tuning.ts';

/** How sure the parse is of one article. */
export interface ArticleConfidence {
  /** Its start and end: the lines that opened it, and any line inside it that could have opened another. */
  boundary: number;
  /** Its headline parts (null when it has none on the page). */
  headline: number | null;
}

/** What each tag means, for doubt messages. */
const READ_AS: Record<Tag, string> = {
  A: '一篇文章的开头',
  P: '一个段落的开头',
  p: '段落的接续',
  q: '接续别处文字的段落',
  H: '标题行',
  B: '署名',
  X: '小标题',
  C: '图片说明',
  c: '图片说明的接续',
  O: '版面上不属于文章的内容',
  o: '不属于文章的内容的接续',
};

/** Tags whose choice would start or end an article. */
const BOUNDARY_TAGS = new Set<Tag>(['A', 'H', 'q']);

function quote(t: string): string {
  const s = t.trim();
  return [...s].length > 16 ? `${[...s].slice(0, 16).join('')}…` : s;
}

/** Per-article confidence and the doubts below the threshold of tuning.ts. */
export function confidence(articles: Article[], drafts: Draft[], tagged: TaggedLine[], tagger: ChainModel, headline: ChainModel): { articles: ArticleConfidence[]; doubts: Doubt[] } {
  const doubts: Doubt[] = [];
  const out = drafts.map((d, i) => {
    const a = articles[i];
    const name = `第${i + 1}篇「${quote(a.title ?? a.body[0]?.text ?? '')}」`;
    const lines = d.units.flatMap((u) => u.lines);
    let boundary = 1;
    let weakest: TaggedLine | null = null;
    lines.forEach((l, k) => {
      // The article's first line, and lines inside it whose second choice would have cut it.
      if (k === 0 || BOUNDARY_TAGS.has(l.runnerUp) || BOUNDARY_TAGS.has(l.tag)) {
        const c = tagger.confidence(l.margin);
        if (c < boundary) {
          boundary = c;
          weakest = l;
        }
      }
    });
    const h = d.headline ? headline.confidence(d.headline.margin) : null;
    const first = Math.min(...lines.map((l) => l.no), ...(d.headLines ?? []).map((l) => l.no));
    const last = Math.max(...lines.map((l) => l.no));
    const pct = (c: number): string => `${Math.round(c * 100)}%`;
    if (weakest && boundary < TUNING.confidence.doubtBelow) {
      const w = weakest as TaggedLine;
      doubts.push({ line: w.no, article: i, kind: 'boundary', confidence: round(boundary), message: `${name}（第${first}–${last}行）的起止没有把握（${pct(boundary)}）：第${w.no}行“${quote(w.text)}”读作${READ_AS[w.tag]}，也可能是${READ_AS[w.runnerUp]}` });
    }
    if (h !== null && h < TUNING.confidence.doubtBelow) {
      const no = d.headLines?.[0]?.no ?? first;
      doubts.push({ line: no, article: i, kind: 'headline', confidence: round(h), message: `${name}的标题各部分没有把握（${pct(h)}）：引题“${a.kicker ?? '无'}”，主题“${a.title ?? '无'}”，副题“${a.subtitle ?? '无'}”` });
    }
    return { boundary: round(boundary), headline: h === null ? null : round(h) };
  });
  void tagged;
  return { articles: out, doubts };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
