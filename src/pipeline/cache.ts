// What a long-lived caller (the dev server) hands to runPipeline so that a rebuild redoes only what
// changed. `build` passes none, and every stage then works exactly as it does without one.
//
// Every entry is keyed on content, never on "was this file touched": a stale entry cannot be
// hit, it only wastes memory until the next run prunes it. The dev server still drops entries it
// knows are dead (rebuild.ts), which matters for the load cache (keyed on mtime + size).
import type { Diagnostic } from '../diagnostics.js';
import type { MarkdownRenderer } from '../markdown/create.js';
import type { TemplateEngine } from '../nunjucks/environment.js';
import type { RenderedBody } from '../nunjucks/views.js';
import { memorySearchCache, type SearchCache } from '../search/cache.js';
import type { SourceFile } from '../types.js';
import type { ParseResult } from './parse.js';

/** What one pipeline run redid; tests assert on it the Hugo way (edit one post → 1 markdown render). */
export interface RenderCounts {
  /** Post bodies that went through markdown-it. */
  markdownRenders: number;
  /** Routes whose layout was rendered by Nunjucks (the others came from the page cache). */
  pagesRendered: number;
}

export interface PipelineCache {
  /** Stage 1: absolute path → the file as last read, reused while its mtime and size are unchanged. */
  load: Map<string, { mtimeMs: number; size: number; file: SourceFile }>;
  /** Stage 2: `id \0 text hash \0 mtime` → what parsing gave (diagnostics included). */
  parse: Map<string, ParseResult>;
  /** The layout names the parse entries were checked against; another set empties `parse`. */
  parseLayouts: string;
  /** Stage 4: `post hash \0 source path` → its rendered body and the markdown diagnostics. */
  markdown: Map<string, { body: RenderedBody; diagnostics: Diagnostic[] }>;
  /** Stage 4: a post's final body HTML → its hash (page keys use it instead of the body itself). */
  htmlHashes: Map<string, string>;
  /**
   * Stage 4: output path → the page's model inputs (nunjucks/inputs.ts; compared first, cheaply),
   * the hash of its layout + template context (compared when the inputs differ), and its HTML.
   */
  pages: Map<string, { inputs?: string; key: string; html: string }>;
  /** Stage 4: the markdown renderer and template engine, kept while config and templates stay (templates compiled once). */
  tools?: { markdown: MarkdownRenderer; engine: TemplateEngine };
  /** Search: each language's Pagefind files, by a key of its post pages (src/search/cache.ts). */
  search: SearchCache;
  /** Counts of the last run. */
  counts: RenderCounts;
}

export function createPipelineCache(): PipelineCache {
  return {
    load: new Map(),
    parse: new Map(),
    parseLayouts: '',
    markdown: new Map(),
    htmlHashes: new Map(),
    pages: new Map(),
    // Present (not just optional) so that Object.assign(cache, createPipelineCache()) resets it too.
    tools: undefined,
    search: memorySearchCache(),
    counts: { markdownRenders: 0, pagesRendered: 0 },
  };
}

/** Keep only the entries of `map` whose keys were used in this run (called by each stage at its end). */
export function prune<K, V>(map: Map<K, V>, used: ReadonlySet<K>): void {
  for (const key of map.keys()) if (!used.has(key)) map.delete(key);
}
