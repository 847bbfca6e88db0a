/**
 * Cheap check whether traditional→simplified conversion could change a query, so the converter
 * is only downloaded for queries that contain a convertible character.
 */
import { HANT_CHAR_DELTAS } from './hant-chars.ts';

let set: Set<number> | null = null;

function hantSet(): Set<number> {
  if (!set) {
    set = new Set();
    let cp = 0;
    for (const d of HANT_CHAR_DELTAS.split(',')) set.add((cp += parseInt(d, 36)));
  }
  return set;
}

/** True when the (folded) text contains a character that traditional→simplified conversion can change. */
export function mayBeTraditional(folded: string): boolean {
  const s = hantSet();
  for (const ch of folded) if (s.has(ch.codePointAt(0)!)) return true;
  return false;
}
