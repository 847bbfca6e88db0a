/**
 * The search page UI (SearchResults.astro): reads `q` (and filters, `all`) from the URL, runs the
 * engine, renders ranked results with highlighted excerpts, keeps the URL shareable and the back
 * button working, and supports keyboard navigation. Loaded only on the search page.
 *
 * Contract for tests and other pages: the results container gets data-search-state
 * ("loading" → "done"), every result link carries data-search-result and points at the article page.
 */
import { ArchiveSearch, type ArchiveOutcome, type Filters, type Hit, type Script, type ShownHit } from './engine.ts';
import { bodyStart, excerpt, highlight, originalRanges, segmentsToHtml, escapeHtml } from './excerpt.ts';
import { hrefFor, routes } from '../../../core/paths.ts';
import { FILTER_KEYS, SORTS, type FilterKey, type Sort } from '../../../core/search/facets.ts';
import { fold } from '../../../core/search/fold.ts';
import type { QueryParts } from '../../../core/search/verify.ts';
import type { Variants } from '../../../core/search/variants.ts';
import { yieldToMain } from './yield-to-main.ts';

const PAGE_SIZE = 20;
/** With `all=1`, results are rendered in runs of this many, so the first show while the rest load. */
const ALL_RUN = 100;
/** Results rendered per task (see yieldToMain). */
const RENDER_RUN = 4;

const STRINGS = {
  hans: {
    count: (n: number) => `找到 ${n} 篇文章`,
    searching: '正在搜索…',
    none: (q: string) => `没有找到包含“${q}”的文章。`,
    tips: ['检查是否有错别字。', '字数越少，找到的越多；用空格隔开的几个词须同时出现（顺序不限）。', '简体、繁体均可搜索。'],
    clearFilters: '清除筛选条件再试',
    more: (n: number) => `显示更多（还有 ${n} 篇）`,
    error: '搜索出错，请稍后重试。',
    partFailed: (n: number) => `（有 ${n} 部分档案暂时无法搜索）`,
    untitled: '（无标题）',
    filtered: (n: number, total: number) => `（筛选前共 ${total} 篇）`,
  },
  hant: {
    count: (n: number) => `找到 ${n} 篇文章`,
    searching: '正在搜尋…',
    none: (q: string) => `沒有找到包含「${q}」的文章。`,
    tips: ['檢查是否有錯別字。', '字數越少，找到的越多；用空格隔開的幾個詞須同時出現（順序不限）。', '簡體、繁體均可搜尋。'],
    clearFilters: '清除篩選條件再試',
    more: (n: number) => `顯示更多（還有 ${n} 篇）`,
    error: '搜尋出錯，請稍後重試。',
    partFailed: (n: number) => `（有 ${n} 部分檔案暫時無法搜尋）`,
    untitled: '（無標題）',
    filtered: (n: number, total: number) => `（篩選前共 ${total} 篇）`,
  },
};

interface UrlState {
  q: string;
  all: boolean;
  filters: Filters;
  /** Date range, YYYY-MM-DD, either end open (''). */
  from: string;
  to: string;
  sort: Sort;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function readUrl(): UrlState {
  const p = new URLSearchParams(location.search);
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = p.get(k);
    if (v) filters[k] = v;
  }
  const date = (k: string) => {
    const v = p.get(k) ?? '';
    return DATE.test(v) ? v : '';
  };
  const sort = p.get('sort') as Sort;
  return { q: p.get('q') ?? '', all: p.get('all') === '1', filters, from: date('from'), to: date('to'), sort: SORTS.includes(sort) ? sort : 'relevance' };
}

function writeUrl(s: UrlState, push: boolean): void {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const [k, v] of Object.entries(s.filters)) p.set(k, v);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.all) p.set('all', '1');
  const url = `${location.pathname}${p.size ? `?${p}` : ''}`;
  if (url === `${location.pathname}${location.search}`) return;
  (push ? history.pushState : history.replaceState).call(history, null, '', url);
}

/** For the article link: the matches as spelled in the article's own script, so the page can mark them. */
function hlFor(text: string, parts: QueryParts, variants: Variants): string {
  const spelled = new Set(originalRanges(text, parts, variants).map(([s, e]) => fold(text.slice(s, e))));
  return [...spelled].slice(0, 8).join(' ');
}

