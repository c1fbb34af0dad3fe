// Categories and tags per language: term pages at Hangul/Han URLs, overview pages with counts,
// and post pages linking to them, at the root and under a sub-path.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page, type Page } from '../helpers/html.js';
import { brokenLinks, validationErrors } from '../helpers/site-check.js';
import { postFile } from '../helpers/post.js';
import { buildSite, siteFromFiles } from '../helpers/site.js';


const FILES = {
  'posts/ko/2024-05-01-launch.md': postFile({ title: '출시 소식', tags: '[인공지능, OpenAI]', categories: '[뉴스]' }),
  'posts/ko/2024-05-02-voice.md': postFile({ title: '음성 모드', tags: '[ai]', categories: '뉴스' }),
  'posts/ko/2024-05-03-api.md': postFile({ title: 'API 가격', tags: '[인공지능]', categories: '[뉴스, 분석]' }),
  'posts/ko/2024-05-04-variants.md': postFile({ title: '표기 변형', tags: '[AI, ＡＩ]' }),
  'posts/ko/2024-05-05-plain.md': postFile({ title: '태그 없는 글' }),
  'posts/zh/2024-05-01-launch.md': postFile({ title: '发布消息', tags: '[人工智能, 大模型]', categories: '[新闻]' }),
  'posts/zh/2024-05-03-api.md': postFile({ title: 'API 价格', tags: '[人工智能]', categories: '[新闻]' }),
  // Jekyll's space-separated string and Chirpy's list.
  'posts/en/2024-05-01-jekyll.md': postFile({ title: 'Jekyll style', tags: 'ai news' }),
  'posts/en/2024-05-02-chirpy.md': postFile({ title: 'Chirpy style', categories: '[AI, News]' }),
};

/** Post titles listed on a page, in order. */
function listed($: Page): string[] {
  return $('.post-list .post-item-title a').map((_, a) => $(a).text()).get();
}

/** The output file an href (under `basePath`) points at. */
function target(root: string, href: string, basePath = '/'): string {
  expect(href.startsWith(basePath), href).toBe(true);
  const sitePath = decodeURIComponent(href.slice(basePath.length - 1));
  return path.join(root, '_site', sitePath, sitePath.endsWith('/') ? 'index.html' : '');
}

