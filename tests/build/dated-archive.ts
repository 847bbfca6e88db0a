/**
 * A small dated archive for the journeys the seed pages cannot show (issue 12): the seeds print no
 * dates, and none may be invented for them, so this archive is made of generated pages
 * (scripts/lib/synth.ts) laid out by the folder convention, plus a CSV catalog row and a page with no
 * metadata at all. Built in a copy of the project (scripts/lib/project-copy-fs.ts) WITHOUT SITE_URL,
 * under BASE, into DATED_DIST — so it is also the default build that must hold no made-up host.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectCopy } from '../../scripts/lib/project-copy-fs.ts';
import { collectMaterial, synthPageWithTruth } from '../../scripts/lib/synth.ts';
import { buildArchiveIn } from './archive-steps.ts';
import { ARTIFACTS } from './site.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PROJECT = join(ROOT, '.cache', 'dated-project');
/** Base path of the dated archive. */
export const DATED_BASE = '/dated/';
/** Where it is built: the served root, with the site under DATED_BASE. */
export const DATED_ROOT = join(ARTIFACTS, 'dated-root');
export const DATED_DIST = join(DATED_ROOT, 'dated');

/** The issues: paper folder → date → page count (folder convention); 甲报 has a catalog slug, 乙报 none. */
export const DATED_ISSUES: Record<string, Record<string, number>> = {
  甲报: { '2023-01-23': 3, '2024-01-23': 2, '2024-03-05': 2 },
  乙报: { '2024-01-23': 2 },
};
/** 甲报's slug, from catalog.json. */
export const JIA_SLUG = 'jiabao';

/** Writes the archive's seeds into `dir`. */
export function writeDatedSeeds(dir: string): void {
  const seeds = join(ROOT, 'seeds');
  const material = collectMaterial(readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: readFileSync(join(seeds, f), 'utf8') })));
  rmSync(dir, { recursive: true, force: true });
  let n = 0;
  for (const [paper, issues] of Object.entries(DATED_ISSUES)) {
    for (const [date, pages] of Object.entries(issues)) {
      mkdirSync(join(dir, paper, date), { recursive: true });
      for (let p = 1; p <= pages; p++) writeFileSync(join(dir, paper, date, `${String(p).padStart(2, '0')}-${p === 1 ? '要闻' : '综合'}.txt`), synthPageWithTruth(material, ++n).text);
    }
  }
  writeFileSync(join(dir, 'jia-undated.txt'), synthPageWithTruth(material, ++n).text);
  writeFileSync(join(dir, 'nameless.txt'), synthPageWithTruth(material, ++n).text);
  writeFileSync(join(dir, 'catalog.json'), `${JSON.stringify({ papers: { 甲报: { slug: JIA_SLUG } } }, null, 2)}\n`);
  writeFileSync(join(dir, 'catalog.csv'), 'page,paper,date,pageNumber,pageName,note\njia-undated,甲报,,,,date not printed\n');
}

/** Builds the dated archive in a copy of the project (seconds). */
export function buildDatedArchive(): void {
  projectCopy(ROOT, PROJECT);
  const seeds = join(PROJECT, 'seeds');
  writeDatedSeeds(seeds);
  buildArchiveIn({ label: 'dated archive', project: PROJECT, root: DATED_ROOT, dist: DATED_DIST, base: DATED_BASE, ingestArgs: ['--quiet'] });
}

/** The generated page records of the dated archive (after buildDatedArchive). */
export function datedPages(): { id: string; paper: string | null; date: string | null; pageNumber: number | null; articles: string[] }[] {
  const dir = join(PROJECT, 'src', 'content', 'generated', 'pages');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}
