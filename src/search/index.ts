// The search step (issue 7): after rendering, feed the rendered post pages to Pagefind and add its
// index to the outputs, so `build` writes it through the staging writer and the dev server keeps
// it in memory like every other output.
//
// Why Pagefind: it segments Chinese at index time and matches word prefixes at query time, so
// 语音 is found inside a Chinese sentence and 음성 inside 음성으로 (Korean particles glued to
// words). It splits the index by `<html lang>` on its own: one bundle folder `/pagefind/`, one
// index per language inside it, and pagefind.js picks the index of the page it runs on, so the
// search page of each language only ever sees that language's posts.
//
// Only post pages are handed over, and post.njk marks the parts to index (title and body) with
// `data-pagefind-body`; navigation, headers, footers and list pages never reach the index.
import path from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Lang, OutputFile, Route, Site } from '../types.js';
import { hashText } from '../util/hash.js';
import { encodeSitePath } from '../util/paths.js';
import type { IndexedLanguage, SearchCache } from './cache.js';
import { searchClientFiles } from './client.js';
import { PAGEFIND_VERSION, pagefindService, serviceCount, type Pagefind } from './services.js';

/** Output folder of the Pagefind bundle (index, pagefind.js, wasm), relative to the output folder. */
export const PAGEFIND_DIR = 'pagefind';