describe('taxonomies of a multilingual site', () => {
  const root = siteFromFiles(FILES);
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root);
  });

  it('builds without warnings or errors', () => {
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('writes Korean and Chinese term pages at Hangul and Han URLs, listing exactly their posts, newest first', () => {
    const ko = page(root, 'ko/tags/인공지능/index.html');
    expect(ko('h1').text()).toBe('태그: 인공지능');
    expect(listed(ko)).toEqual(['API 가격', '출시 소식']);
    expect(ko('.term-count').text()).toBe('글 2개');

    const news = page(root, 'ko/categories/뉴스/index.html');
    expect(news('h1').text()).toBe('카테고리: 뉴스');
    expect(listed(news)).toEqual(['API 가격', '음성 모드', '출시 소식']);

    const zh = page(root, 'zh/tags/人工智能/index.html');
    expect(zh('html').attr('lang')).toBe('zh-Hans');
    expect(zh('h1').text()).toBe('标签：人工智能');
    expect(listed(zh)).toEqual(['API 价格', '发布消息']);
    expect(listed(page(root, 'zh/categories/新闻/index.html'))).toEqual(['API 价格', '发布消息']);
  });

  it('lists every term on the overview pages with its post count, most posts first', () => {
    const $ = page(root, 'ko/tags/index.html');
    expect($('h1').text()).toBe('태그');
    const terms = $('.term-list li')
      .map((_, li) => `${$(li).find('a').text()} ${$(li).find('.term-count').text()}`)
      .get();
    expect(terms).toHaveLength(3);
    expect(terms.slice(0, 2).sort()).toEqual(['ai 글 2개', '인공지능 글 2개']);
    expect(terms[2]).toBe('OpenAI 글 1개');
    expect($('.term-list a').first().attr('href')).toMatch(/^\/ko\/tags\/(ai|%EC%9D%B8%EA%B3%B5%EC%A7%80%EB%8A%A5)\/$/);

    const zh = page(root, 'zh/categories/index.html');
    expect(zh('.term-list li').map((_, li) => zh(li).text()).get()).toEqual(['新闻 2 篇文章']);
    const en = page(root, 'en/tags/index.html');
    expect(en('.term-list li').map((_, li) => en(li).text()).get()).toEqual(['ai 1 post', 'news 1 post']);
  });

  it('merges case and width variants into one term', () => {
    const $ = page(root, 'ko/tags/ai/index.html');
    // The oldest post's spelling names the term.
    expect($('h1').text()).toBe('태그: ai');
    expect(listed($)).toEqual(['표기 변형', '음성 모드']);
    const variants = page(root, 'ko/posts/variants/index.html');
    expect(variants('.taxonomy .tag a').map((_, a) => variants(a).attr('href')).get()).toEqual(['/ko/tags/ai/']);
  });

  it('keeps a tag used in two languages as two pages, each listing its own language', () => {
    expect(listed(page(root, 'en/tags/ai/index.html'))).toEqual(['Jekyll style']);
    expect(listed(page(root, 'ko/tags/ai/index.html'))).not.toContain('Jekyll style');
  });

  it('reads Jekyll space-separated tags and Chirpy category lists', () => {
    expect(listed(page(root, 'en/tags/news/index.html'))).toEqual(['Jekyll style']);
    expect(listed(page(root, 'en/categories/ai/index.html'))).toEqual(['Chirpy style']);
    expect(listed(page(root, 'en/categories/news/index.html'))).toEqual(['Chirpy style']);
  });

  it('links a post’s categories and tags to their pages, percent-encoded', () => {
    const $ = page(root, 'ko/posts/launch/index.html');
    const tags = $('.taxonomy .tag a');
    expect(tags.map((_, a) => $(a).text()).get()).toEqual(['#인공지능', '#OpenAI']);
    expect(tags.first().attr('href')).toBe('/ko/tags/%EC%9D%B8%EA%B3%B5%EC%A7%80%EB%8A%A5/');
    expect($('.taxonomy .category a').attr('href')).toBe('/ko/categories/%EB%89%B4%EC%8A%A4/');
    for (const a of $('.taxonomy a').toArray()) expect(fs.existsSync(target(root, $(a).attr('href')!))).toBe(true);
  });

  it('links the language’s category and tag overviews from the header', () => {
    const $ = page(root, 'zh/posts/launch/index.html');
    const nav = $('.site-nav a').map((_, a) => `${$(a).text()} ${$(a).attr('href')}`).get();
    expect(nav).toContain('分类 /zh/categories/');
    expect(nav).toContain('标签 /zh/tags/');
    const overview = page(root, 'zh/tags/index.html');
    expect(overview('.site-nav a[aria-current="page"]').text()).toBe('标签');
  });

  it('switches language on a taxonomy page to that language’s overview of the same taxonomy', () => {
    const $ = page(root, 'ko/tags/인공지능/index.html');
    const switcher = $('.lang-switch a').map((_, a) => `${$(a).attr('hreflang')} ${$(a).attr('href')}`).get();
    expect(switcher).toEqual(['ko /ko/tags/%EC%9D%B8%EA%B3%B5%EC%A7%80%EB%8A%A5/', 'zh-Hans /zh/tags/', 'en /en/tags/']);
  });

  it('has an overview for every language and taxonomy, even an empty one', async () => {
    expect(page(root, 'zh/tags/index.html')('.term-list li')).toHaveLength(2);
    const empty = siteFromFiles({ 'posts/en/2024-05-01-a.md': postFile({ title: 'No terms' }) });
    await buildSite(empty);
    expect(page(empty, 'ko/categories/index.html')('.empty').text()).toBe('아직 카테고리가 없습니다.');
    expect(page(empty, 'en/tags/index.html')('.empty').text()).toBe('No tags yet.');
  });

  it('names the term in the page title', () => {
    expect(page(root, 'ko/tags/인공지능/index.html')('title').text()).toMatch(/^태그: 인공지능 · /);
    expect(page(root, 'zh/categories/index.html')('title').text()).toMatch(/^分类 · /);
  });

  it('leaves no broken internal link and no invalid HTML', async () => {
    expect(brokenLinks(path.join(root, '_site'))).toEqual([]);
    expect(await validationErrors(path.join(root, '_site'))).toEqual([]);
  });
});

