/**
 * Archive parts (issue #6): an archive too large for one build is built as several sites — one per
 * year or per paper, each under its own base path on the same origin — and one search box spans
 * them. Every part is built with the same `BAOKU_SEARCH_PARTS` (comma-separated base paths, in the
 * order results should come: newest year first, say); the search page of each part then queries
 * every part's index and shows their results together. Unset, the archive is one part.
 */

/** The base paths of all parts, this build's own included (first if the list leaves it out). */
export function searchParts(ownBase: string, setting: string | undefined): string[] {
  const norm = (b: string) => b.trim().replace(/\/?$/, '/');
  const own = norm(ownBase);
  const parts: string[] = [];
  for (const raw of (setting ?? '').split(',')) {
    if (!raw.trim()) continue;
    const b = norm(raw);
    if (!b.startsWith('/') || b.startsWith('//')) {
      throw new Error(`BAOKU_SEARCH_PARTS: "${raw.trim()}" is not a base path on this origin (it must start with a single "/")`);
    }
    if (!parts.includes(b)) parts.push(b);
  }
  return parts.includes(own) ? parts : [own, ...parts];
}
