// Responsive images in Chromium: a phone (390 px wide at 2x) downloads a copy narrower than the
// original, a wide screen at 2x a wider copy than the phone's, and neither page moves as the copy
// arrives. The copies' requests are held until the layout without them has been measured.
/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, layoutShifts, recordLayoutShifts, SKIP_BROWSER_TESTS, serveSite, type StaticServer, stylesReady } from '../helpers/browser.js';
import { photo } from '../helpers/images.js';
import { buildSite, siteFromFiles } from '../helpers/site.js';

const IMAGE_REQUEST = /\.(png|jpg|webp)$/;

describe.skipIf(SKIP_BROWSER_TESTS)('responsive images in a browser', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'images: { responsive: true }\n',
      'posts/ko/2024-05-01-photos.md': '---\ntitle: 사진\n---\n첫 문단입니다.\n\n![다리 사진](bridge.jpg "저녁의 다리")\n\n<p id="after">사진 아래 문단.</p>\n',
      'posts/ko/bridge.jpg': await photo(1600, 900, 'jpeg'),
    });
    const report = await buildSite(root, { baseUrl: 'https://example.org/sub/' });
    expect(report.ok).toBe(true);
    server = await serveSite(path.join(root, '_site'), '/sub/');
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The copy Chromium chose for the photo at `width` CSS pixels and 2x, and whether anything moved. */
  const chosen = async (width: number) => {
    const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const held: Route[] = [];
    await page.route(IMAGE_REQUEST, (route) => void held.push(route));
    await recordLayoutShifts(page);
    await page.goto(`${server.url}ko/posts/photos/`, { waitUntil: 'domcontentloaded' });
    await stylesReady(page);
    const box = () => page.evaluate(() => {
      const img = document.querySelector('img[alt="다리 사진"]')!.getBoundingClientRect();
      return { width: Math.round(img.width), height: Math.round(img.height), after: Math.round(document.getElementById('after')!.getBoundingClientRect().top) };
    });
    const before = await box();
    await page.waitForFunction(() => document.querySelector('img[alt="다리 사진"]')!.getBoundingClientRect().height > 0);
    // The lazy image is requested once Chromium knows it is near: let every request it makes through.
    for (const route of held.splice(0)) await route.continue();
    await page.unroute(IMAGE_REQUEST);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img[alt="다리 사진"]')!;
      return img.complete && img.naturalWidth > 0;
    }, undefined, { timeout: 10_000 });
    const result = {
      currentSrc: await page.evaluate(() => document.querySelector<HTMLImageElement>('img[alt="다리 사진"]')!.currentSrc),
      before,
      after: await box(),
      shifts: await layoutShifts(page),
    };
    await context.close();
    return result;
  };

  it('gives a phone a copy smaller than the original and a wide screen a larger one, without moving the page', async () => {
    const phone = await chosen(390);
    const desktop = await chosen(1280);
    const widthOf = (url: string) => Number(/\/sub\/assets\/images\/[0-9a-f]{16}-(\d+)w-q80\.webp$/.exec(url)?.[1]);
    expect(phone.currentSrc).toMatch(/\.webp$/);
    expect(widthOf(phone.currentSrc)).toBeLessThan(1600);
    expect(widthOf(phone.currentSrc)).toBeGreaterThanOrEqual(358 * 2 * 0.9);
    expect(widthOf(desktop.currentSrc)).toBeGreaterThan(widthOf(phone.currentSrc));
    for (const run of [phone, desktop]) {
      expect(run.before.height).toBeGreaterThan(0);
      expect(run.after).toEqual(run.before);
      expect(run.shifts).toBe(0);
      // In the original's proportions (16:9), whatever copy arrived.
      expect(Math.abs(run.after.width * 9 - run.after.height * 16)).toBeLessThanOrEqual(16);
    }
  });
});
