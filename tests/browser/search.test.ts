// Search as readers use it, in Debian's Chromium: the fixture site (tests/fixtures/search, plus a
// Japanese language without posts) built for https://example.org/sub/ and served under /sub/,
// and the flagship site at the root. Korean words are found with particles attached, Chinese
// words inside sentences, each search page only returns its own language, and nothing logs an error.
/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SKIP_BROWSER_TESTS, serveSite, type StaticServer, seriousAxeViolations } from '../helpers/browser.js';
import { REPO, buildSite, siteFromFiles, siteFromFixture } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';


interface Opened {
  page: Page;
  errors: string[];
  /** Script files the page requested (.js / .mjs). */
  scripts: string[];
  /** Every path the page requested, decoded. */
  requests: string[];
}

interface Shown {
  status: string;
  /** Result links, decoded paths. */
  urls: string[];
  titles: string[];
  /** Highlighted words of the excerpts. */
  marks: string[];
}

describe.skipIf(SKIP_BROWSER_TESTS)('search in a browser', () => {
  let browser: Browser;
  let sub: StaticServer;
  let flagship: StaticServer;

  beforeAll(async () => {
    const root = siteFromFixture('search');
    // Parts of one post: every Korean post is in a part of its own, merged by the search page.
    fs.writeFileSync(
      path.join(root, 'omnipress.yml'),
      'searchPartSize: 1\nlanguages:\n  ko: { name: 한국어 }\n  zh: { name: 中文, tag: zh-Hans }\n  en: { name: English }\n  ja: { name: 日本語, tag: ja }\n',
    );
    fs.writeFileSync(path.join(root, 'posts/ko/2024-05-16-vision.md'), '---\ntitle: 사진을 읽는 모델\n---\n모델은 사진 속 글자를 읽습니다.\n');
    const report = await buildSite(root, { baseUrl: 'https://example.org/sub/' });
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    sub = await serveSite(path.join(root, '_site'), '/sub/');

    const out = path.join(tempDir('omnipress-search-'), '_site');
    expect((await buildSite(REPO, { out })).ok).toBe(true);
    flagship = await serveSite(out, '/');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await sub?.close();
    await flagship?.close();
  });

  async function open(url: string): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const errors: string[] = [];
    const scripts: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      const at = decodeURIComponent(new URL(request.url()).pathname);
      requests.push(at);
      if (/\.m?js$/.test(at)) scripts.push(at);
    });
    const response = await page.goto(url, { waitUntil: 'load' });
    expect(response?.status(), url).toBe(200);
    return { page, errors, scripts, requests };
  }

  /** Wait until the search has answered (the status is neither empty nor "searching"), then read the results. */
  async function shown(page: Page): Promise<Shown> {
    const searching = await page.locator('script[data-searching]').getAttribute('data-searching');
    await page.waitForFunction(
      (busy) => {
        const status = document.getElementById('omnipress-search-status')?.textContent ?? '';
        return status !== '' && status !== busy;
      },
      searching,
      { timeout: 10_000 },
    );
    return page.evaluate(() => ({
      status: document.getElementById('omnipress-search-status')!.textContent!,
      urls: [...document.querySelectorAll<HTMLAnchorElement>('.search-result-title a')].map((a) => decodeURIComponent(new URL(a.href).pathname)),
      titles: [...document.querySelectorAll('.search-result-title')].map((h) => h.textContent!),
      marks: [...document.querySelectorAll('.search-result mark')].map((m) => m.textContent!),
    }));
  }

  /** Open a search page with `?q=` and read what it shows. */
  async function search(server: StaticServer, lang: string, query: string): Promise<Shown & Opened> {
    const opened = await open(`${server.url}${lang}/search/?q=${encodeURIComponent(query)}`);
    return { ...opened, ...(await shown(opened.page)) };
  }

  it('finds the Korean post by 음성, a word written with a particle attached (음성으로)', async () => {
    const result = await search(sub, 'ko', '음성');
    expect(result.urls).toEqual(['/sub/ko/posts/voice/']);
    expect(result.titles).toEqual(['실시간 대화 모델']);
    expect(result.marks).toContain('음성으로');
    expect(result.status).toBe('검색 결과 1건');
    expect(result.errors).toEqual([]);
    await result.page.close();
  });

  it('finds the Chinese post by the two-character word 语音 inside a sentence', async () => {
    const result = await search(sub, 'zh', '语音');
    expect(result.urls).toEqual(['/sub/zh/posts/voice/']);
    expect(result.marks).toEqual(['语音']);
    expect(result.status).toBe('找到 1 条结果');
    expect(result.errors).toEqual([]);
    await result.page.close();
  });

  it('finds the English post by an English word', async () => {
    const result = await search(sub, 'en', 'conversation');
    expect(result.urls).toEqual(['/sub/en/posts/voice/']);
    expect(result.status).toBe('1 result');
    expect(result.errors).toEqual([]);
    await result.page.close();
  });

  it("returns only the page's own language, even for a word every language's post contains", async () => {
    const ko = await search(sub, 'ko', 'GPT-4o');
    expect(ko.urls).toEqual(['/sub/ko/posts/voice/']);
    await ko.page.close();
    const chineseOnKorean = await search(sub, 'ko', '语音');
    expect(chineseOnKorean.urls).toEqual([]);
    expect(chineseOnKorean.status).toBe('‘语音’에 대한 검색 결과가 없습니다.');
    await chineseOnKorean.page.close();
    // Japanese has no posts, so no index: Pagefind alone would fall back to the biggest other index.
    const ja = await search(sub, 'ja', 'GPT-4o');
    expect(ja.urls).toEqual([]);
    expect(ja.errors).toEqual([]);
    await ja.page.close();
  });

  it("finds posts in every part of a language's index, linked under the base path, and loads no other language's parts", async () => {
    const ko = await search(sub, 'ko', '모델');
    // The oldest post is in the main bundle (part 0), the newest in the folder of part 2.
    expect(ko.urls.sort()).toEqual(['/sub/ko/posts/vision/', '/sub/ko/posts/voice/']);
    expect(ko.status).toBe('검색 결과 2건');
    expect(ko.requests.filter((at) => at.startsWith('/sub/pagefind/parts/ko-2/')).length).toBeGreaterThan(0);
    expect(ko.errors).toEqual([]);
    await ko.page.close();

    const zh = await search(sub, 'zh', '模型');
    expect(zh.requests.filter((at) => at.includes('/pagefind/parts/'))).toEqual([]);
    expect(zh.errors).toEqual([]);
    await zh.page.close();
  });

  it('finds a post of a part added since the last visit, on a host that lets browsers cache for ten minutes', async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'searchPartSize: 1\n',
      'posts/ko/2024-05-14-first.md': '---\ntitle: 첫 소식\n---\n배포 시험 첫 글입니다.\n',
    });
    expect((await buildSite(root)).ok).toBe(true);
    const cached = await serveSite(path.join(root, '_site'), '/', 'max-age=600');
    // One browser profile for both visits, so that its HTTP cache is shared.
    const context = await browser.newContext();
    const visit = async () => {
      const page = await context.newPage();
      await page.goto(`${cached.url}ko/search/?q=${encodeURIComponent('배포')}`);
      const result = await shown(page);
      await page.close();
      return result.urls.sort();
    };
    try {
      expect(await visit()).toEqual(['/ko/posts/first/']);
      // A new deploy: the newer post is in a new part, which the cached list of parts would not name.
      fs.writeFileSync(path.join(root, 'posts/ko/2024-05-15-second.md'), '---\ntitle: 둘째 소식\n---\n배포 시험 둘째 글입니다.\n');
      expect((await buildSite(root)).ok).toBe(true);
      expect(await visit()).toEqual(['/ko/posts/first/', '/ko/posts/second/']);
    } finally {
      await context.close();
      await cached.close();
    }
  });

  it('does not find words that are only in navigation, tags or categories', async () => {
    for (const query of ['카테고리', '인공지능태그', '뉴스분류', '게시일']) {
      const result = await search(sub, 'ko', query);
      expect(result.urls, query).toEqual([]);
      await result.page.close();
    }
  });

  it("sends the header's search box to the search page without loading any JavaScript before", async () => {
    const { page, scripts, errors } = await open(`${sub.url}ko/posts/voice/`);
    expect(scripts).toEqual([]);
    // Behind the header's search icon, a <details> that opens without script.
    await page.locator('.site-search > summary').click();
    await page.getByRole('searchbox', { name: '사이트 검색' }).fill('요금');
    await page.locator('.site-search').getByRole('button', { name: '검색' }).click();
    await page.waitForURL(/\/sub\/ko\/search\/\?q=/);
    const result = await shown(page);
    expect(result.urls).toEqual(['/sub/ko/posts/price/']);
    // Self-hosted, from the site's own folders under the base path.
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts) expect(url).toMatch(/^\/sub\/(assets\/omnipress|pagefind)\//);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("searches again from the page's own form, keeps ?q= in the address bar, and follows a result", async () => {
    const { page, errors } = await open(`${sub.url}zh/search/`);
    await page.getByLabel('站内搜索').fill('对话');
    await page.getByLabel('站内搜索').press('Enter');
    const result = await shown(page);
    expect(result.urls).toEqual(['/sub/zh/posts/voice/']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('对话');
    await page.locator('.search-result-title a').click();
    await page.waitForLoadState('load');
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe('/sub/zh/posts/voice/');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows results without serious accessibility violations', async () => {
    const { page } = await search(sub, 'ko', '모델');
    const violations = await seriousAxeViolations(page);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('on the flagship site, "GPT-4o" on the Korean search page returns Korean posts only', async () => {
    const result = await search(flagship, 'ko', 'GPT-4o');
    expect(result.urls.length).toBeGreaterThanOrEqual(2);
    for (const url of result.urls) expect(url).toMatch(/^\/ko\/posts\//);
    expect(result.errors).toEqual([]);
    await result.page.close();
  });
});
