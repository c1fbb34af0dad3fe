// The stale translation notice as readers see it, in Debian's Chromium: above the article in the
// page's language, accessible in light and dark, its link leading to the original; gone with
// translations.staleNotice: false.
/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SKIP_BROWSER_TESTS, serveSite, type StaticServer, seriousAxeViolations } from '../helpers/browser.js';
import { CHIP_EN, commitAt, newsroom, post } from '../helpers/newsroom.js';
import { buildSite } from '../helpers/site.js';

const STALE = [
  { path: 'ko/posts/chip-export/', text: '이 번역은 원문보다 오래되었습니다.', link: '원문 보기', original: '/en/posts/chip-export/' },
  { path: 'zh/posts/voice-mode/', text: '此译文可能已过时', link: '阅读原文', original: '/ko/posts/voice-mode/' },
  { path: 'en/posts/rate-cut/', text: 'This translation may be out of date', link: 'Read the original', original: '/zh/posts/rate-cut/' },
];

describe.skipIf(SKIP_BROWSER_TESTS)('the stale translation notice in a browser', () => {
  let browser: Browser;
  const servers: Record<'on' | 'off', StaticServer | undefined> = { on: undefined, off: undefined };

  beforeAll(async () => {
    for (const mode of ['on', 'off'] as const) {
      const root = newsroom();
      // chip-export's title corrected: its Korean and Chinese translations are stale too.
      commitAt(root, '2024-05-01T01:00:00Z', CHIP_EN, post('Chip export rules tightened', 'New export rules for chips.', 'tags: [chips, trade]\n'));
      if (mode === 'off') fs.writeFileSync(path.join(root, 'omnipress.yml'), 'translations: { staleNotice: false }\n');
      const report = await buildSite(root, { baseUrl: 'https://example.org/news/' });
      expect(report.ok).toBe(true);
      servers[mode] = await serveSite(path.join(root, '_site'), '/news/');
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await servers.on?.close();
    await servers.off?.close();
  });

  async function open(mode: 'on' | 'off', pagePath: string, scheme: 'light' | 'dark'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 390, height: 900 }, colorScheme: scheme });
    const response = await page.goto(servers[mode]!.url + pagePath, { waitUntil: 'load' });
    expect(response?.status(), pagePath).toBe(200);
    return page;
  }

  for (const target of STALE) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${target.path} (${scheme}): a visible note above the article, no serious accessibility violations`, async () => {
        const page = await open('on', target.path, scheme);
        const notice = page.getByRole('note');
        expect(await notice.isVisible()).toBe(true);
        expect(await notice.textContent()).toContain(target.text);
        // Above the article: its box ends before the article's title starts.
        const noticeBox = (await notice.boundingBox())!;
        const titleBox = (await page.locator('article .post-title').boundingBox())!;
        expect(noticeBox.y + noticeBox.height).toBeLessThanOrEqual(titleBox.y);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.close();
      });
    }

    it(`${target.path}: the note's link leads to the original`, async () => {
      const page = await open('on', target.path, 'light');
      await page.getByRole('link', { name: new RegExp(target.link) }).click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe(`/news${target.original}`);
      expect(await page.getByRole('note').count()).toBe(0);
      await page.close();
    });

    it(`${target.path}: no note with translations.staleNotice: false`, async () => {
      const page = await open('off', target.path, 'light');
      expect(await page.locator('article .post-title').isVisible()).toBe(true);
      expect(await page.locator('.stale-notice').count()).toBe(0);
      await page.close();
    });
  }
});
