/**
 * @fileoverview The review tool's server (issue 11, `npm run review`): serves one page on
 * 127.0.0.1 with a per-run token (guard.ts), lists the pages to review from report.json, shows a
 * page parsed with its corrections, turns the archivist's clicks into corrections (intents.ts),
 * writes them to the page's corrections file — the only files it ever writes — and re-runs the
 * ingest so the archive follows.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve, sep } from 'node:path';
import { z } from 'astro/zod';
import { ReportSchema, type Article, type Report } from '../../../core/schema.ts';
import { fixFileName, parseFixFile, type FixFile } from '../corrections.ts';
import { listFiles, writeIfChanged } from '../files-fs.ts';
import { assignIds, parseRegistry } from '../id-registry.ts';
import { pageIdOf } from '../ids.ts';
import { parsePage } from '../pipeline.ts';
import { appendCorrection, removeCorrection } from './fix-file.ts';
import { check, type Guard } from './guard.ts';
import { IntentError, IntentSchema, toCorrection } from './intents.ts';
import { pageSummaries, pageView, type PageView } from './page-data.ts';
import { reviewHtml } from './ui-fs.ts';

/** How the tool is set up. */
export interface ReviewOptions {
  /** The page files (and their corrections files). */
  seeds: string;
  /** The ingest's output (report.json is read from it). */
  out: string;
  /** The id registry (default: ids.json in the seeds folder). */
  ids?: string;
  /** 0: any free port. */
  port?: number;
  /** Re-run the ingest after each change (default true). */
  ingest?: boolean;
  /** The token (default: 24 random bytes); tests pass their own. */
  token?: string;
  /** The project whose ingest runs (its scripts/ingest.ts, in its folder, with its cache; default: this one). */
  root?: string;
}

