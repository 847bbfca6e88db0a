// @ts-check
/**
 * The review page's script (issue 11, scripts/lib/review/server-fs.ts serves it inline with a
 * nonce). Two views: the pages to review (#/), and one page (#/page/<file>) with its lines beside
 * its articles; every action is a button, its details in a modal dialog, and each becomes one
 * correction the server writes to the page's corrections file. Seed text is data: it only ever
 * goes into textContent.
 */
const TOKEN = /** @type {HTMLMetaElement} */ (document.querySelector('meta[name="review-token"]')).content;
const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const dialog = /** @type {HTMLDialogElement} */ (document.getElementById('act'));

const FIELDS = /** @type {const} */ (['column', 'kicker', 'title', 'subtitle', 'byline']);
const FIELD_NAMES = { column: '栏目', kicker: '引题', title: '标题', subtitle: '副题', byline: '署名' };
const BLOCK_NAMES = { p: '正文段', h: '小标题', caption: '图片说明' };
const OTHER_NAMES = { banner: '通栏标语', teasers: '导读', label: '栏目标签', intro: '栏目导语', header: '报眉', notice: '启事', classified: '分类广告', ad: '广告', caption: '图片说明', credit: '署名', text: '其他文字' };
const STATUS_NAMES = { applied: '已应用', holds: '解析已如此', stale: '失效', error: '未能读取' };

/** A colour per article, told apart by hue; the article's number is always printed too. */
const colour = (/** @type {number} */ i) => `hsl(${(i * 137.508 + 200) % 360} 60% 88%)`;
const edge = (/** @type {number} */ i) => `hsl(${(i * 137.508 + 200) % 360} 45% 38%)`;

/**
 * Creates an element: attributes (on* are listeners), then children (strings become text nodes).
 * @param {string} tag
 * @param {Record<string, any>} [attrs]
 * @param {...(Node | string | null | undefined | false)} children
 */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'style') for (const [p, x] of Object.entries(v)) el.style.setProperty(p, String(x));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/**
 * @param {string} path
 * @param {unknown} [body]
 */
async function api(path, body) {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'X-Review-Token': TOKEN, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(json.error ?? `HTTP ${res.status}`);
  return json;
}

const pct = (/** @type {number | null} */ x) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** @param {{ok: boolean, output: string} | null} run */
function ingestNote(run) {
  if (!run || run.ok) return null;
  return h('div', { class: 'alert', role: 'alert' }, h('strong', {}, '转换（ingest）失败，站点内容未更新：'), h('pre', {}, run.output));
}

// ── The pages to review ────────────────────────────────────────────────────────────────────

async function showList() {
  document.title = '报库校对';
  const { pages, ingest } = await api('/api/pages');
  const table = (/** @type {string} */ caption, /** @type {any[]} */ rows) =>
    h(
      'table',
      {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...['版面', '文章', '最低把握', '疑点', '更正'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        ...rows.map((p) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, h('a', { href: `#/page/${encodeURIComponent(p.seed)}` }, p.seed), p.ok ? null : h('span', { class: 'bad' }, ` ${p.error ?? '转换失败'}`)),
            h('td', {}, String(p.articles)),
            h('td', {}, p.articles ? pct(p.lowest) : '—'),
            h('td', {}, String(p.doubts)),
            h('td', {}, p.corrections ? `${p.corrections}${p.stale ? `（${p.stale} 条失效）` : ''}` : '—'),
          ),
        ),
      ),
    );
  const byConfidence = [...pages].sort((a, b) => Number(a.ok) - Number(b.ok) || a.lowest - b.lowest || a.seed.localeCompare(b.seed));
  const byDoubts = [...pages].sort((a, b) => Number(a.ok) - Number(b.ok) || b.doubts - a.doubts || a.seed.localeCompare(b.seed));
  main.replaceChildren(
    h('h1', {}, '报库校对'),
    h('p', { class: 'muted' }, '先看解析最没把握、疑点最多的版面。点版面名打开，对照原文各行修正解析结果；每次修正写入该版面的更正文件（.fix.yaml），并重新转换。'),
    ingestNote(ingest) ?? '',
    h('div', { class: 'lists' }, table('把握最低的版面', byConfidence), table('疑点最多的版面', byDoubts)),
  );
}

// ── One page ───────────────────────────────────────────────────────────────────────────────

/** @type {any} */
let page = null;
/** @type {string} */
let statusText = '';
/** @type {{ok: boolean, output: string} | null} */
let lastIngest = null;

