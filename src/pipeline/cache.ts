// What a caller hands to runPipeline so that a run redoes only what changed: the dev server keeps
// one in memory for its lifetime; `build` reads one from `.omnipress-cache/` and saves it after a
// successful build (cache-file.ts). Without one (`check`) every stage does everything.
//
// Every entry is keyed on content, never on "was this file touched": a stale entry cannot be
// hit, it only wastes memory until the next run prunes it. The dev server still drops entries it
// knows are dead (rebuild.ts), which matters for the load cache (keyed on mtime + size).
import type { Diagnostic } from '../diagnostics.js';
import type { LinkRef, MarkdownRenderer } from '../markdown/renderer.js';
import type { TemplateEngine } from '../nunjucks/environment.js';
import type { Translate } from '../i18n/ui-strings.js';
import type { MarkdownStrings } from '../markdown/strings.js';
import type { RenderedBody } from '../nunjucks/views.js';
import { memorySearchCache, type SearchCache } from '../search/cache.js';
import type { OutputFile, ParseResult, Route, SourceFile } from '../types.js';
import type { GitDates } from '../util/git-dates.js';
import type { PostListing } from './post-listing.js';
import type { ModelMemo } from './model.js';

/** A post body as markdown rendered it. */
export interface MarkdownEntry {
  body: RenderedBody;
  diagnostics: Diagnostic[];
  /** Hash of `body.html` (page keys use it instead of the body itself). */
  htmlHash: string;
  /** Whether `body.html` still has diagrams for the browser (mermaid/diagram-step.ts needsMermaidRuntime). */
  mermaidRuntime: boolean;
  /** The body's relatively linked images and files, copied beside its page (post-assets.ts). */
  relativeAssets: LinkRef[];
}

/** A parsed file, and what it was parsed from. */
export interface ParseEntry {
  /** Hash of the text. */
  hash: string;
  mtimeMs: number;
  /** The id of the post this one translates by file name (`x-en.md` → `x.md`), '' when none. */
  base: string;
  result: ParseResult;
}

/** A rendered page as the page cache keeps it. */
export interface PageEntry {
  /** The route's model inputs (nunjucks/page-fingerprint.ts), when its kind has them. */
  inputs?: string;
  /** Post pages: hash of the post's final body HTML (an input besides the model's). */
  body?: string;
  /** Hash of layout + template context. */
  key: string;
  /** The HTML (in memory; not kept on disk, where the output folder holds it). */
  html?: string;
  /** Post pages: hash of the HTML (the search index is keyed on them). */
  htmlHash?: string;
  /** Dev server: the output file last handed out for `html`, handed out again while it holds. */
  file?: OutputFile;
  /** Size and mtime of the file the last build wrote, to know it is still ours to reuse. */
  written?: { size: number; mtimeMs: number };
}

/** What the render stage renders with; depends on the config and templates alone. */
export interface RenderTools {
  markdown: MarkdownRenderer;
  engine: TemplateEngine;
  /** UI strings per language (templates' i18n/ and the config's `strings`). */
  translate: (lang: string) => Translate;
  /** The UI strings markdown bodies show (callout and video labels). */
  strings: MarkdownStrings;
  /** Problems in the theme's files found while making these tools (broken i18n files), reported by every run that uses them. */
  diagnostics: Diagnostic[];
}

/** What one pipeline run redid; tests assert on it the Hugo way (edit one post → 1 markdown render). */
export interface RenderCounts {
  /** Post bodies that went through markdown-it. */
  markdownRenders: number;
  /** Routes whose layout was rendered by Nunjucks (the others came from the page cache). */
  pagesRendered: number;
  /** Languages whose feeds were built (the others came from the cache). */
  feedsRendered: number;
  /** Parts of the search index that went through Pagefind (the others came from the cache). */
  searchPartsIndexed?: number;
}

