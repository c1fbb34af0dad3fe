// A folder of nothing but Markdown posts builds into a complete site with the built-in theme.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { internalLinks, page } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { buildSite, siteFromFiles, siteFromFixture } from '../helpers/site.js';


describe('a posts-only folder', () => {
  const root = siteFromFiles({
    'posts/ko/2024-05-14-hello.md': postFile({ title: '안녕 GPT-4o', translationKey: 'hello' }, '## 모델 기능\n\n본문입니다.'),
    'posts/zh/2024-05-14-hello.md': postFile({ title: '你好 GPT-4o', translationKey: 'hello' }, '正文。'),
    'posts/en/2024-05-14-hello.md': postFile({ title: 'Hello GPT-4o', translationKey: 'hello' }, 'Body.'),
    'posts/en/2024-05-10-older.md': postFile({ title: 'Older news' }),
  });
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root);
  });

  it('builds without errors', () => {
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('writes post pages, language indexes, the root and a 404 page at the fixed URLs', () => {
    for (const rel of [
      'ko/posts/hello/index.html',
      'zh/posts/hello/index.html',
      'en/posts/hello/index.html',
      'en/posts/older/index.html',
      'ko/index.html',
      'zh/index.html',
      'en/index.html',
      'index.html',
      '404.html',
      'assets/style.css',
    ]) {
      expect(fs.existsSync(path.join(root, '_site', rel)), rel).toBe(true);
    }
  });

  it('gives every page the BCP 47 tag of its language', () => {
    expect(page(root, 'ko/posts/hello/index.html')('html').attr('lang')).toBe('ko');
    expect(page(root, 'zh/posts/hello/index.html')('html').attr('lang')).toBe('zh-Hans');
    expect(page(root, 'en/index.html')('html').attr('lang')).toBe('en');
    expect(page(root, 'index.html')('html').attr('lang')).toBeTruthy();
  });

  it('renders the post title once, as the page heading, and the body', () => {
    const $ = page(root, 'ko/posts/hello/index.html');
    expect($('h1').text()).toContain('안녕 GPT-4o');
    expect($('h1')).toHaveLength(1);
    expect($('h2#모델-기능').text()).toContain('모델 기능');
    expect($('title').text()).toContain('안녕 GPT-4o');
  });

  it('links each translation to the others with hreflang', () => {
    const $ = page(root, 'ko/posts/hello/index.html');
    const zh = $('a[hreflang="zh-Hans"]').map((_, a) => $(a).attr('href')).get();
    const en = $('a[hreflang="en"]').map((_, a) => $(a).attr('href')).get();
    expect(zh).toContain('/zh/posts/hello/');
    expect(en).toContain('/en/posts/hello/');
  });

  it('lists posts on the language index newest first and on the root page', () => {
    const $ = page(root, 'en/index.html');
    const hrefs = $('main a').map((_, a) => $(a).attr('href')).get();
    const hello = hrefs.indexOf('/en/posts/hello/');
    const older = hrefs.indexOf('/en/posts/older/');
    expect(hello).toBeGreaterThanOrEqual(0);
    expect(older).toBeGreaterThan(hello);
    const home = page(root, 'index.html');
    const homeLinks = home('a').map((_, a) => home(a).attr('href')).get();
    for (const href of ['/ko/', '/zh/', '/en/', '/ko/posts/hello/', '/zh/posts/hello/', '/en/posts/hello/']) {
      expect(homeLinks).toContain(href);
    }
  });

  it('shows dates in each language, in the site time zone', () => {
    expect(page(root, 'ko/posts/hello/index.html')('time').first().text()).toContain('2024년 5월 14일');
    expect(page(root, 'zh/posts/hello/index.html')('time').first().text()).toContain('2024年5月14日');
    expect(page(root, 'en/posts/hello/index.html')('time').first().text()).toContain('May 14, 2024');
    expect(page(root, 'en/posts/hello/index.html')('time').first().attr('datetime')).toMatch(/^2024-05-14T00:00:00\+09:00$/);
  });

  it('marks in the switcher of a post the languages it is not translated into, in their own language', () => {
    const $ = page(root, 'en/posts/older/index.html');
    const links = $('.lang-switch a');
    const untranslated = links.filter('.untranslated');
    expect(untranslated.map((_, a) => $(a).attr('lang')).get()).toEqual(['ko', 'zh-Hans']);
    expect(untranslated.eq(0).attr('href')).toBe('/ko/');
    expect(untranslated.eq(0).attr('title')).toBe('번역 없음: 한국어 첫 페이지로 갑니다');
    expect(untranslated.eq(1).find('.visually-hidden').text()).toBe(' (无译文：前往中文首页)');
    expect(untranslated.eq(0).attr('rel')).toBeUndefined();
    // A translated post marks none; its translations are alternates.
    const translated = page(root, 'en/posts/hello/index.html')('.lang-switch a');
    expect(translated.filter('.untranslated')).toHaveLength(0);
    expect(translated.filter('[rel="alternate"]').map((_, a) => $(a).attr('href')).get()).toEqual(['/ko/posts/hello/', '/zh/posts/hello/']);
  });

  it('has a 404 page that speaks every language, the default first, with each language\'s home and search', () => {
    const $ = page(root, '404.html');
    const sections = $('.not-found-lang');
    expect(sections.map((_, el) => $(el).attr('lang')).get()).toEqual(['ko', 'zh-Hans', 'en']);
    expect($('h1').text()).toBe('페이지를 찾을 수 없습니다');
    expect(sections.eq(1).find('h2').text()).toBe('找不到该页面');
    expect(sections.eq(2).find('h2').text()).toBe('Page not found');
    for (const [i, code] of ['ko', 'zh', 'en'].entries()) {
      const hrefs = sections.eq(i).find('a').map((_, a) => $(a).attr('href')).get();
      expect(hrefs).toEqual([`/${code}/`, `/${code}/search/`]);
    }
    expect(sections.eq(2).find('a').last().text()).toBe('Search');
  });

  it('has no broken internal links', () => {
    for (const rel of ['index.html', 'ko/index.html', 'en/posts/hello/index.html', '404.html']) {
      for (const href of internalLinks(page(root, rel))) {
        const target = path.join(root, '_site', decodeURIComponent(href.split('#')[0]!));
        const file = href.endsWith('/') ? path.join(target, 'index.html') : target;
        expect(fs.existsSync(file), `${rel} → ${href}`).toBe(true);
      }
    }
  });
});

