/**
 * Cutting text for descriptions and openings (issue 13): by user-perceived characters (grapheme
 * clusters), so a cut never splits a surrogate pair — which became U+FFFD in meta descriptions and a
 * lone surrogate in JSON-LD — nor a letter from its combining marks or an emoji sequence.
 */

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** `text` cut after `max` characters with `…` appended, or whole when it is not longer. */
export function clip(text: string, max: number): string {
  let n = 0;
  for (const { index } of graphemes.segment(text)) {
    if (n === max) return `${text.slice(0, index)}…`;
    n++;
  }
  return text;
}
