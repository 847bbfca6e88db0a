/**
 * What the indexer stores per article: the token content given to Pagefind, and the small JSON
 * document the client fetches to show (and verify) a result.
 */
import { fold } from './fold.ts';
import { charWords, indexWords } from './tokens.ts';

/** The text and headline of one article in one script. */
export interface ScriptText {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  /** The indexed text (the page's data-pagefind-body), block breaks as newlines. */
  text: string;
}

/**
 * What the client fetches to show a result in one script: `search-docs/<result id>.<script>.sdoc`
 * (gzipped JSON).
 * One file per script so a page downloads only the text it displays (the other script's file is
 * fetched only if verification needs it).
 */
export interface ScriptDoc extends ScriptText {
  id: string;
  /** Display labels in this script. */
  paper: string | null;
  date: string | null;
  page: string | null;
  column: string | null;
}

/** Both scripts' documents of an article. */
export interface SearchDoc {
  hans: ScriptDoc;
  hant: ScriptDoc;
}

/** The headline of a script text: kicker, title and subtitle joined. */
export function headlineOf(t: ScriptText): string {
  return [t.kicker, t.title, t.subtitle].filter(Boolean).join('\n');
}

/**
 * Pagefind content for an article (see tokens.ts): body bigram streams of both scripts, headline
 * streams of both scripts, then the distinct-character words of body and headline. A script's
 * stream is skipped when it folds to the same text as the other.
 */
export function recordContent(hans: ScriptText, hant: ScriptText): string {
  const words: string[] = [];
  const add = (a: string, b: string, headline: boolean) => {
    const fa = fold(a);
    const fb = fold(b);
    words.push(...indexWords(fa, headline));
    if (fb !== fa) words.push(...indexWords(fb, headline));
    return [fa, fb];
  };
  const body = add(hans.text, hant.text, false);
  const head = add(headlineOf(hans), headlineOf(hant), true);
  words.push(...charWords(body), ...charWords(head, true));
  return words.join(' ');
}
