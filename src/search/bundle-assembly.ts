// The search bundle served under /pagefind/, out of the files Pagefind produced for each index
// part: part 0 of every language shares the main bundle, every other part is a folder of its own
// that the search page merges (`mergeIndex`), listed in `/pagefind/parts.json`.
import type { Lang, OutputFile } from '../types.js';

/** Output folder of the Pagefind bundle (index, pagefind.js, wasm), relative to the output folder. */
export const PAGEFIND_DIR = 'pagefind';

/** The list of each language's further parts, in the main bundle: `{ "ko": ["parts/ko-1/"], "en": [] }`. */
export const PARTS_MANIFEST = `${PAGEFIND_DIR}/parts.json`;

/**
 * Pagefind's own UIs and helpers: omnipress has its own small results renderer (client/search.js),
 * so these would be dead weight in every deployment.
 */
const UNUSED_BUNDLE_FILE = /^(pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)|playground\/.*)$/;

/** What a merged part needs of its bundle: it runs on the main bundle's pagefind.js and wasm. */
const PART_FILE = /^(pagefind-entry\.json|.*\.pf_(meta|index|fragment|filter))$/;

/** Files of the index proper: the part of the bundle that grows with the posts. */
export const INDEX_FILE = /\.pf_(meta|index|fragment|filter)$/;

/** The output folder of a part: part 0 of every language shares the main bundle. */
export function partFolder(lang: Lang, number: number): string {
  return number === 0 ? PAGEFIND_DIR : `${PAGEFIND_DIR}/parts/${lang}-${number}`;
}

/** Of the files Pagefind produced for part `number` (paths relative to its folder), those its bundle needs. */
export function partBundleFiles(files: readonly OutputFile[], number: number): OutputFile[] {
  return files.filter((file) => !UNUSED_BUNDLE_FILE.test(file.path) && (number === 0 || PART_FILE.test(file.path)));
}

/** One part's files on their way into the bundles (paths relative to the part's folder). */
export interface BundlePart {
  lang: Lang;
  number: number;
  files: readonly OutputFile[];
}

/**
 * The bundles, out of each part's files: part 0 of every language in the main bundle, whose shared
 * files (pagefind.js, the wasm) are the same bytes in each and whose `pagefind-entry.json` lists
 * every language, sorted, so that the same site always gives the same bytes (Pagefind writes them
 * in hash-map order); the other parts in folders of their own; and the manifest of those, by
 * Pagefind's language key (`zh-hans`). Where two parts give the same path, the first one's file is
 * kept.
 */
export function assembleBundles(parts: readonly BundlePart[]): OutputFile[] {
  const files = new Map<string, OutputFile>();
  let entry: { languages?: Record<string, unknown> } | undefined;
  const languages: Record<string, unknown> = {};
  const manifest: Record<string, string[]> = {};
  for (const { lang, number, files: own } of parts) {
    const folder = partFolder(lang, number);
    for (const file of own) {
      if (file.path === 'pagefind-entry.json') {
        const parsed = JSON.parse(Buffer.from(file.content).toString('utf8')) as { languages?: Record<string, unknown> };
        for (const key of Object.keys(parsed.languages ?? {})) {
          const list = (manifest[key] ??= []);
          if (number > 0) list.push(`${folder.slice(PAGEFIND_DIR.length + 1)}/`);
        }
        // Part 0's entries become one, below; a further part keeps its own.
        if (number === 0) {
          entry ??= parsed;
          Object.assign(languages, parsed.languages);
          continue;
        }
      }
      const at = `${folder}/${file.path}`;
      if (!files.has(at)) files.set(at, { path: at, content: file.content });
    }
  }
  const sortedKeys = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (entry) {
    entry.languages = sortedKeys(languages);
    files.set(`${PAGEFIND_DIR}/pagefind-entry.json`, { path: `${PAGEFIND_DIR}/pagefind-entry.json`, content: Buffer.from(JSON.stringify(entry)) });
  }
  files.set(PARTS_MANIFEST, { path: PARTS_MANIFEST, content: Buffer.from(JSON.stringify(sortedKeys(manifest))) });
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}
