// Stage 4: Site → OutputFile[]. Markdown once per post, then one Nunjucks layout per route, plus
// the theme's static assets.
import fs from 'node:fs';
import path from 'node:path';
import { info, type Diagnostic } from '../diagnostics.js';
import { buildFeeds } from '../feeds/feeds.js';
import { sitemapFiles } from '../seo/sitemap.js';
import { createMarkdown, type MarkdownRenderer } from '../markdown/create.js';
import { createEngine } from '../nunjucks/environment.js';
import { loadStrings } from '../nunjucks/i18n.js';
import { createViews, type RenderedBody } from '../nunjucks/views.js';
import type { OutputFile, Post, ResolvedConfig, Site } from '../types.js';
import { toPosix } from '../util/paths.js';
import type { DiagramStats } from '../mermaid/build-mode.js';
import { needsMermaidRuntime, renderDiagramsAtBuild } from '../mermaid/diagram-step.js';
import { mermaidRuntimeFiles } from '../mermaid/runtime.js';

export interface RenderResult {
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
  /** Build-mode diagram rendering, when it ran. */
  diagrams?: DiagramStats;
  /** How many post bodies went through markdown-it (incremental rebuilds assert on it). */
  markdownRenders: number;
}

export async function renderSite(site: Site, tick: (done: number) => void = () => {}): Promise<RenderResult> {
  const { config } = site;
  const diagnostics: Diagnostic[] = [];
  const markdown = createMarkdown({
    trustedHtml: config.trustedHtml,
    siteOrigin: originOf(config.baseUrl),
    basePath: config.basePath,
  });
  const bodies = new Map<string, RenderedBody>();
  let done = 0;
  for (const post of site.posts) {
    bodies.set(post.id, renderBody(markdown, post, diagnostics));
    tick(++done);
  }

  const translate = loadStrings(config);
  const diagrams = await renderDiagramsAtBuild(site.posts, bodies, config, translate);
  diagnostics.push(...diagrams.diagnostics);

  const engine = createEngine(config);
  const views = createViews(site, bodies);
  const outputs: OutputFile[] = [];
  const failedLayouts = new Set<string>();
  for (const route of site.routes) {
    // One broken template would otherwise repeat its error for every page using it.
    tick(++done);
    if (failedLayouts.has(route.layout)) continue;
    const context = views.contextFor(route, translate(route.lang ?? config.defaultLang));
    const { html, diagnostic } = engine.render(route.layout, context);
    if (diagnostic) {
      failedLayouts.add(route.layout);
      diagnostics.push(diagnostic);
      continue;
    }
    outputs.push({ path: route.outputPath, content: html! });
  }
  outputs.push(...buildFeeds(site, bodies));
  // A robots.txt of the site's own (public/) wins over the generated one.
  outputs.push(...sitemapFiles(site, { robots: !fs.existsSync(path.join(config.publicDir, 'robots.txt')) }));
  if (!config.baseUrl) diagnostics.push(noBaseUrl(config));
  outputs.push(...themeAssets(config));
  // The runtime is only shipped when some page still has a diagram for the browser to render.
  if ([...bodies.values()].some((body) => needsMermaidRuntime(body.html))) outputs.push(...mermaidRuntimeFiles());
  return { outputs, diagnostics, diagrams: diagrams.stats, markdownRenders: site.posts.length };
}

function renderBody(markdown: MarkdownRenderer, post: Post, diagnostics: Diagnostic[]): RenderedBody {
  const rendered = markdown.render(post.body, { file: post.sourcePath, bodyLine: post.bodyLine });
  diagnostics.push(...rendered.diagnostics);
  return { html: rendered.html, headings: rendered.headings, diagrams: rendered.diagrams };
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
