/**
 * @fileoverview Which pages the files of `seeds/` make (issue #16). A page is a `<page>.txt`, a
 * `<page>.pdf`, or both side by side (the PDF gives the printed page, the `.txt` the text where
 * the PDF's text layer cannot be trusted). A PDF of several pages — an issue's PDF — makes one page
 * per PDF page: page n of `<stem>.pdf` is the page `<stem>-<nn>` (n zero-padded to two digits, or
 * as many as the page count needs), or the name the mapping file `<stem>.pages.json` beside it
 * gives it:
 *
 *     { "pages": ["01-要闻", "02-城事", null, "04-体育"] }
 *
 * one entry per PDF page, in order: the name of the page it is (as if it were `<name>.pdf` in the
 * same folder, so a `<name>.txt` and `<name>.fix.yaml` there belong to it), or null to leave that
 * PDF page out (an advertisement, say). Pure: names in, pages and problems out.
 */
import { z } from 'astro/zod';

/** One page the seeds make. */
export interface SeedPage {
  /** The page's name, relative to seeds/, as the rest of the ingest knows it (`2031/front.pdf`, `a.txt`): its id is made from it. */
  name: string;
  /** The `.txt` holding its text, if any. */
  txt?: string;
  /** The PDF holding it, if any: the file, the page's number in it and its page count. */
  pdf?: { file: string; page: number; pages: number };
}

/** The mapping file of an issue's PDF. */
export const PageMapSchema = z.strictObject({
  pages: z.array(z.string().trim().min(1).regex(/^[^\\/]+$/, { error: 'must be a file name without folders' }).nullable()),
});

/** The mapping file beside `<stem>.pdf`. */
export const pageMapName = (pdf: string): string => pdf.replace(/\.pdf$/iu, '.pages.json');

const stem = (f: string): string => f.replace(/\.(txt|pdf)$/iu, '');
const folder = (f: string): string => (f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '');

/** The default name of page `n` of a PDF of `pages` pages named `<stem>.pdf`. */
export function issuePageName(pdf: string, n: number, pages: number): string {
  return `${stem(pdf)}-${String(n).padStart(Math.max(2, String(pages).length), '0')}`;
}

/**
 * The pages of the seeds. `txts` and `pdfs` are file names relative to seeds/ (`/`-separated);
 * `pageCounts` gives each PDF's page count; `maps` the text of each mapping file that exists.
 * Problems name the file: a bad mapping file (its PDF is left out), two PDFs giving one page.
 */
export function planSeeds(txts: string[], pdfs: string[], pageCounts: Map<string, number>, maps: Map<string, string>): { pages: SeedPage[]; problems: string[] } {
  const problems: string[] = [];
  const byStem = new Map<string, SeedPage>();
  for (const t of txts) byStem.set(stem(t), { name: t, txt: t });
  const fromPdf = new Map<string, string>();
  for (const pdf of [...pdfs].sort()) {
    const pages = pageCounts.get(pdf);
    if (!pages) continue;
    let names: (string | null)[] = Array.from({ length: pages }, (_, i) => (pages === 1 ? stem(pdf) : issuePageName(pdf, i + 1, pages)));
    const mapFile = pageMapName(pdf);
    const text = maps.get(mapFile);
    if (text !== undefined) {
      let parsed: z.infer<typeof PageMapSchema> | null = null;
      try {
        const r = PageMapSchema.safeParse(JSON.parse(text));
        if (r.success) parsed = r.data;
        else problems.push(`${mapFile}: ${r.error.issues.map((i) => `${i.path.join('.') || 'the file'} ${i.message}`).join('; ')} (expected {"pages": ["01-要闻", …]}, one name or null per page): ${pdf} is left out`);
      } catch (e) {
        problems.push(`${mapFile}: not valid JSON (${(e as Error).message}): ${pdf} is left out`);
      }
      if (!parsed) continue;
      if (parsed.pages.length !== pages) {
        problems.push(`${mapFile}: lists ${parsed.pages.length} page(s), but ${pdf} has ${pages}: ${pdf} is left out`);
        continue;
      }
      names = parsed.pages.map((n) => (n === null ? null : folder(pdf) + n.replace(/\.(txt|pdf)$/iu, '')));
    }
    names.forEach((n, i) => {
      if (n === null) return;
      const other = fromPdf.get(n);
      if (other) {
        problems.push(`${other} and ${pdf} (page ${i + 1}) both give the page "${n}": rename one or map it elsewhere (${mapFile})`);
        return;
      }
      fromPdf.set(n, `${pdf}${pages > 1 ? ` (page ${i + 1})` : ''}`);
      const paired = byStem.get(n);
      byStem.set(n, { name: `${n}.pdf`, ...(paired?.txt ? { txt: paired.txt } : {}), pdf: { file: pdf, page: i + 1, pages } });
    });
  }
  return { pages: [...byStem.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), problems };
}
