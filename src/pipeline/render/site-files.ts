// The site-wide files of the render stage, made once the bodies are known: each language's
// feeds, sitemap.xml and robots.txt, news-sitemap.xml (config `news`), the web manifest,
// redirect pages, the theme's static assets, the mermaid runtime when some page still has a
// diagram for the browser to render, the copy button's script when some page has a code block,
// the table of contents' script when some page has one, and KaTeX's stylesheet and fonts when
// some page has a formula.
import fs from 'node:fs';
import path from 'node:path';
import { displayPath, info, type Diagnostic } from '../../diagnostics.js';
import { buildLanguageFeeds, feedPosts } from '../../feeds/feeds.js';
import { codeClientFiles } from '../../markdown/code/client.js';
import { MIN_TOC_HEADINGS, tocClientFiles } from '../../markdown/toc/client.js';
import { katexFiles } from '../../math/assets.js';
import { hasMath } from '../../math/markup.js';
import { mermaidRuntimeFiles } from '../../mermaid/runtime.js';
import type { RenderedBody } from '../../nunjucks/views.js';
import { redirectPages } from '../../redirects/pages.js';
import { manifestText, MANIFEST_PATH, siteIcons } from '../../seo/icons.js';
import { buildNewsSitemap, NEWS_SITEMAP_PATH } from '../../seo/news-sitemap.js';
import { sitemapFiles } from '../../seo/sitemap.js';
import type { Translate } from '../../i18n/ui-strings.js';
import type { LanguageConfig, OutputFile, ResolvedConfig, Site } from '../../types.js';
import { compactCss } from '../../util/compact-css.js';
import { publicUrls } from '../../urls/public-urls.js';
import { toPosix } from '../../util/paths.js';
import type { PipelineCache, RenderCounts } from '../cache.js';
import type { SinceLastRun } from '../since-last-run.js';
import type { Bodies } from './bodies.js';

export interface SiteFileOptions {
  cache?: PipelineCache;
  since?: SinceLastRun;
  counts: RenderCounts;
  /** The model was patched (SinceLastRun patchModel): every post is where it was. */
  patched: boolean;
  /** UI strings per language (feeds say "open the post" where a diagram was). */
  translate: (lang: string) => Translate;
}

/** The site-wide files, in the order they are written, and the note a site without baseUrl gets. */
export function siteFiles(site: Site, bodies: Bodies, options: SiteFileOptions): { files: OutputFile[]; diagnostics: Diagnostic[] } {
  const { cache, since, counts, patched, translate } = options;
  const { config } = site;
  const diagnostics: Diagnostic[] = [];
  // A robots.txt of the site's own (public/) wins over the generated one.
  const robots = !fs.existsSync(path.join(config.publicDir, 'robots.txt'));
  const files = [
    ...feeds(site, bodies.final, { cache, bodyHash: bodies.hash, counts, translate }),
    ...sitemap(site, since, robots, patched),
    ...redirectPages(site),
  ];
  // The news sitemap is made anew on every run: which posts it lists depends on the build's time.
  if (config.news) files.push({ path: NEWS_SITEMAP_PATH, content: buildNewsSitemap(site) });
  // A manifest of the site's own (public/) wins over the generated one.
  if (!fs.existsSync(path.join(config.publicDir, MANIFEST_PATH))) files.push(manifest(config));
  if (!config.baseUrl) diagnostics.push(noBaseUrl(config));
  files.push(...(since ? since.themeAssets(() => themeAssets(config)) : themeAssets(config)));
  // The runtime ships only when some page still has a diagram for the browser to render.
  if (bodies.needMermaidRuntime()) files.push(...mermaidRuntimeFiles());
  if (bodies.haveCode()) files.push(...codeClientFiles());
  if ([...bodies.final.values()].some((body) => body.headings.length >= MIN_TOC_HEADINGS)) files.push(...tocClientFiles());
  // KaTeX's stylesheet and fonts ship only when some page shows a formula.
  if ([...bodies.final.values()].some((body) => hasMath(body.html))) files.push(...katexFiles());
  return { files, diagnostics };
}

/**
 * Every language's feeds. With a cache, a language's feeds are kept while the posts they show are
 * the same (text, dates, URL, final body): an edit to an older post leaves them as they were.
 */
function feeds(
  site: Site,
  bodies: ReadonlyMap<string, RenderedBody>,
  { cache, bodyHash, counts, translate }: Pick<SiteFileOptions, 'cache' | 'counts' | 'translate'> & { bodyHash: (id: string) => string },
): OutputFile[] {
  const build = (language: LanguageConfig, diagramNote: string) => {
    counts.feedsRendered++;
    return buildLanguageFeeds(site, language, bodies, { diagramNote });
  };
  return site.config.languages.flatMap((language) => {
    const diagramNote = translate(language.code)('diagramInFeed');
    if (!cache) return build(language, diagramNote);
    const posts = feedPosts(site, language.code);
    const key = [diagramNote, ...posts
      .map((post) => [post.id, post.hash, post.date.getTime(), post.updated?.getTime(), site.postUrls.get(post.id), bodyHash(post.id)].join('\u0001'))]
      .join('\0');
    const cached = cache.feeds.get(language.code);
    if (cached?.key === key) return cached.files;
    const files = build(language, diagramNote);
    cache.feeds.set(language.code, { key, files });
    return files;
  });
}

/** sitemap.xml and robots.txt: the dev server keeps them while what they show is the same. */
function sitemap(site: Site, since: SinceLastRun | undefined, robots: boolean, patched: boolean): OutputFile[] {
  const make = () => sitemapFiles(site, { robots });
  return since ? since.sitemap(site, robots, patched, make) : make();
}

/** The web manifest, which names the site and its icons for a phone's home screen. */
function manifest(config: ResolvedConfig): OutputFile {
  const text = manifestText(config, siteIcons(config), publicUrls(config).href);
  return { path: MANIFEST_PATH, content: text, origin: { what: 'the web manifest' } };
}

/** Feeds and the sitemap need absolute URLs; say once how to get them. */
function noBaseUrl(config: ResolvedConfig): Diagnostic {
  // Without a config file the note is the site's, not that of a file that does not exist.
  return info(
    config.configFile ?? config.root,
    `no baseUrl set: feeds and the sitemap use relative URLs; set baseUrl in ${config.configFile ? path.basename(config.configFile) : 'an omnipress.yml'} or pass --base-url`,
  );
}

/**
 * `assets/` of every template folder, the site's own files winning over the built-in theme's.
 * Stylesheets ship without their comments (util/compact-css.ts).
 */
function themeAssets(config: ResolvedConfig): OutputFile[] {
  const files = new Map<string, OutputFile>();
  for (const dir of [...config.templateDirs].reverse()) {
    const assets = path.join(dir, 'assets');
    if (!fs.existsSync(assets)) continue;
    for (const entry of fs.readdirSync(assets, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      const rel = `assets/${toPosix(path.relative(assets, full))}`;
      const content = rel.endsWith('.css') ? Buffer.from(compactCss(fs.readFileSync(full, 'utf8'))) : fs.readFileSync(full);
      files.set(rel, { path: rel, content, origin: { what: `the theme file ${displayPath(full, config.root)}` } });
    }
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}
