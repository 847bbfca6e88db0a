/**
 * The review tool's server (issue 11): it answers only its own page — its own Host, its own
 * Origin, this run's token — and writes only the corrections files of the pages it serves.
 * Every refusal is checked with the files on disk unchanged.
 */
import { request } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../scripts/lib/review/guard.ts';
import { startReview, type ReviewServer } from '../../scripts/lib/review/server-fs.ts';
import { appendCorrection, removeCorrection } from '../../scripts/lib/review/fix-file.ts';
import { toCorrection, IntentError } from '../../scripts/lib/review/intents.ts';
import { parseFixFile } from '../../scripts/lib/corrections.ts';
import type { Article } from '../../core/schema.ts';

const PAGE = `青石镇老街改造完工

本报讯（记者 林小舟）昨日，青石真老街改造工程完工，沿街二十六家老店重新开门迎客。

镇建设办负责人介绍，工程历时十个月。老店主王阿婆说：“回头客也多了。”

社区图书角开放

本报讯（记者 陈雨）青石镇第三社区图书角日前对外开放，居民可免费借阅。
`;

let dir: string;
let seeds: string;
let server: ReviewServer;
let port: number;

/** Every file under the folder with its bytes: what "nothing was written" compares. */
function snapshot(root = dir): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return out;
}

/** A raw request, so Host and Origin can be anything. */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const own = () => ({ origin: `http://127.0.0.1:${port}`, 'x-review-token': server.token, 'content-type': 'application/json' });
const intent = (seed: string) => JSON.stringify({ seed, intent: { op: 'break', slot: { kind: 'block', article: 0, block: 1 }, quote: '老店主王阿婆说' } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baoku-review-'));
  seeds = join(dir, 'seeds');
  mkdirSync(join(seeds, 'sub'), { recursive: true });
  writeFileSync(join(seeds, 'qingshi.txt'), PAGE);
  writeFileSync(join(seeds, 'sub', 'other.txt'), PAGE.replace(/青石/g, '白沙'));
  writeFileSync(join(dir, 'outside.fix.yaml'), 'corrections: []\n');
  server = await startReview({ seeds, out: join(dir, 'out'), ingest: false, token: 'test-token-123' });
  port = Number(new URL(server.origin).port);
});

afterAll(() => server?.close());

