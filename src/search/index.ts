// The search step: after rendering, feed the rendered post pages to Pagefind and add its
// index to the outputs, so `build` writes it through the staging writer and the dev server keeps
// it in memory like every other output.
//
// Why Pagefind: it segments Chinese at index time and matches word prefixes at query time, so
// 语音 is found inside a Chinese sentence and 음성 inside 음성으로 (Korean particles glued to
// words). Each language has its own index, and pagefind.js picks the index of the page it runs
// on, so the search page of each language only ever sees that language's posts.
//
// A language with more posts than `searchPartSize` is indexed in parts, counted from its oldest
// post: Pagefind's cost per page and its memory grow with the size of an index, so bounded parts
// keep both flat, and a new post changes only the newest part, so only that part is indexed again. Part 0 of every language is
// in the main bundle, `/pagefind/`; every other part is a bundle folder of its own that the
// search page merges (`mergeIndex`), listed in `/pagefind/parts.json`.
//
// Only post pages are handed over, and post.njk marks the parts to index (title and body) with
// `data-pagefind-body`; navigation, headers, footers and list pages never reach the index.
import path from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Lang, OutputFile, Route, Site } from '../types.js';
import { hashText } from '../util/hash.js';
import { DROPPED_WITH_CONTENT } from '../util/html-elements.js';
import { encodeSitePath } from '../urls/hrefs.js';
import type { IndexedPart, SearchCache } from './cache.js';
import { searchClientFiles } from './client.js';
import { PAGEFIND_VERSION, pagefindService, serviceCount, type Pagefind } from './services.js';

/** Output folder of the Pagefind bundle (index, pagefind.js, wasm), relative to the output folder. */
export const PAGEFIND_DIR = 'pagefind';

/** The list of each language's further parts, in the main bundle: `{ "ko": ["parts/ko-1/"], "en": [] }`. */
export const PARTS_MANIFEST = `${PAGEFIND_DIR}/parts.json`;

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
 * Pagefind's own UIs and helpers: omnipress has its own small results renderer (client/search.js),
 * so these would be dead weight in every deployment.
 */
const UNUSED_BUNDLE_FILE = /^(pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)|playground\/.*)$/;

/** What a merged part needs of its bundle: it runs on the main bundle's pagefind.js and wasm. */
const PART_FILE = /^(pagefind-entry\.json|.*\.pf_(meta|index|fragment|filter))$/;

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
  /** Whether a Pagefind process is taking its pages now. */
  indexing?: boolean;
  /** Content key, set once complete: Pagefind's version and every page's URL and bytes. */
  key?: string;
  /** Wakes the indexer waiting for more pages. */
  wake?: () => void;
  /** The build failed: send nothing more. */
  cancelled?: boolean;
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
  /** The build failed: start nothing more (what runs finishes in the background). */
  cancel(): void;
}

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

/** The output folder of a part: part 0 of every language shares the main bundle. */
export function partFolder(lang: Lang, number: number): string {
  return number === 0 ? PAGEFIND_DIR : `${PAGEFIND_DIR}/parts/${lang}-${number}`;
}

/**
 * Each part is its own Pagefind index, so that parts are indexed side by side, one Pagefind
 * process per core, and a part whose pages did not change comes from `cache` instead. Undefined
 * when search is off.
 */
