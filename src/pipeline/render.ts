// Stage 4: Site → OutputFile[]. Markdown once per post, then one Nunjucks layout per route, plus
// the theme's static assets.
import fs from 'node:fs';
import path from 'node:path';
import { info, type Diagnostic } from '../diagnostics.js';
import { buildFeeds } from '../feeds/feeds.js';
import { redirectPages } from '../redirects/pages.js';
import { sitemapFiles } from '../seo/sitemap.js';
import { createMarkdown, type LinkRef, type MarkdownRenderer, type PostLookup } from '../markdown/create.js';
import { buildPostLookup, referencesPosts } from '../markdown/post-lookup.js';
import { type MarkdownStrings, markdownStrings } from '../markdown/strings.js';
import { createEngine } from '../nunjucks/environment.js';
import { loadStrings } from '../nunjucks/i18n.js';
import { routeInputs } from '../nunjucks/inputs.js';
import { createViews, type RenderedBody } from '../nunjucks/views.js';
import type { OutputFile, Post, ResolvedConfig, Route, Site } from '../types.js';
import { hashText } from '../util/hash.js';
import { toPosix } from '../util/paths.js';
import type { DiagramStats } from '../mermaid/build-mode.js';
import { needsMermaidRuntime, renderDiagramsAtBuild } from '../mermaid/diagram-step.js';
import { mermaidRuntimeFiles } from '../mermaid/runtime.js';
import { prune, type PipelineCache, type RenderCounts } from './cache.js';
import { postAssets, relativeAssets } from './post-assets.js';

export interface RenderResult {
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
  /** Build-mode diagram rendering, when it ran. */
  diagrams?: DiagramStats;
  /** How many post bodies went through markdown-it (incremental rebuilds assert on it). */
  markdownRenders: number;
  /** How many routes went through their Nunjucks layout (the rest came from the page cache). */
  pagesRendered: number;
}

/**
 * With a `cache` (dev server), a post whose text is unchanged skips markdown-it, and a route whose
 * layout and template context are unchanged reuses its HTML; without one everything is rendered.
 */
export async function renderSite(site: Site, tick: (done: number) => void = () => {}, cache?: PipelineCache): Promise<RenderResult> {
  const { config } = site;
  const diagnostics: Diagnostic[] = [];
  const translate = loadStrings(config);
  const strings = markdownStrings(config.languages.map((l) => l.code), translate);
  const tools = cache?.tools ?? {
    markdown: createMarkdown({ trustedHtml: config.trustedHtml, siteOrigin: originOf(config.baseUrl), basePath: config.basePath, strings }),
    engine: createEngine(config),
  };
  if (cache) cache.tools = tools;
  const counts: RenderCounts = { markdownRenders: 0, pagesRendered: 0 };
  const bodies = new Map<string, RenderedBody>();
  const assetLinks = new Map<string, LinkRef[]>();
  const usedBodies = new Set<string>();
  const inputs = bodyInputs(site, strings);
  let done = 0;
  for (const post of site.posts) {
    const { body, relativeAssets } = renderBody(tools.markdown, post, diagnostics, counts, cache, usedBodies, inputs);
    bodies.set(post.id, body);
    assetLinks.set(post.id, relativeAssets);
    tick(++done);
  }
  if (cache) prune(cache.markdown, usedBodies);
  // Images and files posts link relatively are copied beside their pages (post-assets.ts).
  const assets = postAssets(site, (post) => assetLinks.get(post.id) ?? []);
  diagnostics.push(...assets.diagnostics);

  const diagrams = await renderDiagramsAtBuild(site.posts, bodies, config, translate);
  diagnostics.push(...diagrams.diagnostics);

  const views = createViews(site, bodies);
  const inputsOf = cache ? routeInputs(site) : undefined;
  const outputs: OutputFile[] = [];
  const failedLayouts = new Set<string>();
  for (const route of site.routes) {
    // One broken template would otherwise repeat its error for every page using it.
    tick(++done);
    if (failedLayouts.has(route.layout)) continue;
    // Dev server: a route whose model inputs are unchanged keeps its HTML without even building its
    // context; otherwise the context's hash decides (an edit may not change what a page shows).
    const cached = cache?.pages.get(route.outputPath);
    const modelInputs = inputsOf?.(route);
    // A post page's own body is an input too (build-mode diagrams can change it without an edit).
    const inputs = modelInputs === undefined || !cache ? undefined : route.kind === 'post' ? modelInputs + bodyHash(route.postIds[0]!, bodies, cache) : modelInputs;
    if (cached && inputs !== undefined && cached.inputs === inputs) {
      outputs.push({ path: route.outputPath, content: cached.html });
      continue;
    }
    const context = views.contextFor(route, translate(route.lang ?? config.defaultLang));
    const key = cache && pageKey(route, context, (id) => bodyHash(id, bodies, cache));
    if (cached && key !== undefined && cached.key === key) {
      cached.inputs = inputs;
      outputs.push({ path: route.outputPath, content: cached.html });
      continue;
    }
    const { html, diagnostic } = tools.engine.render(route.layout, context);
    counts.pagesRendered++;
    if (diagnostic) {
      failedLayouts.add(route.layout);
      diagnostics.push(diagnostic);
      continue;
    }
    if (key !== undefined) cache?.pages.set(route.outputPath, { inputs, key, html: html! });
    outputs.push({ path: route.outputPath, content: html! });
  }
  if (cache) {
    prune(cache.pages, new Set(site.routes.map((route) => route.outputPath)));
    prune(cache.htmlHashes, new Set([...bodies.values()].map((body) => body.html)));
    cache.counts = counts;
  }
  outputs.push(...assets.outputs);
  outputs.push(...buildFeeds(site, bodies));
  // A robots.txt of the site's own (public/) wins over the generated one.
  outputs.push(...sitemapFiles(site, { robots: !fs.existsSync(path.join(config.publicDir, 'robots.txt')) }));
  outputs.push(...redirectPages(site));
  if (!config.baseUrl) diagnostics.push(noBaseUrl(config));
  outputs.push(...themeAssets(config));
  // The runtime is only shipped when some page still has a diagram for the browser to render.
  if ([...bodies.values()].some((body) => needsMermaidRuntime(body.html))) outputs.push(...mermaidRuntimeFiles());
  return { outputs, diagnostics, diagrams: diagrams.stats, ...counts };
}

