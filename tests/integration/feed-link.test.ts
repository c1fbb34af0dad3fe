// A reader sees where to subscribe: every page's footer and each language's home page link the
// language's feed with the RSS icon and a word in that language, under the site's base path.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { buildSite, siteFromFiles } from '../helpers/site.js';

describe('the visible feed link', () => {
  const root = siteFromFiles({
    'posts/ko/2025-11-02-rain.md': postFile({ title: '장마 예보', translationKey: 'rain' }, '이번 주에는 비가 자주 옵니다.'),
    'posts/zh/2025-11-02-rain.md': postFile({ title: '梅雨预报', translationKey: 'rain' }, '本周多雨。'),
    'posts/en/2025-11-02-rain.md': postFile({ title: 'Rain ahead', translationKey: 'rain' }, 'Expect rain most days this week.'),
  });
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root, { baseUrl: 'https://example.org/news/' });
  });

  it('builds without errors', () => {
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    ['ko', 'RSS 구독'],
    ['zh', 'RSS 订阅'],
    ['en', 'Subscribe (RSS)'],
  ])('links the %s feed from the footer of its posts and from its home page, with the icon and the word', (lang, word) => {
    for (const [rel, where] of [[`${lang}/posts/rain/index.html`, 'footer'], [`${lang}/index.html`, 'footer'], [`${lang}/index.html`, 'main .page-header']] as const) {
      const $ = page(root, rel);
      const link = $(`${where} .feed-link a`);
      expect(link, `${rel} ${where}`).toHaveLength(1);
      expect(link.attr('href')).toBe(`/news/${lang}/feed.xml`);
      expect(link.text().trim()).toBe(word);
      // The icon is drawn in the page, hidden from screen readers (the word names the link).
      expect(link.find('svg').attr('aria-hidden')).toBe('true');
      expect(link.find('img, use')).toHaveLength(0);
    }
    expect(fs.existsSync(path.join(root, '_site', lang, 'feed.xml'))).toBe(true);
  });
});