export function startSearch(site: Site, cache?: SearchCache): SearchSession | undefined {
  const { config } = site;
  if (!config.search) return undefined;
  const start = performance.now();
  const where = config.configFile ?? path.join(config.root, 'omnipress.yml');
  const diagnostics: Diagnostic[] = [];
  // Files, not their content: a page the previous build wrote is read only if its part is indexed anew.
  // A page is let go once Pagefind has it (or its part came from the cache): at 20,000 posts
  // the pages of a language are hundreds of MB.
  const html = new Map<string, OutputFile>();
  const hashes = new Map<string, string>();
  const byLang = new Map<Lang, Route[]>();
  for (const route of site.routes) {
    if (route.kind !== 'post') continue;
    const lang = route.lang ?? '';
    let list = byLang.get(lang);
    if (!list) byLang.set(lang, (list = []));
    list.push(route);
  }
  const jobs: PartJob[] = [];
  const jobOf = new Map<string, PartJob>();
  const routeOf = new Map<string, Route>();
  for (const [lang, routes] of byLang) {
    splitIntoParts(routes, config.searchPartSize).forEach((part, number) => {
      const job: PartJob = { lang, number, routes: part, missing: part.length, pending: [], complete: false, started: false };
      jobs.push(job);
      for (const route of part) {
        jobOf.set(route.outputPath, job);
        routeOf.set(route.outputPath, route);
      }
    });
  }
  // A site without posts still gets one (empty) index, as before parts.
  if (jobs.length === 0) jobs.push({ lang: '', number: 0, routes: [], missing: 0, pending: [], complete: false, started: false });
  const streaming = cache === undefined || cache.empty();
  const done = new Map<PartJob, IndexedPart>();
  const queue: PartJob[] = [];
  const running: Promise<void>[] = [];
  // Pagefind processes not indexing anything right now (their numbers: pagefindService(n)).
  const free = Array.from({ length: serviceCount(jobs.length) }, (_, n) => n);
  let failure: unknown;
  let cancelled = false;

  /** A free Pagefind process takes the next part in the queue. */
  const pump = () => {
    while (!cancelled && queue.length > 0 && free.length > 0) {
      // Complete parts first, so that no process waits for pages while another part could go;
      // then the biggest, so that the last one to finish is a small one.
      queue.sort((a, b) => Number(b.complete) - Number(a.complete) || b.routes.length - a.routes.length);
      const job = queue.shift()!;
      const slot = free.shift()!;
      job.indexing = true;
      running.push(
        (async () => {
          try {
            const indexed = await indexPart(await pagefindService(slot), job, html, site, diagnostics, where, caughtUp);
            done.set(job, indexed);
            cache?.write(job.key!, indexed);
          } catch (cause) {
            failure ??= cause;
          } finally {
            job.indexing = false;
            caughtUp();
            free.push(slot);
            pump();
          }
        })(),
      );
    }
  };
  // Rendering waits while more than MAX_WAITING pages wait for Pagefind, counting only pages that
  // Pagefind will take without more rendering: those of the parts being indexed, and, once one of
  // those is complete (so its process will be free again), those of the parts queued for a process.
  // Pages held until their part is complete wait for rendering itself.
  let waiters: (() => void)[] = [];
  const waiting = () => {
    const freeing = jobs.some((job) => job.indexing && job.complete);
    return jobs.reduce((sum, job) => sum + (job.indexing || (freeing && job.started) ? job.pending.length : 0), 0);
  };
  const caughtUp = () => {
    if (waiters.length === 0 || (waiting() > MAX_WAITING / 2 && !cancelled)) return;
    const resume = waiters;
    waiters = [];
    for (const resolve of resume) resolve();
  };

  /** To Pagefind (once a process is free): from now on its pages go there as they arrive. */
  const send = (job: PartJob) => {
    if (job.started) return;
    job.started = true;
    queue.push(job);
    pump();
  };
  /** A part whose pages are all in (or all there will be): from the cache, or to Pagefind. */
  const complete = (job: PartJob) => {
    job.complete = true;
    const routes = job.routes.filter((route) => hashes.has(route.outputPath));
    job.key = hashText(`pagefind part ${PAGEFIND_VERSION}\0${INDEX_OPTIONS_KEY}\0${job.lang}\0${routes.map((route) => `${route.sitePath}\0${hashes.get(route.outputPath)}`).join('\n')}`);
    if (!job.started) {
      const hit = cache?.read(job.key);
      if (hit) {
        for (const route of routes) html.delete(route.outputPath);
        done.set(job, hit);
        return;
      }
      // Site order, whatever order the pages came in: the same pages always make the same index.
      job.pending = routes;
      send(job);
    }
    job.wake?.();
    // Its process will be free once it has the pages it holds: queued pages now count (`waiting`).
    caughtUp();
  };

  return {
    add(file, hash) {
      const job = jobOf.get(file.path);
      if (job === undefined || hashes.has(file.path)) return;
      html.set(file.path, file);
      hashes.set(file.path, hash ?? hashText(file.content));
      if (streaming) {
        job.pending.push(routeOf.get(file.path)!);
        send(job);
        job.wake?.();
      }
      if (--job.missing === 0) complete(job);
    },
    pace() {
      if (cancelled || waiting() <= MAX_WAITING) return undefined;
      return new Promise((resolve) => waiters.push(resolve));
    },
    cancel() {
      cancelled = true;
      caughtUp();
      for (const job of jobs) {
        job.cancelled = true;
        job.wake?.();
      }
    },
    async finish() {
      // Parts with pages that never came (a failed layout), and the empty index of a site without posts.
      for (const job of jobs) if (!job.complete) complete(job);
      while (running.length > 0) await Promise.all(running.splice(0));
      if (failure !== undefined) {
        const message = failure instanceof Error ? failure.message : String(failure);
        diagnostics.push(
          error(where, `search index could not be built: ${message.split('\n')[0]}`, {
            hint: 'Pagefind runs a binary from the @pagefind/<platform> package: reinstall with npm ci, or set `search: false` in omnipress.yml',
          }),
        );
        return { outputs: [], diagnostics };
      }
      cache?.keep(new Set(jobs.map((job) => job.key!)));
      // In the order of the configured languages, whatever order they finished in.
      const order = (lang: Lang) => config.languages.findIndex((l) => l.code === lang);
      const sorted = [...jobs].sort((a, b) => order(a.lang) - order(b.lang) || a.number - b.number);
      const bundle = assembleBundles(sorted.map((job) => ({ lang: job.lang, number: job.number, files: done.get(job)!.files })));
      const files = [...bundle, ...searchClientFiles()];
      const size = (list: OutputFile[]) => list.reduce((sum, file) => sum + byteLength(file.content), 0);
      const pages: Record<Lang, number> = Object.fromEntries(config.languages.map((l) => [l.code, 0]));
      for (const job of jobs) if (job.lang) pages[job.lang] = (pages[job.lang] ?? 0) + done.get(job)!.pages;
      const indexed = sorted.filter((job) => job.started);
      const stats: SearchStats = {
        pages,
        parts: jobs.length,
        files: files.length,
        bytes: size(files),
        indexBytes: size(bundle.filter((file) => /\.pf_(meta|index|fragment|filter)$/.test(file.path))),
        ms: performance.now() - start,
        indexed: [...new Set(indexed.map((job) => job.lang))],
        partsIndexed: indexed.length,
      };
      return { outputs: files, diagnostics, stats };
    },
  };
}

