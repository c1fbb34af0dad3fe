// A Site built in memory from a few post fields, for the feed and SEO unit tests.
import path from 'node:path';
import { resolveConfig, type ConfigOverrides } from '../../../src/config.js';
import { buildSite } from '../../../src/pipeline/model.js';
import type { Post, Site } from '../../../src/types.js';
import { tempDir } from '../../helpers/temp.js';

export type PostFields = Partial<Post> & { id: string; lang: string; date: Date };

export function makePost(fields: PostFields): Post {
  const slug = fields.slug ?? path.basename(fields.id, '.md').replace(/^\d{4}-\d\d-\d\d-/, '');
  return {
    sourcePath: `/site/posts/${fields.id}`,
    hash: fields.id,
    slug,
    translationKey: slug,
    title: slug,
    dateSource: 'front-matter',
    tags: [],
    categories: [],
    layout: 'post',
    draft: false,
    mermaid: false,
    pinned: 0,
    excerpt: `Excerpt of ${slug}.`,
    readingMinutes: 1,
    body: '',
    bodyLine: 1,
    keyLines: {},
    data: {},
    authors: [],
    ...fields,
  };
}

export function siteOf(posts: PostFields[], overrides: ConfigOverrides = {}): Site {
  const root = tempDir('omnipress-unit-');
  const { config } = resolveConfig({ root, now: new Date('2026-01-01T00:00:00Z'), ...overrides });
  return buildSite(posts.map(makePost), config).site;
}
