// What readers browse by besides the home page: each language's archive by year and month, posts
// pinned to the top of the home page, related posts at the end of a post, and series (a box on
// each part, a page per series), under a sub-path base URL.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page, parseXml, type Page } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { buildSite, readOutput, siteFromFiles } from '../helpers/site.js';

const CONFIG = `baseUrl: https://example.org/news/
timeZone: Asia/Seoul
pageSize: 10
`;

const FILES = {
  'omnipress.yml': CONFIG,
  // 2024-05-31 20:00 UTC is June 1st in Seoul: the archive puts it under June.
  'posts/ko/2024-06-01-midnight.md': postFile({ title: '자정 넘어 올린 글', date: '2024-05-31T20:00:00Z', tags: '[모델]' }),
  'posts/ko/2024-05-10-voice-1.md': postFile({ title: '음성 모델 1부', series: '음성 모델 해설', tags: '[음성, 모델]', categories: '[해설]' }),
  'posts/ko/2024-05-20-voice-2.md': postFile({ title: '음성 모델 2부', series: '음성 모델 해설', tags: '[음성, 모델]', categories: '[해설]' }),
  'posts/ko/2024-05-25-voice-3.md': postFile({ title: '음성 모델 3부', series: '음성 모델 해설', tags: '[음성]', categories: '[해설]', pin: 'true' }),
  'posts/ko/2023-12-24-year-end.md': postFile({ title: '연말 정리', tags: '[음성, 모델]', categories: '[해설]' }),
  'posts/ko/2023-12-01-unrelated.md': postFile({ title: '관계없는 글', tags: '[요리]' }),
  'posts/ko/2023-11-11-hexo-top.md': postFile({ title: '헥소 상단 글', top: '10' }),
  'posts/zh/2024-05-21-voice.md': postFile({ title: '语音模型', tags: '[음성, 모델]', categories: '[해설]', featured: 'true' }),
  'posts/zh/2024-05-22-other.md': postFile({ title: '其他消息', tags: '[新闻]' }),
  'posts/en/2024-05-21-voice-1.md': postFile({ title: 'Voice models, part one', series: 'Voice models' }),
  'posts/en/2024-05-23-voice-2.md': postFile({ title: 'Voice models, part two', series: 'voice models', sticky: '5' }),
};

const texts = ($: Page, selector: string) => $(selector).map((_, el) => $(el).text().trim()).get();

