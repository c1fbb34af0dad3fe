// `omnipress serve` in Debian's Chromium: an open page reloads by itself when its post is saved,
// swaps stylesheets without reloading on a CSS-only change, and shows (then clears) the error
// overlay for a broken post without losing the page.
/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../src/config.js';
import type { DevServer } from '../../src/serve/dev-server.js';
import { launchBrowser, SKIP_BROWSER_TESTS } from '../helpers/browser.js';
import { startServe, waitFor } from '../helpers/serve.js';
import { siteFromFiles } from '../helpers/site.js';

const POST = (body: string, extra = '') => `---\ntitle: 실시간 글\n${extra}---\n${body}\n`;

describe.skipIf(SKIP_BROWSER_TESTS)('live reload in a browser', () => {
  let browser: Browser;
  let server: DevServer;
  let root: string;
  let page: Page;
  const postFile = () => path.join(root, 'posts/ko/2024-05-01-live.md');

  beforeAll(async () => {
    root = siteFromFiles({
      'posts/ko/2024-05-01-live.md': POST('처음 문단.'),
      'templates/assets/style.css': fs.readFileSync(path.join(BUILTIN_TEMPLATES, 'assets/style.css'), 'utf8'),
    });
    server = await startServe(root);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(new URL('ko/posts/live/', server.url).href);
    // The page is listening once its event stream is connected.
    await waitFor(() => server.clients() > 0, 5000, 'the live-reload connection');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A mark that only survives as long as the page is not reloaded. */
  const mark = (p: Page) => p.evaluate(() => ((window as unknown as { __mark: number }).__mark = 1));
  const marked = (p: Page) => p.evaluate(() => (window as unknown as { __mark?: number }).__mark === 1);

  it('reloads the page by itself after the post is saved', async () => {
    await mark(page);
    fs.writeFileSync(postFile(), POST('저장한 뒤의 문단.'));
    await page.waitForFunction(() => document.body.textContent?.includes('저장한 뒤의 문단.'), undefined, { timeout: 5000 });
    expect(await marked(page)).toBe(false);
  });

  it('swaps the stylesheet without reloading on a CSS-only change', async () => {
    await waitFor(() => server.clients() > 0, 5000, 'the live-reload connection');
    await mark(page);
    const css = path.join(root, 'templates/assets/style.css');
    fs.appendFileSync(css, '\nbody { outline: 3px solid rgb(255, 0, 0); }\n');
    await page.waitForFunction(() => getComputedStyle(document.body).outlineColor === 'rgb(255, 0, 0)', undefined, { timeout: 5000 });
    expect(await marked(page)).toBe(true);
  });

  it('shows the error overlay for a broken post, keeps the page, and clears it once fixed', async () => {
    await mark(page);
    fs.writeFileSync(postFile(), POST('고장.', 'tags: [unclosed\n'));
    const overlay = await page.waitForSelector('#omnipress-overlay', { timeout: 5000 });
    expect(await overlay.textContent()).toContain('posts/ko/2024-05-01-live.md:');
    expect(await page.textContent('body')).toContain('저장한 뒤의 문단.');
    expect(await marked(page)).toBe(true);

    fs.writeFileSync(postFile(), POST('고친 문단.'));
    await page.waitForFunction(() => document.body.textContent?.includes('고친 문단.'), undefined, { timeout: 5000 });
    expect(await page.$('#omnipress-overlay')).toBeNull();
  });
});
