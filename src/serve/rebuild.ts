// ChangeSet → drop what the changes make stale → runPipeline (the same one `build` runs, with the
// dev server's cache) → diff the outputs in memory → tell the browsers. One build at a time:
// changes arriving during a build are queued and handled together by one follow-up build.
import fs from 'node:fs';
import path from 'node:path';
import { resolveConfig, type ConfigOverrides } from '../config.js';
import { error, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { PipelineCache } from '../pipeline/cache.js';
import { isImageFile } from '../pipeline/image-files.js';
import { runPipeline } from '../pipeline/run.js';
import { OutputList } from '../pipeline/write.js';
import { ServedFiles } from './incremental/served-files.js';
import { indexSearch } from '../search/index.js';
import type { OutputFile, ResolvedConfig, Site } from '../types.js';
import { sitePathOfOutput } from '../urls/site-paths.js';
import { isInside, toPosix } from '../util/paths.js';
import { LastRun } from './incremental/last-run.js';
import type { ChangeKind, ChangeSet } from './watcher.js';

/** How long a search request waits for a newer index when an older one can be served. */
const SEARCH_WAIT_MS = 2000;

/** What one (re)build did: the dev server logs it, browsers hear about it, tests assert on it. */
export interface BuildRecord {
  /** 1 for the first build, then counting up. */
  id: number;
  /** False when the build reported errors; the last good outputs stay served. */
  ok: boolean;
  /** What triggered it (empty for the first build). */
  kinds: ChangeKind[];
  /** Post bodies that went through markdown-it. */
  markdownRenders: number;
  /** Pages that went through their Nunjucks layout. */
  pagesRendered: number;
  /** Output paths whose content changed, appeared or disappeared (`ko/posts/x/index.html`), public/ files included. */
  changed: string[];
  /** The same as site paths (`/ko/posts/x/`), not percent-encoded, without the base path. */
  changedUrls: string[];
  /** Errors that failed the build (empty when ok). */
  errors: Diagnostic[];
  /** Every diagnostic of the build (warnings too), for the terminal. */
  diagnostics: Diagnostic[];
  ms: number;
  /** CPU time the process spent meanwhile (all threads, GC included): steadier than `ms` on a busy machine. */
  cpuMs: number;
}

export class Rebuilder {
  /** The outputs being served; replaced only by a build without errors. */
  readonly writer = new ServedFiles();
  readonly cache = new PipelineCache();
  /** What of the last run the next one may reuse, as long as the watcher reports every change. */
  readonly lastRun = new LastRun();
  /** Every build so far, oldest first. */
  readonly builds: BuildRecord[] = [];
  /** Errors of the latest build (the overlay shows them until a build succeeds). */
  errors: Diagnostic[] = [];
  private pending: ChangeSet = [];
  private running?: Promise<void>;
  /** The latest good pipeline outputs, and the latest search index files served with them. */
  private outputs: OutputFile[] = [];
  private searchOutputs: OutputFile[] = [];
  private searchNext?: { site: Site; outputs: OutputFile[]; hashes?: Map<string, string> };
  private searching?: Promise<void>;
  /** Search requests waiting for the index under way to be complete. */
  private indexedWaiters: Array<() => void> = [];

  constructor(
    public config: ResolvedConfig,
    private readonly overrides: ConfigOverrides,
    private readonly onBuild: (record: BuildRecord) => void = () => {},
  ) {}

  /**
   * Forget what the watcher vouched for: the next build walks posts/ and checks every file's mtime
   * and size again (after a watcher error, events may have been lost).
   */
  rescan(): void {
    this.lastRun.forgetAll();
  }

  /** The first build. */
  start(): Promise<void> {
    return this.enqueue([]);
  }

  /** Queue changes; a build runs now, or right after the one in progress. Settles when the queue is empty. */
  enqueue(changes: ChangeSet): Promise<void> {
    this.pending.push(...changes);
    this.running ??= this.drain();
    return this.running;
  }

  /** Settles when no build, and no search indexing, is running or queued. */
  async idle(): Promise<void> {
    while (this.running || this.searching) await (this.running ?? this.searching);
  }

  private async drain(): Promise<void> {
    try {
      let first = this.builds.length === 0;
      while (first || this.pending.length > 0) {
        first = false;
        const batch = this.pending.splice(0);
        const record = await this.rebuild(batch);
        this.builds.push(record);
        this.onBuild(record);
      }
    } finally {
      this.running = undefined;
    }
  }

  private async rebuild(changes: ChangeSet): Promise<BuildRecord> {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const kinds = [...new Set(changes.map((change) => change.kind))];
    const record = (fields: Partial<BuildRecord>): BuildRecord => {
      const changed = fields.changed ?? [];
      return {
        id: this.builds.length + 1,
        ok: true,
        kinds,
        markdownRenders: 0,
        pagesRendered: 0,
        changed,
        changedUrls: changed.map(sitePathOfOutput),
        errors: [],
        diagnostics: [],
        ms: performance.now() - start,
        cpuMs: cpuMsSince(cpuStart),
        ...fields,
      };
    };

    // public/ is served from disk: a change there needs no pipeline run, only the browsers told.
    // Except robots.txt, whose presence decides whether one is generated, and images, whose sizes
    // posts show (the run re-renders only the bodies that measured them).
    if (kinds.length === 1 && kinds[0] === 'public' && !changes.some((c) => path.basename(c.path) === 'robots.txt' || isImageFile(c.path))) {
      const changed = changes.map((c) => toPosix(path.relative(this.config.publicDir, c.path)));
      return record({ ok: this.errors.length === 0, errors: this.errors, changed: [...new Set(changed)].sort() });
    }

    const configDiagnostics = this.applyChanges(changes);
    if (hasErrors(configDiagnostics)) return this.failed(record, configDiagnostics);

    this.cache.resetCounts();
    let result: Awaited<ReturnType<typeof runPipeline>>;
    const outputs = new OutputList();
    try {
      // `now` moves on, so a scheduled post appears once its time comes (with --no-future).
      // keepGoing: a broken post does not hide the other posts' problems from the overlay.
      // search 'later': the index waits until a browser asks for it (indexLater).
      result = await runPipeline({ ...this.config, now: new Date() }, { writer: outputs, search: 'later', keepGoing: true, since: this.lastRun }, this.cache);
    } catch (cause) {
      // Typically a file deleted between listing and reading it; the watcher's next event rebuilds,
      // from a fresh listing.
      this.rescan();
      const message = cause instanceof Error ? cause.message : String(cause);
      return this.failed(record, [error(this.config.root, `build failed: ${message}`)]);
    }
    const diagnostics = sortDiagnostics([...configDiagnostics, ...result.diagnostics]);
    const counts = { ...this.cache.counts };
    if (!result.site || hasErrors(diagnostics)) return this.failed(record, diagnostics, counts);
    this.errors = [];
    this.outputs = outputs.files;
    // Until the new index is ready the previous one is served: search may lag a save by a moment.
    const changed = this.writer.write([...this.outputs, ...this.searchOutputs]);
    this.indexLater(result.site, result.pageHashes);
    return record({ ...counts, changed, diagnostics });
  }

  /**
   * Search indexing (src/search/) takes every post page of a language each time, seconds of CPU
   * in a big site, so the dev server does it only when a browser asks for the index
   * (`searchReady`), for the latest good build: an editor saving a post again and again pays for
   * none of it until the search page is opened.
   */
  private indexLater(site: Site, hashes?: Map<string, string>): void {
    if (!site.config.search) return;
    this.searchNext = { site, outputs: this.outputs, hashes };
  }

  /**
   * Settles once the served search index is that of the latest good build (indexing it now if it
   * is not), or, while saves keep coming and each restarts the indexing, once the index under way
   * is complete; when some index is already served, after SEARCH_WAIT_MS at most. The server
   * awaits it before serving anything under /pagefind/.
   */
  searchReady(): Promise<void> {
    if (!this.searchNext && !this.searching) return Promise.resolve();
    const indexed = new Promise<void>((resolve) => this.indexedWaiters.push(resolve));
    this.searching ??= this.indexWhileBehind();
    if (this.searchOutputs.length === 0) return indexed;
    return Promise.race([indexed, new Promise<void>((resolve) => setTimeout(resolve, SEARCH_WAIT_MS).unref())]);
  }

  private async indexWhileBehind(): Promise<void> {
    try {
      while (this.searchNext) {
        const { site, outputs, hashes } = this.searchNext;
        this.searchNext = undefined;
        const search = await indexSearch(site, outputs, this.cache.search, hashes);
        if (!hasErrors(search.diagnostics)) {
          this.searchOutputs = search.outputs;
          if (this.errors.length === 0) this.writer.write([...this.outputs, ...this.searchOutputs]);
        }
        this.indexedWaiters.splice(0).forEach((resolve) => resolve());
      }
    } finally {
      this.searching = undefined;
      this.indexedWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  private failed(record: (fields: Partial<BuildRecord>) => BuildRecord, diagnostics: Diagnostic[], counts = {}): BuildRecord {
    this.errors = diagnostics.filter((d) => d.severity === 'error');
    return record({ ok: false, errors: this.errors, diagnostics, ...counts });
  }

  /** Drop cache entries the changes make stale; a config change re-reads the config and starts afresh. */
  private applyChanges(changes: ChangeSet): Diagnostic[] {
    const templatesDir = path.join(this.config.root, 'templates');
    // A site that gains or loses its templates/ folder changes the template search path (a config matter).
    const templatesMoved = fs.existsSync(templatesDir) !== this.config.templateDirs.includes(templatesDir);
    if (templatesMoved || changes.some((c) => c.kind === 'config')) {
      const { config, diagnostics } = resolveConfig(this.overrides);
      if (hasErrors(diagnostics)) return diagnostics;
      this.config = config;
      this.cache.reset();
      this.lastRun.forgetAll();
      return diagnostics;
    }
    // The same file can be reported twice in one batch (an editor's save, the watcher's recheck).
    const seen = new Set<string>();
    for (const change of changes) {
      if (change.kind === 'post') {
        if (change.event === 'change' && seen.has(change.path)) continue;
        seen.add(change.path);
        // While the listing is trusted (incremental/last-run.ts), a dropped entry is the only file read.
        const known = this.cache.invalidatePost(change.path, change.event !== 'change');
        // A file that came or went (or one the listing never had) changes the listing: walk posts/ again.
        if (change.event !== 'change' || !known) this.rescan();
      } else if (change.kind === 'template') {
        this.lastRun.forgetThemeAssets();
        if (isInside(change.path, path.join(templatesDir, 'assets'))) continue;
        this.cache.invalidateTemplates();
      }
    }
    return [];
  }
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
