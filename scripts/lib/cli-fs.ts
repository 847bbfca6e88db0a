/**
 * @fileoverview Command-line options for the scripts: node's own parser (node:util parseArgs), with
 * `--help` / `-h` printing the script's usage — the doc comment at the top of its file, so usage and
 * code cannot drift apart — and a mistyped option answered with one line naming it and the way to
 * the usage (exit 2), not a stack trace.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The first block comment of a script file, without its comment marks. */
export function usageOf(source: string): string {
  const m = /\/\*\*([\s\S]*?)\*\//u.exec(source);
  if (!m) return '';
  return m[1]
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/u, ''))
    .join('\n')
    .trim();
}

/** What went wrong with the options, or the usage asked for, or the options read. */
export type CliOutcome<T> = { kind: 'ok'; parsed: T } | { kind: 'help'; text: string } | { kind: 'error'; text: string };

/** Reads `args` under `config`; pure, for tests. `name` is the command's name in messages. */
export function readCli<C extends ParseArgsConfig>(name: string, source: string, config: C, args: string[]): CliOutcome<ReturnType<typeof parseArgs<C>>> {
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help', text: `${usageOf(source)}\n` };
  try {
    return { kind: 'ok', parsed: parseArgs({ ...config, args }) as ReturnType<typeof parseArgs<C>> };
  } catch (e) {
    const message = (e as Error).message.split('. To specify a positional')[0];
    return { kind: 'error', text: `${name}: ${message}\n${name}: see --help for the options\n` };
  }
}

/**
 * parseArgs for a script: `meta` is the script's `import.meta.url`. Prints the usage and exits 0 on
 * --help; prints the error and exits 2 on an unknown or malformed option.
 */
export function parseCli<C extends ParseArgsConfig>(meta: string, config: C, args = process.argv.slice(2)): ReturnType<typeof parseArgs<C>> {
  const file = fileURLToPath(meta);
  const out = readCli(basename(file).replace(/\.ts$/u, ''), readFileSync(file, 'utf8'), config, args);
  if (out.kind === 'ok') return out.parsed;
  (out.kind === 'help' ? process.stdout : process.stderr).write(out.text);
  process.exit(out.kind === 'help' ? 0 : 2);
}