describe('archive, pinned posts, related posts and series', () => {
  const root = siteFromFiles(FILES);
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root);
  });

  it('builds without warnings', () => {
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it("groups a language's posts by year and month in the site's time zone, newest first", () => {
    const $ = page(root, 'ko/archive/index.html');
    expect($('h1').text()).toBe('아카이브');
    expect(texts($, '.archive-year > h2')).toEqual(['2024년', '2023년']);
    expect(texts($, '.archive-year h3')).toEqual(['2024년 6월', '2024년 5월', '2023년 12월', '2023년 11월']);
    const june = $('.archive-year h3').first().next('.archive-list');
    expect(june.find('a').map((_, a) => $(a).text()).get()).toEqual(['자정 넘어 올린 글']);
    const may = $('.archive-year h3').eq(1).next('.archive-list');
    expect(may.find('a').map((_, a) => $(a).text()).get()).toEqual(['음성 모델 3부', '음성 모델 2부', '음성 모델 1부']);
    expect(may.find('a').first().attr('href')).toBe('/news/ko/posts/voice-3/');
    // Only Korean posts.
    expect($('.archive-list a').length).toBe(7);
    const zh = page(root, 'zh/archive/index.html');
    expect(texts(zh, '.archive-year h3')).toEqual(['2024年5月']);
    expect(page(root, 'en/archive/index.html')('.archive-year h3').text()).toBe('May 2024');
  });

  it("links the language's archive from the footer of its pages, under the base path", () => {
    for (const file of ['ko/index.html', 'ko/posts/voice-1/index.html', 'ko/tags/index.html']) {
      expect(page(root, file)('.site-footer a[href="/news/ko/archive/"]').text(), file).toBe('아카이브');
    }
    expect(page(root, 'zh/index.html')('.site-footer a[href="/news/zh/archive/"]').text()).toBe('归档');
    expect(page(root, 'ko/archive/index.html')('.site-footer a[aria-current="page"]').attr('href')).toBe('/news/ko/archive/');
    // The switcher takes a reader to the other language's archive.
    expect(page(root, 'ko/archive/index.html')('.lang-switch a[hreflang="en"]').attr('href')).toBe('/news/en/archive/');
  });

  it('puts pinned posts first on their home page, marked, the highest pin first', () => {
    const ko = page(root, 'ko/index.html');
    const titles = texts(ko, '.post-item-title');
    expect(titles.slice(0, 2)).toEqual(['헥소 상단 글', '음성 모델 3부']);
    expect(titles.slice(2)).toEqual(['자정 넘어 올린 글', '음성 모델 2부', '음성 모델 1부', '연말 정리', '관계없는 글']);
    const marked = ko('.post-item').filter((_, li) => ko(li).find('.pinned-badge').length > 0);
    expect(marked.map((_, li) => ko(li).find('.post-item-title').text()).get()).toEqual(['헥소 상단 글', '음성 모델 3부']);
    expect(ko('.pinned-badge').first().text()).toBe('고정됨');
    expect(texts(page(root, 'zh/index.html'), '.post-item-title')[0]).toBe('语音模型');
    expect(page(root, 'zh/index.html')('.pinned-badge').text()).toBe('置顶');
    expect(texts(page(root, 'en/index.html'), '.post-item-title')[0]).toBe('Voice models, part two');
    // Pinning is about the home page: the archive and term pages keep date order, unmarked.
    expect(texts(page(root, 'ko/archive/index.html'), '.archive-list a')[0]).toBe('자정 넘어 올린 글');
    expect(page(root, 'ko/tags/음성/index.html')('.pinned-badge').length).toBe(0);
  });

  it('lists related posts of the same language, most shared categories and tags first, ties by date', () => {
    const $ = page(root, 'ko/posts/voice-1/index.html');
    expect($('.related h2').text()).toBe('관련 글');
    // voice-2 and year-end share 음성, 모델 and 해설 (3): voice-2 is newer; voice-3 shares 2, midnight 1.
    expect(texts($, '.related li a')).toEqual(['음성 모델 2부', '연말 정리', '음성 모델 3부', '자정 넘어 올린 글']);
    expect($('.related li a').first().attr('href')).toBe('/news/ko/posts/voice-2/');
    // The Chinese post has the same terms but another language; the unrelated post shares nothing.
    expect($('.related').text()).not.toContain('语音模型');
    expect($('.related').text()).not.toContain('관계없는 글');
    expect(page(root, 'ko/posts/unrelated/index.html')('.related').length).toBe(0);
  });

  it('shows a series box on each part: part n of m and every part in order', () => {
    const $ = page(root, 'ko/posts/voice-2/index.html');
    expect($('.series-box h2').text()).toBe('시리즈: 음성 모델 해설');
    expect($('.series-part').text()).toBe('3편 중 2편');
    expect(texts($, '.series-box ol li')).toEqual(['음성 모델 1부', '음성 모델 2부', '음성 모델 3부']);
    expect($('.series-box [aria-current="page"]').text()).toBe('음성 모델 2부');
    expect($('.series-box h2 a').attr('href')).toBe(`/news/ko/series/${encodeURIComponent('음성-모델-해설')}/`);
    // Names differing in case are one series.
    const en = page(root, 'en/posts/voice-2/index.html');
    expect(en('.series-part').text()).toBe('Part 2 of 2');
    expect(page(root, 'ko/posts/year-end/index.html')('.series-box').length).toBe(0);
  });

  it('writes a page per series and language listing its parts in order', () => {
    const $ = page(root, 'ko/series/음성-모델-해설/index.html');
    expect($('h1').text()).toBe('시리즈: 음성 모델 해설');
    expect(texts($, '.series-parts .post-item-title')).toEqual(['음성 모델 1부', '음성 모델 2부', '음성 모델 3부']);
    expect(page(root, 'en/series/voice-models/index.html')('h1').text()).toBe('Series: Voice models');
  });

  it('puts the archives and series pages in the sitemap', () => {
    const $ = parseXml(readOutput(root, 'sitemap.xml'));
    const locs = $('url > loc').map((_, el) => $(el).text()).get();
    expect(locs).toContain('https://example.org/news/ko/archive/');
    expect(locs).toContain('https://example.org/news/zh/archive/');
    expect(locs).toContain(`https://example.org/news/ko/series/${encodeURIComponent('음성-모델-해설')}/`);
    expect(locs).toContain('https://example.org/news/en/series/voice-models/');
  });
});

describe('series and archive addresses are taken', () => {
  it("reports a post whose permalink is a series' or the archive's page", async () => {
    const root = siteFromFiles({
      'posts/ko/2024-05-10-one.md': postFile({ title: '하나', series: '연재' }),
      'posts/ko/2024-05-11-two.md': postFile({ title: '둘', permalink: '/ko/series/연재/' }),
      'posts/ko/2024-05-12-three.md': postFile({ title: '셋', permalink: '/ko/archive/' }),
    });
    const report = await buildSite(root);
    const messages = report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file.split('/').pop()}: ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^2024-05-11-two\.md: two pages would be written to ko\/series\/연재\/index\.html/),
      expect.stringMatching(/^2024-05-12-three\.md: two pages would be written to ko\/archive\/index\.html/),
    ]);
  });

  it('warns about a pin it cannot read, and lists the post by date', async () => {
    const root = siteFromFiles({
      'posts/ko/2024-05-10-one.md': postFile({ title: '하나', pin: 'yes' }),
      'posts/ko/2024-05-11-two.md': postFile({ title: '둘' }),
    });
    const report = await buildSite(root);
    expect(report.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.severity, d.line, d.message])).toEqual([
      ['warning', 3, 'pin: must be true, false or a number (a higher number comes first); the post is not pinned'],
    ]);
    expect(texts(page(root, 'ko/index.html'), '.post-item-title')).toEqual(['둘', '하나']);
  });
});
