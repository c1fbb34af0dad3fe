// The flagship site as readers see it, in Debian's Chromium: accessible in light and dark, no
// console errors, no sideways scrolling on a 320 px phone, a language switcher that lands on the
// translation. Screenshots at 390 px and 1280 px, light and dark, go to test-results/ for a person to look at.
/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagramsInViewDrawn, launchBrowser, SKIP_BROWSER_TESTS, serveSite, type StaticServer, seriousAxeViolations } from '../helpers/browser.js';
import { REPO, buildSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const SHOTS = path.join(REPO, 'test-results');

const PAGES = [
  { name: 'root', path: '' },
  { name: 'ko-index', path: 'ko/' },
  { name: 'ko-post', path: 'ko/posts/gpt-4o-launch/' },
  { name: 'zh-post', path: `zh/posts/${encodeURIComponent('gpt-4o-速览')}/` },
  { name: 'ko-tags', path: 'ko/tags/' },
  // Not translated into English: the switcher marks it.
  { name: 'ko-post-untranslated', path: 'ko/posts/gpt-4o-api/' },
  { name: '404', path: '404.html' },
];

describe.skipIf(SKIP_BROWSER_TESTS)('the flagship site in a browser', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const out = path.join(tempDir('omnipress-theme-'), '_site');
    const report = await buildSite(REPO, { out, baseUrl: 'https://example.org/omnipress/' });
    expect(report.ok).toBe(true);
    server = await serveSite(out, '/omnipress/');
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Open a page, collecting console errors and uncaught exceptions. */
  async function open(pagePath: string, options: { width: number; scheme: 'light' | 'dark' }): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: options.width, height: 900 }, colorScheme: options.scheme });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(server.url + pagePath, { waitUntil: 'load' });
    expect(response?.status(), pagePath).toBe(200);
    return { page, errors };
  }

  for (const target of PAGES) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${target.name} (${scheme}): no serious or critical accessibility violations, no console errors`, async () => {
        const { page, errors } = await open(target.path, { width: 1280, scheme });
        // Let lazily rendered diagrams draw before checking (they are part of the page).
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await diagramsInViewDrawn(page);
        const violations = await seriousAxeViolations(page);
        expect(violations).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      });
    }

    it(`${target.name}: no horizontal scrolling on a 320 px phone; screenshots at 390 and 1280 px, light and dark`, async () => {
      const { page } = await open(target.path, { width: 320, scheme: 'light' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const width of [390, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await page.screenshot({ path: path.join(SHOTS, `${target.name}-${width}-${scheme}.png`), fullPage: true });
        }
      }
      await page.close();
    });
  }

  it('the language switcher on a Korean post lands on its Chinese translation', async () => {
    const { page } = await open('ko/posts/gpt-4o-launch/', { width: 390, scheme: 'light' });
    await page.locator('.lang-menu > summary').click();
    await page.locator('.lang-switch a[hreflang="zh-Hans"]').click();
    await page.waitForLoadState('load');
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe('/omnipress/zh/posts/gpt-4o-launch/');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    await page.close();
  });

  it('a post without a translation in a language shows it as not translated, and switches to that language index', async () => {
    const { page } = await open('ko/posts/gpt-4o-api/', { width: 1280, scheme: 'light' });
    await page.getByRole('group').locator('summary', { hasText: '한국어' }).click();
    const english = page.locator('.lang-switch a[hreflang="en"]');
    expect(await english.evaluate((a) => getComputedStyle(a).textDecorationLine)).toBe('line-through');
    expect(await page.getByRole('link', { name: 'English (not translated: this goes to the English home page)' }).count()).toBe(1);
    await english.click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/omnipress/en/');
    await page.close();
  });

  it('prints a post without navigation, in black on white, with link targets', async () => {
    const { page } = await open('ko/posts/gpt-4o-launch/', { width: 1280, scheme: 'dark' });
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const printed = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('.lang-switch')!).display,
      background: getComputedStyle(document.body).backgroundColor,
      color: getComputedStyle(document.body).color,
      after: getComputedStyle(document.querySelector('.post-body a[href^="http"]')!, '::after').content,
    }));
    expect(printed.nav).toBe('none');
    expect(printed.background).toBe('rgb(255, 255, 255)');
    expect(printed.color).toBe('rgb(0, 0, 0)');
    expect(printed.after).toContain('https://');
    await page.close();
  });

  it('Korean text does not break inside words, and CJK pages use CJK line height', async () => {
    const { page } = await open('ko/posts/gpt-4o-launch/', { width: 390, scheme: 'light' });
    const ko = await page.evaluate(() => {
      const p = document.querySelector('main p')!;
      const style = getComputedStyle(p);
      return { wordBreak: style.wordBreak, lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize) };
    });
    expect(ko.wordBreak).toBe('keep-all');
    expect(ko.lineHeight).toBeGreaterThanOrEqual(1.7);
    await page.close();
  });
});
