/**
 * The module boundaries of issue 14, read from the import statements of every source file:
 * src/ (the site) and scripts/ (the Node tools) never import each other and share only core/;
 * core/ imports neither; the browser's search code reaches no Node module and no zod; only
 * `*-fs.ts` modules and command-line entry points touch the file system.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|astro|mjs)$/.test(e.name) && !e.parentPath.includes('src/content/generated'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Import specifiers of a file (static, dynamic and re-exports); type-only imports are marked. */
function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    out.push({ spec: m[3] ?? m[4] ?? m[5], typeOnly: Boolean(m[2]) });
  }
  return out;
}

/** Repo-relative target of a relative specifier, else the bare specifier. */
const target = (file: string, spec: string) => (spec.startsWith('.') ? relative(ROOT, join(ROOT, dirname(file), spec)) : spec);

const all = [...sources('core'), ...sources('src'), ...sources('scripts')];
const edges = all.flatMap((file) => imports(file).map(({ spec, typeOnly }) => ({ file, to: target(file, spec), typeOnly })));
const top = (p: string) => p.split('/')[0];

describe('module boundaries', () => {
  it('reads the imports of every module', () => {
    expect(all.length).toBeGreaterThan(60);
    expect(edges.some((e) => e.file === 'src/content.config.ts' && e.to === 'core/schema.ts')).toBe(true);
  });

  it('src/ and scripts/ never import each other; core/ imports neither', () => {
    const crossing = edges.filter((e) => (top(e.file) === 'src' && top(e.to) === 'scripts') || (top(e.file) === 'scripts' && top(e.to) === 'src') || (top(e.file) === 'core' && ['src', 'scripts'].includes(top(e.to))));
    expect(crossing.map((e) => `${e.file} → ${e.to}`)).toEqual([]);
  });

  it('the browser search code reaches no Node module and no zod, however indirectly', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    const visit = (file: string, via: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const e of edges.filter((x) => x.file === file && !x.typeOnly)) {
        if (e.to.startsWith('node:') || /^(astro\/zod|zod)/.test(e.to) || e.to.startsWith('astro:')) bad.push(`${via} → ${file} → ${e.to}`);
        else if (!e.to.startsWith('.') && all.includes(e.to)) visit(e.to, `${via} → ${file}`);
      }
    };
    for (const f of all.filter((f) => f.startsWith('src/lib/search/'))) visit(f, f);
    expect(seen.size).toBeGreaterThan(8);
    expect(bad).toEqual([]);
  });

  it('only *-fs.ts modules and command-line entry points use the file system', () => {
    const fsUsers = new Set(edges.filter((e) => /^node:(fs|fs\/promises)$/.test(e.to)).map((e) => e.file));
    const entryPoint = (f: string) => /^scripts\/[^/]+\.ts$/.test(f);
    expect([...fsUsers].filter((f) => !f.endsWith('-fs.ts') && !entryPoint(f))).toEqual([]);
  });
});
