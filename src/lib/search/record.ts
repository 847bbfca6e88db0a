/**
 * What the indexer stores per article: the token content given to Pagefind, and the small JSON
 * document the client fetches to show (and verify) a result.
 */
import { fold } from './fold.ts';
import { HEADLINE_MARK, indexWords } from './tokens.ts';

/** The text and headline of one article in one script. */
export interface ScriptText {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  /** The indexed text (the page's data-pagefind-body), block breaks as newlines. */
  text: string;
}

/** The per-article document served next to the index (`search-docs/<result id>.json`). */
export interface SearchDoc {
  id: string;
  paper: string | null;
  date: string | null;
  page: string | null;
  column: string | null;
  hans: ScriptText;
  hant: ScriptText;
  /** Display labels for paper/page/column in traditional script. */
  hantLabels: { paper: string | null; page: string | null; column: string | null };
}

/** The headline of a script text: kicker, title and subtitle joined. */
export function headlineOf(t: ScriptText): string {
  return [t.kicker, t.title, t.subtitle].filter(Boolean).join('\n');
}

/**
 * Pagefind content for an article: body bigram words of both scripts, then headline words (marked)
 * of both scripts. A script's stream is skipped when it folds to the same text as the other.
 * Streams cannot match across their junction: a stream ends with a single-character word, and
 * multi-character queries only ask for two-character words.
 */
export function recordContent(hans: ScriptText, hant: ScriptText): string {
  const words: string[] = [];
  const add = (a: string, b: string, mark: string) => {
    const fa = fold(a);
    const fb = fold(b);
    words.push(...indexWords(fa, mark));
    if (fb !== fa) words.push(...indexWords(fb, mark));
  };
  add(hans.text, hant.text, '');
  add(headlineOf(hans), headlineOf(hant), HEADLINE_MARK);
  return words.join(' ');
}
