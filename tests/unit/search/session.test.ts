// The search session between rendering and Pagefind (src/search/indexing-session.ts): with an
// empty cache each page goes to Pagefind as it comes, and rendering is asked to wait when Pagefind
// falls behind, so that a big site's pages are never all held in memory; with a cache that may
// hold the language, pages wait until it is complete. Either way the index is the same bytes.
// Rendering (renderSite) waits for the session when asked to.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../../src/config.js';
import { runPipeline } from '../../../src/pipeline/run.js';
import { OutputList } from '../../../src/pipeline/write.js';
import { renderSite } from '../../../src/pipeline/render.js';
import { diskSearchCache, memorySearchCache } from '../../../src/search/cache.js';
import { startSearch, type SearchResult } from '../../../src/search/index.js';
import { IndexingSession } from '../../../src/search/indexing-session.js';
import { pagefindService } from '../../../src/search/pagefind-pool.js';
import type { OutputFile, Site } from '../../../src/types.js';
import { siteFromFiles } from '../../helpers/site.js';
import { tempDir } from '../../helpers/temp.js';

/** More Korean posts than may wait for Pagefind at once, and a few Chinese ones. */
function files(): Record<string, string> {
  const site: Record<string, string> = { 'omnipress.yml': 'title: 검색 시험\n' };
  for (let i = 0; i < 300; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    site[`posts/ko/2024-02-${day}-story-${i}.md`] = `---\ntitle: 소식 ${i}\n---\n${i}번째 이야기의 본문입니다. 검색 색인에 들어갑니다.\n`;
  }
  for (let i = 0; i < 5; i++) site[`posts/zh/2024-03-0${i + 1}-note-${i}.md`] = `---\ntitle: 消息 ${i}\n---\n第${i}篇文章的正文。\n`;
  return site;
}

let site: Site;
let pages: OutputFile[];

beforeAll(async () => {
  const root = siteFromFiles(files());
  const outputs = new OutputList();
  const result = await runPipeline(resolveConfig({ root, now: new Date('2026-01-01T00:00:00Z') }).config, { writer: outputs, search: 'later' });
  site = result.site!;
  const posts = new Set(site.routes.filter((route) => route.kind === 'post').map((route) => route.outputPath));
  pages = outputs.files.filter((file) => posts.has(file.path));
  expect(pages).toHaveLength(305);
}, 60_000);

afterAll(async () => {
  for (const slot of [0, 1, 2]) await (await pagefindService(slot)).close();
});

/**
 * Hands the pages over as a renderer far ahead of Pagefind would, waiting when asked to; notes
 * how many pages had been handed over when it was first asked.
 */
async function index(
  cache = memorySearchCache(),
  of: Site = site,
  handed: readonly OutputFile[] = pages,
): Promise<{ result: SearchResult; waited: boolean; firstWait?: number }> {
  const session = startSearch(of, cache)!;
  let firstWait: number | undefined;
  for (const [at, page] of handed.entries()) {
    session.add(page);
    const pause = session.pace();
    if (pause) {
      firstWait ??= at + 1;
      await pause;
    }
  }
  return { result: await session.finish(), waited: firstWait !== undefined, firstWait };
}

const bytes = (result: SearchResult) => result.outputs.map((file) => [file.path, Buffer.from(file.content).toString('base64')]);

describe('the search session', () => {
  it('with an empty cache, sends pages to Pagefind as they come and has rendering wait while too many are waiting', async () => {
    const { result, firstWait } = await index();
    // Long before the Korean pages are all in: they were going to Pagefind already.
    expect(firstWait).toBeLessThan(280);
    expect(result.stats?.pages).toMatchObject({ ko: 300, zh: 5 });
    expect(result.stats?.indexed).toEqual(['ko', 'zh']);
  }, 60_000);

  it('with entries in the cache, holds each language until it is complete, never making rendering wait, and takes it from the cache', async () => {
    const cache = memorySearchCache();
    const cold = await index(cache);
    const warm = await index(cache);
    expect(warm.waited).toBe(false);
    expect(warm.result.stats?.indexed).toEqual([]);
    expect(bytes(warm.result)).toEqual(bytes(cold.result));
  }, 60_000);

  it('makes the same index from pages sent as they came as from pages held until their language was complete', async () => {
    const streamed = await index();
    const cache = memorySearchCache();
    // An entry for other pages: nothing will come from it, but the session cannot know that before the languages are complete.
    cache.write('other pages', { files: [], pages: 0 });
    const held = await index(cache);
    expect(held.result.stats?.indexed).toEqual(['ko', 'zh']);
    expect(bytes(held.result)).toEqual(bytes(streamed.result));
  }, 60_000);
});