describe('the review server refuses', () => {
  it.each([
    ['another Host (DNS rebinding)', 'POST', '/api/correct', { host: 'evil.example' }, 421],
    ['localhost instead of its own address', 'POST', '/api/correct', { host: 'localhost:1' }, 421],
    ['another Origin', 'POST', '/api/correct', { origin: 'http://evil.example' }, 403],
    ['a cross-site fetch', 'POST', '/api/correct', { 'sec-fetch-site': 'cross-site' }, 403],
    ['a write without an Origin', 'POST', '/api/correct', { origin: undefined }, 403],
    ['a write without the token', 'POST', '/api/correct', { 'x-review-token': undefined }, 403],
    ['a write with another token', 'POST', '/api/correct', { 'x-review-token': 'test-token-124' }, 403],
    ['a form post (not JSON)', 'POST', '/api/correct', { 'content-type': 'text/plain' }, 415],
    ['a GET of a write', 'GET', '/api/correct', {}, 405],
  ])('%s, and writes nothing', async (_, method, path, change, status) => {
    const before = snapshot();
    const headers = Object.fromEntries(Object.entries({ ...own(), ...change }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const r = await send(method, path, headers, intent('qingshi.txt'));
    expect(r.status).toBe(status);
    expect(snapshot()).toEqual(before);
  });

  it('its page without the token, and serves it with the token and a strict CSP', async () => {
    expect((await send('GET', '/', {})).status).toBe(403);
    expect((await send('GET', '/?token=wrong', {})).status).toBe(403);
    const ok = await send('GET', `/?token=${server.token}`, {});
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('<meta name="review-token" content="test-token-123">');
    expect(String(ok.headers['content-security-policy'])).toMatch(/default-src 'none'; script-src 'nonce-[^']+'/);
  });

  it('to read a page without the token', async () => {
    expect((await send('GET', '/api/page?seed=qingshi.txt', {})).status).toBe(403);
    expect((await send('GET', '/api/page?seed=qingshi.txt', { 'x-review-token': server.token })).status).toBe(200);
  });

  it.each(['../outside.txt', '/etc/passwd', 'sub/../../outside.txt', 'qingshi.fix.yaml', 'missing.txt'])('to write for a page it does not serve (%s)', async (seed) => {
    const before = snapshot();
    const r = await send('POST', '/api/correct', own(), intent(seed));
    expect(r.status).toBe(404);
    expect(snapshot()).toEqual(before);
  });

  it('a correction that would not apply, or that the parse already has', async () => {
    const before = snapshot();
    const bad = await send('POST', '/api/correct', own(), JSON.stringify({ seed: 'qingshi.txt', intent: { op: 'break', slot: { kind: 'block', article: 0, block: 1 }, quote: '不在这里的字' } }));
    expect(bad.status).toBe(409);
    expect(JSON.parse(bad.body).error).toBe('「不在这里的字」不在这段文字里');
    const holds = await send('POST', '/api/correct', own(), JSON.stringify({ seed: 'qingshi.txt', intent: { op: 'split', slot: { kind: 'block', article: 1, block: 0 } } }));
    expect(holds.status).toBe(409);
    expect(JSON.parse(holds.body).error).toMatch(/已经如此/);
    expect(snapshot()).toEqual(before);
  });
});

describe('the review server writes', () => {
  it('only the corrections file of the page, and shows the page as corrected', async () => {
    const before = snapshot();
    const r = await send('POST', '/api/correct', own(), intent('qingshi.txt'));
    expect(r.status).toBe(200);
    const after = snapshot();
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed).toEqual([join('seeds', 'qingshi.fix.yaml')]);
    // Quoted from where the archivist pointed, six characters at least (MIN_QUOTE), unique on the page.
    expect(parseFixFile(after[changed[0]], 'f', 'p').items.map((i) => i.correction)).toEqual([{ break: '老店主王阿婆' }]);
    const page = JSON.parse(r.body).page;
    expect(page.articles[0].blocks.map((b: { text: string }) => b.text).at(-1)).toBe('老店主王阿婆说：“回头客也多了。”');
    expect(page.corrections).toEqual([{ n: 1, line: 4, what: 'break「老店主王阿婆」', status: 'applied', message: null }]);
  });

  it('a page in a subfolder beside it, and removes a correction again', async () => {
    const r = await send('POST', '/api/correct', own(), JSON.stringify({ seed: 'sub/other.txt', intent: { op: 'correct', slot: { kind: 'block', article: 0, block: 0 }, quote: '白沙真', to: '白沙镇' } }));
    expect(r.status).toBe(200);
    expect(existsSync(join(seeds, 'sub', 'other.fix.yaml'))).toBe(true);
    expect(JSON.parse(r.body).page.fixes[0]).toMatchObject({ original: '白沙真', corrected: '白沙镇' });
    const gone = await send('POST', '/api/remove', own(), JSON.stringify({ seed: 'sub/other.txt', n: 1 }));
    expect(gone.status).toBe(200);
    expect(parseFixFile(readFileSync(join(seeds, 'sub', 'other.fix.yaml'), 'utf8'), 'f', 'p').items).toEqual([]);
  });
});

describe('clicks become quoted corrections', () => {
  const a = (p: Partial<Article> & { body: Article['body'] }): Article => ({ column: null, kicker: null, title: null, subtitle: null, byline: null, authors: [], continued_from: null, continued_to: null, truncated_start: false, truncated_end: false, ...p });
  const page = {
    articles: [
      a({ title: '青石镇老街改造完工', body: [{ type: 'p', text: '本报讯（记者 林小舟）昨日，青石镇老街改造工程完工。' }, { type: 'p', text: '青石镇建设办负责人介绍，工程历时十个月。' }] }),
      a({ kicker: '社区图书角开放', body: [{ type: 'p', text: '本报讯（记者 陈雨）青石镇第三社区图书角日前对外开放。' }] }),
    ],
    other: [{ type: 'header' as const, text: '青石日报 2031年5月6日' }],
  };
  it.each([
    [{ op: 'split', slot: { kind: 'block', article: 0, block: 1 } }, { split: '青石镇建设办' }],
    [{ op: 'break', slot: { kind: 'block', article: 0, block: 1 }, quote: '工程历时' }, { break: '工程历时十个' }],
    // k characters each side of the break, from k = 2: 。青 would do, but 工。青石 is the first that is unique at k = 2.
    [{ op: 'join', slot: { kind: 'block', article: 0, block: 0 } }, { join: '工。青石' }],
    [{ op: 'retype', slot: { kind: 'block', article: 0, block: 1 }, as: 'h' }, { retype: '青石镇建设办', as: 'h' }],
    [{ op: 'setField', slot: { kind: 'field', article: 1, field: 'kicker' }, article: 1, field: 'title' }, { set: '社区图书角开', title: '社区图书角开放' }],
    // A selection in the field moves only the selected words.
    [{ op: 'setField', slot: { kind: 'field', article: 1, field: 'kicker' }, article: 1, field: 'title', quote: '图书角开放' }, { set: '社区图书角开', title: '图书角开放' }],
    // 青石镇老街改 and 青石镇老街改造 are in the title and in the first paragraph: the anchor grows until it is the title's alone.
    [{ op: 'clearField', article: 0, field: 'title' }, { set: '青石镇老街改造完', title: null }],
    [{ op: 'other', slot: { kind: 'block', article: 0, block: 1 }, type: 'notice' }, { other: '青石镇建设办', type: 'notice' }],
    [{ op: 'article', index: 0, into: 1, as: 'caption' }, { article: '青石日报 20', into: '社区图书角开', as: 'caption' }],
    [{ op: 'merge', article: 0, with: 1 }, { merge: '青石镇老街改造完', with: '社区图书角开' }],
    [{ op: 'values', article: 1, authors: ['陈雨'], truncated_end: true }, { set: '社区图书角开', authors: ['陈雨'], truncated_end: true }],
    [{ op: 'correct', slot: { kind: 'block', article: 0, block: 0 }, quote: '青石镇', to: '清石镇' }, { correct: '青石镇', to: '清石镇', in: '，青石镇老' }],
  ])('%j → %j', (intent, correction) => {
    expect(toCorrection(page, intent as never)).toEqual(correction);
  });

  it('say why when a quote cannot be made', () => {
    expect(() => toCorrection(page, { op: 'join', slot: { kind: 'block', article: 1, block: 0 } })).toThrow(IntentError);
    expect(() => toCorrection(page, { op: 'merge', article: 1, with: 1 })).toThrow('不能与自己合并');
    expect(() => toCorrection(page, { op: 'setField', slot: { kind: 'field', article: 1, field: 'kicker' }, article: 1, field: 'title', quote: '老街改造' })).toThrow('所选文字不在这一行里');
  });
});

describe('the corrections file as the tool edits it', () => {
  it('keeps the archivist\'s comments and corrections when one is added or removed', () => {
    const hand = '# 手工写的说明\ncorrections:\n  # 第一条\n  - split: 本报讯（记者 陈雨）\n';
    const added = appendCorrection(hand, 'p.txt', { correct: '青石真', to: '青石镇' });
    expect(added).toBe('# 手工写的说明\ncorrections:\n  # 第一条\n  - split: 本报讯（记者 陈雨）\n  - correct: 青石真\n    to: 青石镇\n');
    expect(removeCorrection(added, 2)).toBe(hand);
    const fresh = appendCorrection(undefined, 'p.txt', { split: '又讯' });
    expect(parseFixFile(fresh, 'f', 'p').items.map((i) => i.correction)).toEqual([{ split: '又讯' }]);
    expect(fresh).toMatch(/^# p\.txt 的更正/);
  });
});
