// Stage 4: Site → OutputFile[]. Markdown once per post, then one Nunjucks layout per route, plus
// the theme's static assets.
import fs from 'node:fs';
import path from 'node:path';
import { displayPath, info, type Diagnostic } from '../diagnostics.js';
import { buildLanguageFeeds, feedPosts } from '../feeds/feeds.js';
import { redirectPages } from '../redirects/pages.js';
import { sitemapFiles } from '../seo/sitemap.js';
import { createMarkdown, type LinkRef, type MarkdownRenderer, type PostLookup } from '../markdown/renderer.js';
import { buildPostLookup, referencesPosts } from '../markdown/post-lookup.js';
import { type MarkdownStrings, markdownStrings } from '../markdown/strings.js';
import { createEngine } from '../nunjucks/environment.js';
import { loadStrings } from '../nunjucks/i18n.js';
import { routeInputs } from '../nunjucks/page-fingerprint.js';
import { createViews, type RenderedBody } from '../nunjucks/views.js';
import type { LanguageConfig, OutputFile, Post, ResolvedConfig, Route, Site } from '../types.js';
import { hashText } from '../util/hash.js';
import { toPosix } from '../util/paths.js';
import type { DiagramStats } from '../mermaid/build-mode.js';
import { needsMermaidRuntime, renderDiagramsAtBuild } from '../mermaid/diagram-step.js';
import { mermaidRuntimeFiles } from '../mermaid/runtime.js';
import { prune, type MarkdownEntry, type PageEntry, type PipelineCache, type RenderCounts, type RenderTools } from './cache.js';
import type { PagePlan, SinceLastRun } from './since-last-run.js';
import { postAssets, relativeAssets } from './post-assets.js';

export interface RenderResult {
  diagnostics: Diagnostic[];
  /** Post id → the Markdown links and images of its body (`check` looks where they lead). */
  links: Map<string, LinkRef[]>;
  /** Build-mode diagram rendering, when it ran. */
  diagrams?: DiagramStats;
  /** How many post bodies went through markdown-it (incremental rebuilds assert on it). */
  markdownRenders: number;
  /** How many routes went through their Nunjucks layout (the rest came from the page cache). */
  pagesRendered: number;
  /** Output path → hash of the HTML, for post pages the page cache knows (search keys on them). */
  pageHashes: Map<string, string>;
}

export interface RenderOptions {
  /** Progress: items done so far (bodies, then routes). */
  tick?: (done: number) => void;
  /**
   * With a cache, a post whose text is unchanged skips markdown-it, and a route whose layout and
   * template context are unchanged reuses its HTML; without one everything is rendered.
   */
  cache?: PipelineCache;
  /** Each post page as soon as it is rendered (the search indexer), with the hash of its HTML when known. */
  onPostPage?: (file: OutputFile, htmlHash?: string) => void;
  /**
   * Called every few pages while onPostPage is set: rendering waits for the promise it returns
   * (the search indexer, when it has fallen too far behind to hold its pages in memory).
   */
  pace?: () => Promise<void> | undefined;
  /** Dev server: what of the previous run may stand (pipeline/since-last-run.ts). */
  since?: SinceLastRun;
  /** Dev server, model patched (SinceLastRun patchModel): the posts that differ from the previous run's. */
  changedPosts?: ReadonlySet<string>;
  /**
   * Takes every output as soon as it is made: `build` streams pages to disk, so that a big site
   * is never held in memory whole. Without it the outputs are made and dropped.
   */
  write?: (file: OutputFile) => void;
}

