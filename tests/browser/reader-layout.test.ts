// The flagship posts on a phone and on a wide screen, in Debian's Chromium: article text on the
// phone's first screen, the table of contents folded there and beside the article (sticky, the
// section being read marked) on a wide screen, and a search icon that opens the search field,
// with and without JavaScript.
/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SKIP_BROWSER_TESTS, serveSite, type StaticServer } from '../helpers/browser.js';
import { buildSite, flagshipSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const KO_POST = 'ko/posts/gpt-4o-launch/';
const ZH_POST = `zh/posts/${encodeURIComponent('gpt-4o-速览')}/`;
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 900 };

describe.skipIf(SKIP_BROWSER_TESTS)('the reading layout in a browser', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const out = path.join(tempDir('omnipress-layout-'), '_site');
    const report = await buildSite(flagshipSite(), { out, baseUrl: 'https://example.org/omnipress/' });
    expect(report.ok).toBe(true);
    server = await serveSite(out, '/omnipress/');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Open a page and wait until its stylesheets and fonts are in: layout is final then. */
  async function open(pagePath: string, options: BrowserContextOptions): Promise<Page> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const response = await page.goto(server.url + pagePath, { waitUntil: 'load' });
    expect(response?.status(), pagePath).toBe(200);
    await page.waitForFunction(() => [...document.querySelectorAll('link[rel="stylesheet"]')].every((link) => (link as HTMLLinkElement).sheet !== null));
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  }

  const close = (page: Page) => page.context().close();

  for (const [name, post] of [['Korean', KO_POST], ['Chinese', 'zh/posts/gpt-4o-launch/'], ['short Chinese', ZH_POST]] as const) {
    it(`the ${name} flagship post's first paragraph starts in the top half of a 390×844 phone`, async () => {
      const page = await open(post, { viewport: PHONE });
      const top = await page.evaluate(() => document.querySelector('.post-body > p')!.getBoundingClientRect().top);
      expect(top).toBeLessThan(450);
      await close(page);
    });
  }

  it('folds the table of contents on a phone, and it opens when tapped', async () => {
    const page = await open(KO_POST, { viewport: PHONE, hasTouch: true });
    const fold = page.locator('.toc-fold');
    expect(await fold.isVisible()).toBe(true);
    expect(await page.locator('.toc-side').isVisible()).toBe(false);
    expect(await fold.locator('ol').isVisible()).toBe(false);
    await fold.locator('summary').tap();
    expect(await fold.locator('ol').isVisible()).toBe(true);
    await close(page);
  });

  it('keeps the table of contents beside the article at 1280 px, marking the section being read', async () => {
    const page = await open(KO_POST, { viewport: WIDE });
    const side = page.locator('.toc-side');
    expect(await side.isVisible()).toBe(true);
    expect(await page.locator('.toc-fold').isVisible()).toBe(false);
    const third = page.locator('.toc-side a').nth(2);
    const id = decodeURIComponent((await third.getAttribute('href'))!.slice(1));
    await page.evaluate((target) => document.getElementById(target)!.scrollIntoView(), id);
    await page.waitForFunction(() => document.querySelectorAll('.toc-side a[aria-current]').length === 1);
    expect(await third.getAttribute('aria-current')).toBe('location');
    // Sticky: still on screen, near the top, after the page has scrolled past where it started.
    const box = await page.evaluate(() => ({ top: document.querySelector('.toc-side')!.getBoundingClientRect().top, scrolled: scrollY }));
    expect(box.scrolled).toBeGreaterThan(200);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeLessThan(50);
    await close(page);
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`the search icon opens the search field, which searches (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const page = await open(KO_POST, { viewport: PHONE, javaScriptEnabled });
      const field = page.locator('#omnipress-site-search');
      expect(await field.isVisible()).toBe(false);
      await page.getByRole('group').filter({ has: page.locator('summary', { hasText: '검색' }) }).locator('summary').click();
      expect(await field.isVisible()).toBe(true);
      // Inside the window on a phone.
      const box = (await field.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      await field.fill('음성');
      await field.press('Enter');
      await page.waitForURL(/\/ko\/search\/\?q=/);
      expect(new URL(page.url()).searchParams.get('q')).toBe('음성');
      await close(page);
    });
  }

  it('keeps the header on one row on a wide screen', async () => {
    const page = await open(KO_POST, { viewport: WIDE });
    const rows = await page.evaluate(() => {
      const tops = ['.site-title', '.site-nav', '.site-search > summary', '.lang-menu > summary'].map((s) => {
        const box = document.querySelector(s)!.getBoundingClientRect();
        return Math.round(box.top + box.height / 2);
      });
      return new Set(tops).size;
    });
    expect(rows).toBe(1);
    await close(page);
  });
});
