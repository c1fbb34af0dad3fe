// The archive, a series page and a post with a series box and related posts, in Chromium: no
// serious accessibility violations in light and dark, no sideways scrolling on a 320 px phone.
// Screenshots at 390 px and 1280 px go to test-results/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SKIP_BROWSER_TESTS, serveSite, type StaticServer, seriousAxeViolations } from '../helpers/browser.js';
import { postFile } from '../helpers/post.js';
import { REPO, buildSite, siteFromFiles } from '../helpers/site.js';

const SHOTS = path.join(REPO, 'test-results');

const FILES = {
  'posts/ko/2024-04-30-intro.md': postFile({ title: '음성 모델 입문', series: '음성 모델', tags: '[음성, 모델]', pin: 'true' }, '처음 읽는 분을 위한 글입니다.'),
  'posts/ko/2024-05-12-deep.md': postFile({ title: '음성 모델 깊이 보기', series: '음성 모델', tags: '[음성, 모델]' }, '구조를 자세히 봅니다.'),
  'posts/ko/2023-12-20-review.md': postFile({ title: '한 해 돌아보기', tags: '[모델]' }, '올해의 모델들.'),
  'posts/zh/2024-05-12-deep.md': postFile({ title: '语音模型详解', series: '语音模型', tags: '[语音]' }, '详细介绍结构。'),
};

const PAGES = [
  { name: 'ko-archive', path: 'ko/archive/' },
  { name: 'zh-archive', path: 'zh/archive/' },
  { name: 'ko-series', path: `ko/series/${encodeURIComponent('음성-모델')}/` },
  { name: 'ko-series-part', path: 'ko/posts/deep/' },
  { name: 'ko-pinned-home', path: 'ko/' },
];

describe.skipIf(SKIP_BROWSER_TESTS)('archive and series pages in a browser', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const root = siteFromFiles(FILES);
    const report = await buildSite(root, { baseUrl: 'https://example.org/news/' });
    expect(report.ok).toBe(true);
    server = await serveSite(path.join(root, '_site'), '/news/');
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const target of PAGES) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${target.name} (${scheme}): no serious or critical accessibility violations`, async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
        const response = await page.goto(server.url + target.path, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.close();
      });
    }

    it(`${target.name}: no horizontal scrolling on a 320 px phone; screenshots at 390 and 1280 px`, async () => {
      const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
      await page.goto(server.url + target.path, { waitUntil: 'load' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: path.join(SHOTS, `reader-nav-${target.name}-${width}.png`), fullPage: true });
      }
      await page.close();
    });
  }
});
