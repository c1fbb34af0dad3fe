// What the dev server remembers of its last pipeline run, handed to the next one as its
// SinceLastRun (pipeline/since-last-run.ts). Each shortcut here is safe only while the watcher
// reports every change: rebuild.ts forgets what a change makes stale, and forgets everything
// (`forgetAll`) whenever a change could have escaped the watcher.
import type { Diagnostic } from '../../diagnostics.js';
import type { RenderTools } from '../../pipeline/cache.js';
import type { PostListing } from '../../pipeline/post-listing.js';
import type { PagePlan, ParseMemo, PatchedModel, SinceLastRun } from '../../pipeline/since-last-run.js';
import { sitemapKey } from '../../seo/sitemap.js';
import type { OutputFile, ParseResult, Post, ResolvedConfig, Route, Site, SourceFile } from '../../types.js';
import { patchSite, type ModelMemo } from './patch-site.js';
import { planPages, type PagePlanMemory } from './page-plan.js';

export class LastRun implements SinceLastRun {
  /**
   * The posts folder as the last full scan found it. While set, load neither walks the folder nor
   * stats the files: it reuses every load entry and reads only the files rebuild.ts dropped
   * (those the watcher reported). Forgotten on any add, unlink or unknown file, and after a failed read.
   */
  private postListing?: PostListing;
  /**
   * What each file parsed into, by the very file object load handed out (a new one for each read),
   * and the listing it was parsed with: while the listing is the same, so is every other input of
   * parsing (the ids beside it, for `x-en.md`), and a known file needs no look at the parse cache.
   */
  private parsed?: { listing: PostListing; results: WeakMap<SourceFile, ParseResult> };
  /** The last model built or patched, and the posts it came from (patch-site.ts starts from it). */
  private model?: ModelMemo;
  /** The last run's pages, when every one of them rendered, and which routes show each post (page-plan.ts). */
  private pages: PagePlanMemory = {};
  /** sitemap.xml and robots.txt, kept while what they show is the same (seo/sitemap.ts sitemapKey). */
  private sitemapFiles?: { key: string; robots: boolean; files: OutputFile[] };
  /** The theme's static assets (templates' assets/). */
  private assets?: OutputFile[];

  /** Trust nothing of the last run: the next one walks posts/ and checks every file again. */
  forgetAll(): void {
    this.postListing = undefined;
    this.parsed = undefined;
    this.model = undefined;
    this.pages = {};
    this.sitemapFiles = undefined;
    this.assets = undefined;
  }

  /** A file under the theme's assets/ (or any template) changed: read the assets again. */
  forgetThemeAssets(): void {
    this.assets = undefined;
  }

  listing(): PostListing | undefined {
    return this.postListing;
  }

  listed(listing: PostListing | undefined): void {
    this.postListing = listing;
  }

  parsing(layoutsChanged: boolean): ParseMemo {
    const listing = this.postListing;
    const known = listing && !layoutsChanged && this.parsed?.listing === listing ? this.parsed.results : undefined;
    const results = new WeakMap<SourceFile, ParseResult>();
    this.parsed = listing ? { listing, results } : undefined;
    return { known: (file) => known?.get(file), note: (file, result) => void results.set(file, result) };
  }

  patchModel(allPosts: readonly Post[], config: ResolvedConfig): PatchedModel | undefined {
    const patched = this.model && patchSite(this.model, allPosts, config);
    // Kept again (keepModel) only once the page cache agrees with the new model: after a run that
    // stops early, some pages are older than the model a patch would start from.
    this.model = undefined;
    return patched;
  }

  keepModel(allPosts: readonly Post[], { site, diagnostics }: { site: Site; diagnostics: Diagnostic[] }): void {
    this.model = { allPosts, site, diagnostics };
  }

  pagePlan(site: Site, order: readonly Route[], tools: RenderTools, changedPosts: ReadonlySet<string> | undefined, bodyHash: (id: string) => string): PagePlan {
    return planPages(this.pages, site, order, tools, changedPosts, bodyHash);
  }

  sitemap(site: Site, robots: boolean, patched: boolean, make: () => OutputFile[]): OutputFile[] {
    // A patched model has every post where it was, with the fields the sitemap reads (model.ts MODEL_FIELDS).
    if (patched && this.sitemapFiles?.robots === robots) return this.sitemapFiles.files;
    const key = sitemapKey(site);
    if (this.sitemapFiles?.key === key && this.sitemapFiles.robots === robots) return this.sitemapFiles.files;
    const files = make();
    this.sitemapFiles = { key, robots, files };
    return files;
  }

  themeAssets(make: () => OutputFile[]): OutputFile[] {
    return (this.assets ??= make());
  }
}
