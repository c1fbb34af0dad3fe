// A reader following an old address of a moved blog (config `legacyPermalink`) in Chromium: a
// bookmark or a search result of the old site lands on the post at its new address, under a
// sub-path; a link in a post to an old address goes straight there, without the redirect page.
/// <reference lib="dom" />
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SKIP_BROWSER_TESTS, serveSite, type StaticServer } from '../helpers/browser.js';
import { postFile } from '../helpers/post.js';
import { buildSite, siteFromFiles } from '../helpers/site.js';

const FILES = {
  'omnipress.yml': 'languages: { ko: {} }\npermalink: /:year/:month/:slug/\nlegacyPermalink: /:year/:month/:day/:title/',
  'posts/2024-05-14-첫인상.md': postFile({ title: 'GPT-4o 첫인상' }, '다음 글: [음성 모드](/2024/05/20/voice-mode/).'),
  'posts/2024-05-20-voice-mode.md': postFile({ title: '음성 모드' }, '말로 묻고 말로 듣는다.'),
};

describe.skipIf(SKIP_BROWSER_TESTS)('old addresses in a browser', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const root = siteFromFiles(FILES);
    const report = await buildSite(root, { baseUrl: 'https://example.org/sub/' });
    expect(report.ok, report.diagnostics.map((d) => d.message).join('\n')).toBe(true);
    server = await serveSite(path.join(root, '_site'), '/sub/');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('takes a reader from an old address to the post', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${encodeURI('2024/05/14/첫인상/')}`);
    await page.waitForURL((url) => url.pathname === `/sub/2024/05/${encodeURIComponent('첫인상')}/`);
    expect(await page.locator('h1').textContent()).toBe('GPT-4o 첫인상');
    await page.close();
  });

  it('follows a body link to an old address without passing the redirect page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}2024/05/${encodeURIComponent('첫인상')}/`);
    const before = server.requests.length;
    await page.locator('.post-body a:not(.heading-anchor)').click();
    await page.waitForURL((url) => url.pathname === '/sub/2024/05/voice-mode/');
    expect(await page.locator('h1').textContent()).toBe('음성 모드');
    expect(server.requests.slice(before).filter((request) => request.includes('/2024/05/20/'))).toEqual([]);
    await page.close();
  });
});
