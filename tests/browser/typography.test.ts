// Typography a reader notices, in Debian's Chromium: Chinese quotation marks in the Chinese font,
// "GPT-4o" never split after its hyphen, a search field whose border can be seen, and a post
// printed from a dark screen in dark text on white with light diagrams.
/// <reference lib="dom" />
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SKIP_BROWSER_TESTS, serveSite, type StaticServer } from '../helpers/browser.js';
import { postFile } from '../helpers/post.js';
import { buildSite, flagshipSite, siteFromFiles } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

/** WCAG relative luminance of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/[\d.]+/g)!.slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe.skipIf(SKIP_BROWSER_TESTS)('typography in a browser', () => {
  let browser: Browser;
  let flagship: StaticServer;
  let names: StaticServer;

  beforeAll(async () => {
    const out = path.join(tempDir('omnipress-type-'), '_site');
    expect((await buildSite(flagshipSite(), { out })).ok).toBe(true);
    flagship = await serveSite(out);
    const root = siteFromFiles({
      'posts/ko/2024-05-14-names.md': postFile(
        { title: '모델 이름', date: '2024-05-14' },
        '오늘 발표된 새로운 GPT-4o 모델은 이전 GPT-4-turbo 보다 빠르고, 요금은 절반이며, 음성 대화에서 GPT-4o 의 응답은 사람과 비슷합니다. 이번 GPT-4o 공개는 큰 소식입니다.',
      ),
    });
    expect((await buildSite(root)).ok).toBe(true);
    names = await serveSite(path.join(root, '_site'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await flagship?.close();
    await names?.close();
  });

  async function open(server: StaticServer, pagePath: string, options: BrowserContextOptions = {}): Promise<Page> {
    const page = await (await browser.newContext(options)).newPage();
    expect((await page.goto(server.url + pagePath, { waitUntil: 'load' }))?.status()).toBe(200);
    await page.waitForFunction(() => [...document.querySelectorAll('link[rel="stylesheet"]')].every((link) => (link as HTMLLinkElement).sheet !== null));
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  }
  const close = (page: Page) => page.context().close();

  it('draws Chinese quotation marks and dashes with the Chinese font, not the Latin one', async () => {
    const page = await open(flagship, 'zh/posts/gpt-4o-launch/');
    // A text node of only the marks, inside a paragraph of the post: the fonts Chromium drew it with.
    await page.evaluate(() => {
      const span = document.createElement('span');
      span.id = 'marks';
      span.textContent = '“”‘’—…';
      document.querySelector('.post-body p')!.append(span);
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#marks' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((f) => f.familyName)).toEqual([expect.stringMatching(/CJK|Source Han|PingFang|YaHei/)]);
    await close(page);
  });

  it('never breaks a line after the hyphen of "GPT-4o"', async () => {
    const page = await open(names, 'ko/posts/names/', { viewport: { width: 320, height: 800 } });
    const splits = await page.evaluate(() => {
      const p = document.querySelector('.post-body p') as HTMLElement;
      const found: string[] = [];
      for (let width = 120; width <= 300; width += 3) {
        p.style.width = `${width}px`;
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of node.textContent!.matchAll(/GPT-4(o|-turbo)?/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (tops.size > 1) found.push(`${match[0]} at ${width}px`);
          }
        }
      }
      return found;
    });
    expect(splits).toEqual([]);
    await close(page);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`gives the search field a border of at least 3:1 against the page (${colorScheme})`, async () => {
      const page = await open(flagship, 'ko/posts/gpt-4o-launch/', { colorScheme });
      await page.locator('.site-search > summary').click();
      const [border, background] = await page.evaluate(() => [
        getComputedStyle(document.querySelector('#omnipress-site-search')!).borderTopColor,
        getComputedStyle(document.querySelector('.header-panel')!).backgroundColor,
      ]);
      expect(contrast(border, background)).toBeGreaterThanOrEqual(3);
      await page.goto(`${flagship.url}ko/search/`);
      const [pageBorder, pageBackground] = await page.evaluate(() => [
        getComputedStyle(document.querySelector('#omnipress-search-input')!).borderTopColor,
        getComputedStyle(document.body).backgroundColor,
      ]);
      expect(contrast(pageBorder, pageBackground)).toBeGreaterThanOrEqual(3);
      await close(page);
    });
  }

  it('prints from a dark screen in dark text on white, with light diagrams', async () => {
    const page = await open(flagship, 'ko/posts/gpt-4o-launch/', { colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
    await page.evaluate(() => document.querySelector('.post-body :is(pre.mermaid, figure.diagram)')!.scrollIntoView());
    await page.waitForSelector('figure.diagram[data-theme="dark"] svg', { timeout: 15_000 });
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const printed = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return {
        body: style('body').backgroundColor,
        text: style('.post-body p').color,
        heading: style('.post-body h2').color,
        meta: style('.meta').color,
        link: style('.post-body a').color,
        diagram: style('figure.diagram svg').filter,
      };
    });
    expect(printed.body).toBe('rgb(255, 255, 255)');
    for (const color of [printed.text, printed.heading, printed.meta, printed.link]) expect(contrast(color, printed.body)).toBeGreaterThanOrEqual(4.5);
    expect(printed.diagram).toContain('invert(1)');
    await close(page);
  });
});
