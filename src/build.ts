// `omnipress build`: resolve the config, run the pipeline, and write the site only when nothing
// went wrong (or, with keepGoing, from the posts that had nothing wrong). Returns a report;
// printing is the CLI's job.
import { resolveConfig, type ConfigOverrides } from './config.js';
import path from 'node:path';
import { hasErrors, sortDiagnostics, tooManyWarnings, warning, type Diagnostic } from './diagnostics.js';
import { runPipeline, type PipelineOptions, type TimedStage } from './pipeline/run.js';
import type { RenderCounts } from './pipeline/cache.js';
import { acquireBuildLock } from './pipeline/build-lock.js';
import { listPublicFiles } from './pipeline/public-files.js';
import { openBuildCache, saveBuildCache } from './pipeline/cache-file.js';
import { checkOutputFolder, StagingFolder } from './pipeline/write.js';
import type { DiagramStats } from './mermaid/build-mode.js';
import { pruneVariantCache, variantCacheDir } from './images/variant-cache.js';
import type { ImageStats } from './pipeline/render/image-variants.js';
import type { SearchStats } from './search/index.js';
import type { Lang, ResolvedConfig } from './types.js';

export interface BuildReport {
  ok: boolean;
  config: ResolvedConfig;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** HTML pages written per language ('' for language-neutral pages: root, 404). */
  pagesByLang: Map<Lang, number>;
  /** All files written (pages, assets, public/). */
  files: number;
  /** Build-mode diagram rendering: how many were rendered, how many came from the cache. */
  diagrams?: DiagramStats;
  /** Search index: pages per language, size and indexing time (when search is on). */
  search?: SearchStats;
  /** Image variants: how many were made, taken from the cache, or could not be made (when `images.responsive` is on). */
  images?: ImageStats;
  /**
   * `keepGoing`: the post files (absolute paths) that had errors and were left out of the site,
   * which was written from the others; the build still failed (`ok` false).
   */
  leftOut?: string[];
  /**
   * What this build redid rather than took from the build cache (`.omnipress-cache/build/`):
   * post bodies through markdown, pages through their layout, parts of the search index through Pagefind.
   */
  rendered?: Required<RenderCounts>;
  /**
   * Milliseconds per part of the build that ran, in order: public/ copied into the staging
   * folder, the pipeline's stages, and publishing (the staging folder swapped in, the cache saved).
   */
  timings: BuildTimings;
  ms: number;
}

export type BuildTimings = Partial<Record<'public' | TimedStage | 'publish', number>>;

export interface BuildOptions extends ConfigOverrides, Pick<PipelineOptions, 'onProgress'> {
  /** Fail (nothing published) when the build has more warnings than this (`--max-warnings`). */
  maxWarnings?: number;
  /**
   * `--keep-going`: when every error is about a post, write the site from the other posts (a
   * half-migrated blog's preview); the build still fails, and `leftOut` lists those posts.
   * Never the default: otherwise a failed build leaves the previous site as it was.
   */
  keepGoing?: boolean;
}

/** Rounds of `keepGoing`: a post left out can break another (a `{% post_link %}` to it), and that one goes next. */
const KEEP_GOING_ROUNDS = 5;

/**
 * Build a site. Content problems come back as diagnostics (ok: false, nothing written); a
 * problem with the output folder throws OutputFolderError, another build of the site running
 * BuildLockedError.
 */
export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const start = performance.now();
  const { config, diagnostics: configDiagnostics } = resolveConfig(options);
  const report = (fields: Partial<BuildReport> & { diagnostics: Diagnostic[] }): BuildReport => ({
    ok: !hasErrors(fields.diagnostics),
    config,
    sources: new Map(),
    pagesByLang: new Map(),
    files: 0,
    timings: {},
    ms: performance.now() - start,
    ...fields,
    diagnostics: sortDiagnostics(fields.diagnostics),
  });
  if (hasErrors(configDiagnostics)) return report({ diagnostics: configDiagnostics });
  checkOutputFolder(config);
  // Taken before anything beside the output folder is touched, and held until the old site is gone.
  const lock = acquireBuildLock(config.cacheDir);
  try {
    return report(await writeSite(config, options, configDiagnostics));
  } finally {
    lock.release();
  }
}

type ReportFields = Partial<BuildReport> & { diagnostics: Diagnostic[] };

