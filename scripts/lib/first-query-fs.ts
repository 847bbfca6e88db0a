/**
 * First query on a cold page, as the benchmarks measure it: a fresh headless Chromium opens a search
 * URL and waits for the results; reports the time, the requests, and the bytes fetched — as a
 * compressing host would send them — read back from the served folder.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from './chromium.ts';


/** Time, bytes and result count of one cold search; `siteDir` is the folder served at the origin's root. */
export async function firstQuery(origin: string, path: string, doneSelector: string, siteDir: string) {
  const browser = await launch();
  try {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    const urls: string[] = [];
    p.on('request', (r) => urls.push(r.url()));
    const t0 = Date.now();
    await p.goto(origin + path);
    await p.waitForSelector(doneSelector, { state: 'attached', timeout: 120_000 });
    const ms = Date.now() - t0;
    // Default page: body[data-count]; Baoku: the count in the status line (0 when nothing matched).
    const results = await p.evaluate(() =>
      Number(document.body.dataset.count ?? /\d+/.exec(document.querySelector('[data-search-status]')?.textContent ?? '')?.[0] ?? 0),
    );
    let raw = 0;
    let wire = 0;
    for (const u of new Set(urls)) {
      const pathname = decodeURIComponent(new URL(u).pathname);
      let file = join(siteDir, pathname);
      if (pathname.endsWith('/')) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (!body) continue;
      raw += body.length;
      // Pagefind's pf_* files and our .sdoc documents are gzip already; a host would compress the rest.
      wire += /\.pf_|\.pagefind$|\.sdoc$/.test(file) ? body.length : gzipSync(body).length;
    }
    return { ms, raw, wire, requests: new Set(urls).size, results };
  } finally {
    await browser.close();
  }
}
