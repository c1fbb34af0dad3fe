// The pages of the render stage: one Nunjucks layout per route, in an order that feeds every
// language's search indexer from the start. With a cache, a page whose inputs (or, failing that,
// whose whole template context) are unchanged is taken from the page cache instead.
import type { Diagnostic } from '../../diagnostics.js';
import { routeInputs } from '../../nunjucks/page-fingerprint.js';
import { createViews } from '../../nunjucks/views.js';
import type { OutputFile, Route, Site } from '../../types.js';
import { hashText } from '../../util/hash.js';
import { prune, type PageEntry, type PipelineCache, type RenderCounts, type RenderTools } from '../cache.js';
import type { PagePlan, SinceLastRun } from '../since-last-run.js';
import type { Bodies } from './bodies.js';

/** What renderPages works with besides the site, its bodies and the tools (render.ts RenderOptions says more). */
export interface PageOptions {
  /** The page cache (and, from `build`'s cache, the previous build's files). */
  cache?: PipelineCache;
  /** Dev server: which routes to look at, and the last run's pages for the others. */
  since?: SinceLastRun;
  /** Dev server, model patched: the posts that differ from the last run's. */
  changedPosts?: ReadonlySet<string>;
  /** Counts of this run; `pagesRendered` goes up here. */
  counts: RenderCounts;
  /** Progress: called with the number of items done (bodies were counted before). */
  tick: (done: number) => void;
  /** Items done before the first page (the bodies). */
  doneBefore: number;
  /** Each post page as soon as it is made (the search indexer), with the hash of its HTML when known. */
  onPostPage?: (file: OutputFile, htmlHash?: string) => void;
  /** Rendering waits for the promise it returns (the search indexer fell behind). */
  pace?: () => Promise<void> | undefined;
  /** Takes each page. */
  write: (file: OutputFile) => void;
}

/** Every route's page, handed to `write`; template errors come back as diagnostics. */
export async function renderPages(
  site: Site,
  bodies: Bodies,
  tools: RenderTools,
  options: PageOptions,
): Promise<{ diagnostics: Diagnostic[]; pageHashes: Map<string, string> }> {
  const { cache, since, changedPosts, counts, tick, onPostPage, pace, write } = options;
  const { config } = site;
  const { translate } = tools;
  const diagnostics: Diagnostic[] = [];
  let done = options.doneBefore;
  const views = createViews(site, bodies.final, translate);
  const summaryKey = summaryKeys();
  const inputsOf = cache ? routeInputs(site) : undefined;
  // A cache that takes unchanged pages from the previous output folder (build) need not keep their HTML.
  const keepHtml = !cache?.previousPage;
  const failedLayouts = new Set<string>();
  const reportedTemplateErrors = new Set<string>();
  const order = renderOrder(site);
  // Dev server: only the routes whose inputs can differ from the last run's are looked at (a few
  // dozen of thousands after a one-post edit); the last run's pages stand for the others.
  const plan: PagePlan = since ? since.pagePlan(site, order, tools, changedPosts, bodies.hash) : { todo: order.keys() };
  const { recheck, last } = plan;
  const pageFiles: (OutputFile | undefined)[] = last ? last.files.slice() : new Array<OutputFile | undefined>(order.length);
  // The dev server's next run needs every page (PagePlan.finish); any other run writes each page
  // at once and keeps none.
  const keepPages = plan.finish !== undefined;
  const made = (at: number, file: OutputFile | undefined) => {
    if (keepPages) pageFiles[at] = file;
    else if (file) write(file);
  };
  const pageHashes = last ? new Map(last.hashes) : new Map<string, string>();
  /** The cached page stands for the route at `at`, when it is still to be had. */
  const reused = (at: number, route: Route, entry: PageEntry): boolean => {
    const page = cachedPage(route, entry, cache!);
    if (!page) return false;
    if (entry.htmlHash) pageHashes.set(route.outputPath, entry.htmlHash);
    made(at, page);
    if (route.kind === 'post') onPostPage?.(page, entry.htmlHash);
    return true;
  };
  for (const at of plan.todo) {
    const route = order[at]!;
    tick(++done);
    // Let the search indexer (onPostPage) receive its pages while rendering goes on.
    if (onPostPage && done % 64 === 0) await (pace?.() ?? new Promise((resolve) => setImmediate(resolve)));
    // One broken template would otherwise repeat its error for every page using it.
    if (failedLayouts.has(route.layout)) continue;
    // Dev server: a route whose model inputs are unchanged keeps its HTML without even building its
    // context; otherwise the context's hash decides (an edit may not change what a page shows).
    const cached = cache?.pages.get(route.outputPath);
    const inputs = cached?.inputs !== undefined && recheck && !recheck.has(route) ? cached.inputs : inputsOf?.(route);
    // A post page's own body is an input too (build-mode diagrams can change it without an edit,
    // and a body linking other posts by name changes with their titles).
    const body = route.kind === 'post' && cache ? bodies.hash(route.postIds[0]!) : undefined;
    if (cached && inputs !== undefined && cached.inputs === inputs && cached.body === body && reused(at, route, cached)) continue;
    const context = views.contextFor(route, translate(route.lang ?? config.defaultLang));
    const key = cache && pageKey(route, context, bodies.hash, summaryKey);
    if (cached && key !== undefined && cached.key === key && reused(at, route, cached)) {
      if (cached.inputs !== inputs || cached.body !== body) cache!.pages.set(route.outputPath, { ...cached, inputs, body });
      continue;
    }
    const { html, ...failed } = tools.engine.render(route.layout, context);
    counts.pagesRendered++;
    if (html === undefined) {
      failedLayouts.add(route.layout);
      // Layouts sharing a broken partial each fail with the same error: reported once.
      for (const d of 'diagnostics' in failed ? failed.diagnostics : []) {
        const key = `${d.file}\0${d.line}\0${d.message}`;
        if (!reportedTemplateErrors.has(key)) diagnostics.push(d);
        reportedTemplateErrors.add(key);
      }
      made(at, undefined);
      continue;
    }
    // Post pages' hashes key the search index; without search nobody needs them.
    const htmlHash = key !== undefined && route.kind === 'post' && config.search ? hashText(html!) : undefined;
    if (key !== undefined) {
      if (htmlHash) pageHashes.set(route.outputPath, htmlHash);
      cache?.pages.set(route.outputPath, { inputs, body, key, html: keepHtml ? html! : undefined, htmlHash });
    }
    const file = { path: route.outputPath, content: html! };
    made(at, file);
    if (route.kind === 'post') onPostPage?.(file, htmlHash);
  }
  if (keepPages) for (const file of pageFiles) if (file) write(file);
  // Only pages that all agree with this run's model may stand for routes in the next one.
  plan.finish?.(failedLayouts.size === 0 ? { files: pageFiles, hashes: pageHashes } : undefined);
  // A patched model has the routes it had: nothing to prune.
  if (cache && !recheck) prune(cache.pages, new Set(site.routes.map((route) => route.outputPath)));
  return { diagnostics, pageHashes };
}

