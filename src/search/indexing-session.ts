// The indexing session: the render stage hands each post page over as it is done, and the
// session cuts each language's pages into index parts, takes the parts whose pages did not change
// from the cache, has the Pagefind pool index the others, and assembles the bundle.
import path from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Lang, OutputFile, Route, Site } from '../types.js';
import { hashText } from '../util/hash.js';
import { DROPPED_WITH_CONTENT } from '../util/html-elements.js';
import { encodeSitePath } from '../urls/hrefs.js';
import { assembleBundles, INDEX_FILE, partBundleFiles } from './bundle-assembly.js';
import type { IndexedPart, SearchCache } from './cache.js';
import { searchClientFiles } from './client.js';
import { PAGEFIND_VERSION, PagefindPool, serviceCount, type PagefindIndex } from './pagefind-pool.js';

/**
 * One part of a language's post pages on its way to Pagefind. Pages join `pending` as they arrive;
 * the part is `complete` once every page it will get is in.
 */
interface PartJob {
  lang: Lang;
  /** 0 holds the language's oldest posts; the highest number the newest, and it may be short. */
  number: number;
  /** Its post routes, in site order (newest first). */
  routes: Route[];
  /** Pages still to arrive. */
  missing: number;
  /** Routes whose page arrived and has not gone to Pagefind yet, in the order they go. */
  pending: Route[];
  complete: boolean;
  /** Whether it went to the Pagefind queue (it may still wait there for a free process). */
  started: boolean;
  /** Content key, set once complete: Pagefind's version and every page's URL and bytes. */
  key?: string;
  /** Wakes the indexer waiting for more pages. */
  wake?: () => void;
  /** The build failed: send nothing more. */
  cancelled?: boolean;
}

/** Pages handed to Pagefind at once. */
const INDEX_BATCH = 64;

/** Post pages that may wait for Pagefind before rendering pauses (about 10 MB of HTML). */
const MAX_WAITING = 256;

// Text readers never see is not searchable either: search results would show it in their
// excerpts. (`hidden` elements stay in pages; under trustedHtml, scripts and styles do too.)
const INDEX_OPTIONS = { excludeSelectors: ['[hidden]', ...DROPPED_WITH_CONTENT] };
/** Parts indexed with other options are other parts: the options are in every part's cache key. */
const INDEX_OPTIONS_KEY = JSON.stringify(INDEX_OPTIONS);

/**
 * A language's post routes (site order, newest first) cut into parts of `size` counted from the
 * oldest: part 0 is its `size` oldest posts, and a new post lands in the last part. One part
 * when there are no more than `size`.
 */
export function splitIntoParts(routes: readonly Route[], size: number): Route[][] {
  const parts: Route[][] = Array.from({ length: Math.max(1, Math.ceil(routes.length / size)) }, () => []);
  routes.forEach((route, at) => parts[Math.floor((routes.length - 1 - at) / size)]!.push(route));
  return parts;
}

/** What indexing cost and produced; the build report and the bench read it. */
export interface SearchStats {
  /** Post pages indexed, per language code. */
  pages: Record<Lang, number>;
  /** Index parts, all languages together (one per language up to `searchPartSize` posts). */
  parts: number;
  /** Files in the bundle (index chunks, fragments, pagefind.js, wasm) plus the search page script. */
  files: number;
  /** Bytes of all those files. */
  bytes: number;
  /** Bytes of the index proper (`.pf_meta`, `.pf_index`, `.pf_fragment`, `.pf_filter`): the part that grows with the posts. */
  indexBytes: number;
  /** Milliseconds spent indexing (adding pages and producing the files). */
  ms: number;
  /** Languages with a part that went through Pagefind in this run. */
  indexed: Lang[];
  /** Parts that went through Pagefind in this run (the others came from the cache). */
  partsIndexed: number;
}

export interface SearchResult {
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
  /** Unset when search is off or indexing failed. */
  stats?: SearchStats;
}

/**
 * Indexing that starts while pages are still being rendered: the render stage hands each post
 * page over (`add`) as it is done. A part comes from the cache when its pages are the same bytes
 * as when it was cached; that is known only once it is complete, so while the cache has entries
 * its pages wait until then. With an empty cache (a first build, a CI run without one) nothing
 * can come from it, and each part's pages go to Pagefind as they arrive: indexing runs beside
 * rendering, and pages are let go at once rather than held until the part is complete. `finish`
 * waits for every part and returns the bundles.
 */
export interface SearchSession {
  /** A rendered page (others than post pages are ignored); `hash` of its HTML when known. */
  add(file: OutputFile, hash?: string): void;
  /**
   * Undefined, or a promise to wait for before rendering more: Pagefind takes pages more slowly
   * than they are rendered, and the pages waiting for it would otherwise pile up in memory.
   */
  pace(): Promise<void> | undefined;
  /** Index what is still missing, wait for every part, assemble the bundles. */
  finish(): Promise<SearchResult>;
  /**
   * The build failed: start nothing more. Settles once the parts being indexed have stopped: a
   * part that stops closes its Pagefind service, which must not happen under the next build's
   * index on the same service.
   */
  cancel(): Promise<void>;
}

