/**
 * Review tool CLI (issue 11) — a thin shell around scripts/lib/review/server-fs.ts.
 *
 *   npm run review                     serve the review page for seeds/ on 127.0.0.1 (any free port)
 *   npm run review -- --port 4400 --seeds DIR --out DIR
 *
 * Prints the address to open (with this run's token) and runs until stopped (Ctrl+C). It writes
 * only the pages' corrections files (`<page>.fix.yaml`), then re-runs the ingest.
 */
import { parseCli } from './lib/cli-fs.ts';
import { startReview } from './lib/review/server-fs.ts';

const { values } = parseCli(import.meta.url, {
  options: {
    seeds: { type: 'string', default: 'seeds' },
    out: { type: 'string', default: 'src/content/generated' },
    ids: { type: 'string' },
    port: { type: 'string', default: '0' },
    'no-ingest': { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`review: --port must be a port number, not "${values.port}"\n`);
  process.exit(2);
}
const server = await startReview({ seeds: values.seeds, out: values.out, ids: values.ids, port, ingest: !values['no-ingest'] });
process.stdout.write(`报库校对 · review: ${server.url}\n（只在本机可用；关闭：Ctrl+C）\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
