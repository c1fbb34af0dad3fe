// The pipeline as one call: load → parse → model → render → write. `build` writes into its
// staging folder, the dev server into memory, `check` nowhere; all three call this, so that there
// is only one pipeline, and each hands it the writer that says where outputs go.
import path from 'node:path';
import { readAuthorsFile, withConfigAuthors } from '../content/authors.js';
import type { SkippedFile } from '../content/post-files.js';
import { likelyPostsFolders } from '../content/posts-folder.js';
import { displayPath, error, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { LinkRef } from '../markdown/renderer.js';
import { listLayouts } from '../nunjucks/environment.js';
import type { DiagramStats } from '../mermaid/build-mode.js';
import type { OutputFile, Post, ResolvedConfig, Site, SourceFile } from '../types.js';
import { readGitDates, type GitDates } from '../util/git-dates.js';
import { readContentHistory, type ContentHistory } from '../util/git-content-history.js';
import { staleTranslations } from '../translations/translations.js';
import { listPublicFiles, type PublicListing } from './public-files.js';
import { loadPosts } from './load.js';
import { buildSite } from './model.js';
import { parsePosts } from './parse.js';
import { OutputClaims } from './output-claims.js';
import { renderSite } from './render.js';
import type { ImageStats } from './render/image-variants.js';
import type { PipelineCache } from './cache.js';
import type { SinceLastRun } from './since-last-run.js';
import type { Writer } from './write.js';
import { startSearch, type SearchStats } from '../search/index.js';

export type Stage = 'load' | 'parse' | 'model' | 'render';

/**
 * The parts of a run that are timed, in the order they run: the stages, the writer's share of
 * rendering (outputs go to it as they are made), and the wait for the search index after it.
 */
export type TimedStage = Stage | 'write' | 'search';

export interface PipelineResult {
  /** Undefined when a stage reported errors and the pipeline stopped there (without keepGoing). */
  site?: Site;
  /** Every post that parsed, drafts and future posts too (`site.posts` holds only the published ones). */
  posts?: Post[];
  /** The post files load read (those that did not parse too), sorted by id. */
  postFiles: SourceFile[];
  /** Markdown files and folders load found that are not posts (READMEs, `_index.md`, `_`-folders…). */
  skipped: SkippedFile[];
  /**
   * Output path of every file the run made and admitted, handed to the writer or not (a run
   * going on past errors writes nothing, but `check` looks up links in what it would have
   * written); empty when the run stopped early.
   */
  outputPaths: Set<string>;
  /** Post id → the Markdown links and images of its body, with their source lines (for `check`). */
  links: Map<string, LinkRef[]>;
  /** `search: 'later'`: output path → HTML hash of post pages the page cache knows (for `indexSearch`). */
  pageHashes?: Map<string, string>;
  diagnostics: Diagnostic[];
  /** Source text per absolute path, for code frames in diagnostics. */
  sources: Map<string, string>;
  /** Build-mode diagram rendering, when it ran. */
  diagrams?: DiagramStats;
  /** Image variants made and taken from the cache, when responsive images are on. */
  images?: ImageStats;
  /** Search index size and indexing time, when search is on. */
  search?: SearchStats;
  /** Milliseconds per part of the run that ran, in the order they ran (`--verbose` prints them). */
  timings: Partial<Record<TimedStage, number>>;
  /** The posts' content history, when the run read it (for the stale translation notice). */
  contentHistory?: ContentHistory;
}

export interface PipelineOptions {
  /**
   * Where outputs go, each as soon as it is made, so that `build` never holds the whole site in
   * memory. Nothing more is written once an error is known; outputs written before it (a template
   * error found half way) are the caller's to discard. Without one, outputs are made and dropped.
   */
  writer?: Writer;
  /**
   * The search index (src/search/): built while rendering and written with the pages (`inline`,
   * the default); left to the caller (`later`: `indexSearch(site, outputs, cache, pageHashes)`,
   * so that the dev server serves new pages at once and adds the index, which is rebuilt whole,
   * when it is ready); or not built at all (`off`: `check`, which writes nothing).
   */
  search?: 'inline' | 'later' | 'off';
  /** Progress of the current stage: `done` of `total` items (called at its start, end and every few items). */
  onProgress?(stage: Stage, done: number, total: number): void;
  /**
   * Go on past content errors with the posts that parsed, instead of stopping after the stage
   * that reported them, so that one run reports every problem it can know (`build`, `check`,
   * `migrate-check`); nothing is indexed or written once an error is known, and `site` is then
   * the model of the posts that parsed.
   */
  keepGoing?: boolean;
  /** public/ as the caller already listed it (build copies it, check reports on it); else it is listed here. */
  publicFiles?: PublicListing;
  /** Dev server: what of its previous run may stand, because its watcher reports every change. */
  since?: SinceLastRun;
  /**
   * Post files (absolute paths) to build without, as if they were not there: `build
   * --keep-going` builds again without the posts that had errors.
   */
  leaveOut?: ReadonlySet<string>;
  /**
   * Stop after this stage: `model` gives the site without rendering anything (`translations`,
   * which needs only the posts and their stories).
   */
  until?: 'model';
}

/** Reports progress of one stage; stages call it per item and it decides how often to pass it on. */
export type Tick = (done: number) => void;

/** Layouts a post may name: all of them but those that render the site's own pages. */
function postLayouts(templateDirs: readonly string[]): Set<string> {
  const layouts = listLayouts(templateDirs);
  for (const reserved of ['base', 'index', 'root', '404', 'taxonomy', 'terms', 'search', 'archive', 'series']) layouts.delete(reserved);
  return layouts;
}

/**
 * The model: built from the posts, or in the dev server patched from the previous one when the
 * edits left every post's place in the site as it was (`changed`: the posts that differ).
 */
function modelStage(posts: Post[], config: ResolvedConfig, since?: SinceLastRun): ReturnType<typeof buildSite> & { changed?: Set<string> } {
  return since?.patchModel(posts, config) ?? buildSite(posts, config);
}

/** A posts folder without a single post: an empty site must never replace a real one. */
function noPostsFound(config: ResolvedConfig): Diagnostic {
  const candidates = [
    ...likelyPostsFolders(config.postsDir).map((sub) => path.join(config.postsDir, sub)),
    ...likelyPostsFolders(config.root).map((sub) => path.join(config.root, sub)),
  ];
  const likely = [...new Set(candidates)].filter((dir) => dir !== config.postsDir).map((dir) => displayPath(dir, config.root));
  return error(config.postsDir, 'no posts found: the posts folder has no Markdown post (*.md, *.markdown)', {
    code: 'no-posts',
    hint: likely.length > 0
      ? `the posts seem to be in ${likely.map((dir) => `--posts ${dir}`).join(' or ')} (folders starting with _ are not read as posts)`
      : 'add a post (omnipress new <lang> <title>) or point --posts at the folder that holds them',
  });
}

/**
 * `cache` (the dev server's, kept between runs, or the one `build` keeps on disk) lets each stage
 * skip work whose inputs are unchanged; without one (`check`) everything is done from scratch.
 */
export async function runPipeline(config: ResolvedConfig, options: PipelineOptions = {}, cache?: PipelineCache): Promise<PipelineResult> {
  const timings: PipelineResult['timings'] = {};
  const timed = async <T>(stage: Stage, items: number, work: (tick: Tick) => T | Promise<T>): Promise<T> => {
    const report = options.onProgress;
    const tick: Tick = (done) => {
      if (report && (done % 64 === 0 || done === items)) report(stage, done, items);
    };
    report?.(stage, 0, items);
    const start = performance.now();
    const result = await work(tick);
    timings[stage] = performance.now() - start;
    return result;
  };
  const { since, keepGoing } = options;

  const listed = await timed('load', 0, () => loadPosts(config.postsDir, cache?.load, config.languages.map((l) => l.code), since));
  const { leaveOut } = options;
  const loaded = leaveOut?.size ? { ...listed, files: listed.files.filter((file) => !leaveOut.has(file.sourcePath)) } : listed;
  const sources = new Map(loaded.files.map((file) => [file.sourcePath, file.text]));
  const diagnostics = [...loaded.diagnostics];
  if (loaded.files.length === 0 && loaded.diagnostics.length === 0) diagnostics.push(noPostsFound(config));
  const found: Pick<PipelineResult, 'postFiles' | 'skipped' | 'sources' | 'timings' | 'contentHistory'> = { postFiles: loaded.files, skipped: loaded.skipped, sources, timings };
  let posts: Post[] | undefined;
  const stop = (): PipelineResult => ({ ...found, outputPaths: new Set(), links: new Map(), diagnostics, posts });

  let gitDates: Map<string, GitDates> | undefined;
  const authors = config.authorsFile ? readAuthorsFile(config.authorsFile) : undefined;
  diagnostics.push(...(authors?.diagnostics ?? []));
  const parsed = await timed('parse', loaded.files.length, (tick) =>
    parsePosts(loaded.files, tick, {
      config,
      layouts: postLayouts(config.templateDirs),
      authors: withConfigAuthors(authors?.authors, config.authors, config.configFile),
      // One `git log` per build, read lazily: a site whose posts all carry dates and that does not
      // want `updated` from git never runs git at all.
      git: (sourcePath) => (gitDates ??= cache?.gitDates ?? readGitDates(config.postsDir)).get(sourcePath),
    }, cache, since),
  );
  diagnostics.push(...parsed.diagnostics);
  posts = parsed.posts;
  if (cache && gitDates) cache.gitDates = gitDates;
  if (hasErrors(diagnostics) && !keepGoing) return stop();

  const modelled = await timed('model', parsed.posts.length, () => modelStage(parsed.posts, config, since));
  diagnostics.push(...modelled.diagnostics);
  if (hasErrors(diagnostics) && !keepGoing) return stop();
  const { site } = modelled;
  if (options.until === 'model') return { ...found, site, posts, outputPaths: new Set(), links: new Map(), diagnostics };
  if (config.staleNotice && config.languages.length > 1 && [...site.translations.values()].some((ids) => ids.length > 0)) {
    // One `git log -p` for the posts folder, only for a site with translations (kept by the dev server).
    const history = () => (found.contentHistory = cache ? (cache.contentHistory ??= readContentHistory(config.postsDir)) : readContentHistory(config.postsDir));
    site.staleTranslations = staleTranslations(site.posts, config, history);
  }

  // Going on past errors (keepGoing) renders only to learn what else is wrong: nothing is
  // indexed or written.
  const failing = hasErrors(diagnostics);
  // Search (src/search/): each language's post pages go to the indexer as soon as they are rendered.
  const search = (options.search ?? 'inline') === 'inline' && !failing ? startSearch(site, cache?.search) : undefined;
  // Every output, as it is made, against the others and public/: a collision is not written.
  const publicListing = options.publicFiles ?? listPublicFiles(config.publicDir);
  const publicPaths = new Set(publicListing.files.map((file) => file.rel.normalize('NFC')));
  const claims = new OutputClaims(site, publicPaths);
  const outputPaths = new Set<string>();
  const writer = failing ? undefined : options.writer;
  // The writer is called from inside rendering: its time is taken out of render's and shown apart.
  let writeMs = 0;
  const add = (file: OutputFile): void => {
    if (!writer) return;
    const start = performance.now();
    writer.add(file);
    writeMs += performance.now() - start;
  };
  const write = (file: OutputFile): void => {
    if (!claims.admit(file)) return;
    outputPaths.add(file.path);
    add(file);
  };
  const rendered = await timed('render', site.routes.length + site.posts.length, (tick) =>
    renderSite(site, {
      tick,
      cache,
      onPostPage: search && ((file, hash) => search.add(file, hash)),
      pace: search && (() => search.pace()),
      since,
      changedPosts: modelled.changed,
      write,
    }),
  ).catch(async (cause: unknown) => {
    // A writer that fails (the staging folder gone) ends the run: its indexing must not outlive it.
    await search?.cancel();
    throw cause;
  });
  if (writer) {
    timings.render = (timings.render ?? 0) - writeMs;
    timings.write = writeMs;
  }
  // Going on past the model's errors, a collision it reported comes round again as outputs.
  const known = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}\0${d.line}`));
  const collisions = claims.diagnostics().filter((d) => !(failing && known.has(`${d.file}\0${d.line}`)));
  diagnostics.push(...rendered.diagnostics, ...collisions);
  const made = { ...found, site, posts, outputPaths, links: rendered.links, diagnostics, diagrams: rendered.diagrams, images: rendered.images };
  if (hasErrors(diagnostics)) {
    await search?.cancel();
    // What was made of the posts that parsed, so that `check` can still look at their links.
    return keepGoing ? made : stop();
  }
  since?.keepModel(parsed.posts, modelled);
  if (options.search === 'later') return { ...made, pageHashes: rendered.pageHashes };
  if (!search) return made;
  // The index files join the outputs.
  const searchStart = performance.now();
  const indexed = await search.finish();
  timings.search = performance.now() - searchStart;
  const indexOutputs = indexed.outputs.filter((file) => claims.admit(file));
  diagnostics.push(...indexed.diagnostics, ...claims.diagnostics());
  if (hasErrors(diagnostics)) return stop();
  for (const file of indexOutputs) {
    outputPaths.add(file.path);
    add(file);
  }
  if (writer) timings.write = writeMs;
  return { ...made, search: indexed.stats };
}
