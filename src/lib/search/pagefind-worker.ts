/**
 * @fileoverview The search page's worker: runs every archive part's Pagefind, so neither
 * evaluating pagefind.js nor handling its answers takes the page's main thread (issue 12: on a
 * throttled phone pagefind.js alone was a ~100 ms long task). Inside a worker Pagefind runs its
 * WebAssembly in this thread instead of starting a worker of its own.
 *
 * Messages in: `{ id, base, slices, term }` (term null = only load that part's Pagefind). Out: `{ id, ids }`
 * or `{ id, error }`.
 */
/// <reference lib="webworker" />
import type { Pagefind } from './checks.ts';
import { loadPagefind, pagefindIds } from './pagefind-load.ts';
import type { WorkerAnswer, WorkerQuestion } from './pagefind-worker-client.ts';

const parts = new Map<string, Promise<Pagefind>>();

function part(base: string, slices: number): Promise<Pagefind> {
  let pf = parts.get(base);
  if (!pf) {
    pf = loadPagefind(base, slices);
    // A failed load (e.g. offline) must not poison later attempts.
    pf.catch(() => parts.delete(base));
    parts.set(base, pf);
  }
  return pf;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', async (e: MessageEvent<WorkerQuestion>) => {
  const { id, base, slices, term } = e.data;
  let answer: WorkerAnswer;
  try {
    const pf = await part(base, slices);
    answer = { id, ids: term === null ? [] : await pagefindIds(pf, base, term) };
  } catch (err) {
    answer = { id, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(answer);
});
