/**
 * Reports what a built folder costs a static host or CDN and checks it against the host's limits
 * (issue #6): total files and bytes, the largest files, files per top-level folder, and the search
 * files (pagefind/ and search-docs/) as one figure.
 *
 *   npm run check:dist
 *   npm run check:dist -- --dir dist --max-files 20000 --max-file-size 25MiB [--max-search-files N] [--top 10] [--json]
 *
 * Exit code 0: within every limit given; 1: a limit is exceeded (each named on stderr with the
 * figure or files over it); 2: bad arguments or no such folder.
 */
import { relative, resolve } from 'node:path';
import { parseCli } from './lib/cli-fs.ts';
import { checkLimits, formatBytes, parseSize, SEARCH_DIRS, summarizeDist, type DistFile, type DistLimits } from './lib/dist-stats.ts';
import { listDist } from './lib/dist-stats-fs.ts';

const USAGE = 'usage: check-dist [--dir DIR] [--top N] [--max-files N] [--max-file-size SIZE] [--max-search-files N] [--json]';

/** A whole number ≥ 0 from an option, or an error naming the option. */
function wholeNumber(name: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(`--${name} takes a whole number, not "${text}"`);
  return Number(text);
}

function sizeOption(text: string): number {
  try {
    return parseSize(text);
  } catch (e) {
    throw new Error(`--max-file-size: ${(e as Error).message}`);
  }
}

/** The command line's options; throws an error naming the option on bad input. */
function options(): { dir: string; top: number; json: boolean; limits: DistLimits } {
  const { values } = parseCli(import.meta.url, {
    options: {
      dir: { type: 'string', default: 'dist' },
      top: { type: 'string', default: '5' },
      'max-files': { type: 'string' },
      'max-file-size': { type: 'string' },
      'max-search-files': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const whole = (name: 'max-files' | 'max-search-files'): number | undefined => {
    const text = values[name];
    return text === undefined ? undefined : wholeNumber(name, text);
  };
  return {
    dir: values.dir,
    top: wholeNumber('top', values.top),
    json: values.json,
    limits: {
      maxFiles: whole('max-files'),
      maxFileSize: values['max-file-size'] === undefined ? undefined : sizeOption(values['max-file-size']),
      maxSearchFiles: whole('max-search-files'),
    },
  };
}

function main(): number {
  let opts: ReturnType<typeof options>;
  try {
    opts = options();
  } catch (e) {
    process.stderr.write(`check-dist: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const dir = resolve(opts.dir);
  let files: DistFile[];
  try {
    files = listDist(dir);
  } catch (e) {
    process.stderr.write(`check-dist: cannot read ${opts.dir}: ${(e as Error).message} (build first: npm run build)\n`);
    return 2;
  }
  const stats = summarizeDist(files, opts.top);
  const failures = checkLimits(files, opts.limits);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ dir: opts.dir, ...stats, limits: opts.limits, failures }, null, 2)}\n`);
  } else {
    const name = relative(process.cwd(), dir) || '.';
    const width = Math.max(...stats.folders.map((f) => f.name.length + 1), 8);
    const lines = [
      `${name}: ${stats.files.toLocaleString('en-US')} files, ${formatBytes(stats.bytes)}`,
      `search files (${SEARCH_DIRS.map((d) => `${d}/`).join(' + ')}): ${stats.search.files.toLocaleString('en-US')}, ${formatBytes(stats.search.bytes)}`,
      `largest files:`,
      ...stats.largest.map((f) => `  ${formatBytes(f.bytes).padStart(10)}  ${f.path}`),
      `files per top-level folder:`,
      ...stats.folders.map((f) => `  ${(f.name === '.' ? '.' : `${f.name}/`).padEnd(width)} ${String(f.files).padStart(8)}  ${formatBytes(f.bytes).padStart(10)}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  for (const f of failures) process.stderr.write(`check-dist: limit exceeded: ${f}\n`);
  return failures.length ? 1 : 0;
}

process.exitCode = main();
