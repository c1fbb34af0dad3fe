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
import type { OutputFile, Site } from '../types.js';
import type { SearchCache } from './cache.js';
import { IndexingSession, type SearchResult, type SearchSession } from './indexing-session.js';

export { PAGEFIND_DIR, PARTS_MANIFEST, partFolder } from './bundle-assembly.js';
export { splitIntoParts, type SearchResult, type SearchSession, type SearchStats } from './indexing-session.js';

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
