// Authors: `author` / `authors` in front matter, as names or as ids of the config's `authors`
// section (name, bio, URL and avatar per language) and of Chirpy's _data/authors.yml, give each
// post a byline, each author a page per language listing their posts, and JSON-LD Person objects.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page, type Page } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { buildSite, siteFromFiles } from '../helpers/site.js';

const BASE = 'https://example.org/news/';
const PNG = fs.readFileSync(new URL('../../templates/assets/apple-touch-icon.png', import.meta.url));

const CONFIG = [
  'title: { ko: 아침 신문, zh: 早报, en: Morning Paper }',
  'authors:',
  '  minjun:',
  '    name: { ko: 김민준, zh: 金敏俊, en: Minjun Kim }',
  '    bio: { ko: 기후와 날씨를 취재합니다., default: Covers climate and weather. }',
  '    url: https://minjun.example.com/',
  '    avatar: /img/minjun.png',
  '',
].join('\n');

function byline($: Page): Array<[string, string]> {
  return $('article .byline a').toArray().map((a) => [$(a).text(), $(a).attr('href')!]);
}

function jsonLd($: Page): Record<string, unknown> {
  return JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
}

describe('authors from the config and from _data/authors.yml', () => {
  const root = siteFromFiles({
    'omnipress.yml': CONFIG,
    '_data/authors.yml': 'seoyeon:\n  name: 이서연\n  url: https://seoyeon.example.com/\n',
    'public/img/minjun.png': PNG,
    'posts/ko/2025-11-01-rain.md': postFile({ title: '가을비', author: 'minjun' }, '비가 옵니다.'),
    'posts/ko/2025-11-02-wind.md': postFile({ title: '강풍 주의보', authors: '[minjun, seoyeon]' }, '바람이 셉니다.'),
    'posts/en/2025-11-02-wind.md': postFile({ title: 'Gale warning', author: 'minjun' }, 'Strong winds.'),
    'posts/zh/2025-11-02-wind.md': postFile({ title: '大风预警', author: '王小明' }, '风很大。'),
    'posts/zh/2025-11-03-snow.md': postFile({ title: '初雪', author: '王小明' }, '下雪了。'),
  });
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root, { baseUrl: BASE });
  });

  it('builds without errors or warnings', () => {
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it("gives each post a byline linking each author's page, the name in the post's language", () => {
    expect(byline(page(root, 'ko/posts/rain/index.html'))).toEqual([['김민준', '/news/ko/authors/minjun/']]);
    expect(byline(page(root, 'ko/posts/wind/index.html'))).toEqual([
      ['김민준', '/news/ko/authors/minjun/'],
      ['이서연', '/news/ko/authors/seoyeon/'],
    ]);
    expect(byline(page(root, 'en/posts/wind/index.html'))).toEqual([['Minjun Kim', '/news/en/authors/minjun/']]);
    // A name written as is: its page is at its slug, Han kept.
    expect(byline(page(root, 'zh/posts/wind/index.html'))).toEqual([['王小明', `/news/zh/authors/${encodeURIComponent('王小明')}/`]]);
    expect(page(root, 'ko/posts/rain/index.html')('article .byline').text()).toBe('글 김민준');
  });

  it("gives an author a page per language with name, bio, avatar, website and that language's posts", () => {
    const $ = page(root, 'ko/authors/minjun/index.html');
    expect($('html').attr('lang')).toBe('ko');
    expect($('h1').text()).toBe('김민준');
    expect($('title').text()).toBe('김민준 · 아침 신문');
    expect($('.author-bio').text()).toBe('기후와 날씨를 취재합니다.');
    expect($('.author-avatar').attr('src')).toBe('/news/img/minjun.png');
    expect($('a[rel~="me"]').attr('href')).toBe('https://minjun.example.com/');
    expect($('.post-list a').toArray().map((a) => $(a).text())).toEqual(expect.arrayContaining(['강풍 주의보', '가을비']));
    expect($('.post-list > li')).toHaveLength(2);

    const en = page(root, 'en/authors/minjun/index.html');
    expect(en('h1').text()).toBe('Minjun Kim');
    expect(en('.author-bio').text()).toBe('Covers climate and weather.');
    expect(en('.post-list > li')).toHaveLength(1);
    // The language switcher goes to the same author's page.
    expect(en('.lang-switch a[hreflang="ko"]').attr('href')).toBe('/news/ko/authors/minjun/');

    const file = page(root, 'ko/authors/seoyeon/index.html');
    expect(file('h1').text()).toBe('이서연');
    expect(file('a[rel~="me"]').attr('href')).toBe('https://seoyeon.example.com/');
    expect(page(root, `zh/authors/王小明/index.html`)('.post-list > li')).toHaveLength(2);
    // No page for an author in a language where they wrote nothing.
    expect(fs.existsSync(path.join(root, '_site/zh/authors/minjun'))).toBe(false);
  });

  it('describes authors in JSON-LD as Person objects with their page and their own site', () => {
    expect(jsonLd(page(root, 'ko/posts/rain/index.html')).author).toEqual({
      '@type': 'Person', name: '김민준', url: `${BASE}ko/authors/minjun/`, sameAs: 'https://minjun.example.com/',
    });
    expect(jsonLd(page(root, 'ko/posts/wind/index.html')).author).toEqual([
      { '@type': 'Person', name: '김민준', url: `${BASE}ko/authors/minjun/`, sameAs: 'https://minjun.example.com/' },
      { '@type': 'Person', name: '이서연', url: `${BASE}ko/authors/seoyeon/`, sameAs: 'https://seoyeon.example.com/' },
    ]);
  });

  it('lists author pages in the sitemap', () => {
    const sitemap = fs.readFileSync(path.join(root, '_site/sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${BASE}ko/authors/minjun/</loc>`);
  });
});

describe('a wrong authors section', () => {
  it('is an error at the line of the value', async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'authors:\n  minjun:\n    name: 김민준\n    url: minjun.example.com\n',
      'posts/ko/2025-11-01-rain.md': postFile({ title: '가을비', author: 'minjun' }),
    });
    const report = await buildSite(root);
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', line: 4, message: 'authors.minjun.url must be an http(s) URL' }));
  });
});