describe('pagination', () => {
  const files: Record<string, string> = {};
  for (let day = 1; day <= 23; day++) {
    files[`posts/en/2024-03-${String(day).padStart(2, '0')}-story-${day}.md`] = postFile({ title: `Story ${day}` });
  }
  const root = siteFromFiles(files);
  beforeAll(() => buildSite(root));

  it('numbers the pages: the first, the last and two around the current one, marked', () => {
    const numbers = (rel: string) => {
      const $ = page(root, rel);
      return $('.pagination .pages li').map((_, li) => ($(li).is('.gap') ? '…' : $(li).find('a[aria-current="page"]').length ? `[${$(li).text()}]` : $(li).text())).get().join(' ');
    };
    expect(numbers('en/index.html')).toBe('[1] 2 3');
    expect(numbers('en/page/2/index.html')).toBe('1 [2] 3');
    const $ = page(root, 'en/page/3/index.html');
    expect($('.pagination .pages a').map((_, a) => $(a).attr('href')).get()).toEqual(['/en/', '/en/page/2/', '/en/page/3/']);
    expect($('.pagination a[aria-current="page"]').attr('aria-label')).toBe('Page 3 of 3');
  });

  it('splits a language index into pages of 10, newest first', () => {
    const first = page(root, 'en/index.html');
    expect(first('main a[href^="/en/posts/"]').first().attr('href')).toBe('/en/posts/story-23/');
    const third = page(root, 'en/page/3/index.html');
    const third$ = third('main a[href^="/en/posts/"]').map((_, a) => third(a).attr('href')).get();
    expect(new Set(third$)).toEqual(new Set(['/en/posts/story-3/', '/en/posts/story-2/', '/en/posts/story-1/']));
    expect(fs.existsSync(path.join(root, '_site/en/page/4/index.html'))).toBe(false);
  });

  it('links pages to each other', () => {
    const second = page(root, 'en/page/2/index.html');
    const hrefs = second('a').map((_, a) => second(a).attr('href')).get();
    expect(hrefs).toContain('/en/');
    expect(hrefs).toContain('/en/page/3/');
  });

  it('takes the page size from the config', async () => {
    const sized = siteFromFiles({ ...files, 'omnipress.yml': 'pageSize: 5\n' });
    await buildSite(sized);
    expect(fs.existsSync(path.join(sized, '_site/en/page/5/index.html'))).toBe(true);
    expect(fs.existsSync(path.join(sized, '_site/en/page/6/index.html'))).toBe(false);
  });
});