export async function renderSite(site: Site, options: RenderOptions = {}): Promise<RenderResult> {
  const { tick = () => {}, cache, onPostPage, pace, since, changedPosts, write = () => {} } = options;
  const { config } = site;
  const diagnostics: Diagnostic[] = [];
  const tools = cache?.tools ?? renderTools(config);
  if (cache) cache.tools = tools;
  const { translate, strings } = tools;
  diagnostics.push(...tools.diagnostics);
  const counts: RenderCounts = { markdownRenders: 0, pagesRendered: 0, feedsRendered: 0 };
  const bodies = new Map<string, RenderedBody>();
  const markdownOut = new Map<string, MarkdownEntry>();
  const usedBodies = new Set<string>();
  const inputs = bodyInputs(site, strings);
  let done = 0;
  for (const post of site.posts) {
    const entry = renderBody(tools.markdown, post, diagnostics, counts, cache, usedBodies, inputs);
    markdownOut.set(post.id, entry);
    // A copy: the build-mode diagram step replaces `html` in place.
    bodies.set(post.id, { ...entry.body });
    tick(++done);
  }
  if (cache) prune(cache.markdown, usedBodies);
  // Images and files posts link relatively are copied beside their pages (post-assets.ts).
  const assets = postAssets(site, (post) => markdownOut.get(post.id)?.relativeAssets ?? []);
  diagnostics.push(...assets.diagnostics);
  /** Hash of a post's final body HTML: markdown's own unless the diagram step replaced the HTML. */
  const bodyHashes = new Map<string, string>();
  const bodyHash = (id: string): string => {
    let hash = bodyHashes.get(id);
    if (hash === undefined) {
      const html = bodies.get(id)?.html ?? '';
      const original = markdownOut.get(id);
      hash = original && original.body.html === html ? original.htmlHash : hashText(html);
      bodyHashes.set(id, hash);
    }
    return hash;
  };

  const diagrams = await renderDiagramsAtBuild(site.posts, bodies, config, translate);
  diagnostics.push(...diagrams.diagnostics);

  const views = createViews(site, bodies);
  const summaryKey = summaryKeys();
  const inputsOf = cache ? routeInputs(site) : undefined;
  // A cache that takes unchanged pages from the previous output folder (build) need not keep their HTML.
  const keepHtml = !cache?.previousPage;
  const failedLayouts = new Set<string>();
  const reportedTemplateErrors = new Set<string>();
  const order = renderOrder(site);
  // Dev server: only the routes whose inputs can differ from the last run's are looked at (a few
  // dozen of thousands after a one-post edit); the last run's pages stand for the others.
  const plan: PagePlan = since ? since.pagePlan(site, order, tools, changedPosts, bodyHash) : { todo: order.keys() };
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
  for (const at of plan.todo) {
    const route = order[at]!;
    // One broken template would otherwise repeat its error for every page using it.
    tick(++done);
    // Let the search indexer (onPostPage) receive its pages while rendering goes on.
    if (onPostPage && done % 64 === 0) await (pace?.() ?? new Promise((resolve) => setImmediate(resolve)));
    if (failedLayouts.has(route.layout)) continue;
    // Dev server: a route whose model inputs are unchanged keeps its HTML without even building its
    // context; otherwise the context's hash decides (an edit may not change what a page shows).
    const cached = cache?.pages.get(route.outputPath);
    const inputs = cached?.inputs !== undefined && recheck && !recheck.has(route) ? cached.inputs : inputsOf?.(route);
    // A post page's own body is an input too (build-mode diagrams can change it without an edit,
    // and a body linking other posts by name changes with their titles).
    const body = route.kind === 'post' && cache ? bodyHash(route.postIds[0]!) : undefined;
    if (cached && inputs !== undefined && cached.inputs === inputs && cached.body === body) {
      const page = cachedPage(route, cached, cache!);
      if (page) {
        if (cached.htmlHash) pageHashes.set(route.outputPath, cached.htmlHash);
        made(at, page);
        if (route.kind === 'post') onPostPage?.(page, cached.htmlHash);
        continue;
      }
    }
    const context = views.contextFor(route, translate(route.lang ?? config.defaultLang));
    const key = cache && pageKey(route, context, bodyHash, summaryKey);
    if (cached && key !== undefined && cached.key === key) {
      const page = cachedPage(route, cached, cache!);
      if (page) {
        if (cached.inputs !== inputs || cached.body !== body) cache!.pages.set(route.outputPath, { ...cached, inputs, body });
        if (cached.htmlHash) pageHashes.set(route.outputPath, cached.htmlHash);
        made(at, page);
        if (route.kind === 'post') onPostPage?.(page, cached.htmlHash);
        continue;
      }
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
  if (cache) {
    // A patched model has the routes it had: nothing to prune.
    if (!recheck) prune(cache.pages, new Set(site.routes.map((route) => route.outputPath)));
    cache.counts = counts;
  }
  const addAll = (files: readonly OutputFile[]) => files.forEach((file) => write(file));
  addAll(assets.outputs);
  addAll(feeds(site, bodies, cache, bodyHash, counts));
  // A robots.txt of the site's own (public/) wins over the generated one.
  addAll(sitemap(site, since, !fs.existsSync(path.join(config.publicDir, 'robots.txt')), changedPosts !== undefined));
  addAll(redirectPages(site));
  if (!config.baseUrl) diagnostics.push(noBaseUrl(config));
  addAll(since ? since.themeAssets(() => themeAssets(config)) : themeAssets(config));
  // The runtime is only shipped when some page still has a diagram for the browser to render.
  // (Asked of markdown's own HTML once, when it was rendered; again only where the diagram step replaced it.)
  const needsRuntime = (id: string, body: RenderedBody) => {
    const original = markdownOut.get(id);
    return original && original.body.html === body.html ? original.mermaidRuntime : needsMermaidRuntime(body.html);
  };
  if ([...bodies].some(([id, body]) => needsRuntime(id, body))) addAll(mermaidRuntimeFiles());
  const links = new Map([...markdownOut].map(([id, entry]) => [id, entry.links]));
  return { diagnostics, links, diagrams: diagrams.stats, ...counts, pageHashes };
}

/** The markdown renderer, the template engine and the UI strings: read and compiled once per config and templates. */
function renderTools(config: ResolvedConfig): RenderTools {
  const diagnostics: Diagnostic[] = [];
  const translate = loadStrings(config, diagnostics);
  const strings = markdownStrings(config.languages.map((l) => l.code), translate);
  return {
    markdown: createMarkdown({ trustedHtml: config.trustedHtml, siteOrigin: originOf(config.baseUrl), basePath: config.basePath, strings }),
    engine: createEngine(config),
    translate,
    strings,
    diagnostics,
  };
}

/**
 * Everything the markdown renderer is given for a post besides the config: its text (post.hash),
 * where the file is (diagnostics, relative references), the UI strings it may show and, when it
 * links other posts by name, the cross-post lookup. A new input must join this key, as a hash of
 * what the renderer receives (cache.ts).
 */
function markdownKey(post: Post, inputs: BodyInputs, references: boolean): string {
  return `${post.hash}\0${post.sourcePath}\0${inputs.stringsHash}${references ? `\0${inputs.lookupHash()}` : ''}`;
}

/**
 * The markdown key of a body that names no other post, built once per post and UI strings: the
 * dev server hands back the same post for an unchanged file, and the same key string is cheap to
 * look up again (its hash is kept) where a new one of 4,000 is not.
 */
const ownKeys = new WeakMap<Post, { stringsHash: string; key: string }>();
function ownMarkdownKey(post: Post, inputs: BodyInputs): string {
  let own = ownKeys.get(post);
  if (own?.stringsHash !== inputs.stringsHash) {
    own = { stringsHash: inputs.stringsHash, key: markdownKey(post, inputs, false) };
    ownKeys.set(post, own);
  }
  return own.key;
}

/**
 * referencesPosts of a post's body, once per post: the dev server hands back the same post for an
 * unchanged file, and scanning every body on every rebuild was a tenth of a one-post rebuild.
 */
const referencing = new WeakMap<Post, boolean>();
function bodyReferencesPosts(post: Post): boolean {
  let references = referencing.get(post);
  if (references === undefined) {
    references = referencesPosts(post.body);
    referencing.set(post, references);
  }
  return references;
}

/** What a body that names no other post is given instead of the lookup (the key above says it cannot use one). */
const NO_LOOKUP: PostLookup = { byPath: {}, byName: {} };

function renderBody(
  markdown: MarkdownRenderer,
  post: Post,
  diagnostics: Diagnostic[],
  counts: RenderCounts,
  cache: PipelineCache | undefined,
  used: Set<string>,
  inputs: BodyInputs,
): MarkdownEntry {
  const references = bodyReferencesPosts(post);
  const key = references ? markdownKey(post, inputs, true) : ownMarkdownKey(post, inputs);
  let entry = cache?.markdown.get(key);
  if (!entry) {
    // The dev server builds the lookup (every post, ~30 ms at 4,000) only for a body that uses it.
    const lookup = cache && !references ? NO_LOOKUP : inputs.lookup();
    const rendered = markdown.render(post.body, { file: post.sourcePath, bodyLine: post.bodyLine, id: post.id, lang: post.lang, lookup, mediaPath: post.mediaPath });
    counts.markdownRenders++;
    entry = {
      body: { html: rendered.html, headings: rendered.headings, diagrams: rendered.diagrams },
      diagnostics: rendered.diagnostics,
      links: rendered.links,
      relativeAssets: relativeAssets(rendered.links),
      htmlHash: hashText(rendered.html),
      mermaidRuntime: needsMermaidRuntime(rendered.html),
    };
    cache?.markdown.set(key, entry);
  }
  used.add(key);
  diagnostics.push(...entry.diagnostics);
  return entry;
}

/** What a body depends on besides its own text and path: plain data, and hashes for cache keys. */
interface BodyInputs {
  /** Other posts by path and name ({% post_link %}, {{< ref >}}), built on first use. */
  lookup: () => PostLookup;
  /** Its hash, computed only if some post links others by name. */
  lookupHash: () => string;
  /** Hash of the UI strings bodies show (callout and video labels). */
  stringsHash: string;
}

function bodyInputs(site: Site, strings: MarkdownStrings): BodyInputs {
  let lookup: PostLookup | undefined;
  let hash: string | undefined;
  const lookupOf = () => (lookup ??= buildPostLookup(site));
  return { lookup: lookupOf, lookupHash: () => (hash ??= hashText(JSON.stringify(lookupOf()))), stringsHash: hashText(JSON.stringify(strings)) };
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
    if (post && route.kind === 'post') keyed.post = { ...post, html: bodyHash(route.postIds[0]!) };
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

/**
 * Every language's feeds. With a cache, a language's feeds are kept while the posts they show are
 * the same (text, dates, URL, final body): an edit to an older post leaves them as they were.
 */
function feeds(
  site: Site,
  bodies: ReadonlyMap<string, RenderedBody>,
  cache: PipelineCache | undefined,
  bodyHash: (id: string) => string,
  counts: RenderCounts,
): OutputFile[] {
  const build = (language: LanguageConfig) => {
    counts.feedsRendered++;
    return buildLanguageFeeds(site, language, bodies);
  };
  return site.config.languages.flatMap((language) => {
    if (!cache) return build(language);
    const posts = feedPosts(site, language.code);
    const key = posts
      .map((post) => [post.id, post.hash, post.date.getTime(), post.updated?.getTime(), site.postUrls.get(post.id), bodyHash(post.id)].join('\u0001'))
      .join('\0');
    const cached = cache.feeds.get(language.code);
    if (cached?.key === key) return cached.files;
    const files = build(language);
    cache.feeds.set(language.code, { key, files });
    return files;
  });
}

/** sitemap.xml and robots.txt: the dev server keeps them while what they show is the same. */
function sitemap(site: Site, since: SinceLastRun | undefined, robots: boolean, patched: boolean): OutputFile[] {
  const make = () => sitemapFiles(site, { robots });
  return since ? since.sitemap(site, robots, patched, make) : make();
}

/** Feeds and the sitemap need absolute URLs; say once how to get them. */
function noBaseUrl(config: ResolvedConfig): Diagnostic {
  // Without a config file the note is the site's, not that of a file that does not exist.
  return info(
    config.configFile ?? config.root,
    `no baseUrl set: feeds and the sitemap use relative URLs; set baseUrl in ${config.configFile ? path.basename(config.configFile) : 'an omnipress.yml'} or pass --base-url`,
  );
}

function originOf(baseUrl: string): string {
  return baseUrl ? new URL(baseUrl).origin : '';
}

/** `assets/` of every template folder, the site's own files winning over the built-in theme's. */
function themeAssets(config: ResolvedConfig): OutputFile[] {
  const files = new Map<string, OutputFile>();
  for (const dir of [...config.templateDirs].reverse()) {
    const assets = path.join(dir, 'assets');
    if (!fs.existsSync(assets)) continue;
    for (const entry of fs.readdirSync(assets, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      const rel = `assets/${toPosix(path.relative(assets, full))}`;
      files.set(rel, { path: rel, content: fs.readFileSync(full), origin: { what: `the theme file ${displayPath(full, config.root)}` } });
    }
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}