/** Index the rendered post pages of `site` at once; `outputs` are the render stage's files. */
export async function indexSearch(
  site: Site,
  outputs: readonly OutputFile[],
  cache?: SearchCache,
  hashes: ReadonlyMap<string, string> = new Map(),
): Promise<SearchResult> {
  const session = startSearch(site, cache);
  if (!session) return { outputs: [], diagnostics: [] };
  for (const file of outputs) session.add(file, hashes.get(file.path));
  return session.finish();
}

/** Pages handed to Pagefind at once. */
const INDEX_BATCH = 64;

/** Post pages that may wait for Pagefind before rendering pauses (about 10 MB of HTML). */
const MAX_WAITING = 256;

/** The next pages of `job` to send, waiting for more while it is incomplete; undefined when all went. */
async function nextBatch(job: PartJob): Promise<Route[] | undefined> {
  while (job.pending.length === 0 && !job.complete && !job.cancelled) await new Promise<void>((resolve) => (job.wake = resolve));
  job.wake = undefined;
  if (job.cancelled) throw new Error('the build failed');
  return job.pending.length > 0 ? job.pending.splice(0, INDEX_BATCH) : undefined;
}

// Text readers never see is not searchable either: search results would show it in their
// excerpts. (`hidden` elements stay in pages; under trustedHtml, scripts and styles do too.)
const INDEX_OPTIONS = { excludeSelectors: ['[hidden]', ...DROPPED_WITH_CONTENT] };
/** Parts indexed with other options are other parts: the options are in every part's cache key. */
const INDEX_OPTIONS_KEY = JSON.stringify(INDEX_OPTIONS);