/**
 * Each part is its own Pagefind index, so that parts are indexed side by side, one Pagefind
 * process per core, and a part whose pages did not change comes from the cache instead.
 */
export class IndexingSession implements SearchSession {
  readonly #site: Site;
  readonly #cache: SearchCache | undefined;
  readonly #start = performance.now();
  /** Where diagnostics about the index as a whole point: the configuration file. */
  readonly #where: string;
  readonly #diagnostics: Diagnostic[] = [];
  // Files, not their content: a page the previous build wrote is read only if its part is indexed
  // anew. A page is let go once Pagefind has it (or its part came from the cache): on a site of
  // tens of thousands of posts the pages of a language are hundreds of MB.
  readonly #html = new Map<string, OutputFile>();
  readonly #hashes = new Map<string, string>();
  readonly #jobs: PartJob[] = [];
  readonly #jobOf = new Map<string, PartJob>();
  readonly #routeOf = new Map<string, Route>();
  /** Whether pages go to Pagefind as they arrive: nothing can come from an empty cache. */
  readonly #streaming: boolean;
  readonly #done = new Map<PartJob, IndexedPart>();
  readonly #pool: PagefindPool<PartJob, IndexedPart>;
  #cancelled = false;
  /** Rendering waiting for Pagefind to catch up (`pace`). */
  #waiters: (() => void)[] = [];

