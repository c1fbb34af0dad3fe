// The search step: after rendering, feed the rendered post pages to Pagefind and add its
// index to the outputs, so `build` writes it through the staging writer and the dev server keeps
// it in memory like every other output.
//
// Why Pagefind: it segments Chinese at index time and matches word prefixes at query time, so
// 语音 is found inside a Chinese sentence and 음성 inside 음성으로 (Korean particles glued to
// words). Each language has its own index, and pagefind.js picks the index of the page it runs
// on, so the search page of each language only ever sees that language's posts.
//
// A language with more posts than `searchPartSize` is indexed in parts, counted from its oldest
// post: Pagefind's cost per page and its memory grow with the size of an index, so bounded parts
// keep both flat, and a new post changes only the newest part, so only that part is indexed again.
// Part 0 of every language is in the main bundle, `/pagefind/`; every other part is a bundle
// folder of its own that the search page merges (`mergeIndex`), listed in `/pagefind/parts.json`.
//
// Only post pages are handed over, and post.njk marks the parts to index (title and body) with
// `data-pagefind-body`; navigation, headers, footers and list pages never reach the index.
//
// The modules: indexing-session.ts (pages in, parts from the cache or to Pagefind, the result),
// pagefind-pool.ts (the Pagefind processes), bundle-assembly.ts (the parts' files into /pagefind/),
// cache.ts (indexed parts kept between builds), client.ts (the search page's script).
import type { Diagnostic } from '../diagnostics.js';
import type { Lang, OutputFile, Site } from '../types.js';
import type { SearchCache } from './cache.js';
import { IndexingSession } from './indexing-session.js';

export { PAGEFIND_DIR, PARTS_MANIFEST, partFolder } from './bundle-assembly.js';
export { splitIntoParts } from './indexing-session.js';

/** What indexing cost and produced; the build report and the bench read it. */
export interface SearchStats {
  /** Post pages indexed, per language code. */
  pages: Record<Lang, number>;
  /** Index parts, all languages together (one per language up to `searchPartSize` posts). */
  parts: number;
  /** Files in the bundle (index chunks, fragments, pagefind.js, wasm) plus the search page script. */
  files: number;
  /** Bytes of all those files. */
  bytes: number;
  /** Bytes of the index proper (`.pf_meta`, `.pf_index`, `.pf_fragment`, `.pf_filter`): the part that grows with the posts. */
  indexBytes: number;
  /** Milliseconds spent indexing (adding pages and producing the files). */
  ms: number;
  /** Languages with a part that went through Pagefind in this run. */
  indexed: Lang[];
  /** Parts that went through Pagefind in this run (the others came from the cache). */
  partsIndexed: number;
}

export interface SearchResult {
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
  /** Unset when search is off or indexing failed. */
  stats?: SearchStats;
}

/**
 * Indexing that starts while pages are still being rendered: the render stage hands each post
 * page over (`add`) as it is done. A part comes from the cache when its pages are the same bytes
 * as when it was cached; that is known only once it is complete, so while the cache has entries
 * its pages wait until then. With an empty cache (a first build, a CI run without one) nothing
 * can come from it, and each part's pages go to Pagefind as they arrive: indexing runs beside
 * rendering, and pages are let go at once rather than held until the part is complete. `finish`
 * waits for every part and returns the bundles.
 */
export interface SearchSession {
  /** A rendered page (others than post pages are ignored); `hash` of its HTML when known. */
  add(file: OutputFile, hash?: string): void;
  /**
   * Undefined, or a promise to wait for before rendering more: Pagefind takes pages more slowly
   * than they are rendered, and the pages waiting for it would otherwise pile up in memory.
   */
  pace(): Promise<void> | undefined;
  /** Index what is still missing, wait for every part, assemble the bundles. */
  finish(): Promise<SearchResult>;
  /** The build failed: start nothing more (what runs finishes in the background). */
  cancel(): void;
}

/**
 * An indexing session for `site`: each part is its own Pagefind index, so that parts are indexed
 * side by side, and a part whose pages did not change comes from `cache` instead. Undefined when
 * search is off.
 */
export function startSearch(site: Site, cache?: SearchCache): SearchSession | undefined {
  if (!site.config.search) return undefined;
  return new IndexingSession(site, cache);
}

/** Index the rendered post pages of `site` at once; `outputs` are the render stage's files. */
export async function indexSearch(
  site: Site,
  outputs: readonly OutputFile[],
  cache?: SearchCache,
  hashes: ReadonlyMap<string, string> = new Map(),
): Promise<SearchResult> {
  const session = startSearch(site, cache);
  if (!session) return { outputs: [], diagnostics: [] };
  for (const file of outputs) session.add(file, hashes.get(file.path));
  return session.finish();
}
