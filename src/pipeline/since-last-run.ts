// What may stand since the previous run: the stages ask it before redoing work, the way Lume's
// update() and Zola's change kinds narrow a rebuild. The pipeline only defines the shape (types,
// no code): the dev server implements it (src/serve/incremental/), because only its watcher sees
// every change. A run without one (`build`, `check`) trusts nothing of an earlier run but the
// cache's content-keyed entries.
import type { Diagnostic } from '../diagnostics.js';
import type { OutputFile, ParseResult, Post, ResolvedConfig, Route, Site, SourceFile } from '../types.js';
import type { RenderTools } from './cache.js';
import type { PostListing } from './post-listing.js';

export interface SinceLastRun {
  /**
   * Load: the posts folder as the last walk found it, while no file came or went since. Load then
   * neither walks the folder nor stats the files: it reads only those the cache no longer has.
   */
  listing(): PostListing | undefined;
  /** Load: the listing this run uses (undefined when the posts folder is gone). */
  listed(listing: PostListing | undefined): void;
  /** Parse: what each file object parsed into in the last run, valid while nothing else parsing reads changed. */
  parsing(layoutsChanged: boolean): ParseMemo;
  /**
   * Model: the last model with `allPosts` swapped in, when they leave every post's place in the
   * site as it was; undefined when the model must be built afresh.
   */
  patchModel(allPosts: readonly Post[], config: ResolvedConfig): PatchedModel | undefined;
  /** End of a run without errors: the model its pages agree with, for the next run to patch. */
  keepModel(allPosts: readonly Post[], model: { site: Site; diagnostics: Diagnostic[] }): void;
  /** Render: which routes to look at, and the last run's pages standing for the others. */
  pagePlan(site: Site, order: readonly Route[], tools: RenderTools, changedPosts: ReadonlySet<string> | undefined, bodyHash: (id: string) => string): PagePlan;
  /** Render: sitemap.xml and robots.txt, made by `make` unless those of the last run still hold. */
  sitemap(site: Site, robots: boolean, patched: boolean, make: () => OutputFile[]): OutputFile[];
  /** Render: the theme's static assets, made by `make` unless the templates are unchanged since. */
  themeAssets(make: () => OutputFile[]): OutputFile[];
}

/** What parse may take from the last run, and what it notes for the next one. */
export interface ParseMemo {
  /** What `file` (the very object load handed out) parsed into last time, if it still holds. */
  known(file: SourceFile): ParseResult | undefined;
  /** What `file` parsed into in this run. */
  note(file: SourceFile, result: ParseResult): void;
}

/** The last model with the edited posts swapped in. */
export interface PatchedModel {
  site: Site;
  diagnostics: Diagnostic[];
  /** Ids of the published posts that differ from the last run's. */
  changed: Set<string>;
}

/** How the page loop of the render stage goes through the routes (in render order). */
export interface PagePlan {
  /**
   * Routes whose model inputs may differ from the page cache's: those showing a changed post. The
   * others keep the inputs the cache holds. Undefined when every route's inputs are computed.
   */
  recheck?: ReadonlySet<Route>;
  /** The last run's page of each route (index as in the render order), standing for the routes not in `todo`. */
  last?: { files: readonly (OutputFile | undefined)[]; hashes: ReadonlyMap<string, string> };
  /** Indexes (in render order) of the routes to look at. */
  todo: Iterable<number>;
  /**
   * The pages this run made, by render order, and the HTML hashes of post pages; undefined when
   * some layout failed, so that no page disagreeing with the model stands for a route next time.
   */
  finish?(made: { files: (OutputFile | undefined)[]; hashes: Map<string, string> } | undefined): void;
}
