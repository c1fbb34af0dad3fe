import { describe, expect, it } from 'vitest';
import { ogLocale } from '../../../src/seo/head.js';
import { alternatesOf } from '../../../src/seo/alternates.js';
import { publicUrls } from '../../../src/urls/public-urls.js';
import type { Route } from '../../../src/types.js';
import { siteOf } from '../feeds/model.js';

const date = new Date('2024-05-14T00:00:00Z');
const routeOf = (routes: Route[], url: string) => routes.find((r) => r.sitePath === url)!;

describe('alternatesOf', () => {
  const site = siteOf([
    { id: 'zh/story.md', lang: 'zh', date, translationKey: 'story' },
    { id: 'en/story.md', lang: 'en', date, translationKey: 'story' },
    { id: 'ko/alone.md', lang: 'ko', date },
  ]);

  it('lists every version of a story in language order, x-default the first when the default language has none', () => {
    const expected = [
      { hreflang: 'zh-Hans', sitePath: '/zh/posts/story/' },
      { hreflang: 'en', sitePath: '/en/posts/story/' },
      { hreflang: 'x-default', sitePath: '/zh/posts/story/' },
    ];
    expect(alternatesOf(site, routeOf(site.routes, '/en/posts/story/'))).toEqual(expected);
    expect(alternatesOf(site, routeOf(site.routes, '/zh/posts/story/'))).toEqual(expected);
  });

  it('gives a post without translations, and the 404 page, none', () => {
    expect(alternatesOf(site, routeOf(site.routes, '/ko/posts/alone/'))).toEqual([]);
    expect(alternatesOf(site, routeOf(site.routes, '/404.html'))).toEqual([]);
  });

  it('links language indexes and the root, x-default the root', () => {
    const expected = [
      { hreflang: 'ko', sitePath: '/ko/' },
      { hreflang: 'zh-Hans', sitePath: '/zh/' },
      { hreflang: 'en', sitePath: '/en/' },
      { hreflang: 'x-default', sitePath: '/' },
    ];
    expect(alternatesOf(site, routeOf(site.routes, '/ko/'))).toEqual(expected);
    expect(alternatesOf(site, routeOf(site.routes, '/'))).toEqual(expected);
  });
});

describe('ogLocale', () => {
  it.each([
    ['ko', 'ko_KR'],
    ['zh-Hans', 'zh_CN'],
    ['zh-Hant', 'zh_TW'],
    ['en', 'en_US'],
    ['en-GB', 'en_GB'],
    ['ja', 'ja_JP'],
    ['pt-BR', 'pt_BR'],
  ])('%s → %s', (tag, locale) => {
    expect(ogLocale(tag)).toBe(locale);
  });
});

describe('publicUrls', () => {
  it('makes site paths absolute under a base URL, percent-encoded', () => {
    const urls = publicUrls({ baseUrl: 'https://example.org/sub/', basePath: '/sub/' });
    expect(urls.full('/ko/posts/글/')).toBe('https://example.org/sub/ko/posts/%EA%B8%80/');
    expect(urls.resolve('/img/a.png', '/ko/')).toBe('https://example.org/sub/img/a.png');
    expect(urls.resolve('/sub/img/a.png', '/ko/')).toBe('https://example.org/sub/img/a.png');
    expect(urls.resolve('https://cdn.example.com/a.png', '/ko/')).toBe('https://cdn.example.com/a.png');
  });

  it('falls back to hrefs under the base path without a base URL', () => {
    const urls = publicUrls({ baseUrl: '', basePath: '/sub/' });
    expect(urls.absolute).toBe(false);
    expect(urls.full('/ko/')).toBe('/sub/ko/');
    expect(urls.resolve('a.png', '/ko/posts/x/')).toBe('/sub/ko/posts/x/a.png');
  });
});
