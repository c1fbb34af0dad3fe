// `omnipress build`: resolve the config, run the pipeline, and write the site only when nothing
// went wrong. Returns a report; printing is the CLI's job.
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
}

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
  // Pages go to disk as they are rendered; the staging folder replaces the site only if all went well.
  let start = performance.now();
  const staging = StagingFolder.open(config, publicFiles);
  const timings: BuildTimings = { public: performance.now() - start };
  let result: Awaited<ReturnType<typeof runPipeline>>;
  try {
    // keepGoing: a failed build reports every problem of every stage at once.
    result = await runPipeline(config, { onProgress: options.onProgress, writer: staging, keepGoing: true, publicFiles }, cache);
  } catch (cause) {
    staging.discard();
    throw cause;
  }
  const diagnostics = [...configDiagnostics, ...cacheNotes, ...publicFiles.diagnostics, ...result.diagnostics];
  const tooMany = tooManyWarnings(diagnostics, options.maxWarnings, config.root);
  if (tooMany) diagnostics.push(tooMany);
  Object.assign(timings, result.timings);
  if (!result.site || hasErrors(diagnostics)) {
    staging.discard();
    return { diagnostics, sources: result.sources, timings };
  }

  const pagesByLang = new Map<Lang, number>([...config.languages.map((l): [Lang, number] => [l.code, 0]), ['', 0]]);
  for (const route of result.site.routes) pagesByLang.set(route.lang ?? '', (pagesByLang.get(route.lang ?? '') ?? 0) + 1);
  start = performance.now();
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
  return { diagnostics, sources: result.sources, pagesByLang, files: written.files, diagrams: result.diagrams, search: result.search, images: result.images, rendered, timings };
}