  constructor(site: Site, cache?: SearchCache) {
    const { config } = site;
    this.#site = site;
    this.#cache = cache;
    this.#where = config.configFile ?? path.join(config.root, 'omnipress.yml');
    const byLang = new Map<Lang, Route[]>();
    for (const route of site.routes) {
      if (route.kind !== 'post') continue;
      const lang = route.lang ?? '';
      let list = byLang.get(lang);
      if (!list) byLang.set(lang, (list = []));
      list.push(route);
    }
    for (const [lang, routes] of byLang) {
      splitIntoParts(routes, config.searchPartSize).forEach((part, number) => {
        const job: PartJob = { lang, number, routes: part, missing: part.length, pending: [], complete: false, started: false };
        this.#jobs.push(job);
        for (const route of part) {
          this.#jobOf.set(route.outputPath, job);
          this.#routeOf.set(route.outputPath, route);
        }
      });
    }
    // A site without posts still gets one (empty) index: the search page loads the main bundle all the same.
    if (this.#jobs.length === 0) this.#jobs.push({ lang: '', number: 0, routes: [], missing: 0, pending: [], complete: false, started: false });
    this.#streaming = cache === undefined || cache.empty();
    this.#pool = new PagefindPool(serviceCount(this.#jobs.length), {
      indexOptions: INDEX_OPTIONS,
      // Complete parts first, so that no process waits for pages while another part could go;
      // then the biggest, so that the last one to finish is a small one.
      order: (a, b) => Number(b.complete) - Number(a.complete) || b.routes.length - a.routes.length,
      fill: (index, job) => this.#indexPart(index, job),
      done: (job, indexed) => {
        this.#done.set(job, indexed);
        this.#cache?.write(job.key!, indexed);
      },
      released: () => this.#caughtUp(),
    });
  }

  add(file: OutputFile, hash?: string): void {
    const job = this.#jobOf.get(file.path);
    if (job === undefined || this.#hashes.has(file.path)) return;
    this.#html.set(file.path, file);
    this.#hashes.set(file.path, hash ?? hashText(file.content));
    if (this.#streaming) {
      job.pending.push(this.#routeOf.get(file.path)!);
      this.#send(job);
      job.wake?.();
    }
    if (--job.missing === 0) this.#complete(job);
  }

  pace(): Promise<void> | undefined {
    if (this.#cancelled || this.#waiting() <= MAX_WAITING) return undefined;
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  async cancel(): Promise<void> {
    this.#cancelled = true;
    this.#pool.stop();
    this.#caughtUp();
    for (const job of this.#jobs) {
      job.cancelled = true;
      job.wake?.();
    }
    await this.#pool.settled();
  }

  async finish(): Promise<SearchResult> {
    const { config } = this.#site;
    const jobs = this.#jobs;
    // Parts with pages that never came (a failed layout), and the empty index of a site without posts.
    for (const job of jobs) if (!job.complete) this.#complete(job);
    await this.#pool.settled();
    const failure = this.#pool.failure;
    if (failure !== undefined) {
      const message = failure instanceof Error ? failure.message : String(failure);
      this.#diagnostics.push(
        error(this.#where, `search index could not be built: ${message.split('\n')[0]}`, {
          hint: 'Pagefind runs a binary from the @pagefind/<platform> package: reinstall with npm ci, or set `search: false` in omnipress.yml',
        }),
      );
      return { outputs: [], diagnostics: this.#diagnostics };
    }
    this.#cache?.keep(new Set(jobs.map((job) => job.key!)));
    // In the order of the configured languages, whatever order they finished in.
    const order = (lang: Lang) => config.languages.findIndex((l) => l.code === lang);
    const sorted = [...jobs].sort((a, b) => order(a.lang) - order(b.lang) || a.number - b.number);
    const bundle = assembleBundles(sorted.map((job) => ({ lang: job.lang, number: job.number, files: this.#done.get(job)!.files })));
    const files = [...bundle, ...searchClientFiles()];
    const size = (list: OutputFile[]) => list.reduce((sum, file) => sum + byteLength(file.content), 0);
    const pages: Record<Lang, number> = Object.fromEntries(config.languages.map((l) => [l.code, 0]));
    for (const job of jobs) if (job.lang) pages[job.lang] = (pages[job.lang] ?? 0) + this.#done.get(job)!.pages;
    const indexed = sorted.filter((job) => job.started);
    const stats: SearchStats = {
      pages,
      parts: jobs.length,
      files: files.length,
      bytes: size(files),
      indexBytes: size(bundle.filter((file) => INDEX_FILE.test(file.path))),
      ms: performance.now() - this.#start,
      indexed: [...new Set(indexed.map((job) => job.lang))],
      partsIndexed: indexed.length,
    };
    return { outputs: files, diagnostics: this.#diagnostics, stats };
  }

  /** To Pagefind (once a process is free): from now on its pages go there as they arrive. */
  #send(job: PartJob): void {
    if (job.started) return;
    job.started = true;
    this.#pool.add(job);
  }

  /** A part whose pages are all in (or all there will be): from the cache, or to Pagefind. */
  #complete(job: PartJob): void {
    job.complete = true;
    const routes = job.routes.filter((route) => this.#hashes.has(route.outputPath));
    job.key = hashText(
      `pagefind part ${PAGEFIND_VERSION}\0${INDEX_OPTIONS_KEY}\0${job.lang}\0${routes.map((route) => `${route.sitePath}\0${this.#hashes.get(route.outputPath)}`).join('\n')}`,
    );
    if (!job.started) {
      const hit = this.#cache?.read(job.key);
      if (hit) {
        for (const route of routes) this.#html.delete(route.outputPath);
        this.#done.set(job, hit);
        return;
      }
      // Site order, whatever order the pages came in: the same pages always make the same index.
      job.pending = routes;
      this.#send(job);
    }
    job.wake?.();
    // Its process will be free once it has the pages it holds: queued pages now count (`waiting`).
    this.#caughtUp();
  }

  // Rendering waits while more than MAX_WAITING pages wait for Pagefind, counting only pages that
  // Pagefind will take without more rendering: those of the parts being indexed, and, once one of
  // those is complete (so its process will be free again), those of the parts queued for a process.
  // Pages held until their part is complete wait for rendering itself.
  #waiting(): number {
    const indexing = (job: PartJob) => this.#pool.indexing(job);
    const freeing = this.#jobs.some((job) => indexing(job) && job.complete);
    return this.#jobs.reduce((sum, job) => sum + (indexing(job) || (freeing && job.started) ? job.pending.length : 0), 0);
  }

  /** Lets rendering go on once Pagefind has caught up (or the build failed). */
  #caughtUp(): void {
    if (this.#waiters.length === 0 || (this.#waiting() > MAX_WAITING / 2 && !this.#cancelled)) return;
    const resume = this.#waiters;
    this.#waiters = [];
    for (const resolve of resume) resolve();
  }

  /** Hands the part's pages to `index` as they come, and returns its bundle files. */
  async #indexPart(index: PagefindIndex, job: PartJob): Promise<IndexedPart> {
    let pages = 0;
    // Pages go to the Pagefind service over a pipe; keeping a batch in flight saves waiting on each reply.
    for (let batch = await nextBatch(job); batch; batch = await nextBatch(job)) {
      const added = await Promise.all(
        // The site path without the base path: pagefind.js prefixes the base path it is given.
        batch.map((route) => index.addHTMLFile({ url: encodeSitePath(route.sitePath), content: String(this.#html.get(route.outputPath)!.content) })),
      );
      batch.forEach((route, at) => {
        const { errors } = added[at]!;
        const post = this.#site.postsById.get(route.postIds[0]!);
        for (const message of errors) this.#diagnostics.push(warning(post?.sourcePath ?? this.#where, `search index: ${message}`));
        if (errors.length === 0) pages++;
        this.#html.delete(route.outputPath);
      });
      this.#caughtUp();
    }
    const got = await index.getFiles();
    if (got.errors.length > 0) throw new Error(got.errors.join('; '));
    return { files: partBundleFiles(got.files, job.number), pages };
  }
}

/** The next pages of `job` to send, waiting for more while it is incomplete; undefined when all went. */
async function nextBatch(job: PartJob): Promise<Route[] | undefined> {
  while (job.pending.length === 0 && !job.complete && !job.cancelled) await new Promise<void>((resolve) => (job.wake = resolve));
  job.wake = undefined;
  if (job.cancelled) throw new Error('the build failed');
  return job.pending.length > 0 ? job.pending.splice(0, INDEX_BATCH) : undefined;
}

function byteLength(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
}
