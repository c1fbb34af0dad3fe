// What a caller hands to runPipeline so that a run redoes only what changed: the dev server keeps
// one in memory for its lifetime; `build` reads one from `.omnipress-cache/` and saves it after a
// successful build (cache-file.ts). Without one (`check`) every stage does everything.
//
// Every entry is keyed on content, never on "was this file touched": a stale entry cannot be
// hit, it only wastes memory until the next run prunes it. The dev server still drops entries it
// knows are dead (rebuild.ts), which matters for the load cache (keyed on mtime + size). What
// only the dev server may reuse, because its watcher sees every change, is not kept here but in
// src/serve/incremental/, and handed to a run as its SinceLastRun.
import type { Diagnostic } from '../diagnostics.js';
import type { ImageUse } from '../images/variants.js';
import type { ImageFileStamp, LinkRef, MarkdownRenderer } from '../markdown/renderer.js';
import type { TemplateEngine } from '../nunjucks/environment.js';
import type { Translate } from '../i18n/ui-strings.js';
import type { MarkdownStrings } from '../markdown/strings.js';
import type { RenderedBody } from '../nunjucks/views.js';
import { memorySearchCache, type SearchCache } from '../search/cache.js';
import type { OutputFile, ParseResult, SourceFile } from '../types.js';
import type { ContentHistory } from '../util/git-content-history.js';
import type { GitDates } from '../util/git-dates.js';
import { isInside } from '../util/paths.js';

/** A post body as markdown rendered it. */
export interface MarkdownEntry {
  body: RenderedBody;
  diagnostics: Diagnostic[];
  /** Hash of `body.html` (page keys use it instead of the body itself). */
  htmlHash: string;
  /** Whether `body.html` still has diagrams for the browser (mermaid/diagram-step.ts needsMermaidRuntime). */
  mermaidRuntime: boolean;
  /** Every Markdown link and image of the body, with its source line (`check` looks where they lead). */
  links: LinkRef[];
  /** The body's relatively linked images and files, copied beside its page (post-assets.ts). */
  relativeAssets: LinkRef[];
  /** The image files whose sizes the body (and the cover's) were rendered with: the entry holds while they are as stamped. */
  imageFiles: ImageFileStamp[];
  /** The images (the cover too) shown through their variants, which the render stage makes or takes from the image cache. */
  pictures: ImageUse[];
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

/**
 * The caches of every stage. Callers change it only through its methods (rebuild.ts drops what a
 * change makes stale; cache-file.ts fills it from disk), so that what an entry depends on is
 * decided here, beside the entry.
 */
export class PipelineCache {
  /** Stage 1: absolute path → the file as last read, reused while its mtime and size are unchanged. */
  load = new Map<string, { mtimeMs: number; size: number; file: SourceFile }>();
  /** Stage 2: file id → what parsing gave (diagnostics included), for the text, mtime and translation base it had. */
  parse = new Map<string, ParseEntry>();
  /** The layout names (and authors file) the parse entries were checked against; another set empties `parse`. */
  parseLayouts = '';
  /**
   * Stage 4: `post hash \0 source path \0 UI strings hash` (+ `\0 lookup hash` for bodies linking
   * other posts by name) → its rendered body, the markdown diagnostics and its relatively linked
   * images and files.
   *
   * The key must hold every input of the markdown renderer besides the post's text: the source
   * path (diagnostics name it) and, through the config (cache-file.ts keys the whole cache on it;
   * the dev server resets the cache on a config change), the base URL and `trustedHtml`. The
   * lookup of other posts' URLs for cross-post references (Hexo's post_link, Hugo's ref) is in the
   * key as a hash when the body uses it (render/bodies.ts `bodyInputs`), and so must anything
   * markdown rendering is given later, or an edit elsewhere would leave stale links. (Links to
   * posts' old addresses are rewritten after this cache, on every build: redirects/old-links.ts.) The image
   * files whose sizes the body shows are not in the key, which is known before rendering: the
   * entry lists them with their size and mtime, and is used only while they are unchanged
   * (render/bodies.ts).
   */
  markdown = new Map<string, MarkdownEntry>();
  /**
   * Stage 4: output path → the page's model inputs (nunjucks/page-fingerprint.ts; compared first, cheaply),
   * the hash of its layout + template context (compared when the inputs differ), and its HTML.
   */
  pages = new Map<string, PageEntry>();
  /**
   * Stage 4, `build` only: a page whose entry has no `html` (a cache read from disk keeps none) is
   * taken from the previous build's output folder, when the file there is still the one written.
   */
  previousPage?: (outputPath: string, entry: PageEntry) => OutputFile | undefined;
  /** Stage 4: the markdown renderer and template engine, kept while config and templates stay (templates compiled once). */
  tools?: RenderTools;
  /** Stage 4: language → its feed files and a key of the posts they show (render/site-files.ts `feeds`). */
  feeds = new Map<string, { key: string; files: OutputFile[] }>();
  /**
   * Git dates of the posts, read once (one `git log`) and kept for the dev server's lifetime, like
   * the parse entries of unchanged files: a commit made while serving shows after a restart.
   */
  gitDates?: Map<string, GitDates>;
  /** When each post's title or body last changed (one `git log -p`), kept likewise: for the stale translation notice. */
  contentHistory?: ContentHistory;
  /** Search: each language's Pagefind files, by a key of its post pages (src/search/cache.ts). */
  search: SearchCache = memorySearchCache();
  /** Counts of the last run. */
  counts: RenderCounts = noCounts();

  /**
   * Forget the file at `sourcePath` as last read, so that the next run reads it again: keyed on
   * mtime + size, the load cache could miss an edit within the same tick. With `orInside` (a
   * path that came or went), or when no file has that path, the files inside it as a folder go
   * too. True when the cache had anything there.
   */
  invalidatePost(sourcePath: string, orInside: boolean): boolean {
    let known = this.load.delete(sourcePath);
    if (!known || orInside) {
      for (const file of this.load.keys()) {
        if (isInside(file, sourcePath)) {
          this.load.delete(file);
          known = true;
        }
      }
    }
    return known;
  }

  /** Layouts, partials or UI strings changed: every page again, but no markdown (bodies stay cached). */
  invalidateTemplates(): void {
    this.pages.clear();
    this.tools = undefined;
  }

  /** Start again from nothing (a new config): every entry may depend on it. */
  reset(): void {
    Object.assign(this, new PipelineCache());
  }

  /** Start counting what the next run redoes. */
  resetCounts(): void {
    this.counts = noCounts();
  }
}

function noCounts(): RenderCounts {
  return { markdownRenders: 0, pagesRendered: 0, feedsRendered: 0 };
}

/** Keep only the entries of `map` whose keys were used in this run (called by each stage at its end). */
export function prune<K, V>(map: Map<K, V>, used: ReadonlySet<K>): void {
  for (const key of map.keys()) if (!used.has(key)) map.delete(key);
}
