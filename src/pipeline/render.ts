// Stage 4: Site → outputs. Markdown once per post, then the images' variants, then one Nunjucks
// layout per route, then the site-wide files; each output goes to `write` as soon as it is made.
import type { Diagnostic } from '../diagnostics.js';
import type { LinkRef } from '../markdown/renderer.js';
import type { DiagramStats } from '../mermaid/build-mode.js';
import { renderDiagramsAtBuild } from '../mermaid/diagram-step.js';
import type { OutputFile, Site } from '../types.js';
import type { PipelineCache, RenderCounts } from './cache.js';
import { postAssets } from './post-assets.js';
import { renderBodies } from './render/bodies.js';
import { publishImageVariants, type ImageStats } from './render/image-variants.js';
import { renderPages } from './render/pages.js';
import { siteFiles } from './render/site-files.js';
import { toolsFor } from './render/tools.js';
import type { SinceLastRun } from './since-last-run.js';

export interface RenderResult {
  diagnostics: Diagnostic[];
  /** Post id → the Markdown links and images of its body (`check` looks where they lead). */
  links: Map<string, LinkRef[]>;
  /** Build-mode diagram rendering, when it ran. */
  diagrams?: DiagramStats;
  /** Image variants made and taken from the cache, when responsive images are on. */
  images?: ImageStats;
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
  const { tick = () => {}, cache, since, changedPosts, write = () => {} } = options;
  const { config } = site;
  const tools = toolsFor(config, cache);
  const diagnostics: Diagnostic[] = [...tools.diagnostics];
  const counts: RenderCounts = { markdownRenders: 0, pagesRendered: 0, feedsRendered: 0 };
  let done = 0;

  const bodies = renderBodies(site, tools, { cache, counts, diagnostics, tick: () => tick(++done) });
  // Images and files posts link relatively are copied beside their pages.
  const assets = postAssets(site, (post) => bodies.markdown.get(post.id)?.relativeAssets ?? []);
  diagnostics.push(...assets.diagnostics);
  // Before the pages: a body whose original cannot be read loses its pictures.
  const variants = await publishImageVariants(site, bodies);
  diagnostics.push(...variants.diagnostics);
  const diagrams = await renderDiagramsAtBuild(site.posts, bodies.final, config, tools.translate);
  diagnostics.push(...diagrams.diagnostics);

  const pages = await renderPages(site, bodies, tools, { ...options, counts, tick, doneBefore: done, write });
  diagnostics.push(...pages.diagnostics);
  if (cache) cache.counts = counts;
  for (const file of assets.outputs) write(file);
  for (const file of variants.outputs) write(file);
  const extras = siteFiles(site, bodies, { cache, since, counts, patched: changedPosts !== undefined, translate: tools.translate });
  for (const file of extras.files) write(file);
  diagnostics.push(...extras.diagnostics);
  return { diagnostics, links: bodies.links(), diagrams: diagrams.stats, images: variants.stats, ...counts, pageHashes: pages.pageHashes };
}
