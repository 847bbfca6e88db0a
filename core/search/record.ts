/**
 * What the indexer stores per article: the token content given to Pagefind, and the small JSON
 * document the client fetches to show (and verify) a result (`ScriptDocSchema`, core/schema.ts).
 */
import { fold } from './fold.ts';
import { distinctChars, headlineCharWords, indexWords } from './tokens.ts';
import type { ScriptDoc } from '../schema.ts';
import type { Variants } from './variants.ts';

/** The text and headline of one article in one script. */
export type ScriptText = Pick<ScriptDoc, 'kicker' | 'title' | 'subtitle' | 'text'>;

/** Both scripts' documents of an article. */
export interface SearchDoc {
  hans: ScriptDoc;
  hant: ScriptDoc;
}

/** The headline of a script text: kicker, title and subtitle joined. */
export function headlineOf(t: ScriptText): string {
  return [t.kicker, t.title, t.subtitle].filter(Boolean).join('\n');
}

/** The one word of an article with no text at all: starts with 'z', so no query ever asks for it. */
export const EMPTY_RECORD_WORD = 'zzz';

/** What the index holds for one article: its Pagefind words and, for the character files, its characters. */
export interface RecordContent {
  content: string;
  /** Distinct characters of the (folded) indexed text, in code-point order. */
  chars: string[];
  /** True when the two scripts' texts did not fold to the same string and both streams were indexed. */
  twoStreams: boolean;
}

/**
 * Pagefind content for an article (see tokens.ts): the body bigram stream, the headline stream,
 * the headline's distinct-character words, and the body's characters for the character files. Texts are folded
 * with the archive's script variants, so the two scripts normally give the same stream and it is
 * indexed once; if they differ (a conversion that did not keep the text's length), the other
 * script's stream is indexed too, so a match on either page is still found.
 */
export function recordContent(hans: ScriptText, hant: ScriptText, variants: Variants): RecordContent {
  const words: string[] = [];
  // Appended one by one: spreading a long article's words into push() overflows the call stack
  // (~128,000 arguments, issue 13).
  const append = (more: string[]) => {
    for (const w of more) words.push(w);
  };
  let twoStreams = false;
  const add = (a: string, b: string, headline: boolean) => {
    const fa = fold(a, variants);
    const fb = fold(b, variants);
    append(indexWords(fa, headline));
    if (fb !== fa) {
      append(indexWords(fb, headline));
      twoStreams = true;
    }
    return [fa, fb];
  };
  const body = add(hans.text, hant.text, false);
  const head = add(headlineOf(hans), headlineOf(hant), true);
  append(headlineCharWords(head));
  // Pagefind leaves out a record without words, which would shift every later article's rank.
  if (words.length === 0) words.push(EMPTY_RECORD_WORD);
  return { content: words.join(' '), chars: distinctChars(body), twoStreams };
}