describe('a language indexed in parts', () => {
  const parted = () => ({ ...site, config: { ...site.config, searchPartSize: 100 } });
  const files = (result: SearchResult) => new Map(bytes(result).map(([file, content]) => [file!, content]));

  it('indexes each part on its own and lists the further parts for the search page', async () => {
    const { result } = await index(memorySearchCache(), parted());
    expect(result.stats).toMatchObject({ parts: 4, partsIndexed: 4, pages: { ko: 300, zh: 5 }, indexed: ['ko', 'zh'] });
    const manifest = result.outputs.find((file) => file.path === 'pagefind/parts.json')!;
    expect(JSON.parse(Buffer.from(manifest.content).toString('utf8'))).toEqual({ ko: ['parts/ko-1/', 'parts/ko-2/'], 'zh-hans': [] });
    const entry = (path: string) =>
      JSON.parse(Buffer.from(result.outputs.find((file) => file.path === path)!.content).toString('utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
    expect(entry('pagefind/pagefind-entry.json').languages).toMatchObject({ ko: { page_count: 100 }, 'zh-hans': { page_count: 5 } });
    expect(entry('pagefind/parts/ko-2/pagefind-entry.json').languages).toEqual({ ko: expect.objectContaining({ page_count: 100 }) });
    // A part runs on the main bundle's pagefind.js and wasm: it has none of its own.
    expect(result.outputs.filter((file) => file.path.startsWith('pagefind/parts/') && !/\.pf_\w+$|pagefind-entry\.json$/.test(file.path))).toEqual([]);
  }, 60_000);

  it('has rendering wait for the pages of parts queued for a process once a part being indexed is complete', async () => {
    // Held pages (the cache has an entry), parts of ten: each Korean part is complete, so sent, as
    // soon as its pages are in, and far more parts than there are Pagefind processes queue up.
    // The pages of the parts being indexed alone (ten each) never reach the limit.
    const cache = memorySearchCache();
    cache.write('other pages', { files: [], pages: 0 });
    const { result, firstWait } = await index(cache, { ...site, config: { ...site.config, searchPartSize: 10 } });
    expect(firstWait).toBeDefined();
    expect(firstWait).toBeLessThan(300);
    expect(result.stats).toMatchObject({ parts: 31, partsIndexed: 31, pages: { ko: 300, zh: 5 } });
  }, 120_000);

  it("re-indexes only the part of an edited post, and takes the language's other parts from the cache", async () => {
    const cache = memorySearchCache();
    const before = files((await index(cache, parted())).result);
    // The newest Korean post is in the newest part, ko-2.
    const newest = site.routes.find((route) => route.kind === 'post' && route.lang === 'ko')!.outputPath;
    const edited = pages.map((file) =>
      file.path === newest ? { ...file, content: String(file.content).replaceAll('검색 색인에 들어갑니다.', '검색 색인에 새로 들어갑니다.') } : file,
    );
    const { result } = await index(cache, parted(), edited);
    expect(result.stats).toMatchObject({ partsIndexed: 1, indexed: ['ko'] });
    const after = files(result);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file));
    expect(changed.length).toBeGreaterThan(0);
    for (const file of changed) expect(file).toMatch(/^pagefind\/parts\/ko-2\//);
  }, 60_000);
});

describe('rendering beside the search session', () => {
  it('hands over no more post pages while the promise pace returned is pending', async () => {
    let release!: () => void;
    let paused: number | undefined;
    let handedOver = 0;
    const rendering = renderSite(site, {
      onPostPage: () => void handedOver++,
      pace: () => {
        if (paused !== undefined) return undefined;
        paused = handedOver;
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    await vi.waitUntil(() => paused !== undefined, { timeout: 10_000 });
    // Turns of the event loop in which rendering would go on if it did not wait for the promise.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(handedOver).toBe(paused);
    expect(handedOver).toBeLessThan(pages.length);
    release();
    await rendering;
    expect(handedOver).toBe(pages.length);
  }, 60_000);
});

describe('a run that fails while rendering', () => {
  it('cancels its indexing session before it rejects, so that no part of it outlives the run', async () => {
    const root = siteFromFiles(files());
    const cancel = vi.spyOn(IndexingSession.prototype, 'cancel');
    let written = 0;
    // A writer that fails half way, as the staging folder does when something else empties it.
    const writer = {
      add: () => {
        if (++written === 100) throw new Error('the staging folder is gone');
      },
    };
    try {
      await expect(runPipeline(resolveConfig({ root, now: new Date('2026-01-01T00:00:00Z') }).config, { writer })).rejects.toThrow('the staging folder is gone');
      expect(cancel).toHaveBeenCalledTimes(1);
      await cancel.mock.results[0]!.value;
    } finally {
      cancel.mockRestore();
    }
  }, 60_000);
});

describe('the search cache on disk', () => {
  it('is empty until an entry is written, so that a first build streams its pages to Pagefind', () => {
    const dir = path.join(tempDir('omnipress-search-cache-'), 'search');
    const cache = diskSearchCache(dir);
    expect(cache.empty()).toBe(true);
    cache.write('some pages', { files: [], pages: 0 });
    expect(cache.empty()).toBe(false);
    expect(diskSearchCache(dir).empty()).toBe(false);
  });
});
