/**
 * Extracts the indexed text of a built page: the element carrying `data-pagefind-body`, minus
 * scripts/styles and anything marked `data-pagefind-ignore` (Pagefind's own rules). A deliberately
 * small tag scanner, because Astro's output is well-formed and we only need text, not a DOM.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SKIP_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'svg']);
/** Tags after which a reader sees a line break; we keep one so excerpts do not glue paragraphs. */
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'header', 'footer', 'section', 'article', 'figure', 'figcaption', 'blockquote', 'br', 'hgroup', 'main', 'aside', 'table', 'tr', 'td', 'th', 'dd', 'dt', 'dl', 'pre']);
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the HTML character references Astro emits (named basics and numeric). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(cp) ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[ref.toLowerCase()] ?? m;
  });
}

/**
 * The text of the `data-pagefind-body` elements (all of them, in document order, as Pagefind
 * indexes them), with block boundaries as newlines; null if the page has none.
 */
export function extractBodyText(html: string): string | null {
  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  let depth = 0; // depth inside a body element; 0 = outside
  let skipDepth = 0; // >0 while inside an ignored subtree (counted in body-depth units)
  let out = '';
  let last = 0;
  let found = false;
  while ((m = TAG.exec(html))) {
    const text = html.slice(last, m.index);
    last = TAG.lastIndex;
    if (depth > 0 && skipDepth === 0) out += decodeEntities(text);
    if (m[0].startsWith('<!--')) continue;
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    const attrs = m[3];
    const selfClosing = VOID.has(name) || attrs.trimEnd().endsWith('/');
    if (depth === 0) {
      if (!closing && !selfClosing && /(?:^|\s)data-pagefind-body(?:[\s=]|$)/.test(attrs)) {
        if (found) out += '\n';
        found = true;
        depth = 1;
      }
      continue;
    }
    if (closing) {
      if (skipDepth > 0 && depth === skipDepth) skipDepth = 0;
      depth--;
      if (skipDepth === 0 && BLOCK.has(name)) out += '\n';
      continue;
    }
    if (selfClosing) {
      if (skipDepth === 0 && BLOCK.has(name)) out += '\n';
      continue;
    }
    depth++;
    if (skipDepth === 0 && (SKIP_CONTENT.has(name) || /(?:^|\s)data-pagefind-ignore(?:[\s=]|$)/.test(attrs))) skipDepth = depth;
    else if (skipDepth === 0 && BLOCK.has(name)) out += '\n';
  }
  if (!found) return null;
  return out
    .replace(/[ \t\r\f\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}