export interface PipelineCache {
  /** Stage 1: absolute path → the file as last read, reused while its mtime and size are unchanged. */
  load: Map<string, { mtimeMs: number; size: number; file: SourceFile }>;
  /** Stage 2: file id → what parsing gave (diagnostics included), for the text, mtime and translation base it had. */
  parse: Map<string, ParseEntry>;
  /** The layout names the parse entries were checked against; another set empties `parse`. */
  parseLayouts: string;
  /**
   * Stage 4: `post hash \0 source path \0 UI strings hash` (+ `\0 lookup hash` for bodies linking
   * other posts by name) → its rendered body, the markdown diagnostics and its relatively linked
   * images and files.
   *
   * The key must hold every input of the markdown renderer besides the post's text: today the
   * source path (diagnostics name it) and, through the config (cache-file.ts keys the whole cache on
   * it; the dev server empties the cache on a config change), the base URL and `trustedHtml`.
   * The lookup of other posts' URLs for cross-post references (Hexo's post_link, Hugo's ref) is
   * in the key as a hash when the body uses it (render.ts `bodyInputs`), and so must anything
   * markdown rendering is given later, or an edit elsewhere would leave stale links.
   */
  markdown: Map<string, MarkdownEntry>;
  /**
   * Stage 4: output path → the page's model inputs (nunjucks/page-fingerprint.ts; compared first, cheaply),
   * the hash of its layout + template context (compared when the inputs differ), and its HTML.
   */
  pages: Map<string, PageEntry>;
  /**
   * Stage 4, `build` only: a page whose entry has no `html` (a cache read from disk keeps none) is
   * taken from the previous build's output folder, when the file there is still the one written.
   */
  previousPage?: (outputPath: string, entry: PageEntry) => OutputFile | undefined;
  /** Stage 4: the markdown renderer and template engine, kept while config and templates stay (templates compiled once). */
  tools?: RenderTools;
  /** Stage 4: language → its feed files and a key of the posts they show (render.ts `feeds`). */
  feeds: Map<string, { key: string; files: OutputFile[] }>;
  /**
   * Git dates of the posts, read once (one `git log`) and kept for the dev server's lifetime, like
   * the parse entries of unchanged files: a commit made while serving shows after a restart.
   */
  gitDates?: Map<string, GitDates>;
  /** Search: each language's Pagefind files, by a key of its post pages (src/search/cache.ts). */
  search: SearchCache;
  /** Counts of the last run. */
  counts: RenderCounts;
  /**
   * Dev server only (undefined in `build` and `check`): what it may reuse because its watcher
   * reports every change. rebuild.ts sets it and empties it whenever a change could escape it.
   */
  serve?: ServeShortcuts;
}

/** The pages of one dev-server run, in render order. */
export interface LastPages {
  /** The routes in render order (render.ts renderOrder; the same array while the model is patched). */
  order: readonly Route[];
  /** The renderer and templates they were made with. */
  tools: RenderTools;
  /** The page of each route, at the same index. */
  files: (OutputFile | undefined)[];
  /** Output path → HTML hash of post pages (search keys on them). */
  hashes: Map<string, string>;
  /** Post id → hash of the final body its page was rendered with. */
  bodies: Map<string, string>;
}

/** Shortcuts only the dev server takes; each one is safe only while the watcher sees every change. */
export interface ServeShortcuts {
  /**
   * The posts folder as the last full scan found it. While set, load neither walks the folder nor
   * stats the files: it reuses every load entry and reads only the files rebuild.ts dropped
   * (those the watcher reported). Cleared on any add, unlink or unknown file, and after a failed read.
   */
  listing?: PostListing;
  /** sitemap.xml and robots.txt, kept while what they show is the same (seo/sitemap.ts sitemapKey). */
  sitemap?: { key: string; robots: boolean; files: OutputFile[] };
  /** The last model built or patched, and the posts it came from (model.ts patchSite starts from it). */
  model?: ModelMemo;
  /** The last run's pages, when every one of them rendered (render.ts stands them in for routes a patch leaves alone). */
  pages?: LastPages;
  /** The theme's static assets (templates' assets/), read again after any template change. */
  themeAssets?: OutputFile[];
  /**
   * What each file parsed into, by the very file object load handed out (a new one for each read),
   * and the listing it was parsed with: while the listing is the same, so is every other input of
   * parsing (the ids beside it, for `x-en.md`), and a known file needs no look at the parse cache.
   */
  parsed?: { listing: PostListing; results: WeakMap<SourceFile, ParseResult> };
  /** Which routes show each post (nunjucks/page-fingerprint.ts routesShowing), for the routes of `model`. */
  showing?: { routes: readonly Route[]; byPost: Map<string, Route[]> };
}

export function createPipelineCache(): PipelineCache {
  return {
    load: new Map(),
    parse: new Map(),
    parseLayouts: '',
    markdown: new Map(),
    pages: new Map(),
    // Present (not just optional) so that Object.assign(cache, createPipelineCache()) resets it too.
    tools: undefined,
    feeds: new Map(),
    gitDates: undefined,
    search: memorySearchCache(),
    counts: { markdownRenders: 0, pagesRendered: 0, feedsRendered: 0 },
    serve: undefined,
  };
}

/** Keep only the entries of `map` whose keys were used in this run (called by each stage at its end). */
export function prune<K, V>(map: Map<K, V>, used: ReadonlySet<K>): void {
  for (const key of map.keys()) if (!used.has(key)) map.delete(key);
}