describe('a site under a sub-path', () => {
  const root = siteFromFixture('jekyll-chirpy');
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root, { baseUrl: 'https://example.github.io/omnipress/' });
  });

  it('prefixes every internal link and asset with the base path', () => {
    expect(report.ok).toBe(true);
    const pages = ['index.html', 'ko/index.html', 'ko/posts/gpt-4o-first-look/index.html', '404.html'];
    for (const rel of pages) {
      const links = internalLinks(page(root, rel));
      expect(links.length, rel).toBeGreaterThan(0);
      for (const href of links) expect(href, `${rel}: ${href}`).toMatch(/^\/omnipress\//);
    }
  });

  it('writes absolute canonical URLs', () => {
    const $ = page(root, 'ko/posts/gpt-4o-first-look/index.html');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://example.github.io/omnipress/ko/posts/gpt-4o-first-look/');
  });
});

describe('links written in posts under a sub-path', () => {
  it('carry the base path, in Markdown and in raw HTML, so they still resolve', async () => {
    const root = siteFromFiles({
      'public/img/logo.png': 'png',
      'posts/en/2024-05-14-a.md': '# A\n\nSee [B](/en/posts/b/) and ![logo](/img/logo.png).\n\n<a href="/en/posts/b/">raw</a> <img src="/img/logo.png" alt="raw">\n',
      'posts/en/2024-05-15-b.md': '# B\n\nAlready prefixed: [A](/sub/en/posts/a/). External: [x](https://example.com/en/).\n',
    });
    expect((await buildSite(root, { baseUrl: 'https://example.org/sub/' })).ok).toBe(true);
    const a = page(root, 'en/posts/a/index.html');
    expect(a('main a:contains("B")').attr('href')).toBe('/sub/en/posts/b/');
    expect(a('main img[alt="logo"]').attr('src')).toBe('/sub/img/logo.png');
    expect(a('main a:contains("raw")').attr('href')).toBe('/sub/en/posts/b/');
    expect(a('main img[alt="raw"]').attr('src')).toBe('/sub/img/logo.png');
    const b = page(root, 'en/posts/b/index.html');
    expect(b('main a:contains("A")').attr('href')).toBe('/sub/en/posts/a/');
    expect(b('main a:contains("x")').attr('href')).toBe('https://example.com/en/');
    for (const rel of ['en/posts/a/index.html', 'en/posts/b/index.html']) {
      for (const href of internalLinks(page(root, rel))) {
        const local = decodeURIComponent(href.split('#')[0]!).replace(/^\/sub\//, '/');
        const file = local.endsWith('/') ? path.join(root, '_site', local, 'index.html') : path.join(root, '_site', local);
        expect(fs.existsSync(file), `${rel} → ${href}`).toBe(true);
      }
    }
  });
});

describe('a configured language without posts yet', () => {
  it('is left out of the root page and the language switcher; its own index says so in its language', async () => {
    const root = siteFromFiles({
      'posts/ko/2024-05-14-a.md': postFile({ title: '하나' }, '본문.'),
      'posts/en/2024-05-14-a.md': postFile({ title: 'One' }, 'Body.'),
    });
    expect((await buildSite(root)).ok).toBe(true);
    const home = page(root, 'index.html');
    expect(home('section.lang-section').map((_, el) => home(el).attr('lang')).get()).toEqual(['ko', 'en']);
    const post = page(root, 'ko/posts/a/index.html');
    expect(post('.lang-switch a').map((_, a) => post(a).attr('hreflang')).get()).toEqual(['ko', 'en']);
    const zh = page(root, 'zh/index.html');
    expect(zh('html').attr('lang')).toBe('zh-Hans');
    expect(zh('.empty').text()).toBe('暂无文章。');
    // On its own pages it is still the current language of the switcher.
    expect(zh('.lang-switch a[aria-current]').attr('hreflang')).toBe('zh-Hans');
  });
});