/** @param {string} seed */
async function showPage(seed) {
  const r = await api(`/api/page?seed=${encodeURIComponent(seed)}`);
  page = r.page;
  lastIngest = r.ingest;
  statusText = '';
  renderPage();
}

const articleName = (/** @type {number} */ i) => `第${i + 1}篇`;

function articleOptions(/** @type {number | null} */ selected) {
  return page.articles.map((/** @type {any} */ a) => h('option', { value: String(a.index), selected: a.index === selected }, `${articleName(a.index)}${a.correctedFields.title ? `「${a.correctedFields.title}」` : ''}`));
}

function renderPage() {
  document.title = `${page.seed} · 报库校对`;
  const lines = h(
    'ol',
    { class: 'lines', 'aria-label': '原文各行' },
    ...page.lines
      .filter((/** @type {any} */ l) => l.text.trim())
      .map((/** @type {any} */ l) => {
        const owner = l.articles[0];
        const label = l.articles.length ? l.articles.map((/** @type {number} */ i) => `文${i + 1}`).join('·') : '非';
        return h(
          'li',
          { class: `line${l.articles.length ? '' : ' other'}`, style: owner === undefined ? {} : { '--c': colour(owner), '--e': edge(owner) }, 'data-line': String(l.no), 'data-articles': l.articles.join(' ') },
          h('span', { class: 'no' }, String(l.no)),
          h('span', { class: 'tag', title: l.articles.length ? `属于${l.articles.map((/** @type {number} */ i) => articleName(i)).join('、')}` : '不属于任何文章' }, label),
          h('span', { class: 'text' }, l.text),
        );
      }),
  );
  const cards = page.articles.map((/** @type {any} */ a) => articleCard(a));
  const other = page.other.length
    ? h(
        'section',
        { 'aria-labelledby': 'other-h', class: 'other-blocks' },
        h('h3', { id: 'other-h' }, '非文章内容'),
        h(
          'ul',
          {},
          ...page.other.map((/** @type {any} */ o, /** @type {number} */ j) =>
            h('li', { class: 'slot' }, h('span', { class: 'label' }, OTHER_NAMES[/** @type {keyof typeof OTHER_NAMES} */ (o.type)] ?? o.type), h('span', { class: 'text' }, o.text), actionButton(`非文章内容 ${j + 1}`, () => openOther(j))),
          ),
        ),
      )
    : null;
  main.replaceChildren(
    h('p', {}, h('a', { href: '#/' }, '← 全部版面')),
    h('h1', {}, page.seed),
    page.error ? h('div', { class: 'alert', role: 'alert' }, h('strong', {}, '这个版面现在无法解析：'), page.error) : '',
    ingestNote(lastIngest) ?? '',
    h('p', { class: 'status', role: 'status', id: 'status', tabindex: '-1' }, statusText),
    h(
      'div',
      { class: 'split' },
      h('section', { 'aria-labelledby': 'lines-h', class: 'source' }, h('h2', { id: 'lines-h' }, '原文各行'), h('p', { class: 'muted' }, '每行标出它进了哪一篇（文1、文2……，颜色与右侧文章相同）；“非”是不属于任何文章的内容。'), lines),
      h('section', { 'aria-labelledby': 'articles-h', class: 'parsed' }, h('h2', { id: 'articles-h' }, '解析结果'), ...cards, other ?? ''),
    ),
    doubtsSection(),
    correctionsSection(),
  );
}

/** @param {string} what @param {() => void} open */
function actionButton(what, open) {
  return h('button', { type: 'button', class: 'act', 'aria-label': `修正：${what}`, onclick: open }, '修正…');
}

