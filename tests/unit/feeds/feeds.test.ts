import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { buildLanguageFeeds, EMPTY_FEED_DATE, type FeedOptionsIn } from '../../../src/feeds/feeds.js';
import { feedPath } from '../../../src/urls/feed-paths.js';
import type { OutputFile, Site } from '../../../src/types.js';
import { siteOf } from './model.js';

const BASE = 'https://example.org/';
/** Every language's feeds, in the order the render stage asks for them. */
const buildFeeds = (site: Site, bodies: ReadonlyMap<string, { html: string }>, options?: FeedOptionsIn) =>
  site.config.languages.flatMap((language) => buildLanguageFeeds(site, language, bodies, options));
const text = (files: OutputFile[], path: string) => String(files.find((f) => f.path === path)?.content);

describe('feeds', () => {
  it('writes three feeds for every configured language, posts or not', () => {
    const site = siteOf([{ id: 'ko/a.md', lang: 'ko', date: new Date('2024-05-14T00:00:00Z') }], { baseUrl: BASE });
    expect(buildFeeds(site, new Map()).map((f) => f.path)).toEqual([
      'ko/feed.xml', 'ko/rss.xml', 'ko/feed.json',
      'zh/feed.xml', 'zh/rss.xml', 'zh/feed.json',
      'en/feed.xml', 'en/rss.xml', 'en/feed.json',
    ]);
    expect(feedPath('zh', 'json')).toBe('/zh/feed.json');
  });

  it('dates an empty feed at a fixed instant, never the build time', () => {
    const files = buildFeeds(siteOf([], { baseUrl: BASE }), new Map());
    const atom = parseFeed(text(files, 'en/feed.xml'));
    expect(atom.items).toEqual([]);
    expect(atom.updated?.getTime()).toBe(EMPTY_FEED_DATE.getTime());
    expect(parseFeed(text(files, 'en/rss.xml')).updated?.getTime()).toBe(EMPTY_FEED_DATE.getTime());
  });

  it('dates a feed at its newest change, which may be an older post updated later', () => {
    const site = siteOf(
      [
        { id: 'en/new.md', lang: 'en', date: new Date('2024-05-14T00:00:00Z') },
        { id: 'en/old.md', lang: 'en', date: new Date('2024-01-01T00:00:00Z'), updated: new Date('2024-06-01T00:00:00Z') },
      ],
      { baseUrl: BASE },
    );
    expect(parseFeed(text(buildFeeds(site, new Map()), 'en/feed.xml')).updated?.toISOString()).toBe('2024-06-01T00:00:00.000Z');
  });

  it('takes the feed size as an option', () => {
    const posts = [1, 2, 3].map((n) => ({ id: `en/p${n}.md`, lang: 'en', date: new Date(`2024-05-0${n}T00:00:00Z`) }));
    const files = buildFeeds(siteOf(posts, { baseUrl: BASE }), new Map(), { size: 2 });
    expect(parseFeed(text(files, 'en/feed.xml')).items.map((i) => i.title)).toEqual(['p3', 'p2']);
  });

  it('stays well-formed XML whatever the post holds: ]]>, <, & and control characters', () => {
    const site = siteOf(
      [{ id: 'en/x.md', lang: 'en', date: new Date('2024-05-14T00:00:00Z'), title: 'A <b> & ]]> x ]]> y\u0007', tags: ['a<b', 'R&D'] }],
      { baseUrl: BASE },
    );
    const html = '<p>one ]]> two ]]> three</p><pre><code>\u0001</code></pre>';
    const files = buildFeeds(site, new Map([['en/x.md', { html }]]));
    for (const path of ['en/feed.xml', 'en/rss.xml']) {
      expectWellFormedHazards(text(files, path));
      const feed = parseFeed(text(files, path));
      expect(feed.items).toHaveLength(1);
      expect(feed.items[0]!.content).toContain('three');
    }
    const atom = parseFeed(text(files, 'en/feed.xml'));
    expect(atom.items[0]!.title).toContain('A <b> & ]]');
    expect(atom.items[0]!.categories.map((c) => c.term)).toEqual(['ab', 'R&D']);
    const json = JSON.parse(text(files, 'en/feed.json')) as { items: Array<{ title: string; tags: string[] }> };
    expect(json.items[0]!.tags).toEqual(['a<b', 'R&D']);
  });
});

/**
 * The well-formedness rules a feed's content can break (feed parsers, and the XML parsers in
 * node_modules, are all lenient, so check them directly): no control characters, no `<` in an
 * attribute value, and no `]]>` outside the CDATA section it closes.
 */
function expectWellFormedHazards(xml: string): void {
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  expect(outsideCdata).not.toContain(']]>');
  for (const tag of outsideCdata.match(/<[^>]*>/g) ?? []) expect(tag.slice(1)).not.toContain('<');
}
