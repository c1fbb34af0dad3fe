// The pipeline as one call: load → parse → model → render. `build` writes its outputs to disk;
// the dev server will keep them in memory. Both call this, so there is only one pipeline.
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { listLayouts } from '../nunjucks/environment.js';
import type { DiagramStats } from '../mermaid/build-mode.js';
import type { OutputFile, ResolvedConfig, Site } from '../types.js';
import { readGitDates, type GitDates } from '../util/git-dates.js';
import { loadPosts } from './load.js';
import { buildSite } from './model.js';
import { parsePosts } from './parse.js';
import { renderSite } from './render.js';

export type Stage = 'load' | 'parse' | 'model' | 'render';

export interface PipelineResult {
  /** Undefined when a stage reported errors and the pipeline stopped there. */
  site?: Site;
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
  /** Source text per absolute path, for code frames in diagnostics. */
  sources: Map<string, string>;
  /** Build-mode diagram rendering, when it ran. */
  diagrams?: DiagramStats;
  /** Milliseconds per stage. */
  timings: Partial<Record<Stage, number>>;
}

export interface PipelineHooks {
  /** Progress of the current stage: `done` of `total` items (called at its start, end and every few items). */
  onProgress?(stage: Stage, done: number, total: number): void;
}

/** Reports progress of one stage; stages call it per item and it decides how often to pass it on. */
export type Tick = (done: number) => void;

/** Layouts a post may name: all of them but those that render the site's own pages. */
function postLayouts(templateDirs: readonly string[]): Set<string> {
  const layouts = listLayouts(templateDirs);
  for (const reserved of ['base', 'index', 'root', '404', 'taxonomy', 'terms']) layouts.delete(reserved);
  return layouts;
}

export async function runPipeline(config: ResolvedConfig, hooks: PipelineHooks = {}): Promise<PipelineResult> {
  const timings: PipelineResult['timings'] = {};
  const timed = async <T>(stage: Stage, items: number, work: (tick: Tick) => T | Promise<T>): Promise<T> => {
    const report = hooks.onProgress;
    const tick: Tick = (done) => {
      if (report && (done % 64 === 0 || done === items)) report(stage, done, items);
    };
    report?.(stage, 0, items);
    const start = performance.now();
    const result = await work(tick);
    timings[stage] = performance.now() - start;
    return result;
  };

  const loaded = await timed('load', 0, () => loadPosts(config.postsDir));
  const sources = new Map(loaded.files.map((file) => [file.absPath, file.text]));
  const diagnostics = [...loaded.diagnostics];
  const stop = () => ({ outputs: [], diagnostics, sources, timings });

  let gitDates: Map<string, GitDates> | undefined;
  const parsed = await timed('parse', loaded.files.length, (tick) =>
    parsePosts(loaded.files, tick, {
      config,
      layouts: postLayouts(config.templateDirs),
      // One `git log` per build, read lazily: a site whose posts all carry dates and that does not
      // want `updated` from git never runs git at all.
      git: (absPath) => (gitDates ??= readGitDates(config.postsDir)).get(absPath),
    }),
  );
  diagnostics.push(...parsed.diagnostics);
  if (hasErrors(diagnostics)) return stop();

  const modelled = await timed('model', parsed.posts.length, () => buildSite(parsed.posts, config));
  diagnostics.push(...modelled.diagnostics);
  if (hasErrors(diagnostics)) return stop();

  const rendered = await timed('render', modelled.site.routes.length + modelled.site.posts.length, (tick) =>
    renderSite(modelled.site, tick),
  );
  diagnostics.push(...rendered.diagnostics);
  if (hasErrors(diagnostics)) return stop();
  return { site: modelled.site, outputs: rendered.outputs, diagnostics, sources, timings, diagrams: rendered.diagrams };
}
