/**
 * @fileoverview The review page's HTML (issue 11): a shell with the per-run token, the style and
 * the script (client.js) inline under a nonce, so the page needs nothing but its own server.
 */
import { readFileSync } from 'node:fs';

const CLIENT = readFileSync(new URL('./client.js', import.meta.url), 'utf8');
const STYLE = readFileSync(new URL('./style.css', import.meta.url), 'utf8');

/** The page, for one token and one response's nonce. */
export function reviewHtml(token: string, nonce: string): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="review-token" content="${attr(token)}">
<title>报库校对</title>
<style nonce="${attr(nonce)}">${STYLE}</style>
</head>
<body>
<main id="main" tabindex="-1"><p>正在载入……</p></main>
<dialog id="act"></dialog>
<script type="module" nonce="${attr(nonce)}">${CLIENT.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}
