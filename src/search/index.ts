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
import * as pagefind from 'pagefind';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { Lang, OutputFile, Site } from '../types.js';
import { encodeSitePath } from '../util/paths.js';
import { searchClientFiles } from './client.js';

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

/** Pages handed to Pagefind at once. */
const INDEX_BATCH = 64;

/** Index the rendered post pages of `site`; `outputs` are the render stage's files. */
export async function indexSearch(site: Site, outputs: readonly OutputFile[]): Promise<SearchResult> {
  const { config } = site;
  if (!config.search) return { outputs: [], diagnostics: [] };
  const start = performance.now();
  const where = config.configFile ?? path.join(config.root, 'omnipress.yml');
  const html = new Map(outputs.map((file) => [file.path, file.content]));
  const diagnostics: Diagnostic[] = [];
  const pages: Record<Lang, number> = Object.fromEntries(config.languages.map((l) => [l.code, 0]));

  let index: pagefind.PagefindIndex | undefined;
  try {
    const created = await pagefind.createIndex({});
    index = created.index;
    if (!index) throw new Error(created.errors.join('; ') || 'no index');
    const posts = site.routes.filter((route) => route.kind === 'post' && typeof html.get(route.outputPath) === 'string');
    // Pages go to the Pagefind service over a pipe; keeping a batch in flight saves waiting on each reply.
    for (let i = 0; i < posts.length; i += INDEX_BATCH) {
      const batch = posts.slice(i, i + INDEX_BATCH);
      const added = await Promise.all(
        // The site path without the base path: pagefind.js prefixes the base path it is given.
        batch.map((route) => index!.addHTMLFile({ url: encodeSitePath(route.url), content: html.get(route.outputPath) as string })),
      );
      batch.forEach((route, at) => {
        const { errors } = added[at]!;
        const post = site.postsById.get(route.postIds[0]!);
        for (const message of errors) diagnostics.push(warning(post?.sourcePath ?? where, `search index: ${message}`));
        if (errors.length === 0 && route.lang) pages[route.lang] = (pages[route.lang] ?? 0) + 1;
      });
    }
    const got = await index.getFiles();
    if (got.errors.length > 0) throw new Error(got.errors.join('; '));
    const bundle = got.files
      .filter((file) => !UNUSED_BUNDLE_FILE.test(file.path))
      .map((file): OutputFile => ({ path: `${PAGEFIND_DIR}/${file.path}`, content: stableEntry(file.path, file.content) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    const files = [...bundle, ...searchClientFiles()];
    const size = (list: OutputFile[]) => list.reduce((sum, file) => sum + byteLength(file.content), 0);
    const stats: SearchStats = {
      pages,
      files: files.length,
      bytes: size(files),
      indexBytes: size(bundle.filter((file) => /\.pf_(meta|index|fragment|filter)$/.test(file.path))),
      ms: performance.now() - start,
    };
    return { outputs: files, diagnostics, stats };
  } catch (cause) {
    // A dead service stays cached inside the pagefind module; drop it so the next build (the dev
    // server's next rebuild) starts a fresh one.
    index = undefined;
    await pagefind.close().catch(() => null);
    const message = cause instanceof Error ? cause.message : String(cause);
    diagnostics.push(
      error(where, `search index could not be built: ${message.split('\n')[0]}`, {
        hint: 'Pagefind runs a binary from the @pagefind/<platform> package: reinstall with npm ci, or set `search: false` in omnipress.yml',
      }),
    );
    return { outputs: [], diagnostics };
  } finally {
    // Free the index in the Pagefind service; the service itself stays up for the next build.
    await index?.deleteIndex().catch(() => null);
  }
}

/**
 * Pagefind writes `pagefind-entry.json`'s languages in hash-map order, which changes from run to
 * run; sort them so that the same site always gives the same bytes (every other file is stable).
 */
function stableEntry(file: string, content: Uint8Array): Uint8Array {
  if (file !== 'pagefind-entry.json') return content;
  const entry = JSON.parse(Buffer.from(content).toString('utf8')) as { languages?: Record<string, unknown> };
  if (entry.languages) entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => (a < b ? -1 : 1)));
  return Buffer.from(JSON.stringify(entry));
}

function byteLength(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
}