/** What `build` does under its lock: the pipeline into a staging folder, swapped in if all went well. */
async function writeSite(config: ResolvedConfig, options: BuildOptions, configDiagnostics: Diagnostic[]): Promise<ReportFields> {
  // Damaged cache files found now and while building: one note each, never a failure.
  const cacheNotes: Diagnostic[] = [];
  const cache = openBuildCache(config, cacheNotes);
  const publicFiles = listPublicFiles(config.publicDir);
  const timings: BuildTimings = {};
  const run = async (leaveOut?: ReadonlySet<string>) => {
    // Pages go to disk as they are rendered; the staging folder replaces the site only if all went well.
    const start = performance.now();
    const staging = StagingFolder.open(config, publicFiles);
    timings.public = (timings.public ?? 0) + performance.now() - start;
    try {
      // keepGoing: a failed build reports every problem of every stage at once.
      const result = await runPipeline(config, { onProgress: options.onProgress, writer: staging, keepGoing: true, publicFiles, leaveOut }, cache);
      return { staging, result };
    } catch (cause) {
      staging.discard();
      throw cause;
    }
  };
  let { staging, result } = await run();
  let diagnostics = [...configDiagnostics, ...cacheNotes, ...publicFiles.diagnostics, ...result.diagnostics];
  const tooMany = tooManyWarnings(diagnostics, options.maxWarnings, config.root);
  if (tooMany) diagnostics.push(tooMany);
  Object.assign(timings, result.timings);
  // --keep-going: again without the posts that had errors, until a round has none.
  const leftOut = new Set<string>();
  let latest = diagnostics;
  for (let round = 0; options.keepGoing && round < KEEP_GOING_ROUNDS && hasErrors(latest); round++) {
    const failed = postsAtFault(latest, result.postFiles.map((file) => file.sourcePath));
    // An error that is no post's (a template, public/, --max-warnings), or no post left to build:
    // a failure as without --keep-going, the previous site as it was.
    if (!failed || failed.size === 0 || failed.size >= result.postFiles.length) break;
    for (const file of failed) leftOut.add(file);
    staging.discard();
    ({ staging, result } = await run(leftOut));
    latest = result.diagnostics;
    // The first round's reports stand; a later round adds only what leaving posts out caused.
    diagnostics = mergeDiagnostics(diagnostics, latest);
    if (!hasErrors(latest)) {
      Object.assign(timings, result.timings);
      return publish(config, staging, result, cache, timings, diagnostics, [...leftOut].sort());
    }
  }
  if (!result.site || hasErrors(diagnostics)) {
    staging.discard();
    return { diagnostics, sources: result.sources, timings };
  }
  return publish(config, staging, result, cache, timings, diagnostics);
}

/**
 * The post files the errors are about, or undefined when one of them is about something else
 * (the site cannot be written without it).
 */
function postsAtFault(diagnostics: readonly Diagnostic[], postFiles: readonly string[]): Set<string> | undefined {
  const posts = new Set(postFiles);
  const failed = new Set<string>();
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    if (!posts.has(d.file)) return undefined;
    failed.add(d.file);
  }
  return failed;
}

/** `first` and the diagnostics of `later` it does not hold already. */
function mergeDiagnostics(first: readonly Diagnostic[], later: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.severity}\0${d.file}\0${d.line}\0${d.message}`;
  const known = new Set(first.map(key));
  return [...first, ...later.filter((d) => !known.has(key(d)))];
}

/** The staging folder swapped in for the output folder, and what the report says of it. */
async function publish(
  config: ResolvedConfig,
  staging: StagingFolder,
  result: Awaited<ReturnType<typeof runPipeline>>,
  cache: ReturnType<typeof openBuildCache>,
  timings: BuildTimings,
  diagnostics: Diagnostic[],
  leftOut?: string[],
): Promise<ReportFields> {
  if (!result.site) throw new Error('publish: a run without a site');

  const pagesByLang = new Map<Lang, number>([...config.languages.map((l): [Lang, number] => [l.code, 0]), ['', 0]]);
  for (const route of result.site.routes) pagesByLang.set(route.lang ?? '', (pagesByLang.get(route.lang ?? '') ?? 0) + 1);
  const start = performance.now();
  const written = staging.swapIn(result.outputPaths);
  for (const shadowed of written.shadowed) {
    diagnostics.push(
      warning(path.join(config.publicDir, shadowed), `public/${shadowed} is replaced by a page omnipress generates at the same path`, {
        hint: 'rename or remove the file in public/',
      }),
    );
  }
  saveBuildCache(config, cache);
  // Variants (and failure records) of images no page shows any more go: all of them with the switch off.
  pruneVariantCache(variantCacheDir(config.cacheDir), result.images?.used ?? new Set());
  await written.cleanedUp;
  timings.publish = performance.now() - start;
  const rendered = { ...cache.counts, searchPartsIndexed: result.search?.partsIndexed ?? 0 };
  return { diagnostics, sources: result.sources, pagesByLang, files: written.files, diagrams: result.diagrams, search: result.search, images: result.images, rendered, timings, ...(leftOut && { leftOut }) };
}