/** What indexing cost and produced; the build report and the bench read it. */
export interface SearchStats {
  /** Post pages indexed, per language code. */
  pages: Record<Lang, number>;
  /** Files in the bundle (index chunks, fragments, pagefind.js, wasm) plus the search page script. */
  files: number;
  /** Bytes of all those files. */
  bytes: number;
  /** Bytes of the index proper (`.pf_meta`, `.pf_index`, `.pf_fragment`, `.pf_filter`): the part that grows with the posts. */
  indexBytes: number;
  /** Milliseconds spent indexing (adding pages and producing the files). */
  ms: number;
  /** Languages that went through Pagefind in this run (the others came from the cache). */
  indexed: Lang[];
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

/**
 * One language's post pages on their way to Pagefind. Pages join `pending` as they arrive; the
 * language is `complete` once every page it will get is in.
 */
interface LanguageJob {
  lang: Lang;
  /** Its post routes, in site order. */
  routes: Route[];
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
 * page over (`add`) as it is done. A language comes from the cache when its pages are the same
 * bytes as when it was cached; that is known only once it is complete, so while the cache has
 * entries its pages wait until then. With an empty cache (a first build, a CI run without one)
 * nothing can come from it, and each language's pages go to Pagefind as they arrive: indexing
 * runs beside rendering, and pages are let go at once rather than held until the language is
 * complete. `finish` waits for every language and returns the merged bundle.
 */
export interface SearchSession {
  /** A rendered page (others than post pages are ignored); `hash` of its HTML when known. */
  add(file: OutputFile, hash?: string): void;
  /**
   * Undefined, or a promise to wait for before rendering more: Pagefind takes pages more slowly
   * than they are rendered, and the pages waiting for it would otherwise pile up in memory.
   */
  pace(): Promise<void> | undefined;
  /** Index what is still missing, wait for every language, merge. */
  finish(): Promise<SearchResult>;
  /** The build failed: start nothing more (what runs finishes in the background). */
  cancel(): void;
}

/**
 * Each language is its own Pagefind index (Pagefind splits by language anyway: the files are the
 * same as one index of all of them, bar the list of languages in `pagefind-entry.json`, which is
 * merged), so that languages are indexed side by side, one Pagefind process per core, and a
 * language whose pages did not change comes from `cache` instead. Undefined when search is off.
 */
export function startSearch(site: Site, cache?: SearchCache): SearchSession | undefined {
  const { config } = site;
  if (!config.search) return undefined;
  const start = performance.now();
  const where = config.configFile ?? path.join(config.root, 'omnipress.yml');
  const diagnostics: Diagnostic[] = [];
  // Files, not their content: a page the previous build wrote is read only if its language is indexed anew.
  // A page is let go once Pagefind has it (or its language came from the cache): at 20,000 posts
  // the pages of a language are hundreds of MB.
  const html = new Map<string, OutputFile>();
  const hashes = new Map<string, string>();
  const jobs = new Map<Lang, LanguageJob>();
  const routeOf = new Map<string, Route>();
  for (const route of site.routes) {
    if (route.kind !== 'post') continue;
    const lang = route.lang ?? '';
    let job = jobs.get(lang);
    if (!job) {
      job = { lang, routes: [], pending: [], complete: false, started: false };
      jobs.set(lang, job);
    }
    job.routes.push(route);
    routeOf.set(route.outputPath, route);
  }
  const streaming = cache === undefined || cache.empty();
  const missing = new Map([...jobs.values()].map((job) => [job.lang, job.routes.length]));
  const done = new Map<Lang, IndexedLanguage>();
  const indexed: Lang[] = [];
  const queue: LanguageJob[] = [];
  const running: Promise<void>[] = [];
  // Pagefind processes not indexing anything right now (their numbers: pagefindService(n)).
  const free = Array.from({ length: serviceCount(jobs.size || 1) }, (_, n) => n);
  let failure: unknown;
  let cancelled = false;

  /** A free Pagefind process takes the next language in the queue. */
  const pump = () => {
    while (!cancelled && queue.length > 0 && free.length > 0) {
      // Biggest first, so that the last one to finish is a small one.
      queue.sort((a, b) => b.routes.length - a.routes.length);
      const job = queue.shift()!;
      const slot = free.shift()!;
      job.indexing = true;
      running.push(
        (async () => {
          try {
            const indexedLanguage = await indexLanguage(await pagefindService(slot), job, html, site, diagnostics, where, caughtUp);
            done.set(job.lang, indexedLanguage);
            cache?.write(job.key!, indexedLanguage);
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
  // Rendering waits while the languages being indexed have more than MAX_WAITING pages waiting
  // (only those: the pages of a language without a process yet, or held until it is complete,
  // wait for something rendering itself brings about).
  let waiters: (() => void)[] = [];
  const waiting = () => [...jobs.values()].reduce((sum, job) => sum + (job.indexing ? job.pending.length : 0), 0);
  const caughtUp = () => {
    if (waiters.length === 0 || (waiting() > MAX_WAITING / 2 && !cancelled)) return;
    const resume = waiters;
    waiters = [];
    for (const resolve of resume) resolve();
  };

  /** To Pagefind (once a process is free): from now on its pages go there as they arrive. */
  const send = (job: LanguageJob) => {
    if (job.started) return;
    job.started = true;
    indexed.push(job.lang);
    queue.push(job);
    pump();
  };
  /** A language whose pages are all in (or all there will be): from the cache, or to Pagefind. */
  const complete = (job: LanguageJob) => {
    missing.delete(job.lang);
    job.complete = true;
    const routes = job.routes.filter((route) => hashes.has(route.outputPath));
    job.key = hashText(`pagefind ${PAGEFIND_VERSION}\0${job.lang}\0${routes.map((route) => `${route.url}\0${hashes.get(route.outputPath)}`).join('\n')}`);
    if (!job.started) {
      const hit = cache?.read(job.key);
      if (hit) {
        for (const route of routes) html.delete(route.outputPath);
        done.set(job.lang, hit);
        return;
      }
      // Site order, whatever order the pages came in: the same pages always make the same index.
      job.pending = routes;
      send(job);
    }
    job.wake?.();
  };

  return {
    add(file, hash) {
      const route = routeOf.get(file.path);
      if (route === undefined || hashes.has(file.path)) return;
      const job = jobs.get(route.lang ?? '')!;
      html.set(file.path, file);
      hashes.set(file.path, hash ?? hashText(file.content));
      if (streaming) {
        job.pending.push(route);
        send(job);
        job.wake?.();
      }
      const left = missing.get(job.lang)! - 1;
      missing.set(job.lang, left);
      if (left === 0) complete(job);
    },
    pace() {
      if (cancelled || waiting() <= MAX_WAITING) return undefined;
      return new Promise((resolve) => waiters.push(resolve));
    },
    cancel() {
      cancelled = true;
      caughtUp();
      for (const job of jobs.values()) {
        job.cancelled = true;
        job.wake?.();
      }
    },
    async finish() {
      // Languages with pages that never came (a failed layout), and a site without posts, which
      // still gets one (empty) index as before.
      for (const lang of [...missing.keys()]) complete(jobs.get(lang)!);
      if (jobs.size === 0) {
        const job: LanguageJob = { lang: '', routes: [], pending: [], complete: false, started: false };
        jobs.set('', job);
        complete(job);
      }
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
      cache?.keep(new Set([...jobs.values()].map((job) => job.key!)));
      // In the order of the configured languages, whatever order they finished in.
      const order = (lang: Lang) => config.languages.findIndex((l) => l.code === lang);
      const langs = [...jobs.keys()].sort((a, b) => order(a) - order(b));
      const bundle = mergeBundles(langs.map((lang) => done.get(lang)!.files));
      const files = [...bundle, ...searchClientFiles()];
      const size = (list: OutputFile[]) => list.reduce((sum, file) => sum + byteLength(file.content), 0);
      const pages: Record<Lang, number> = Object.fromEntries(config.languages.map((l) => [l.code, 0]));
      for (const lang of langs) if (lang) pages[lang] = done.get(lang)!.pages;
      const stats: SearchStats = {
        pages,
        files: files.length,
        bytes: size(files),
        indexBytes: size(bundle.filter((file) => /\.pf_(meta|index|fragment|filter)$/.test(file.path))),
        ms: performance.now() - start,
        indexed: indexed.sort((a, b) => order(a) - order(b)),
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
async function nextBatch(job: LanguageJob): Promise<Route[] | undefined> {
  while (job.pending.length === 0 && !job.complete && !job.cancelled) await new Promise<void>((resolve) => (job.wake = resolve));
  job.wake = undefined;
  if (job.cancelled) throw new Error('the build failed');
  return job.pending.length > 0 ? job.pending.splice(0, INDEX_BATCH) : undefined;
}

async function indexLanguage(
  pagefind: Pagefind,
  job: LanguageJob,
  /** The pages; each one is deleted once Pagefind has it. */
  html: Map<string, OutputFile>,
  site: Site,
  diagnostics: Diagnostic[],
  where: string,
  /** Called after each batch Pagefind took. */
  took: () => void,
): Promise<IndexedLanguage> {
  let index: Awaited<ReturnType<Pagefind['createIndex']>>['index'];
  try {
    const created = await pagefind.createIndex({});
    index = created.index;
    if (!index) throw new Error(created.errors.join('; ') || 'no index');
    let pages = 0;
    // Pages go to the Pagefind service over a pipe; keeping a batch in flight saves waiting on each reply.
    for (let batch = await nextBatch(job); batch; batch = await nextBatch(job)) {
      const added = await Promise.all(
        // The site path without the base path: pagefind.js prefixes the base path it is given.
        batch.map((route) => index!.addHTMLFile({ url: encodeSitePath(route.url), content: String(html.get(route.outputPath)!.content) })),
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
    const files = got.files
      .filter((file) => !UNUSED_BUNDLE_FILE.test(file.path))
      .map((file): OutputFile => ({ path: `${PAGEFIND_DIR}/${file.path}`, content: file.content }));
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
 * One bundle out of the languages' bundles: the files they share (pagefind.js, the wasm) are the
 * same bytes in each, and `pagefind-entry.json` lists every language, sorted, so that the same
 * site always gives the same bytes (Pagefind writes them in hash-map order).
 */
function mergeBundles(bundles: readonly OutputFile[][]): OutputFile[] {
  const files = new Map<string, OutputFile>();
  let entry: { languages?: Record<string, unknown> } | undefined;
  const languages: Record<string, unknown> = {};
  for (const bundle of bundles) {
    for (const file of bundle) {
      if (file.path === `${PAGEFIND_DIR}/pagefind-entry.json`) {
        const own = JSON.parse(Buffer.from(file.content).toString('utf8')) as { languages?: Record<string, unknown> };
        entry ??= own;
        Object.assign(languages, own.languages);
      } else if (!files.has(file.path)) {
        files.set(file.path, file);
      }
    }
  }
  if (entry) {
    entry.languages = Object.fromEntries(Object.entries(languages).sort(([a], [b]) => (a < b ? -1 : 1)));
    files.set(`${PAGEFIND_DIR}/pagefind-entry.json`, { path: `${PAGEFIND_DIR}/pagefind-entry.json`, content: Buffer.from(JSON.stringify(entry)) });
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

function byteLength(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
}
