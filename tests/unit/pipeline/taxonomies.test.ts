import { describe, expect, it } from 'vitest';
import { groupTaxonomies, termKey } from '../../../src/pipeline/taxonomies.js';
import type { Post } from '../../../src/types.js';

/** A post with just what grouping reads; `day` orders them (higher = newer). */
function post(id: string, day: number, terms: { tags?: string[]; categories?: string[] }): Post {
  return {
    id,
    sourcePath: `/site/posts/${id}`,
    hash: id,
    lang: 'ko',
    slug: id,
    translationKey: id,
    title: id,
    date: new Date(Date.UTC(2024, 4, day)),
    dateSource: 'front-matter',
    tags: terms.tags ?? [],
    categories: terms.categories ?? [],
    layout: 'post',
    draft: false,
    mermaid: false,
    pinned: 0,
    excerpt: '',
    readingMinutes: 1,
    body: '',
    bodyLine: 1,
    keyLines: {},
    data: {},
    authors: [],
  };
}

/** Newest first, as the model hands them over. */
function newestFirst(...posts: Post[]): Post[] {
  return posts.sort((a, b) => b.date.getTime() - a.date.getTime());
}

describe('termKey', () => {
  it('folds case, full-width letters and runs of spaces, and leaves Hangul and Han alone', () => {
    expect(termKey('AI')).toBe('ai');
    expect(termKey('ＡＩ')).toBe('ai');
    expect(termKey('Machine   Learning')).toBe('machine learning');
    expect(termKey('인공지능')).toBe('인공지능');
    expect(termKey('人工智能')).toBe('人工智能');
  });
});

describe('groupTaxonomies', () => {
  it('keeps Hangul and Han in URL segments, per language and taxonomy', () => {
    const { terms } = groupTaxonomies('ko', [post('a', 1, { tags: ['인공지능'], categories: ['人工智能'] })], 'ko');
    expect(terms.tags.map((t) => t.url)).toEqual(['/ko/tags/인공지능/']);
    expect(terms.categories.map((t) => t.url)).toEqual(['/ko/categories/人工智能/']);
  });

  it('lists each term’s posts newest first', () => {
    const posts = newestFirst(post('old', 1, { tags: ['뉴스'] }), post('new', 9, { tags: ['뉴스'] }), post('mid', 5, { tags: ['뉴스'] }));
    expect(groupTaxonomies('ko', posts, 'ko').terms.tags[0]!.postIds).toEqual(['new', 'mid', 'old']);
  });

  it('merges case and width variants into one term named as the oldest post spells it', () => {
    const posts = newestFirst(post('b', 2, { tags: ['AI'] }), post('a', 1, { tags: ['Ai'] }), post('c', 3, { tags: ['ＡＩ', 'ai'] }));
    const { terms, postTerms } = groupTaxonomies('en', posts, 'en');
    expect(terms.tags).toHaveLength(1);
    expect(terms.tags[0]).toMatchObject({ name: 'Ai', segment: 'ai', url: '/en/tags/ai/', postIds: ['c', 'b', 'a'] });
    // A post naming two spellings of one term links it once.
    expect(postTerms.get('c')!.tags).toEqual([{ name: 'Ai', url: '/en/tags/ai/' }]);
  });

  it('keeps names that only slugify alike apart, the older one keeping the plain segment', () => {
    const posts = newestFirst(post('cpp', 1, { tags: ['C++'] }), post('cs', 2, { tags: ['C#'] }));
    const { terms } = groupTaxonomies('en', posts, 'en');
    const byName = new Map(terms.tags.map((t) => [t.name, t]));
    expect(byName.get('C++')!.segment).toBe('c');
    expect(byName.get('C#')!.segment).toMatch(/^c-[0-9a-f]{6}$/);
    expect(byName.get('C#')!.postIds).toEqual(['cs']);
    // Same input, same segments.
    expect(groupTaxonomies('en', posts, 'en').terms.tags.map((t) => t.segment)).toEqual(terms.tags.map((t) => t.segment));
  });

  it('falls back to a short hash when nothing of the name is left for a URL', () => {
    const { terms } = groupTaxonomies('en', [post('a', 1, { tags: ['🔥', '#'] })], 'en');
    const segments = terms.tags.map((t) => t.segment);
    for (const segment of segments) expect(segment).toMatch(/^[0-9a-f]{8}$/);
    expect(new Set(segments).size).toBe(2);
  });

  it('sorts terms by post count, then by name in the language’s own order', () => {
    const posts = newestFirst(
      post('a', 1, { tags: ['中国', '上海', '北京', '热门'] }),
      post('b', 2, { tags: ['热门'] }),
    );
    // Pinyin: bei < shang < zhong (code points would give 上 < 中 < 北).
    expect(groupTaxonomies('zh', posts, 'zh-Hans').terms.tags.map((t) => [t.name, t.postIds.length])).toEqual([
      ['热门', 2],
      ['北京', 1],
      ['上海', 1],
      ['中国', 1],
    ]);
    const ko = newestFirst(post('a', 1, { tags: ['하나', '가나', '나비'] }));
    expect(groupTaxonomies('ko', ko, 'ko').terms.tags.map((t) => t.name)).toEqual(['가나', '나비', '하나']);
  });

  it('gives every post its term links in front-matter order, and an empty list when it has none', () => {
    const posts = newestFirst(post('a', 1, { tags: ['z', 'a'], categories: ['뉴스'] }), post('b', 2, {}));
    const { postTerms } = groupTaxonomies('ko', posts, 'ko');
    expect(postTerms.get('a')).toEqual({
      categories: [{ name: '뉴스', url: '/ko/categories/뉴스/' }],
      tags: [
        { name: 'z', url: '/ko/tags/z/' },
        { name: 'a', url: '/ko/tags/a/' },
      ],
    });
    expect(postTerms.get('b')).toEqual({ categories: [], tags: [] });
  });
});
