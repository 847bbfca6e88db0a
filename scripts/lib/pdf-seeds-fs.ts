/**
 * @fileoverview The PDFs of `seeds/` as the ingest reads them (issue #16): each PDF opened once to
 * count its pages, the seeds planned into pages (seed-files.ts), the layouts of the pages that
 * need converting extracted, and after conversion the facsimile files — the page images, rendered
 * into the render cache keyed by the PDF's hash (pdf/render-fs.ts), and the PDF itself — listed as
 * files of the ingest output. Node-only: the file system and pdf.js.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PageRecord } from '../../core/schema.ts';
import type { PageInput, PdfInput } from './convert.ts';
import { FACSIMILE_WIDTHS } from './facsimile.ts';
import { readPageFile } from './files-fs.ts';
import { MAX_PDF_BYTES } from './limits.ts';
import { layoutPage } from './pdf/layout.ts';
import { openPdf, readPageContent } from './pdf/read-fs.ts';
import { renderPages } from './pdf/render-fs.ts';
import { pageMapName, planSeeds } from './seed-files.ts';

/** A PDF of the seeds, read. */
export interface SeedPdf {
  bytes: Uint8Array;
  sha256: string;
  pages: number;
}

/** Reads a PDF's bytes and counts its pages; a file pdf.js cannot open gives the reason. */
export async function readSeedPdf(path: string): Promise<SeedPdf | { skipped: string }> {
  const read = readPageFile(path, MAX_PDF_BYTES);
  if ('skipped' in read) return read;
  if (read.bytes.subarray(0, 1024).indexOf('%PDF-') < 0) return { skipped: 'not a PDF (no %PDF- header): skipped' };
  try {
    const doc = await openPdf(read.bytes);
    const pages = doc.numPages;
    await doc.loadingTask.destroy();
    return { bytes: read.bytes, sha256: createHash('sha256').update(read.bytes).digest('hex'), pages };
  } catch (e) {
    return { skipped: `cannot be read as a PDF (${(e as Error).message}): skipped` };
  }
}

/** What the seeds hold: page inputs (PDF pages without their layouts yet), the PDFs read, and files skipped with the reason. */
export interface SeedInputs {
  inputs: PageInput[];
  pdfs: Map<string, SeedPdf>;
  unreadable: { name: string; reason: string }[];
  /** Bad mapping files, two PDFs giving one page: the pages concerned are left out, the rest builds. */
  problems: string[];
}

/**
 * The pages of the seeds folder: `.txt` files, `.pdf` files (each page of an issue's PDF a page of
 * its own, named as seed-files.ts says), or both. `files` are the folder's files relative to it;
 * `extra` adds to each input (its corrections file, say).
 */
export async function readSeeds(seeds: string, files: string[], readText: (path: string) => { bytes: Uint8Array } | { skipped: string }, extra: (name: string, path: string) => Partial<PageInput>): Promise<SeedInputs> {
  const txts = files.filter((f) => /\.txt$/u.test(f));
  const pdfFiles = files.filter((f) => /\.pdf$/iu.test(f));
  const unreadable: { name: string; reason: string }[] = [];
  const pdfs = new Map<string, SeedPdf>();
  for (const f of pdfFiles) {
    const r = await readSeedPdf(join(seeds, f));
    if ('skipped' in r) unreadable.push({ name: f, reason: r.skipped });
    else pdfs.set(f, r);
  }
  const maps = new Map<string, string>();
  for (const f of pdfs.keys()) {
    const m = pageMapName(f);
    if (existsSync(join(seeds, m))) maps.set(m, readFileSync(join(seeds, m), 'utf8'));
  }
  const plan = planSeeds(txts, [...pdfs.keys()], new Map([...pdfs].map(([f, p]) => [f, p.pages])), maps);
  const inputs: PageInput[] = [];
  for (const page of plan.pages) {
    let bytes: Uint8Array = new Uint8Array();
    if (page.txt) {
      const read = readText(join(seeds, page.txt));
      if ('skipped' in read) {
        unreadable.push({ name: page.txt, reason: read.skipped });
        if (!page.pdf) continue;
        // The PDF still makes the page; its text layer decides whether it can be read without the .txt.
        page.txt = undefined;
      } else bytes = read.bytes;
    }
    const pdf: PdfInput | undefined = page.pdf && { ...page.pdf, sha256: pdfs.get(page.pdf.file)!.sha256, size: pdfs.get(page.pdf.file)!.bytes.length, txt: page.txt !== undefined };
    inputs.push({ name: page.name, bytes, ...(pdf ? { pdf } : {}), ...extra(page.name, join(seeds, page.name)) });
  }
  return { inputs, pdfs, unreadable, problems: plan.problems };
}

/** Extracts the layouts of the PDF pages `need` says are to be converted, each PDF opened once. */
export async function attachLayouts(inputs: PageInput[], pdfs: Map<string, SeedPdf>, need: (p: PageInput) => boolean): Promise<void> {
  const byFile = new Map<string, PageInput[]>();
  for (const p of inputs) if (p.pdf && !p.pdf.layout && need(p)) byFile.set(p.pdf.file, [...(byFile.get(p.pdf.file) ?? []), p]);
  for (const [file, pages] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const doc = await openPdf(pdfs.get(file)!.bytes);
    try {
      for (const p of pages) p.pdf!.layout = layoutPage(await readPageContent(doc, p.pdf!.page));
    } finally {
      await doc.loadingTask.destroy();
    }
  }
}

/** A file of the ingest output that is a copy of another file (hard-linked where the file system allows). */
export interface FileCopy {
  copyOf: string;
}

/**
 * The facsimile files of the converted pages (their records' `facsimile`): each page's images,
 * rendered into `cacheDir` unless there already, and each PDF once, kept beside its renders.
 * Returns output path → the cached file holding it.
 */
export async function facsimileFiles(records: PageRecord[], pdfs: Map<string, { bytes: Uint8Array }>, pdfOf: (record: PageRecord) => string, cacheDir: string, onRender?: (file: string, page: number, cached: boolean) => void): Promise<Map<string, FileCopy>> {
  const out = new Map<string, FileCopy>();
  const byFile = new Map<string, PageRecord[]>();
  for (const r of records) if (r.facsimile) byFile.set(pdfOf(r), [...(byFile.get(pdfOf(r)) ?? []), r]);
  for (const [file, recs] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const { bytes } = pdfs.get(file)!;
    const pages = [...new Set(recs.map((r) => r.facsimile!.pdf.page))].sort((a, b) => a - b);
    const widths = [...new Set(recs.flatMap((r) => r.facsimile!.images.map((i) => i.width)))];
    const renders = await renderPages(bytes, pages, { widths: widths.length ? widths : [...FACSIMILE_WIDTHS], cacheDir });
    const sha = recs[0].facsimile!.pdf.sha256;
    const original = join(cacheDir, sha, 'original.pdf');
    if (!existsSync(original)) {
      mkdirSync(dirname(original), { recursive: true });
      const tmp = `${original}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, original);
    }
    for (const r of recs) {
      const f = r.facsimile!;
      const render = renders.find((x) => x.page === f.pdf.page)!;
      onRender?.(file, f.pdf.page, render.cached);
      out.set(f.pdf.file, { copyOf: original });
      for (const img of f.images) {
        const made = render.images.find((i) => i.width === img.width);
        if (!made || made.height !== img.height) throw new Error(`${file} page ${f.pdf.page}: the render at ${img.width} px is ${made ? `${made.width}×${made.height}` : 'missing'}, not ${img.width}×${img.height}`);
        out.set(img.file, { copyOf: made.path });
      }
    }
  }
  return out;
}