async function indexPart(
  pagefind: Pagefind,
  job: PartJob,
  /** The pages; each one is deleted once Pagefind has it. */
  html: Map<string, OutputFile>,
  site: Site,
  diagnostics: Diagnostic[],
  where: string,
  /** Called after each batch Pagefind took. */
  took: () => void,
): Promise<IndexedPart> {
  let index: Awaited<ReturnType<Pagefind['createIndex']>>['index'];
  try {
    const created = await pagefind.createIndex(INDEX_OPTIONS);
    index = created.index;
    if (!index) throw new Error(created.errors.join('; ') || 'no index');
    let pages = 0;
    // Pages go to the Pagefind service over a pipe; keeping a batch in flight saves waiting on each reply.
    for (let batch = await nextBatch(job); batch; batch = await nextBatch(job)) {
      const added = await Promise.all(
        // The site path without the base path: pagefind.js prefixes the base path it is given.
        batch.map((route) => index!.addHTMLFile({ url: encodeSitePath(route.sitePath), content: String(html.get(route.outputPath)!.content) })),
      );
      batch.forEach((route, at) => {
        const { errors } = added[at]!;
        const post = site.postsById.get(route.postIds[0]!);
        for (const message of errors) diagnostics.push(warning(post?.sourcePath ?? where, `search index: ${message}`));
        if (errors.length === 0) pages++;
        html.delete(route.outputPath);
      });
      took();
    }
    const got = await index.getFiles();
    if (got.errors.length > 0) throw new Error(got.errors.join('; '));
    const files = got.files.filter((file) => !UNUSED_BUNDLE_FILE.test(file.path) && (job.number === 0 || PART_FILE.test(file.path)));
    return { files, pages };
  } catch (cause) {
    // A dead service stays cached inside its pagefind module; drop it so the next build (the dev
    // server's next rebuild) starts a fresh one.
    index = undefined;
    await pagefind.close().catch(() => null);
    throw cause;
  } finally {
    // Free the index in the Pagefind service; the service itself stays up for the next build.
    await index?.deleteIndex().catch(() => null);
  }
}

/**
 * The bundles, out of each part's files (paths relative to its folder): part 0 of every language
 * in the main bundle, whose shared files (pagefind.js, the wasm) are the same bytes in each and
 * whose `pagefind-entry.json` lists every language, sorted, so that the same site always gives the
 * same bytes (Pagefind writes them in hash-map order); the other parts in folders of their own;
 * and the manifest of those, by Pagefind's language key (`zh-hans`).
 */
function assembleBundles(parts: readonly { lang: Lang; number: number; files: readonly OutputFile[] }[]): OutputFile[] {
  const files = new Map<string, OutputFile>();
  let entry: { languages?: Record<string, unknown> } | undefined;
  const languages: Record<string, unknown> = {};
  const manifest: Record<string, string[]> = {};
  for (const { lang, number, files: own } of parts) {
    const folder = partFolder(lang, number);
    for (const file of own) {
      if (file.path === 'pagefind-entry.json') {
        const parsed = JSON.parse(Buffer.from(file.content).toString('utf8')) as { languages?: Record<string, unknown> };
        for (const key of Object.keys(parsed.languages ?? {})) {
          const list = (manifest[key] ??= []);
          if (number > 0) list.push(`${folder.slice(PAGEFIND_DIR.length + 1)}/`);
        }
        // Part 0's entries become one, below; a further part keeps its own.
        if (number === 0) {
          entry ??= parsed;
          Object.assign(languages, parsed.languages);
          continue;
        }
      }
      const at = `${folder}/${file.path}`;
      if (!files.has(at)) files.set(at, { path: at, content: file.content });
    }
  }
  const sortedKeys = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (entry) {
    entry.languages = sortedKeys(languages);
    files.set(`${PAGEFIND_DIR}/pagefind-entry.json`, { path: `${PAGEFIND_DIR}/pagefind-entry.json`, content: Buffer.from(JSON.stringify(entry)) });
  }
  files.set(PARTS_MANIFEST, { path: PARTS_MANIFEST, content: Buffer.from(JSON.stringify(sortedKeys(manifest))) });
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

function byteLength(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
}
