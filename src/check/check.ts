// `omnipress check`: every validation of a build — config, front matter, languages, layouts, dates,
// duplicate slugs, templates — through the same pipeline, plus what only matters before
// publishing: links between posts that point nowhere, images without alt text, the hosts images
// are hot-linked from, drafts and scheduled posts, and one line on translations. Nothing is written: no output folder, no staging
// folder, no cache. Returns a report; printing is the CLI's job.
import path from 'node:path';
import { resolveConfig, type ConfigOverrides } from '../config.js';
import { hasErrors, sortDiagnostics, warning, type Diagnostic } from '../diagnostics.js';
import { listPublicFiles, type PublicListing } from '../pipeline/public-files.js';
import { runPipeline, type PipelineResult, type TimedStage } from '../pipeline/run.js';
import type { Post, ResolvedConfig, Site } from '../types.js';
import { oldAddresses } from '../redirects/old-links.js';
import { postSitePath } from '../urls/site-paths.js';
import { unpublishedPosts } from './editorial.js';
import { deskReport } from '../translations/translations.js';
import { summaryLine } from '../translations/format.js';
import { hotlinkedHosts } from './hotlinks.js';
import { checkPostLinks, type LinkTargets } from './links.js';

export type CheckOptions = ConfigOverrides;

export interface CheckReport {
  ok: boolean;
  config: ResolvedConfig;
  /** Sorted by file, then line. */
  diagnostics: Diagnostic[];
  /** Source text per absolute path, for code frames. */
  sources: Map<string, string>;
  /** Post files looked at, those that did not parse included (drafts and scheduled ones too). */
  posts: number;
  /** False when the build stopped before it knew the site's pages, so links could not be checked. */
  linksChecked: boolean;
  /**
   * One line on the translations (`translations: ko 100%, zh 92% (3 missing, 2 stale) of 40
   * stories`; `omnipress translations` lists them), when the site has several languages and its posts parsed.
   */
  translations?: string;
  /** Milliseconds per part of the check that ran, in order: the pipeline's stages, then the links and translations. */
  timings: Partial<Record<TimedStage | 'links' | 'translations', number>>;
  ms: number;
}

export async function checkSite(options: CheckOptions = {}): Promise<CheckReport> {
  const start = performance.now();
  const resolved = resolveConfig(options);
  // Build-mode diagrams need a browser and write a cache; their syntax errors show in `build`.
  // So do images' smaller copies (sharp, the image cache): a file that cannot be read shows in `build`.
  const config: ResolvedConfig = {
    ...resolved.config,
    mermaid: { ...resolved.config.mermaid, mode: 'client' },
    images: { ...resolved.config.images, responsive: false },
  };
  const diagnostics = [...resolved.diagnostics];
  let result: PipelineResult | undefined;
  const timings: CheckReport['timings'] = {};
  if (!hasErrors(diagnostics)) {
    // No writer, and no search index: both are output, not a check, and would only cost time.
    const publicFiles = listPublicFiles(config.publicDir);
    result = await runPipeline(config, { search: 'off', keepGoing: true, publicFiles });
    Object.assign(timings, result.timings);
    diagnostics.push(...publicFiles.diagnostics, ...result.diagnostics);
    diagnostics.push(...unpublishedPosts(result.posts ?? [], config));
    if (result.site) {
      const linksStart = performance.now();
      // A link whose line already has an error (a file refused, a post that did not parse) is
      // that problem again, not a second one.
      const known = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}\0${d.line}`));
      const published = checkPublished(result.site, result.posts ?? [], result, publicFiles);
      diagnostics.push(...published.filter((d) => d.severity !== 'error' || !known.has(`${d.file}\0${d.line}`)));
      timings.links = performance.now() - linksStart;
    }
  }
  let translations: string | undefined;
  if (result?.posts && config.languages.length > 1) {
    const start = performance.now();
    translations = summaryLine(deskReport(result.posts, config, {}, result.contentHistory));
    timings.translations = performance.now() - start;
  }
  return {
    ok: !hasErrors(diagnostics),
    config,
    diagnostics: sortDiagnostics(diagnostics),
    sources: result?.sources ?? new Map(),
    posts: result?.sources.size ?? 0,
    linksChecked: result?.site !== undefined,
    translations,
    timings,
    ms: performance.now() - start,
  };
}

/**
 * What needs the whole site: links against its pages and files, translations, public/ shadowing.
 * `made` is what the pipeline made of it: the output paths, and each post body's links as markdown
 * recorded them while rendering.
 */
function checkPublished(site: Site, allPosts: readonly Post[], made: Pick<PipelineResult, 'outputPaths' | 'links'>, publicListing: PublicListing): Diagnostic[] {
  const { config } = site;
  const diagnostics: Diagnostic[] = [];
  const publicFiles = new Set(publicListing.files.map((file) => file.rel.normalize('NFC')));
  for (const output of made.outputPaths) {
    if (!publicFiles.has(output)) continue;
    // The same warning `build` gives when it writes the site.
    diagnostics.push(
      warning(path.join(config.publicDir, output), `public/${output} is replaced by a page omnipress generates at the same path`, {
        hint: 'rename or remove the file in public/',
      }),
    );
  }
  const targets: LinkTargets = {
    files: new Set([...publicFiles, ...[...made.outputPaths].map((output) => output.normalize('NFC'))]),
    unpublished: new Map(
      allPosts.filter((p) => !site.postsById.has(p.id)).map((p) => [postSitePath(p, config), p]),
    ),
    oldAddresses: oldAddresses(site),
  };
  for (const post of site.posts) diagnostics.push(...checkPostLinks(post, made.links.get(post.id) ?? [], site, targets));
  diagnostics.push(...hotlinkedHosts(site, made.links));
  return diagnostics;
}
