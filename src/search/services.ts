// Pagefind services to index with. The `pagefind` module runs one service process per module
// instance, and a process indexes on one core; so that the languages of a site are indexed side by
// side, each slot here is its own instance of the module (the same file imported under another
// URL query), hence its own process.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

export type Pagefind = typeof import('pagefind');

const slots = new Map<number, Promise<Pagefind>>();

/** The pagefind module of slot `n` (0, 1, …), loaded once per process. */
export function pagefindService(n: number): Promise<Pagefind> {
  let slot = slots.get(n);
  if (!slot) {
    slot = import(`${import.meta.resolve('pagefind')}?service=${n}`) as Promise<Pagefind>;
    slots.set(n, slot);
  }
  return slot;
}

/**
 * Services worth running at once: one per index part to build, up to one more than there are
 * cores. A part without a process holds its pages until one is free; with ko, zh and en on two
 * cores (one index each, before parts), one process each kept Node's peak at 20,000 posts 0.1 GB
 * lower than two (830 against 922 MiB, one run each), in as much time.
 */
export function serviceCount(indexes: number): number {
  return Math.max(1, Math.min(indexes, os.availableParallelism() + 1));
}

/** The installed Pagefind's version: its index files change with it, so cache keys include it. */
export const PAGEFIND_VERSION: string = (() => {
  const manifest = fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind')));
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
})();