function renderItem({ hit, doc: t }: ShownHit, script: Script): string {
  const { parts, variants } = hit;
  const hl = hlFor(t.text, parts, variants);
  const href = `${hrefFor(hit.engine.base, script === 'hant' ? 'zh-hant' : 'zh-hans', routes.article(t.id))}?hl=${encodeURIComponent(hl)}`;
  // Every string from the archive is isolated (<bdi>): a stray U+202E in a headline cannot reverse the line (issue 12).
  const bdi = (html: string) => `<bdi>${html}</bdi>`;
  const meta = [t.paper, t.date, t.page, t.column].filter(Boolean).map((s) => bdi(escapeHtml(s!))).join(' · ');
  const kicker = t.kicker ? `<span class="search-kicker">${bdi(segmentsToHtml(highlight(t.kicker, parts, variants)))}</span>` : '';
  const title = t.title
    ? bdi(segmentsToHtml(highlight(t.title, parts, variants)))
    : t.subtitle
      ? bdi(segmentsToHtml(highlight(t.subtitle, parts, variants)))
      : STRINGS[script].untitled;
  const subtitle = t.title && t.subtitle ? `<span class="search-subtitle">${bdi(segmentsToHtml(highlight(t.subtitle, parts, variants)))}</span>` : '';
  return `<li class="search-result">
<a data-search-result href="${escapeHtml(href)}">${kicker}<span class="search-title">${title}</span>${subtitle}</a>
${meta ? `<p class="search-meta">${meta}</p>` : ''}
<p class="search-excerpt" dir="auto">${segmentsToHtml(excerpt(t.text, parts, { start: bodyStart(t.text, [t.kicker, t.title, t.subtitle]), variants }))}</p>
</li>`;
}

