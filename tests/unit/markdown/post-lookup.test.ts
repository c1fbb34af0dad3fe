import { describe, expect, test } from 'vitest';
import { buildPostLookup, referencesPosts, resolvePostRef } from '../../../src/markdown/post-lookup.js';
import { splitArgs } from '../../../src/markdown/tag-args.js';
import type { Post, Site } from '../../../src/types.js';

function siteOf(posts: Array<Pick<Post, 'id' | 'lang' | 'slug' | 'title'>>): Site {
  return {
    posts: posts as Post[],
    postUrls: new Map(posts.map((p) => [p.id, `/${p.lang}/posts/${p.slug}/`])),
  } as unknown as Site;
}

describe('the cross-post lookup', () => {
  const site = siteOf([
    { id: 'ko/2024-03-01-봄-소풍.md', lang: 'ko', slug: '봄-소풍', title: '봄 소풍' },
    { id: 'en/2024-03-01-spring.md', lang: 'en', slug: 'spring', title: 'Spring' },
    { id: 'posts/hike/index.md', lang: 'en', slug: 'hike', title: 'Hike' },
    { id: 'guides/setup.md', lang: 'zh', slug: '安装', title: '安装指南' },
  ]);
  const lookup = buildPostLookup(site);

  test('is plain data that survives structured cloning (worker threads)', () => {
    expect(structuredClone(lookup)).toEqual(lookup);
    expect(JSON.parse(JSON.stringify(lookup))).toEqual(lookup);
  });

  test('finds posts by file name with or without the date, slug, path and bundle folder', () => {
    const url = (ref: string, from = 'ko/2024-01-01-x.md', lang = 'ko') => resolvePostRef(lookup, ref, from, lang)?.url;
    expect(url('봄-소풍')).toBe('/ko/posts/봄-소풍/');
    expect(url('2024-03-01-봄-소풍')).toBe('/ko/posts/봄-소풍/');
    expect(url('2024-03-01-봄-소풍.md')).toBe('/ko/posts/봄-소풍/');
    expect(url('en/2024-03-01-spring.md')).toBe('/en/posts/spring/');
    expect(url('/posts/hike')).toBe('/en/posts/hike/');
    expect(url('hike/index.md', 'posts/other.md')).toBe('/en/posts/hike/');
    expect(url('hike')).toBe('/en/posts/hike/');
    expect(url('安装')).toBe('/zh/posts/安装/');
    expect(url('setup.md#step-2')).toBe('/zh/posts/安装/');
    expect(url('missing')).toBeUndefined();
    expect(url('')).toBeUndefined();
  });

  test('prefers the referring post language when translations share a name', () => {
    const shared = buildPostLookup(
      siteOf([
        { id: 'en/news.md', lang: 'en', slug: 'news', title: 'News' },
        { id: 'ko/news.md', lang: 'ko', slug: 'news', title: '소식' },
      ]),
    );
    expect(resolvePostRef(shared, 'news', 'ko/x.md', 'ko')?.title).toBe('소식');
    expect(resolvePostRef(shared, 'news', 'en/x.md', 'en')?.title).toBe('News');
    expect(resolvePostRef(shared, 'news', 'zh/x.md', 'zh')?.title).toBe('News');
  });

  test('knows which bodies depend on it', () => {
    expect(referencesPosts('{% post_link a %}')).toBe(true);
    expect(referencesPosts('[a]({{< relref "a" >}})')).toBe(true);
    expect(referencesPosts('{{< figure src="a.png" >}} {% note %}')).toBe(false);
  });
});

describe('tag arguments', () => {
  test('quoted values keep their spaces; named values are split off', () => {
    expect(splitArgs('left "a b" \'c d\' `e f` x"y z"')).toEqual([
      { value: 'left', quoted: false },
      { value: 'a b', quoted: true },
      { value: 'c d', quoted: true },
      { value: 'e f', quoted: true },
      { value: 'xy z', quoted: false },
    ]);
    expect(splitArgs('src="x y.png" caption="say \\"hi\\"" 300', { named: true })).toEqual([
      { key: 'src', value: 'x y.png', quoted: true },
      { key: 'caption', value: 'say "hi"', quoted: true },
      { value: '300', quoted: false },
    ]);
  });
});
