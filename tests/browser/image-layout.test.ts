// Images do not move the page as they load: every local image carries its file's width and
// height, so Chromium gives its box the final height before a byte of it has arrived. Measured
// with the image requests held back (page.route), on a phone-sized and a desktop-sized window.
/// <reference lib="dom" />
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserOnSite, layoutShifts, recordLayoutShifts, SKIP_BROWSER_TESTS, stylesReady } from '../helpers/browser.js';
import { png, svg } from '../helpers/images.js';

const BODY = [
  '첫 문단입니다.',
  '',
  '![넓은 사진](/img/wide.png "캡션이 있는 사진")',
  '',
  '![옆의 사진](tall.png)',
  '',
  '![도표](/img/chart.svg)',
  '',
  '<p id="after">사진 아래 문단.</p>',
].join('\n');

describe.skipIf(SKIP_BROWSER_TESTS)('images in a browser', () => {
  const site = browserOnSite({
    'posts/ko/2024-05-01-photos.md': `---\ntitle: 사진\nimage: /img/wide.png\n---\n${BODY}\n`,
    'posts/ko/tall.png': png(300, 600),
    'public/img/wide.png': png(1600, 800),
    'public/img/chart.svg': svg('viewBox="0 0 400 300"'),
  }, 'https://example.org/sub/');

  /** Where the elements are: the images' boxes and the paragraph after them. */
  const layout = (page: Page) =>
    page.evaluate(() => ({
      images: [...document.querySelectorAll('img')].map((img) => {
        const box = img.getBoundingClientRect();
        return { src: img.getAttribute('src'), width: Math.round(box.width), height: Math.round(box.height) };
      }),
      after: Math.round(document.getElementById('after')!.getBoundingClientRect().top + scrollY),
    }));

  for (const width of [390, 1280]) {
    it(`at ${width} px every image box has its final size before the image arrives, and nothing shifts`, async () => {
      const page = await site().browser.newPage({ viewport: { width, height: 800 } });
      // Every image request waits until the layout without them has been measured.
      const held: Route[] = [];
      await page.route(/\.(png|svg)$/, (route) => void held.push(route));
      await recordLayoutShifts(page);
      await page.goto(`${site().server.url}ko/posts/photos/`, { waitUntil: 'domcontentloaded' });
      await stylesReady(page);
      const before = await layout(page);
      // Lazy images below the fold are requested only when near: scroll to each, releasing as they come.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(100);
      await page.evaluate(() => window.scrollTo(0, 0));
      for (const route of held.splice(0)) await route.continue();
      await page.unroute(/\.(png|svg)$/);
      await page.waitForFunction(() => [...document.querySelectorAll('img')].every((img) => img.complete && img.naturalWidth > 0), undefined, { timeout: 10_000 });
      const after = await layout(page);
      expect(before.images.length).toBe(4);
      for (const image of before.images) expect(image.height, `${image.src} before loading`).toBeGreaterThan(0);
      expect(after).toEqual(before);
      // The theme keeps them responsive: never wider than the column, in proportion.
      const wide = after.images.find((image) => image.src === '/sub/img/wide.png' && image.width < width)!;
      expect(Math.abs(wide.height * 2 - wide.width)).toBeLessThanOrEqual(2);
      expect(await layoutShifts(page)).toBe(0);
      await page.close();
    });
  }
});
