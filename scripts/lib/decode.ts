/**
 * @fileoverview Stage 1 — decode: the bytes of a page file become text, or a clear error.
 * UTF-8 (with or without BOM) is tried strictly first; a page that is not valid UTF-8 is tried
 * as GB18030 (a superset of GBK and GB2312), which Node's TextDecoder supports. Anything else is
 * rejected rather than turned into mojibake.
 */
import type { PageEncoding } from '../../core/schema.ts';

/** An input problem that names the file and, where known, the place in it. */
export class PageError extends Error {
  readonly file: string;
  readonly line: number | null;
  constructor(file: string, message: string, line: number | null = null) {
    super(`${file}${line === null ? '' : `:${line}`}: ${message}`);
    this.name = 'PageError';
    this.file = file;
    this.line = line;
  }
}

/** Which encoding a page was read in (`PAGE_ENCODINGS`, core/schema.ts). */
export type { PageEncoding };

/** Decoded page text with line ends normalised to `\n`. */
export interface DecodedPage {
  text: string;
  encoding: PageEncoding;
}

/** Share of characters that make text look like binary data rather than a page. */
function controlShare(text: string): number {
  let bad = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if ((c < 0x20 && ch !== '\n' && ch !== '\r' && ch !== '\t') || c === 0xfffd) bad++;
  }
  return text.length ? bad / text.length : 0;
}

/** Decodes a page file's bytes; throws {@link PageError} for empty, binary or undecodable input. */
export function decodePage(bytes: Uint8Array, file: string): DecodedPage {
  if (bytes.length === 0) throw new PageError(file, 'the file is empty');
  if (bytes.includes(0)) throw new PageError(file, 'the file holds NUL bytes: it looks binary, not a page text');
  let text: string;
  let encoding: PageEncoding = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      encoding = 'gb18030';
    } catch {
      throw new PageError(file, 'the file is neither valid UTF-8 nor GB18030/GBK text');
    }
  }
  text = text.replace(/\r\n?/g, '\n');
  if (controlShare(text) > 0.01) throw new PageError(file, 'the file holds control characters: it looks binary, not a page text');
  if (!/\S/u.test(text)) throw new PageError(file, 'the file holds only white space');
  if (encoding === 'gb18030' && !/\p{Script=Han}/u.test(text)) {
    throw new PageError(file, 'the file is not UTF-8 and does not read as Chinese text in GB18030 either');
  }
  return { text, encoding };
}
