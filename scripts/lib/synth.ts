/**
 * @fileoverview Synthetic archives for benchmarks (never shipped content): pages in the seeds'
 * styles — paragraph-per-line and column-per-line layouts, headlines before or after their
 * article, dispatch leads, section headings — built from the paragraphs of real pages,
 * reshuffled by a seeded generator so the same arguments give the same archive.
 */
import { parsePageText } from './pipeline.ts';

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Material taken from real pages: paragraphs, headlines and section headings. */
export interface Material {
  paragraphs: string[];
  titles: string[];
  kickers: string[];
  headings: string[];
}

/** Collects material from page texts (parsed with the real pipeline). */
export function collectMaterial(pages: { name: string; text: string }[]): Material {
  const m: Material = { paragraphs: [], titles: [], kickers: [], headings: [] };
  for (const p of pages) {
    const r = parsePageText(p.text, p.name);
    for (const a of r.articles) {
      if (a.title) m.titles.push(a.title);
      if (a.kicker) m.kickers.push(a.kicker);
      for (const b of a.body) {
        if (b.type === 'h') m.headings.push(b.text);
        else if (b.type === 'p' && b.text.length > 30 && /。$/.test(b.text) && !/^[（(]|本报讯/.test(b.text)) m.paragraphs.push(b.text);
      }
    }
  }
  return m;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = '明华丽强军平芳敏静磊洋艳勇杰娟涛超秀霞刚浩宇晨婷欣怡';

function pick<T>(r: () => number, xs: T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function name(r: () => number): string {
  return pick(r, [...SURNAMES]) + pick(r, [...GIVEN]) + (r() < 0.6 ? pick(r, [...GIVEN]) : '');
}

/**
 * Breaks a paragraph into column lines as a typesetter fills them (CJK punctuation and ASCII take
 * half a cell); the first line is indented by two cells.
 */
function columnLines(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  let w = 0;
  let room = width - 2;
  for (const ch of text.replace(/\s+/g, '')) {
    const cw = ch.charCodeAt(0) < 0x2000 || /\p{P}/u.test(ch) ? 0.5 : 1;
    if (w + cw > room) {
      out.push(line);
      line = '';
      w = 0;
      room = width;
    }
    line += ch;
    w += cw;
  }
  if (line) out.push(line);
  return out;
}

/** A synthetic page and the headlines it was built with, in reading order. */
export interface SynthPage {
  text: string;
  truth: { kicker: string | null; title: string }[];
}

/** One synthetic page's text. */
export function synthPage(m: Material, seed: number): string {
  return synthPageWithTruth(m, seed).text;
}

/** One synthetic page, with the truth to score a parser against. */
export function synthPageWithTruth(m: Material, seed: number): SynthPage {
  const truth: SynthPage['truth'] = [];
  const r = rng(seed);
  const column = r() < 0.3;
  const width = 13 + Math.floor(r() * 3);
  const nArticles = 2 + Math.floor(r() * 5);
  // Column extractions put headlines after their articles page-wide, not article by article.
  const headsAfter = column && r() < 0.4;
  const blocks: string[] = [];
  const para = (t: string): void => {
    if (column) for (const l of columnLines(t, width)) blocks.push(l);
    else blocks.push(t);
  };
  for (let a = 0; a < nArticles; a++) {
    const head: string[] = [];
    const kicker = r() < 0.5 && m.kickers.length ? pick(r, m.kickers) : null;
    if (kicker) head.push(kicker);
    const title = pick(r, m.titles);
    head.push(title);
    truth.push({ kicker, title });
    const body: string[] = [];
    const nParas = 2 + Math.floor(r() * 8);
    for (let p = 0; p < nParas; p++) {
      let t = pick(r, m.paragraphs);
      if (p === 0) t = `本报讯（记者 ${name(r)}）${t}`;
      body.push(t);
      if (p > 1 && p < nParas - 1 && r() < 0.15 && m.headings.length) body.push(`\u0000h${pick(r, m.headings)}`);
    }
    const after = headsAfter;
    if (!after) blocks.push(...head);
    for (const b of body) {
      if (b.startsWith('\u0000h')) blocks.push(b.slice(2));
      else para(b);
    }
    if (after) blocks.push(...head);
  }
  return { text: `${blocks.join('\n\n')}\n`, truth };
}

/** A dated catalog entry for page `i` of a synthetic archive of `papers` papers × days × `pagesPerIssue`. */
export function synthMeta(i: number, papers: number, pagesPerIssue: number): { paper: string; date: string; pageNumber: number } {
  const paper = i % papers;
  const issue = Math.floor(i / papers / pagesPerIssue);
  const d = new Date(Date.UTC(2020, 0, 1 + issue));
  return { paper: `示例日报${paper + 1}`, date: d.toISOString().slice(0, 10), pageNumber: (Math.floor(i / papers) % pagesPerIssue) + 1 };
}