/** @param {any} a */
function articleCard(a) {
  const i = a.index;
  const fields = FIELDS.filter((f) => a.fields[f] !== null).map((f) =>
    h('div', { class: `slot field field-${f}` }, h('span', { class: 'label' }, FIELD_NAMES[f]), h('span', { class: 'text' }, a.correctedFields[f]), actionButton(`${articleName(i)}的${FIELD_NAMES[f]}`, () => openField(i, f))),
  );
  const flags = [
    a.authors.length ? `作者：${a.authors.join('、')}` : '作者：无',
    a.continued_from && `上接${a.continued_from}`,
    a.continued_to && `下转${a.continued_to}`,
    a.truncated_start && '开头残缺',
    a.truncated_end && '结尾残缺',
  ].filter(Boolean);
  return h(
    'article',
    { class: 'card', style: { '--c': colour(i), '--e': edge(i) }, 'aria-labelledby': `a${i}-h`, 'data-article': String(i) },
    h(
      'header',
      {},
      h('h3', { id: `a${i}-h` }, `${articleName(i)}`, h('span', { class: 'muted' }, ` 第${a.lines[0]}–${a.lines[a.lines.length - 1]}行`)),
      h('p', { class: 'conf' }, `起止把握 ${pct(a.confidence.boundary)} · 标题把握 ${pct(a.confidence.headline)}`, a.corrected ? h('span', { class: 'ok' }, ' · 已修正') : null, a.id ? h('span', { class: 'muted id' }, ` · ${a.id}`) : null),
      h(
        'p',
        { class: 'card-acts' },
        i + 1 < page.articles.length ? h('button', { type: 'button', onclick: () => send({ op: 'merge', article: i, with: i + 1 }) }, `与${articleName(i + 1)}合并`) : null,
        h('button', { type: 'button', onclick: () => openValues(i) }, '作者与标记…'),
        h('button', { type: 'button', onclick: () => openWhole(i) }, '整篇归为非文章…'),
      ),
    ),
    fields.length ? h('div', { class: 'fields' }, ...fields) : h('p', { class: 'muted' }, '（无标题）'),
    h('p', { class: 'flags' }, flags.join(' · ')),
    h(
      'div',
      { class: 'blocks' },
      ...a.blocks.map((/** @type {any} */ b, /** @type {number} */ k) =>
        h(
          'div',
          { class: `slot block block-${b.type}` },
          h('span', { class: 'label' }, BLOCK_NAMES[/** @type {keyof typeof BLOCK_NAMES} */ (b.type)]),
          h('span', { class: 'text' }, b.corrected),
          b.corrected !== b.text ? h('span', { class: 'printed' }, `原文：${b.text}`) : null,
          actionButton(`${articleName(i)}第${k + 1}段`, () => openBlock(i, k)),
        ),
      ),
    ),
  );
}

function doubtsSection() {
  if (!page.doubts.length) return h('section', { 'aria-labelledby': 'doubts-h' }, h('h2', { id: 'doubts-h' }, '疑点'), h('p', { class: 'muted' }, '没有疑点。'));
  return h('section', { 'aria-labelledby': 'doubts-h' }, h('h2', { id: 'doubts-h' }, '疑点'), h('ul', {}, ...page.doubts.map((/** @type {any} */ d) => h('li', {}, d.message))));
}

function correctionsSection() {
  return h(
    'section',
    { 'aria-labelledby': 'fixes-h' },
    h('h2', { id: 'fixes-h' }, '更正'),
    h('p', { class: 'muted' }, `写在 ${page.fixFile}（可手工编辑，格式见 README「Corrections」）。`),
    page.corrections.length
      ? h(
          'ol',
          { class: 'fixes' },
          ...page.corrections.map((/** @type {any} */ c) =>
            h(
              'li',
              { class: `fix-${c.status}` },
              h('code', {}, c.what),
              ' ',
              h('span', { class: 'badge' }, STATUS_NAMES[/** @type {keyof typeof STATUS_NAMES} */ (c.status)] ?? c.status),
              c.message ? h('span', { class: 'bad' }, ` ${c.message}`) : null,
              ' ',
              h('button', { type: 'button', onclick: () => remove(c.n), 'aria-label': `删除第${c.n}条更正` }, '删除'),
            ),
          ),
        )
      : h('p', {}, '还没有更正。'),
  );
}

// ── Actions ────────────────────────────────────────────────────────────────────────────────

/** @param {any} intent */
async function send(intent) {
  const err = dialog.querySelector('[data-error]');
  try {
    const r = await api('/api/correct', { seed: page.seed, intent });
    page = r.page;
    lastIngest = r.ingest;
    statusText = r.ingest.ok ? `已写入 ${page.fixFile}，并已重新转换。` : `已写入 ${page.fixFile}，但转换失败（见上）。`;
    if (dialog.open) dialog.close();
    renderPage();
    /** @type {HTMLElement} */ (document.getElementById('status')).focus();
  } catch (e) {
    const msg = /** @type {Error} */ (e).message;
    if (dialog.open && err) err.textContent = msg;
    else {
      statusText = `未能修正：${msg}`;
      renderPage();
      /** @type {HTMLElement} */ (document.getElementById('status')).focus();
    }
  }
}

/** @param {number} n */
async function remove(n) {
  try {
    const r = await api('/api/remove', { seed: page.seed, n });
    page = r.page;
    lastIngest = r.ingest;
    statusText = `已删除第${n}条更正，并已重新转换。`;
  } catch (e) {
    statusText = `未能删除：${/** @type {Error} */ (e).message}`;
  }
  renderPage();
  /** @type {HTMLElement} */ (document.getElementById('status')).focus();
}