function renderBody(
  markdown: MarkdownRenderer,
  post: Post,
  diagnostics: Diagnostic[],
  counts: RenderCounts,
  cache: PipelineCache | undefined,
  used: Set<string>,
  inputs: BodyInputs,
): { body: RenderedBody; relativeAssets: LinkRef[] } {
  // The body depends on the text (post.hash), on where the file is (diagnostics, relative
  // references), on the UI strings it may show and, when it links other posts by name, on the
  // cross-post lookup.
  const key = `${post.hash}\0${post.sourcePath}\0${inputs.stringsHash}${referencesPosts(post.body) ? `\0${inputs.lookupHash()}` : ''}`;
  let entry = cache?.markdown.get(key);
  if (!entry) {
    const rendered = markdown.render(post.body, { file: post.sourcePath, bodyLine: post.bodyLine, id: post.id, lang: post.lang, lookup: inputs.lookup, mediaPath: post.mediaPath });
    counts.markdownRenders++;
    entry = {
      body: { html: rendered.html, headings: rendered.headings, diagrams: rendered.diagrams },
      diagnostics: rendered.diagnostics,
      relativeAssets: relativeAssets(rendered.links),
    };
    cache?.markdown.set(key, entry);
  }
  used.add(key);
  diagnostics.push(...entry.diagnostics);
  // A copy: the build-mode diagram step replaces `html` in place.
  return { body: { ...entry.body }, relativeAssets: entry.relativeAssets };
}

/** What a body depends on besides its own text and path: plain data, and hashes for cache keys. */
interface BodyInputs {
  /** Other posts by path and name ({% post_link %}, {{< ref >}}). */
  lookup: PostLookup;
  /** Its hash, computed only if some post links others by name. */
  lookupHash: () => string;
  /** Hash of the UI strings bodies show (callout and video labels). */
  stringsHash: string;
}

function bodyInputs(site: Site, strings: MarkdownStrings): BodyInputs {
  const lookup = buildPostLookup(site);
  let hash: string | undefined;
  return { lookup, lookupHash: () => (hash ??= hashText(JSON.stringify(lookup))), stringsHash: hashText(JSON.stringify(strings)) };
}

/** Hash of a post's final body HTML: the cached one unless the diagram step replaced the HTML. */
function bodyHash(id: string, bodies: ReadonlyMap<string, RenderedBody>, cache: PipelineCache): string {
  const html = bodies.get(id)?.html ?? '';
  const known = cache.htmlHashes.get(html);
  if (known) return known;
  const hash = hashText(html);
  cache.htmlHashes.set(html, hash);
  return hash;
}

/**
 * A page's identity: its layout and everything its template can see. Hashing the finished context
 * (not a hand-kept list of dependencies) means a page re-renders exactly when something it shows
 * changed: a title in a list, a neighbour's link, a term count. Undefined when the context cannot
 * be serialized (the page is then always rendered).
 */
function pageKey(route: Route, context: Record<string, unknown>, bodyHash: (postId: string) => string): string | undefined {
  try {
    // A post's body stands in by its hash: stringifying and hashing every body on every rebuild
    // would cost more than anything else in a big site.
    const post = context.post as { html?: string } | undefined;
    const keyed = post && route.kind === 'post' ? { ...context, post: { ...post, html: bodyHash(route.postIds[0]!) } } : context;
    return hashText(`${route.layout}\0${JSON.stringify(keyed)}`);
  } catch {
    return undefined;
  }
}

/** Feeds and the sitemap need absolute URLs; say once how to get them. */
function noBaseUrl(config: ResolvedConfig): Diagnostic {
  return info(
    config.configFile ?? path.join(config.root, 'omnipress.yml'),
    'no baseUrl set: feeds and the sitemap use relative URLs; set baseUrl in omnipress.yml or pass --base-url',
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
      files.set(rel, { path: rel, content: fs.readFileSync(full) });
    }
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}