describe('taxonomies under a base URL with a path', () => {
  const root = siteFromFiles(FILES);
  beforeAll(async () => {
    const report = await buildSite(root, { baseUrl: 'https://example.org/sub/' });
    expect(report.ok).toBe(true);
  });

  it('prefixes term links with the base path, and they resolve to written pages', () => {
    const $ = page(root, 'ko/posts/launch/index.html');
    const hrefs = $('.taxonomy a').map((_, a) => $(a).attr('href')!).get();
    expect(hrefs).toContain('/sub/ko/tags/%EC%9D%B8%EA%B3%B5%EC%A7%80%EB%8A%A5/');
    for (const href of hrefs) expect(fs.existsSync(target(root, href, '/sub/')), href).toBe(true);
    const overview = page(root, 'ko/tags/index.html');
    for (const a of overview('.term-list a').toArray()) {
      expect(fs.existsSync(target(root, overview(a).attr('href')!, '/sub/'))).toBe(true);
    }
    expect(brokenLinks(path.join(root, '_site'), '/sub/')).toEqual([]);
  });
});

describe('a big tag', () => {
  const files: Record<string, string> = { 'omnipress.yml': 'pageSize: 5\n' };
  for (let day = 1; day <= 12; day++) {
    const dd = String(day).padStart(2, '0');
    files[`posts/ko/2024-05-${dd}-post-${dd}.md`] = postFile({ title: `글 ${dd}`, tags: '[인공지능]' });
  }
  const root = siteFromFiles(files);
  beforeAll(async () => {
    await buildSite(root);
  });

  it('is paginated like a language index, newest first across pages', () => {
    const first = page(root, 'ko/tags/인공지능/index.html');
    const second = page(root, 'ko/tags/인공지능/page/2/index.html');
    const third = page(root, 'ko/tags/인공지능/page/3/index.html');
    expect(listed(first)).toEqual(['글 12', '글 11', '글 10', '글 09', '글 08']);
    expect(listed(second)).toEqual(['글 07', '글 06', '글 05', '글 04', '글 03']);
    expect(listed(third)).toEqual(['글 02', '글 01']);
    expect(fs.existsSync(path.join(root, '_site/ko/tags/인공지능/page/4/index.html'))).toBe(false);
    expect(first('.pagination a[rel="next"]').attr('href')).toBe('/ko/tags/%EC%9D%B8%EA%B3%B5%EC%A7%80%EB%8A%A5/page/2/');
    expect(second('.pagination a[rel="prev"]').attr('href')).toBe('/ko/tags/%EC%9D%B8%EA%B3%B5%EC%A7%80%EB%8A%A5/');
    expect(third('.term-count').text()).toBe('글 12개');
    expect(page(root, 'ko/tags/index.html')('.term-list li').text()).toBe('인공지능 글 12개');
  });
});

describe('taxonomy pages and posts', () => {
  it('report a post whose permalink takes a tag page’s place', async () => {
    const root = siteFromFiles({
      'posts/ko/2024-05-01-a.md': postFile({ title: '가', tags: '[인공지능]' }),
      'posts/ko/2024-05-02-b.md': postFile({ title: '나', permalink: '/ko/tags/인공지능/' }),
    });
    const report = await buildSite(root);
    expect(report.ok).toBe(false);
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe(path.join(root, 'posts/ko/2024-05-02-b.md'));
    expect(errors[0]!.message).toContain('ko/tags/인공지능/index.html');
  });

  it('do not let a post use the taxonomy layouts', async () => {
    const root = siteFromFiles({ 'posts/en/2024-05-01-a.md': postFile({ title: 'A', layout: 'terms' }) });
    const report = await buildSite(root);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d) => d.message).join('\n')).toMatch(/unknown layout "terms"/);
  });
});