/**
 * Opens the dialog with a text (selecting in it fills the quote box) and action rows.
 * @param {string} title @param {string | null} text @param {Node[]} rows
 */
function openDialog(title, text, rows) {
  const quote = /** @type {HTMLInputElement} */ (h('input', { id: 'quote', type: 'text', autocomplete: 'off' }));
  const sel = text === null ? null : h('p', { class: 'sel', id: 'sel' }, text);
  dialog.replaceChildren(
    h(
      'form',
      { method: 'dialog', onsubmit: (/** @type {Event} */ e) => e.preventDefault() },
      h('h2', { id: 'act-h' }, title),
      sel ?? '',
      sel ? h('p', { class: 'quote' }, h('label', { for: 'quote' }, '所选文字（在上面用鼠标选中，或在此输入）'), quote) : '',
      ...rows,
      h('p', { class: 'alert', role: 'alert', 'data-error': '' }),
      h('p', {}, h('button', { type: 'button', onclick: () => dialog.close() }, '取消')),
    ),
  );
  dialog.setAttribute('aria-labelledby', 'act-h');
  dialog.showModal();
  return quote;
}

/** Fills the quote box from a selection inside the dialog's text. */
document.addEventListener('selectionchange', () => {
  const s = document.getSelection();
  const sel = document.getElementById('sel');
  const quote = /** @type {HTMLInputElement | null} */ (document.getElementById('quote'));
  if (!s || !sel || !quote || s.isCollapsed || !sel.contains(s.anchorNode)) return;
  quote.value = s.toString();
});

/** @param {...(Node | string | null)} c */
function row(...c) {
  return h('div', { class: 'row' }, ...c);
}
const select = (/** @type {string} */ id, /** @type {string} */ label, /** @type {[string, string][]} */ options) => [
  h('label', { for: id }, label),
  h('select', { id }, ...options.map(([v, t]) => h('option', { value: v }, t))),
];
const value = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ (document.getElementById(id)).value;
const button = (/** @type {string} */ text, /** @type {() => void} */ run) => h('button', { type: 'button', onclick: run }, text);
const articleSelect = (/** @type {string} */ id, /** @type {string} */ label, /** @type {number | null} */ selected) => [h('label', { for: id }, label), h('select', { id }, ...articleOptions(selected))];

/** @param {any} slot @param {(q: string) => any} make */
function correctRow(slot, make = (q) => ({ op: 'correct', slot, quote: q, to: value('fix-to'), note: value('fix-note') || undefined })) {
  return row(h('label', { for: 'fix-to' }, '所选文字改为'), h('input', { id: 'fix-to', type: 'text' }), h('label', { for: 'fix-note' }, '说明'), h('input', { id: 'fix-note', type: 'text', placeholder: '如：排印错误' }), button('更正文字（保留原文）', () => send(make(value('quote')))));
}

/** @param {number} i @param {number} k */
function openBlock(i, k) {
  const a = page.articles[i];
  const slot = { kind: 'block', article: i, block: k };
  const types = Object.entries(BLOCK_NAMES);
  openDialog(`${articleName(i)}第${k + 1}段（${BLOCK_NAMES[/** @type {keyof typeof BLOCK_NAMES} */ (a.blocks[k].type)]}）`, a.blocks[k].text, [
    row(button('从本段起另为一篇', () => send({ op: 'split', slot })), button('从所选文字起另为一篇', () => send({ op: 'split', slot, quote: value('quote') }))),
    row(button('从所选文字起另起一段', () => send({ op: 'break', slot, quote: value('quote') })), k + 1 < a.blocks.length ? button('与下一段合为一段', () => send({ op: 'join', slot })) : null),
    row(...select('retype-as', '本段是', /** @type {[string, string][]} */ (types)), button('改类型', () => send({ op: 'retype', slot, as: value('retype-as') }))),
    row(...articleSelect('set-article', '本段是', i), ...select('set-field', '的', FIELDS.map((f) => [f, FIELD_NAMES[f]])), button('设为标题或署名', () => send({ op: 'setField', slot, article: Number(value('set-article')), field: value('set-field') }))),
    row(...select('other-type', '本段不属于文章，是', Object.entries(OTHER_NAMES)), button('归为非文章内容', () => send({ op: 'other', slot, type: value('other-type') }))),
    correctRow(slot),
  ]);
}

