// The dev server's model shortcut (serve/incremental/patch-site.ts): after an edit that leaves
// every post's place in the site as it was, the previous site with the edited posts swapped in
// must be the very site buildSite would build; after any other edit, there must be no shortcut.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../../src/config.js';
import { buildSite } from '../../../../src/pipeline/model.js';
import { patchSite, type ModelMemo } from '../../../../src/serve/incremental/patch-site.js';
import type { Post, ResolvedConfig, Site } from '../../../../src/types.js';
import { makePost, type PostFields } from '../../feeds/model.js';
import { tempDir } from '../../../helpers/temp.js';

const POSTS: PostFields[] = [
  { id: 'ko/2024-05-01-a.md', lang: 'ko', date: new Date('2024-05-01T00:00:00Z'), title: '가', tags: ['인공지능'], translationKey: 'a' },
  { id: 'ko/2024-05-02-b.md', lang: 'ko', date: new Date('2024-05-02T00:00:00Z'), title: '나', tags: ['인공지능', '모델'] },
  { id: 'ko/2024-05-03-c.md', lang: 'ko', date: new Date('2024-05-03T00:00:00Z'), title: '다', categories: ['소식'] },
  { id: 'zh/2024-05-01-a.md', lang: 'zh', date: new Date('2024-05-01T00:00:00Z'), title: '甲', translationKey: 'a' },
  { id: 'en/2024-05-04-d.md', lang: 'en', date: new Date('2024-05-04T00:00:00Z'), title: 'D', draft: true },
  { id: 'en/2026-06-01-e.md', lang: 'en', date: new Date('2026-06-01T00:00:00Z'), title: 'Scheduled' },
];

function configAt(now: string): ResolvedConfig {
  const root = tempDir('omnipress-patch-');
  return resolveConfig({ root, now: new Date(now) }).config;
}

/** Everything of a site but the config, as plain data (Maps as entry lists). */
function shape(site: Site): unknown {
  const { config: _config, ...rest } = site;
  return JSON.parse(JSON.stringify(rest, (_key, value: unknown) => (value instanceof Map ? [...value] : value)));
}

function memoOf(posts: Post[], config: ResolvedConfig): ModelMemo {
  const built = buildSite(posts, config);
  return { allPosts: posts, site: built.site, diagnostics: built.diagnostics };
}

const config = configAt('2026-01-01T00:00:00Z');
const before = POSTS.map(makePost);
const edit = (index: number, fields: Partial<Post>) => before.map((post, i) => (i === index ? { ...post, ...fields } : post));

describe('patchSite', () => {
  it('after edits to text, title, excerpt and front matter only pages show: the same site buildSite builds', () => {
    const edits: Partial<Post>[] = [
      { body: '본문을 고쳤습니다.', hash: 'new-hash' },
      { title: '새 제목', hash: 'new-hash' },
      { excerpt: '새 요약', description: '설명', readingMinutes: 7, image: '/img/a.png', imageAlt: '그림', author: '기자', mermaid: true, bodyLine: 9 },
      { data: { title: '새 제목', extra: { nested: true } } },
    ];
    for (const fields of edits) {
      const after = edit(1, fields);
      const patched = patchSite(memoOf(before, config), after, config);
      expect(patched, JSON.stringify(fields)).toBeDefined();
      expect(shape(patched!.site)).toEqual(shape(buildSite(after, config).site));
      expect(patched!.site.postsById.get('ko/2024-05-02-b.md')).toBe(after[1]);
      expect(patched!.site.byLang.get('ko')).toContain(after[1]);
      expect([...patched!.changed]).toEqual(['ko/2024-05-02-b.md']);
    }
  });

  it('keeps the site as it was when nothing changed, and leaves out edits to posts that are not published', () => {
    const memo = memoOf(before, config);
    expect([...patchSite(memo, before, config)!.changed]).toEqual([]);
    // The draft (not published without --drafts) is edited: no published post differs.
    const patched = patchSite(memo, edit(4, { title: 'Still a draft', hash: 'x' }), config);
    expect([...patched!.changed]).toEqual([]);
    expect(shape(patched!.site)).toEqual(shape(memo.site));
  });

  it('gives no shortcut when an edit can move a post in the site', () => {
    const structural: Partial<Post>[] = [
      { date: new Date('2024-05-10T00:00:00Z') },
      { updated: new Date('2024-06-01T00:00:00Z') },
      { tags: ['인공지능'] },
      { categories: ['소식'] },
      { slug: 'renamed' },
      { permalink: '/news/b/' },
      { translationKey: 'a' },
      { layout: 'wide' },
      { draft: true },
      { redirectFrom: ['/old/b/'] },
      { keyLines: { title: 2 } },
      { data: { translationKey: 'a' } },
      { data: { sitemap: false } },
      { data: { aliases: [] } },
    ];
    for (const fields of structural) expect(patchSite(memoOf(before, config), edit(1, fields), config), JSON.stringify(fields)).toBeUndefined();
  });

  it('gives no shortcut when a post comes or goes, or when time publishes a scheduled post', () => {
    const memo = memoOf(before, config);
    expect(patchSite(memo, before.slice(1), config)).toBeUndefined();
    expect(patchSite(memo, [...before, makePost({ id: 'en/2024-05-05-f.md', lang: 'en', date: new Date('2024-05-05T00:00:00Z') })], config)).toBeUndefined();
    // The same posts a day after the scheduled one's date: it is published now.
    expect(patchSite(memo, before, configAt('2026-06-02T00:00:00Z'))).toBeUndefined();
    expect(patchSite(memo, before, configAt('2026-05-31T00:00:00Z'))).toBeDefined();
  });
});
