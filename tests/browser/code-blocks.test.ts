// Highlighted code as a reader gets it in Chromium: long lines scroll inside their block on a
// 320 px phone, Korean comments are whole, colours pass axe in light and dark, copying a block —
// selected by hand or with the copy button — gives its source without line numbers, and a page
// without code loads no script for it.
/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SKIP_BROWSER_TESTS, serveSite, type StaticServer, seriousAxeViolations } from '../helpers/browser.js';
import { buildSite, siteFromFixture } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const CODE_PAGE = 'ko/posts/code/';

describe.skipIf(SKIP_BROWSER_TESTS)('code blocks in a browser', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const out = path.join(tempDir('omnipress-code-'), '_site');
    const report = await buildSite(siteFromFixture('code'), { out });
    expect(report.ok).toBe(true);
    server = await serveSite(out);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(pagePath: string, options: { width?: number; scheme?: 'light' | 'dark' } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.scheme ?? 'light' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    const page = await context.newPage();
    const response = await page.goto(server.url + pagePath, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    return { context, page };
  }

  it('a 200-character line scrolls inside its block, not the page, on a 320 px phone', async () => {
    const { context, page } = await open(CODE_PAGE, { width: 320 });
    const sizes = await page.evaluate(() => {
      const pre = [...document.querySelectorAll('pre.code')].find((el) => el.textContent!.length > 200)!;
      return { page: document.documentElement.scrollWidth - window.innerWidth, pre: pre.scrollWidth - pre.clientWidth };
    });
    expect(sizes.page).toBeLessThanOrEqual(0);
    expect(sizes.pre).toBeGreaterThan(0);
    await context.close();
  });

  it('a Korean comment is shown whole: nothing of it is cut off', async () => {
    const { context, page } = await open(CODE_PAGE, { width: 320 });
    const box = await page.evaluate(() => {
      const comment = [...document.querySelectorAll('.tok-comment')].find((el) => el.textContent!.includes('기사'))!;
      const pre = comment.closest('pre')!;
      const c = comment.getBoundingClientRect();
      const p = pre.getBoundingClientRect();
      // The block's scrollable area, in the page's coordinates.
      return { right: c.right, bottom: c.bottom, top: c.top, scrollRight: p.left + pre.scrollWidth, inner: { top: p.top, bottom: p.bottom }, height: c.height };
    });
    expect(box.right).toBeLessThanOrEqual(box.scrollRight);
    expect(box.top).toBeGreaterThanOrEqual(box.inner.top);
    expect(box.bottom).toBeLessThanOrEqual(box.inner.bottom);
    expect(box.height).toBeGreaterThan(0);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`highlighted code passes axe in ${scheme}`, async () => {
      const { context, page } = await open(CODE_PAGE, { scheme });
      expect(await page.locator('pre.code .tok-keyword').count()).toBeGreaterThan(3);
      const violations = await seriousAxeViolations(page, '.post-body');
      expect(violations).toEqual([]);
      await context.close();
    });
  }

  it('selecting a block and copying it gives its source, without line numbers', async () => {
    const { context, page } = await open(CODE_PAGE);
    const copied = await page.evaluate(async () => {
      const copy = async (start: string) => {
        const pre = [...document.querySelectorAll('pre.code')].find((el) => el.textContent!.startsWith(start))!;
        const range = document.createRange();
        range.selectNodeContents(pre);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        document.execCommand('copy');
        return navigator.clipboard.readText();
      };
      return { numbered: await copy('const a'), marked: await copy('package main') };
    });
    // The source's lines; the fence's own final line break is not part of a selection.
    expect(copied.numbered).toBe('const a = 1;\nconst b = 2;');
    expect(copied.marked).toBe('package main\nimport "fmt"\nfunc main() { fmt.Println("안녕") }');
    await context.close();
  });

  it('the copy button copies the block and says so in the page language', async () => {
    const { context, page } = await open(CODE_PAGE);
    const wrap = page.locator('.code-wrap', { has: page.locator('code.language-python') }).first();
    await wrap.hover();
    const button = wrap.locator('button.code-copy');
    expect(await button.textContent()).toBe('복사');
    await button.click();
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === '복사했습니다');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('def total(rows):\n    """Sum the votes."""\n    return sum(int(r["votes"]) for r in rows)');
    await context.close();
  });

  it('line numbers of three digits stay aligned with those of one', async () => {
    const { context, page } = await open('ko/posts/more/');
    const widths = await page.evaluate(() => {
      const lines = [...document.querySelectorAll('pre.line-numbers .line')];
      return [lines[0]!, lines[104]!].map((line) => parseFloat(getComputedStyle(line, '::before').width));
    });
    // Within a pixel: the gutter is as wide as three digits for "1" as for "105".
    expect(Math.abs(widths[0]! - widths[1]!)).toBeLessThan(1);
    await context.close();
  });

  it('a page without code loads no script for it', async () => {
    const before = server.requests.length;
    const { context, page } = await open('en/posts/prose/');
    expect(await page.locator('script[src]').count()).toBe(0);
    expect(server.requests.slice(before).filter((r) => r.endsWith('.js'))).toEqual([]);
    await context.close();
  });
});
