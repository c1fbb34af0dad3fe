// Callouts, the video card and figures from migrated posts (Chirpy prompts, Hexo notes, Hugo
// shortcodes) as readers see them in Chromium: no serious accessibility violations in light or
// dark (colour contrast included), labels readable by a screen reader, the bundle image actually
// loading under a sub-path, and no request leaving the site. Screenshots go to test-results/.
/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SKIP_BROWSER_TESTS, serveSite, type StaticServer, seriousAxeViolations } from '../helpers/browser.js';
import { REPO, buildSite, siteFromFiles } from '../helpers/site.js';

const SHOTS = path.join(REPO, 'test-results');
const PNG = fs.readFileSync(path.join(REPO, 'tests/fixtures/markup/hugo/content/posts/spring-hike/ridge.png'));

const POSTS = {
  'posts/ko/2024-07-01-알림-상자.md': [
    '---', 'title: 알림 상자 모음', '---',
    '본문 앞부분입니다.', '',
    '> 미리 저장해 두면 편합니다.', '{: .prompt-tip }', '',
    '> 이 기능은 베타입니다.', '{: .prompt-info }', '',
    '> 설정을 바꾸면 다시 시작해야 합니다.', '{: .prompt-warning }', '',
    '> 이 명령은 모든 파일을 지웁니다.', '{: .prompt-danger }', '',
    '{% note %}', '그냥 참고할 내용입니다. [관련 글](https://example.com/related)도 있습니다.', '{% endnote %}', '',
    '{{< figure src="photo.png" alt="초록 들판" caption="봄의 *들판*" >}}', '',
    '{{< youtube id="dQw4w9WgXcQ" title="산책 영상" >}}', '',
    '{% codeblock 설정 파일 lang:yaml https://example.com/config 전체 보기 %}', 'theme: dark', '{% endcodeblock %}',
  ].join('\n'),
  'posts/ko/2024-07-01-알림-상자/photo.png': PNG,
};

describe.skipIf(SKIP_BROWSER_TESTS)('migrated markup in a browser', () => {
  let browser: Browser;
  let server: StaticServer;
  const pagePath = `ko/posts/${encodeURIComponent('알림-상자')}/`;

  beforeAll(async () => {
    const root = siteFromFiles(POSTS);
    const report = await buildSite(root, { baseUrl: 'https://example.org/sub/' });
    expect(report.ok, report.diagnostics.map((d) => d.message).join('\n')).toBe(true);
    server = await serveSite(path.join(root, '_site'), '/sub/');
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`callouts, figure and video card (${scheme}): no serious or critical accessibility violations`, async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 900 }, colorScheme: scheme });
      const outside: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(server.url.replace(/sub\/$/, ''))) outside.push(request.url());
      });
      const response = await page.goto(server.url + pagePath, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      const violations = await seriousAxeViolations(page, 'main');
      expect(violations).toEqual([]);
      // The kind of each box is written out, not told by colour alone; the icon is hidden from screen readers.
      const labels = await page.locator('.callout-label').allInnerTexts();
      expect(labels).toEqual(['팁', '정보', '주의', '위험', '참고']);
      const accessibleLabel = await page.locator('.callout-tip .callout-label').evaluate((el) => (el as HTMLElement).innerText);
      expect(accessibleLabel).toBe('팁');
      // Each kind looks different (border colour), in both schemes.
      const borders = await page.locator('.callout').evaluateAll((els) => els.map((el) => getComputedStyle(el).borderInlineStartColor));
      expect(new Set(borders).size).toBe(5);
      // The bundle image is served from beside the page under the sub-path and decodes.
      const image = page.locator('figure img');
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(5);
      expect(outside).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `migrate-markup-${scheme}-390.png`), fullPage: true });
      await page.close();
    });
  }
});
