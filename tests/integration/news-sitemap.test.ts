// Google News: with `news: true` the site publishes /news-sitemap.xml in Google's news namespace,
// listing only the posts of the two days before the build, each with its publication's name and
// language; NewsArticle JSON-LD says dateModified only for a post that was really updated.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page, parseXml } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { buildSite, readOutput, siteFromFiles } from '../helpers/site.js';

const BASE = 'https://example.org/news/';
const NOW = new Date('2026-01-01T00:00:00Z');
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

function files(news: boolean): Record<string, string> {
  return {
    'omnipress.yml': [
      `news: ${news}`,
      'schemaType: NewsArticle',
      'title:\n  ko: 아침 신문\n  zh: 早报\n  en: Morning Paper',
      '',
    ].join('\n'),
    // Nine hours before the build (Seoul time is the site's time zone).
    'posts/ko/2025-12-31-snow.md': postFile({ title: '첫눈 & 한파', date: '2025-12-31T06:00:00+09:00', updated: '2026-01-01T08:00:00+09:00' }, '밤사이 첫눈이 내렸습니다.'),
    // 44 hours before.
    'posts/zh/2025-12-30-snow.md': postFile({ title: '初雪', date: '2025-12-30T12:00:00+08:00' }, '昨夜下了初雪。'),
    // 50 hours before: too old for Google News.
    'posts/en/2025-12-29-snow.md': postFile({ title: 'First snow', date: '2025-12-29T22:00:00Z' }, 'Snow fell overnight.'),
    // Recent, but kept out of sitemaps by its author.
    'posts/en/2025-12-31-hidden.md': postFile({ title: 'Hidden', date: '2025-12-31T12:00:00Z', sitemap: 'false' }, 'Not for search engines.'),
    // Tomorrow: not published.
    'posts/en/2026-01-02-later.md': postFile({ title: 'Later', date: '2026-01-02T12:00:00Z' }, 'Still to come.'),
  };
}

describe('the news sitemap with news: true', () => {
  const root = siteFromFiles(files(true));
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root, { baseUrl: BASE, now: NOW });
  });

  it('builds without errors or warnings', () => {
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it("lists only the last two days' posts, newest first, with publication name, language, date and title", () => {
    const xml = readOutput(root, 'news-sitemap.xml');
    const $ = parseXml(xml);
    expect($('urlset').attr('xmlns')).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect($('urlset').attr('xmlns:news')).toBe(NEWS_NS);
    const entries = $('url').toArray().map((url) => {
      const $url = $(url);
      return {
        loc: $url.children('loc').text(),
        name: $url.find('news\\:publication > news\\:name').text(),
        language: $url.find('news\\:publication > news\\:language').text(),
        date: $url.find('news\\:publication_date').text(),
        title: $url.find('news\\:title').text(),
      };
    });
    expect(entries).toEqual([
      { loc: `${BASE}ko/posts/snow/`, name: '아침 신문', language: 'ko', date: '2025-12-31T06:00:00+09:00', title: '첫눈 & 한파' },
      { loc: `${BASE}zh/posts/snow/`, name: '早报', language: 'zh-cn', date: '2025-12-30T13:00:00+09:00', title: '初雪' },
    ]);
    // The title's ampersand is escaped: the file is well-formed XML.
    expect(xml).toContain('<news:title>첫눈 &amp; 한파</news:title>');
  });

  it('is named in robots.txt', () => {
    expect(readOutput(root, 'robots.txt')).toContain(`Sitemap: ${BASE}news-sitemap.xml`);
  });

  it('writes the same bytes when rebuilt an hour later, and leaves out posts that grew older than two days', async () => {
    const before = readOutput(root, 'news-sitemap.xml');
    await buildSite(root, { baseUrl: BASE, now: new Date(NOW.getTime() + 3_600_000) });
    expect(readOutput(root, 'news-sitemap.xml')).toBe(before);
    await buildSite(root, { baseUrl: BASE, now: new Date(NOW.getTime() + 5 * 3_600_000) });
    const $ = parseXml(readOutput(root, 'news-sitemap.xml'));
    expect($('url > loc').toArray().map((loc) => $(loc).text())).toEqual([`${BASE}ko/posts/snow/`]);
  });

  it('describes posts as NewsArticle, with dateModified only for a post that was updated', async () => {
    await buildSite(root, { baseUrl: BASE, now: NOW });
    const jsonLd = (rel: string) => JSON.parse(page(root, rel)('script[type="application/ld+json"]').text()) as Record<string, unknown>;
    expect(jsonLd('ko/posts/snow/index.html')).toMatchObject({ '@type': 'NewsArticle', dateModified: '2026-01-01T08:00:00+09:00' });
    const zh = jsonLd('zh/posts/snow/index.html');
    expect(zh['@type']).toBe('NewsArticle');
    expect(zh).not.toHaveProperty('dateModified');
  });
});

describe('news: false', () => {
  it('writes no news sitemap and does not name one in robots.txt', async () => {
    const root = siteFromFiles(files(false));
    expect((await buildSite(root, { baseUrl: BASE, now: NOW })).ok).toBe(true);
    expect(fs.existsSync(path.join(root, '_site', 'news-sitemap.xml'))).toBe(false);
    expect(readOutput(root, 'robots.txt')).not.toContain('news-sitemap');
  });
});