/** @param {number} i @param {typeof FIELDS[number]} f */
function openField(i, f) {
  const a = page.articles[i];
  const slot = { kind: 'field', article: i, field: f };
  openDialog(`${articleName(i)}的${FIELD_NAMES[f]}`, a.fields[f], [
    row(button('退回正文（作为第一段）', () => send({ op: 'clearField', article: i, field: f }))),
    row(
      ...articleSelect('move-article', '这一行是', i),
      ...select('move-field', '的', FIELDS.map((x) => [x, FIELD_NAMES[x]])),
      button('移过去', () => send({ op: 'setField', slot, article: Number(value('move-article')), field: value('move-field') })),
      button('所选文字移过去', () => send({ op: 'setField', slot, article: Number(value('move-article')), field: value('move-field'), quote: value('quote') })),
    ),
    row(...select('other-type', '这一行不属于文章，是', Object.entries(OTHER_NAMES)), button('归为非文章内容', () => send({ op: 'other', slot, type: value('other-type') }))),
    correctRow(slot),
  ]);
}

/** @param {number} j */
function openOther(j) {
  const o = page.other[j];
  openDialog(`非文章内容（${OTHER_NAMES[/** @type {keyof typeof OTHER_NAMES} */ (o.type)] ?? o.type}）`, o.text, [
    row(
      h('label', { for: 'into' }, '其实是'),
      h('select', { id: 'into' }, h('option', { value: '' }, '单独的一篇文章'), ...articleOptions(null)),
      ...select('into-as', '中的', Object.entries(BLOCK_NAMES)),
      button('归入文章', () => send({ op: 'article', index: j, into: value('into') === '' ? undefined : Number(value('into')), as: value('into-as') })),
    ),
    row(...select('other-type', '类型改为', Object.entries(OTHER_NAMES)), button('改类型', () => send({ op: 'other', slot: { kind: 'other', index: j }, type: value('other-type') }))),
  ]);
}

/** @param {number} i */
function openValues(i) {
  const a = page.articles[i];
  const check = (/** @type {string} */ id, /** @type {string} */ label, /** @type {boolean} */ on) => [h('input', { id, type: 'checkbox', checked: on }), h('label', { for: id }, label)];
  openDialog(`${articleName(i)}：作者与标记`, null, [
    row(h('label', { for: 'authors' }, '作者（以空格或顿号分隔）'), h('input', { id: 'authors', type: 'text', value: a.authors.join('、') })),
    row(h('label', { for: 'from' }, '上接（如 第1版）'), h('input', { id: 'from', type: 'text', value: a.continued_from ?? '' }), h('label', { for: 'to' }, '下转'), h('input', { id: 'to', type: 'text', value: a.continued_to ?? '' })),
    row(...check('tstart', '开头残缺（从句中开始）', a.truncated_start), ...check('tend', '结尾残缺（在句中断开）', a.truncated_end)),
    row(
      button('保存', () => {
        const authors = value('authors').split(/[\s、，,]+/u).filter(Boolean);
        /** @type {Record<string, unknown>} */
        const v = { op: 'values', article: i };
        if (authors.join('|') !== a.authors.join('|')) v.authors = authors;
        if ((value('from') || null) !== a.continued_from) v.continued_from = value('from') || null;
        if ((value('to') || null) !== a.continued_to) v.continued_to = value('to') || null;
        const ts = /** @type {HTMLInputElement} */ (document.getElementById('tstart')).checked;
        const te = /** @type {HTMLInputElement} */ (document.getElementById('tend')).checked;
        if (ts !== a.truncated_start) v.truncated_start = ts;
        if (te !== a.truncated_end) v.truncated_end = te;
        void send(v);
      }),
    ),
  ]);
}

/** @param {number} i */
function openWhole(i) {
  openDialog(`${articleName(i)}：整篇不是文章`, null, [row(...select('whole-type', '整篇其实是', Object.entries(OTHER_NAMES)), button('整篇归为非文章内容', () => send({ op: 'otherArticle', article: i, type: value('whole-type') })))]);
}

// ── Routing ────────────────────────────────────────────────────────────────────────────────

async function route() {
  const m = /^#\/page\/(.+)$/.exec(location.hash);
  try {
    if (m) await showPage(decodeURIComponent(m[1]));
    else await showList();
  } catch (e) {
    main.replaceChildren(h('div', { class: 'alert', role: 'alert' }, `出错了：${/** @type {Error} */ (e).message}`), h('p', {}, h('a', { href: '#/' }, '← 全部版面')));
  }
  main.focus();
}

window.addEventListener('hashchange', route);
void route();