/** Wires up one SearchResults component. */
export function start(root: HTMLElement): void {
  const base = root.dataset.base ?? '/';
  const script: Script = root.dataset.script === 'hant' ? 'hant' : 'hans';
  const S = STRINGS[script];
  const engine = new ArchiveSearch((root.dataset.parts ?? base).split(','));
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const range = { from: form.querySelector<HTMLInputElement>('input[data-range="from"]'), to: form.querySelector<HTMLInputElement>('input[data-range="to"]') };
  const sortSelect = form.querySelector<HTMLSelectElement>('select[data-sort]');
  const controls: HTMLElement[] = [...selects, ...[range.from, range.to, sortSelect].filter((c): c is HTMLInputElement | HTMLSelectElement => c !== null)];
  const results = root.querySelector<HTMLElement>('[data-search-results]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-list]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;

  let state = readUrl();
  let generation = 0;
  const pageTitle = document.title;
  let outcome: Hit[] | null = null;
  let total = 0;
  let failedParts = 0;
  let shown = 0;
  let dropped = 0;

  const syncForm = () => {
    input.value = state.q;
    for (const s of selects) s.value = state.filters[s.dataset.filter as FilterKey] ?? '';
    if (range.from) range.from.value = state.from;
    if (range.to) range.to.value = state.to;
    if (sortSelect) sortSelect.value = state.sort;
  };
  const formState = (): UrlState => {
    const filters: Filters = {};
    for (const s of selects) if (s.value) filters[s.dataset.filter as FilterKey] = s.value;
    const date = (i: HTMLInputElement | null) => (i && DATE.test(i.value) ? i.value : '');
    const sort = (sortSelect?.value ?? 'relevance') as Sort;
    return { q: input.value.trim(), all: state.all, filters, from: date(range.from), to: date(range.to), sort: SORTS.includes(sort) ? sort : 'relevance' };
  };

  /** Counts beside each filter value (what choosing it would leave); a value that would leave none is disabled unless chosen. */
  const showCounts = (counts: ArchiveOutcome['counts'] | null) => {
    for (const s of selects) {
      const key = s.dataset.filter as FilterKey;
      for (const o of s.options) {
        if (!o.value) continue;
        const label = o.dataset.label ?? o.text;
        o.dataset.label = label;
        const n = counts?.[key].get(o.value) ?? null;
        o.text = n === null ? label : `${label}（${n}）`;
        o.disabled = n === 0 && s.value !== o.value;
      }
    }
  };

  const setState = (s: 'idle' | 'loading' | 'done' | 'error') => results.setAttribute('data-search-state', s);

  const showCount = () => {
    if (!outcome) return;
    const found = outcome.length - dropped;
    status.textContent = S.count(found) + (found !== total - dropped ? S.filtered(found, total - dropped) : '') + (failedParts ? S.partFailed(failedParts) : '');
    const left = outcome.length - shown;
    more.hidden = left <= 0;
    if (left > 0) more.textContent = S.more(left);
  };

  const appendPage = async (gen: number, count: number) => {
    if (!outcome) return;
    const hits = outcome.slice(shown, shown + count);
    const docs = await engine.verified(hits, script);
    if (gen !== generation) return;
    dropped += hits.length - docs.length;
    shown += hits.length;
    // A few results per task: excerpts, highlighting and their layout never add up to a long task.
    for (let i = 0; i < docs.length; i += RENDER_RUN) {
      if (i > 0) {
        await yieldToMain();
        if (gen !== generation) return;
      }
      list.insertAdjacentHTML('beforeend', docs.slice(i, i + RENDER_RUN).map((d) => renderItem(d, script)).join(''));
    }
    showCount();
  };

  const renderNone = () => {
    const hasFilters = Object.keys(state.filters).length > 0 || !!state.from || !!state.to;
    const clear = hasFilters
      ? `<li><a href="?q=${encodeURIComponent(state.q)}" data-search-clear-filters>${S.clearFilters}</a></li>`
      : '';
    status.innerHTML = `<strong>${escapeHtml(S.none(state.q))}</strong><ul class="search-tips">${S.tips.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}${clear}</ul>`;
    more.hidden = true;
  };

  const run = async () => {
    const gen = ++generation;
    // The query in the title keeps history entries and bookmarks recognisable.
    document.title = state.q ? `${state.q} · ${pageTitle}` : pageTitle;
    outcome = null;
    total = 0;
    shown = 0;
    dropped = 0;
    failedParts = 0;
    list.innerHTML = '';
    more.hidden = true;
    if (!state.q) {
      status.textContent = '';
      showCounts(null);
      setState('idle');
      return;
    }
    setState('loading');
    status.textContent = S.searching;
    try {
      // The page's first paint and input come before the search: its files are preloaded, so
      // without a yield reading them would be one task with the start of the page script.
      await yieldToMain();
      if (gen !== generation) return;
      const r = await engine.search(state.q, { filters: state.filters, from: state.from || undefined, to: state.to || undefined }, state.sort);
      if (gen !== generation) return;
      const o = r.hits;
      outcome = o;
      total = r.total;
      failedParts = r.failed.length;
      showCounts(r.counts);
      if (o.length === 0) {
        renderNone();
      } else if (state.all) {
        // In runs, each shown as it comes: every result, but never thousands of downloads at once.
        while (shown < o.length) {
          await appendPage(gen, ALL_RUN);
          if (gen !== generation) return;
        }
        if (o.length - dropped === 0) renderNone();
      } else {
        await appendPage(gen, PAGE_SIZE);
        if (gen !== generation) return;
        if (o.length - dropped === 0) renderNone();
      }
      setState('done');
    } catch (err) {
      if (gen !== generation) return;
      console.error(err);
      status.textContent = S.error;
      setState('error');
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state = formState();
      writeUrl(state, false); // typing refines the same history entry
      void run();
    }, 150);
  });
  input.addEventListener('focus', () => engine.warm(), { once: true });
  for (const s of controls) {
    s.addEventListener('change', () => {
      state = formState();
      writeUrl(state, true);
      void run();
    });
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    state = formState();
    writeUrl(state, true);
    void run();
  });
  window.addEventListener('popstate', () => {
    state = readUrl();
    syncForm();
    void run();
  });
  more.addEventListener('click', async () => {
    if (more.disabled) return; // one page at a time, however fast the clicks
    const gen = generation;
    more.disabled = true;
    setState('loading');
    try {
      await appendPage(gen, PAGE_SIZE);
      if (gen === generation) setState('done');
    } catch (err) {
      if (gen !== generation) return;
      console.error(err);
      status.textContent = S.error;
      setState('error');
    } finally {
      more.disabled = false;
    }
  });

  // Keyboard: ↓ from the box into the results, ↑/↓ between results, ↑ from the first back to the box.
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a[data-search-result]')];
    if (!links.length) return;
    const i = links.findIndex((l) => l === document.activeElement);
    if (document.activeElement === input) {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        links[0].focus();
      }
      return;
    }
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowDown') links[Math.min(i + 1, links.length - 1)].focus();
    else if (i === 0) input.focus();
    else links[i - 1].focus();
  });

  syncForm();
  if (!state.q) input.focus();
  void run();
}