/** A running review tool. */
export interface ReviewServer {
  /** The address to open, token included. */
  url: string;
  origin: string;
  token: string;
  /** The last ingest run's output, for the terminal. */
  ingestRuns: () => number;
  close(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../../..');
const MAX_BODY = 64 * 1024;

/** What an ingest run said. */
interface IngestRun {
  ok: boolean;
  output: string;
}

/** Starts the tool; resolves once it listens. */
export async function startReview(options: ReviewOptions): Promise<ReviewServer> {
  const seeds = resolve(options.seeds);
  const out = resolve(options.out);
  const idsPath = resolve(options.ids ?? join(seeds, 'ids.json'));
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = resolve(options.root ?? ROOT);
  let runs = 0;
  let last: IngestRun | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** Page files by their name relative to the seeds folder: the only names a request may use. */
  const pageFiles = (): string[] =>
    listFiles(seeds)
      .filter((p) => p.endsWith('.txt'))
      .map((p) => relative(seeds, p).replace(/\\/g, '/'))
      .sort();
  const fixPath = (seed: string): string => {
    const p = resolve(seeds, fixFileName(seed));
    // Never outside the seeds folder, never anything but a corrections file.
    if (!p.startsWith(seeds + sep) || !p.endsWith('.fix.yaml')) throw new Error(`refused to write ${p}`);
    return p;
  };

  const ingest = (): Promise<IngestRun> => {
    const run = queue.then(
      () =>
        new Promise<IngestRun>((done) => {
          if (options.ingest === false) return done({ ok: true, output: '' });
          execFile(process.execPath, [join(root, 'scripts', 'ingest.ts'), '--seeds', seeds, '--out', out, '--ids', idsPath], { cwd: root, env: { ...process.env, BAOKU_STALE_CORRECTIONS: '' } }, (err, _stdout, stderr) => {
            runs++;
            last = { ok: !err, output: stderr.trim() };
            done(last);
          });
        }),
    );
    queue = run;
    return run;
  };

  const report = (): Report | null => {
    const p = join(out, 'report.json');
    if (!existsSync(p)) return null;
    const r = ReportSchema.safeParse(JSON.parse(readFileSync(p, 'utf8')));
    return r.success ? r.data : null;
  };

  /** A page read and parsed with its corrections (stale ones shown, not fatal). */
  const load = (seed: string, yamlOverride?: string): { view: PageView; file: FixFile | null } => {
    const bytes = readFileSync(join(seeds, seed));
    const fp = fixPath(seed);
    const yaml = yamlOverride ?? (existsSync(fp) ? readFileSync(fp, 'utf8') : '');
    const fixFile = relative(process.cwd(), fp);
    const empty = { seed, fixFile, yaml, lines: [], articles: [], other: [], doubts: [], corrections: [], fixes: [] };
    let file: FixFile | null = null;
    try {
      file = yaml ? parseFixFile(yaml, fixFile, seed) : { name: fixFile, items: [] };
      const printed = parsePage(bytes, seed, { corrections: file, staleCorrections: 'warn', skipTextCorrections: true });
      const full = parsePage(bytes, seed, { corrections: file, staleCorrections: 'warn' });
      let ids: string[] | null = null;
      if (existsSync(idsPath)) {
        const reg = parseRegistry(readFileSync(idsPath, 'utf8'), idsPath);
        ids = assignIds(pageIdOf(seed), seed, full.articles, full.other, reg.pages[pageIdOf(seed)]).ids;
      } else ids = assignIds(pageIdOf(seed), seed, full.articles, full.other, undefined).ids;
      return { view: pageView({ seed, fixFile, yaml, items: file.items, printed, full, ids }), file };
    } catch (e) {
      return { view: { ...empty, error: (e as Error).message }, file };
    }
  };

  const send = (res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void => {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

  const readBody = (req: IncomingMessage): Promise<unknown> =>
    new Promise((ok, fail) => {
      let size = 0;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          fail(new Error('too large'));
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => {
        try {
          ok(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          fail(new Error('not JSON'));
        }
      });
      req.on('error', fail);
    });

  const seedOf = (name: unknown): string | null => (typeof name === 'string' && pageFiles().includes(name) ? name : null);

  let guard: Guard;
  const server: Server = createServer((req, res) => {
    const verdict = check(guard, { method: req.method ?? '', url: req.url ?? '/', headers: req.headers });
    if (!verdict.ok) {
      // A refused request's body is never read: drop it and the connection with it.
      req.resume();
      res.setHeader('Connection', 'close');
      return send(res, verdict.status, { error: verdict.reason });
    }
    const url = new URL(req.url ?? '/', guard.origin);
    void (async () => {
      try {
        if (url.pathname === '/') {
          const nonce = randomBytes(16).toString('base64');
          res.setHeader('Content-Security-Policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
          return send(res, 200, reviewHtml(token, nonce), 'text/html; charset=utf-8');
        }
        if (url.pathname === '/api/pages') return send(res, 200, { pages: pageSummaries(pageFiles(), report()), ingest: last });
        if (url.pathname === '/api/page') {
          const seed = seedOf(url.searchParams.get('seed'));
          if (!seed) return send(res, 404, { error: '没有这个版面' });
          return send(res, 200, { page: load(seed).view, ingest: last });
        }
        const body = (await readBody(req)) as { seed?: unknown };
        const seed = seedOf(body.seed);
        if (!seed) return send(res, 404, { error: '没有这个版面' });
        const fp = fixPath(seed);
        const before = existsSync(fp) ? readFileSync(fp, 'utf8') : undefined;
        let next: string;
        if (url.pathname === '/api/correct') {
          const parsed = IntentSchema.safeParse((body as { intent?: unknown }).intent);
          if (!parsed.success) return send(res, 400, { error: `请求有误：${parsed.error.issues[0].message}` });
          const current = load(seed);
          if (current.view.error) return send(res, 409, { error: current.view.error });
          const printed = { articles: current.view.articles.map(toArticle), other: current.view.other };
          const correction = toCorrection(printed, parsed.data);
          next = appendCorrection(before, seed, correction);
          const tried = load(seed, next).view;
          const mine = tried.corrections.at(-1);
          if (tried.error) return send(res, 409, { error: tried.error });
          if (mine?.status === 'holds') return send(res, 409, { error: '解析结果已经如此，无需更正' });
          if (mine?.status !== 'applied') return send(res, 409, { error: mine?.message ?? '这条更正无法应用' });
        } else {
          const n = z.number().int().positive().safeParse((body as { n?: unknown }).n);
          if (!n.success || before === undefined) return send(res, 400, { error: '没有这条更正' });
          next = removeCorrection(before, n.data);
        }
        writeIfChanged(fp, next);
        const run = await ingest();
        return send(res, 200, { page: load(seed).view, ingest: run });
      } catch (e) {
        if (e instanceof IntentError) return send(res, 409, { error: e.message });
        return send(res, 500, { error: (e as Error).message });
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  guard = { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, token };
  await ingest();
  return {
    url: `${guard.origin}/?token=${encodeURIComponent(token)}`,
    origin: guard.origin,
    token,
    ingestRuns: () => runs,
    close: () => new Promise<void>((ok, fail) => server.close((e) => (e ? fail(e) : ok()))),
  };
}

/** An article of the page view back in the gold shape (the text as printed), for quoting. */
function toArticle(a: PageView['articles'][number]): Article {
  return {
    ...a.fields,
    authors: a.authors,
    continued_from: a.continued_from,
    continued_to: a.continued_to,
    truncated_start: a.truncated_start,
    truncated_end: a.truncated_end,
    body: a.blocks.map((b) => ({ type: b.type, text: b.text })),
  };
}
