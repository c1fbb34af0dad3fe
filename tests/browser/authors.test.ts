// An author's page and a post's byline and feed link as readers see them in Chromium: no serious
// accessibility violations in light or dark, and no sideways scrolling on a phone. Screenshots go
// to test-results/ for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SKIP_BROWSER_TESTS, serveSite, seriousAxeViolations, type StaticServer } from '../helpers/browser.js';
import { postFile } from '../helpers/post.js';
import { buildSite, REPO, siteFromFiles } from '../helpers/site.js';

const SHOTS = path.join(REPO, 'test-results');
const PNG = fs.readFileSync(path.join(REPO, 'templates/assets/apple-touch-icon.png'));

const PAGES = [
  { name: 'ko-author', path: 'ko/authors/minjun/' },
  { name: 'zh-author', path: `zh/authors/${encodeURIComponent('王小明')}/` },
  { name: 'ko-post-byline', path: 'ko/posts/wind/' },
];

describe.skipIf(SKIP_BROWSER_TESTS)('author pages in a browser', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const root = siteFromFiles({
      'omnipress.yml': [
        'title: { ko: 아침 신문, zh: 早报, en: Morning Paper }',
        'authors:',
        '  minjun:',
        '    name: { ko: 김민준, en: Minjun Kim }',
        '    bio: { ko: 기후와 날씨를 취재합니다. 주말에는 산에 오릅니다., default: Covers climate and weather. }',
        '    url: https://minjun.example.com/',
        '    avatar: /img/minjun.png',
        '',
      ].join('\n'),
      'public/img/minjun.png': PNG,
      'posts/ko/2025-11-01-rain.md': postFile({ title: '가을비가 길어집니다', author: 'minjun', tags: '[날씨]' }, '이번 주 내내 비가 옵니다.'),
      'posts/ko/2025-11-02-wind.md': postFile({ title: '강풍 주의보', authors: '[minjun, 이서연]' }, '바람이 셉니다.'),
      'posts/zh/2025-11-02-wind.md': postFile({ title: '大风预警', author: '王小明' }, '风很大。'),
    });
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

    it(`${target.name}: no horizontal scrolling on a 320 px phone; screenshots at 390 and 1280 px, light and dark`, async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width: 320, height: 844 }, colorScheme: scheme });
        await page.goto(server.url + target.path, { waitUntil: 'load' });
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        for (const width of [390, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await page.screenshot({ path: path.join(SHOTS, `${target.name}-${width}-${scheme}.png`), fullPage: true });
        }
        await page.close();
      }
    });
  }
});
