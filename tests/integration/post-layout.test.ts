// Where a post's parts go, as a reader meets them: the header with a search icon and a language
// menu that open without JavaScript, the title and meta, a table of contents only for posts with
// at least three headings (and its script only there), the body, then categories and tags.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Page, page } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { buildSite, siteFromFiles } from '../helpers/site.js';

const LONG = `취재 노트의 첫 문단입니다.

## 발표 내용

발표에서 나온 이야기.

## 가격

요금은 그대로입니다.

### 무료 사용자

무료로도 쓸 수 있습니다.
`;

const SHORT = `짧은 소식입니다.

## 한 가지

그리고 하나 더.

## 두 가지

끝.
`;

describe('the layout of a post', () => {
  let root: string;
  let long: Page;
  let short: Page;

  beforeAll(async () => {
    root = siteFromFiles({
      'posts/ko/2024-05-14-long.md': postFile({ title: '긴 글', date: '2024-05-14', tags: '[인공지능, 음성]', categories: '[뉴스]' }, LONG),
      'posts/ko/2024-05-15-short.md': postFile({ title: '짧은 글', date: '2024-05-15', tags: '[인공지능]' }, SHORT),
      'posts/zh/2024-05-14-long.md': postFile({ title: '长文', date: '2024-05-14' }, '第一段。'),
    });
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    long = page(root, 'ko/posts/long/index.html');
    short = page(root, 'ko/posts/short/index.html');
  });

  it('puts categories and tags after the body, at the end of the article', () => {
    const parts = long('article.post > *').map((_, el) => long(el).attr('class')).get();
    expect(parts.indexOf('post-footer')).toBeGreaterThan(parts.indexOf('post-body'));
    expect(long('.post-header .taxonomy')).toHaveLength(0);
    expect(long('.post-footer .tag a').map((_, a) => long(a).text()).get()).toEqual(['#인공지능', '#음성']);
    expect(long('.post-footer .category a').text()).toBe('뉴스');
  });

  it('shows a table of contents from three headings on: folded for phones, a side column for wide screens', () => {
    const fold = long('details.toc-fold');
    expect(fold.attr('open')).toBeUndefined();
    expect(fold.find('summary').text()).toBe('목차');
    expect(fold.find('a').map((_, a) => long(a).attr('href')).get()).toEqual(['#발표-내용', '#가격', '#무료-사용자']);
    const side = long('nav.toc-side');
    expect(long(`#${side.attr('aria-labelledby')}`).text()).toBe('목차');
    expect(side.find('a')).toHaveLength(3);
    // Before the body in reading order.
    expect(long('main > *').first().is(side)).toBe(true);
    expect(short('.toc')).toHaveLength(0);
  });

  it('loads the table of contents script only on pages that show one', () => {
    const scripts = ($: Page) => $('script[src]').map((_, s) => $(s).attr('src')).get();
    expect(scripts(long)).toContain('/assets/omnipress/toc.js');
    expect(scripts(short)).toEqual([]);
    expect(scripts(page(root, 'ko/index.html'))).toEqual([]);
    expect(fs.existsSync(path.join(root, '_site/assets/omnipress/toc.js'))).toBe(true);
  });

  it('has a compact header: a search icon and a language menu, both named for screen readers', () => {
    const header = long('header.site-header');
    const search = header.find('details.site-search');
    expect(search.find('summary .visually-hidden').text()).toBe('검색');
    expect(search.find('summary svg').attr('aria-hidden')).toBe('true');
    expect(search.find('form').attr('action')).toBe('/ko/search/');
    expect(search.find('input[name="q"]').attr('id')).toBe(search.find('label').attr('for'));
    const menu = header.find('details.lang-menu');
    expect(menu.find('summary').text()).toBe('언어: 한국어');
    expect(menu.find('nav.lang-switch').attr('aria-label')).toBe('언어');
    expect(menu.find('.lang-switch a').map((_, a) => long(a).attr('hreflang')).get()).toEqual(['ko', 'zh-Hans']);
    expect(long('.site-nav a').map((_, a) => long(a).text()).get()).toEqual(['홈', '전체 글', '카테고리', '태그']);
  });
});
