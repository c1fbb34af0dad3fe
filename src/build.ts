// `omnipress build`: resolve the config, run the pipeline, and write the site only when nothing
// went wrong. Returns a report; printing is the CLI's job.
import { resolveConfig, type ConfigOverrides } from './config.js';
import path from 'node:path';
import { hasErrors, sortDiagnostics, warning, type Diagnostic } from './diagnostics.js';
import { runPipeline, type PipelineHooks } from './pipeline/run.js';
import type { RenderCounts } from './pipeline/cache.js';
import { openBuildCache, saveBuildCache } from './pipeline/store.js';
import { checkOutputFolder, StagingFolder } from './pipeline/write.js';
import type { DiagramStats } from './mermaid/build-mode.js';
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
  /**
   * What this build redid rather than took from the build cache (`.omnipress-cache/build/`):
   * post bodies through markdown, pages through their layout, parts of the search index through Pagefind.
   */
  rendered?: Required<RenderCounts>;
  ms: number;
}

export interface BuildOptions extends ConfigOverrides, PipelineHooks {}

/**
 * Build a site. Content problems come back as diagnostics (ok: false, nothing written); a
 * problem with the output folder throws OutputFolderError.
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
    ms: performance.now() - start,
    ...fields,
    diagnostics: sortDiagnostics(fields.diagnostics),
  });
  if (hasErrors(configDiagnostics)) return report({ diagnostics: configDiagnostics });
  checkOutputFolder(config);

  // Damaged cache files found now and while building: one note each, never a failure.
  const cacheNotes: Diagnostic[] = [];
  const cache = openBuildCache(config, cacheNotes);
  // Pages go to disk as they are rendered; the staging folder replaces the site only if all went well.
  const staging = StagingFolder.open(config);
  let result: Awaited<ReturnType<typeof runPipeline>>;
  try {
    result = await runPipeline(config, { ...options, emit: (file) => staging.add(file) }, cache);
  } catch (cause) {
    staging.discard();
    throw cause;
  }
  const diagnostics = [...configDiagnostics, ...cacheNotes, ...result.diagnostics];
  if (!result.site || hasErrors(diagnostics)) {
    staging.discard();
    return report({ diagnostics, sources: result.sources });
  }

  const pagesByLang = new Map<Lang, number>([...config.languages.map((l): [Lang, number] => [l.code, 0]), ['', 0]]);
  for (const route of result.site.routes) pagesByLang.set(route.lang ?? '', (pagesByLang.get(route.lang ?? '') ?? 0) + 1);
  const written = staging.swapIn();
  for (const shadowed of written.shadowed) {
    diagnostics.push(
      warning(path.join(config.publicDir, shadowed), `public/${shadowed} is replaced by a page omnipress generates at the same path`, {
        hint: 'rename or remove the file in public/',
      }),
    );
  }
  saveBuildCache(config, cache);
  await written.cleanedUp;
  const rendered = { ...cache.counts, searchPartsIndexed: result.search?.partsIndexed ?? 0 };
  return report({ diagnostics, sources: result.sources, pagesByLang, files: written.files, diagrams: result.diagrams, search: result.search, rendered });
}