/**
 * Routes in the order to render them: post pages first, then the rest, in model order. Post pages
 * take turns by language, INTERLEAVE pages at a time, so that every language's search indexer
 * is fed from the start (each has its own Pagefind process, and rendering waits when they fall
 * behind). The order of the outputs changes nothing in what is written.
 */
function renderOrder(site: Site): Route[] {
  // A patched model (serve/incremental/patch-site.ts) keeps the routes of the one before, and so their order.
  let order = renderOrders.get(site.routes);
  if (!order) {
    order = sortForRendering(site);
    renderOrders.set(site.routes, order);
  }
  return order;
}
const renderOrders = new WeakMap<readonly Route[], Route[]>();

/** Post pages of each language rendered in a row before the next language's turn. */
const INTERLEAVE = 64;

function sortForRendering(site: Site): Route[] {
  const byLang = new Map<string, Route[]>(site.config.languages.map((l) => [l.code, []]));
  const rest: Route[] = [];
  for (const route of site.routes) {
    const list = route.kind === 'post' ? byLang.get(route.lang ?? '') : undefined;
    (list ?? rest).push(route);
  }
  const order: Route[] = [];
  const lists = [...byLang.values()];
  for (let at = 0; lists.some((list) => at < list.length); at += INTERLEAVE) {
    for (const list of lists) order.push(...list.slice(at, at + INTERLEAVE));
  }
  return [...order, ...rest];
}

/**
 * A page unchanged since it was cached: its HTML from memory, or (a cache read from disk keeps no
 * HTML) the previous build's file, when it is still there as written.
 */
function cachedPage(route: Route, entry: PageEntry, cache: PipelineCache): OutputFile | undefined {
  // The same file object from one dev-server rebuild to the next: thousands fewer allocations per save.
  if (entry.html !== undefined) return (entry.file ??= { path: route.outputPath, content: entry.html });
  return cache.previousPage?.(route.outputPath, entry);
}

/**
 * A page's identity: its layout and everything its template can see. Hashing the finished context
 * (not a hand-kept list of dependencies) means a page re-renders exactly when something it shows
 * changed: a title in a list, a neighbour's link, a term count. Undefined when the context cannot
 * be serialized (the page is then always rendered).
 */
function pageKey(route: Route, context: Record<string, unknown>, bodyHash: (postId: string) => string, summaryKey: (summary: object) => string): string | undefined {
  try {
    const keyed: Record<string, unknown> = { ...context };
    // A post's body stands in by its hash: stringifying and hashing every body on every rebuild
    // would cost more than anything else in a big site.
    const post = context.post as { html?: string } | undefined;
    if (post && route.kind === 'post') {
      const { related } = post as { related?: object[] };
      keyed.post = { ...post, html: bodyHash(route.postIds[0]!), related: related?.map(summaryKey) };
    }
    const archive = context.archive as { years: { months: { posts: object[] }[] }[] } | undefined;
    if (archive) {
      keyed.archive = archive.years.map((year) => ({ ...year, months: year.months.map((month) => ({ ...month, posts: month.posts.map(summaryKey) })) }));
    }
    // So does each listed post's summary (views.ts `posts`, `sections[].posts`), hashed once per
    // post: a summary lists all its post's terms, and a post with thousands of tags is listed on
    // as many tag pages, which made the keys grow with tags × tags.
    if (Array.isArray(context.posts)) keyed.posts = (context.posts as object[]).map(summaryKey);
    if (Array.isArray(context.sections)) {
      keyed.sections = (context.sections as { posts: object[] }[]).map((section) => ({ ...section, posts: section.posts.map(summaryKey) }));
    }
    return hashText(`${route.layout}\0${JSON.stringify(keyed)}`);
  } catch {
    return undefined;
  }
}

/** A hash of each post summary views.ts hands out (one object per post, shared by every page listing it), made once. */
function summaryKeys(): (summary: object) => string {
  const keys = new WeakMap<object, string>();
  return (summary) => {
    let key = keys.get(summary);
    if (key === undefined) {
      key = hashText(JSON.stringify(summary));
      keys.set(summary, key);
    }
    return key;
  };
}

