// What feed readers and search engines get: Atom, RSS 2.0 and JSON Feed per language, the
// sitemap with hreflang alternates, robots.txt, and the SEO tags in every page's <head>.
import fs from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page, parseHtml, parseXml } from '../helpers/html.js';
import { htmlFiles } from '../helpers/site-check.js';
import { postFile } from '../helpers/post.js';
import { buildSite, readOutput, runCli, siteFromFiles } from '../helpers/site.js';

const BASE = 'https://example.org/sub/';


const BODY = [
  'First paragraph with [a link](/ko/posts/older/) and ![inline](/img/inline.png).',
  '',
  '![relative](pic.png) [footnote-like](#section)',
  '',
  '<img src="/img/raw.png" alt="raw" srcset="/img/raw.png 1x, /img/raw@2x.png 2x">',
].join('\n');

function files(): Record<string, string> {
  const out: Record<string, string> = {
    'omnipress.yml': [
      'title:\n  ko: 오늘의 뉴스\n  zh: 今日新闻\n  en: Daily News',
      'description:\n  ko: 한국어 설명\n  zh: 中文描述\n  en: English description',
      '',
    ].join('\n'),
    'public/img/cover.png': 'png',
    // The post's relative image, copied beside its page (a missing one would be a warning).
    'posts/ko/pic.png': 'png',
    'posts/ko/2024-05-14-hello.md': postFile(
      {
        title: '안녕 GPT-4o',
        translationKey: 'hello',
        author: '김민준',
        tags: '[AI, 모델]',
        categories: '[뉴스]',
        image: '/img/cover.png',
        updated: '2024-05-20',
        description: 'GPT-4o 첫인상',
      },
      BODY,
    ),
    'posts/zh/2024-05-14-hello.md': postFile({ title: '你好 GPT-4o', translationKey: 'hello' }, '正文。'),
    'posts/en/2024-05-14-hello.md': postFile({ title: 'Hello GPT-4o', translationKey: 'hello' }, 'Body.'),
    'posts/ko/2024-05-10-older.md': postFile({ title: '지난 소식' }, '지난 본문.'),
  };
  // 21 more English posts: the English feeds hold only the newest 20 of 22.
  for (let day = 1; day <= 21; day++) {
    out[`posts/en/2024-04-${String(day).padStart(2, '0')}-story-${day}.md`] = postFile({ title: `Story ${day}` });
  }
  return out;
}

describe('feeds, sitemap and SEO tags with a base URL', () => {
  const root = siteFromFiles(files());
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root, { baseUrl: BASE });
  });

  it('builds without errors or notes', () => {
    expect(report.diagnostics).toEqual([]);
  });

  it('writes an Atom feed per language with its title, language and newest posts first', () => {
    const feed = parseFeed(readOutput(root, 'ko/feed.xml'));
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('오늘의 뉴스');
    expect(feed.language).toBe('ko');
    expect(feed.url).toBe(`${BASE}ko/`);
    expect(feed.self).toBe(`${BASE}ko/feed.xml`);
    expect(feed.items.map((item) => item.url)).toEqual([`${BASE}ko/posts/hello/`, `${BASE}ko/posts/older/`]);
    // The feed is as new as its newest change: the first post's update, not the build time.
    expect(feed.updated?.toISOString()).toBe('2024-05-19T15:00:00.000Z');
    expect(parseFeed(readOutput(root, 'zh/feed.xml')).language).toBe('zh-Hans');
  });

  it('gives each Atom entry its dates, categories, author and full content with absolute URLs', () => {
    const [hello] = parseFeed(readOutput(root, 'ko/feed.xml')).items;
    expect(hello!.title).toBe('안녕 GPT-4o');
    expect(hello!.id).toBe(`${BASE}ko/posts/hello/`);
    expect(hello!.published?.toISOString()).toBe('2024-05-13T15:00:00.000Z');
    expect(hello!.updated?.toISOString()).toBe('2024-05-19T15:00:00.000Z');
    expect(hello!.categories.map((c) => c.term)).toEqual(['뉴스', 'AI', '모델']);
    expect(hello!.authors.map((a) => a.name)).toEqual(['김민준']);
    expect(hello!.description).toBe('GPT-4o 첫인상');
    expectAbsoluteContent(hello!.content ?? '');
  });

  it('writes RSS 2.0 with the BCP 47 language, permalinks, dates and full content', () => {
    const feed = parseFeed(readOutput(root, 'ko/rss.xml'));
    expect(feed.meta.type).toBe('rss');
    expect(feed.meta.version).toBe('2.0');
    expect(feed.title).toBe('오늘의 뉴스');
    expect(feed.description).toBe('한국어 설명');
    expect(feed.language).toBe('ko');
    expect(parseFeed(readOutput(root, 'zh/rss.xml')).language).toBe('zh-Hans');
    const [hello, older] = feed.items;
    expect(hello!.url).toBe(`${BASE}ko/posts/hello/`);
    expect(hello!.id).toBe(`${BASE}ko/posts/hello/`);
    expect(older!.url).toBe(`${BASE}ko/posts/older/`);
    expect(hello!.published?.toISOString()).toBe('2024-05-13T15:00:00.000Z');
    expect(hello!.authors.map((a) => a.name)).toEqual(['김민준']);
    expect(hello!.categories.map((c) => c.label ?? c.term)).toEqual(['뉴스', 'AI', '모델']);
    expectAbsoluteContent(hello!.content ?? '');
  });

  it('keeps the newest 20 posts of a language, newest first, in every format', () => {
    const expected = [`${BASE}en/posts/hello/`, ...Array.from({ length: 19 }, (_, i) => `${BASE}en/posts/story-${21 - i}/`)];
    expect(parseFeed(readOutput(root, 'en/feed.xml')).items.map((item) => item.url)).toEqual(expected);
    expect(parseFeed(readOutput(root, 'en/rss.xml')).items.map((item) => item.url)).toEqual(expected);
    const json = JSON.parse(readOutput(root, 'en/feed.json')) as { items: Array<{ url: string }> };
    expect(json.items.map((item) => item.url)).toEqual(expected);
  });

  it('writes JSON Feed 1.1', () => {
    const feed = JSON.parse(readOutput(root, 'ko/feed.json')) as Record<string, unknown> & { items: Array<Record<string, unknown>> };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('오늘의 뉴스');
    expect(feed.language).toBe('ko');
    expect(feed.home_page_url).toBe(`${BASE}ko/`);
    expect(feed.feed_url).toBe(`${BASE}ko/feed.json`);
    expect(feed).not.toHaveProperty('author'); // 1.0's field; 1.1 has `authors`
    const [hello, older] = feed.items;
    expect(hello).toMatchObject({
      id: `${BASE}ko/posts/hello/`,
      url: `${BASE}ko/posts/hello/`,
      title: '안녕 GPT-4o',
      summary: 'GPT-4o 첫인상',
      image: `${BASE}img/cover.png`,
      date_published: '2024-05-13T15:00:00.000Z',
      date_modified: '2024-05-19T15:00:00.000Z',
      authors: [{ name: '김민준' }],
      tags: ['뉴스', 'AI', '모델'],
    });
    expect(hello).not.toHaveProperty('author');
    expectAbsoluteContent(hello!.content_html as string);
    expect(older).toMatchObject({ id: `${BASE}ko/posts/older/`, date_published: '2024-05-09T15:00:00.000Z' });
  });

  it('lists every page but the 404 and the (noindex) search pages in the sitemap, in absolute URLs', () => {
    const $ = parseXml(readOutput(root, 'sitemap.xml'));
    const locs = $('url > loc').map((_, el) => $(el).text()).get();
    const pages = htmlFiles(path.join(root, '_site'))
      .filter((rel) => rel !== '404.html' && !/^\w+\/search\/index\.html$/.test(rel))
      .map((rel) => BASE + rel.replace(/index\.html$/, '').split('/').map(encodeURIComponent).join('/'));
    expect(new Set(locs)).toEqual(new Set(pages));
    expect(locs).toHaveLength(pages.length);
    const hello = $('url').filter((_, el) => $(el).find('loc').text() === `${BASE}ko/posts/hello/`);
    expect(hello.find('lastmod').text()).toBe('2024-05-20T00:00:00+09:00');
  });

  it("gives each post the same hreflang alternates in the sitemap as in the page's head", () => {
    const $ = parseXml(readOutput(root, 'sitemap.xml'));
    const postUrls = $('url > loc').map((_, el) => $(el).text()).get().filter((loc) => loc.includes('/posts/'));
    expect(postUrls.length).toBe(25);
    for (const loc of postUrls) {
      const entry = $('url').filter((_, el) => $(el).find('loc').text() === loc);
      const inSitemap = entry.find('xhtml\\:link').map((_, el) => `${$(el).attr('hreflang')} ${$(el).attr('href')}`).get();
      const rel = `${decodeURIComponent(loc.slice(BASE.length))}index.html`;
      const head = page(root, rel);
      const inHead = head('link[rel="alternate"][hreflang]:not([type])').map((_, el) => `${head(el).attr('hreflang')} ${head(el).attr('href')}`).get();
      expect(inSitemap, loc).toEqual(inHead);
    }
    const hello = $('url').filter((_, el) => $(el).find('loc').text() === `${BASE}zh/posts/hello/`);
    expect(hello.find('xhtml\\:link').map((_, el) => `${$(el).attr('hreflang')} ${$(el).attr('href')}`).get()).toEqual([
      `ko ${BASE}ko/posts/hello/`,
      `zh-Hans ${BASE}zh/posts/hello/`,
      `en ${BASE}en/posts/hello/`,
      `x-default ${BASE}ko/posts/hello/`,
    ]);
  });

  it('points robots.txt at the sitemap', () => {
    expect(readOutput(root, 'robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${BASE}sitemap.xml\n`);
  });

  it('describes a post with JSON-LD', () => {
    const $ = page(root, 'ko/posts/hello/index.html');
    const scripts = $('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(scripts.text()) as Record<string, unknown>;
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: '안녕 GPT-4o',
      description: 'GPT-4o 첫인상',
      inLanguage: 'ko',
      datePublished: '2024-05-14T00:00:00+09:00',
      dateModified: '2024-05-20T00:00:00+09:00',
      url: `${BASE}ko/posts/hello/`,
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${BASE}ko/posts/hello/` },
      image: [`${BASE}img/cover.png`],
      author: { '@type': 'Person', name: '김민준' },
    });
    const zh = JSON.parse(page(root, 'zh/posts/hello/index.html')('script[type="application/ld+json"]').text()) as Record<string, unknown>;
    expect(zh).toMatchObject({ inLanguage: 'zh-Hans', datePublished: '2024-05-14T00:00:00+09:00' });
    // Never updated: no dateModified.
    expect(zh).not.toHaveProperty('dateModified');
    expect(page(root, 'ko/index.html')('script')).toHaveLength(0);
  });

  it('has Open Graph and Twitter card tags', () => {
    const $ = page(root, 'ko/posts/hello/index.html');
    const meta = (key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).map((_, el) => $(el).attr('content')).get();
    expect(meta('og:title')).toEqual(['안녕 GPT-4o']);
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('og:url')).toEqual([`${BASE}ko/posts/hello/`]);
    expect(meta('og:description')).toEqual(['GPT-4o 첫인상']);
    expect(meta('description')).toEqual(['GPT-4o 첫인상']);
    expect(meta('og:locale')).toEqual(['ko_KR']);
    expect(meta('og:locale:alternate')).toEqual(['zh_CN', 'en_US']);
    expect(meta('og:image')).toEqual([`${BASE}img/cover.png`]);
    expect(meta('twitter:card')).toEqual(['summary_large_image']);
    const index = page(root, 'en/index.html');
    expect(index('meta[property="og:type"]').attr('content')).toBe('website');
    expect(index('meta[name="twitter:card"]').attr('content')).toBe('summary');
    expect(index('meta[name="description"]').attr('content')).toBe('English description');
  });

  it("links each page to its language's feeds, and the root page to every language's", () => {
    const feedsOf = (rel: string) => {
      const $ = page(root, rel);
      return $('link[rel="alternate"][type]').map((_, el) => `${$(el).attr('type')} ${$(el).attr('href')}`).get();
    };
    expect(feedsOf('zh/posts/hello/index.html')).toEqual([
      'application/atom+xml /sub/zh/feed.xml',
      'application/rss+xml /sub/zh/rss.xml',
      'application/feed+json /sub/zh/feed.json',
    ]);
    expect(feedsOf('en/page/2/index.html')).toContain('application/atom+xml /sub/en/feed.xml');
    const all = feedsOf('index.html');
    expect(all).toHaveLength(9);
    for (const href of all.map((line) => line.split(' ')[1]!)) {
      expect(fs.existsSync(path.join(root, '_site', href.replace(/^\/sub\//, ''))), href).toBe(true);
    }
  });

  it('gives language indexes and the root each other as alternates, x-default the root', () => {
    const $ = page(root, 'zh/index.html');
    expect($('link[rel="alternate"][hreflang]:not([type])').map((_, el) => `${$(el).attr('hreflang')} ${$(el).attr('href')}`).get()).toEqual([
      `ko ${BASE}ko/`,
      `zh-Hans ${BASE}zh/`,
      `en ${BASE}en/`,
      `x-default ${BASE}`,
    ]);
    expect(page(root, 'en/page/2/index.html')('link[rel="alternate"][hreflang]:not([type])')).toHaveLength(0);
    expect(page(root, 'ko/posts/older/index.html')('link[rel="alternate"][hreflang]:not([type])')).toHaveLength(0);
  });

  it('writes the same feed and sitemap bytes on every build', async () => {
    const outputs = ['ko/feed.xml', 'ko/rss.xml', 'ko/feed.json', 'zh/feed.xml', 'sitemap.xml', 'robots.txt'];
    const before = outputs.map((rel) => readOutput(root, rel));
    // A day later by every clock the build could read, not only the `now` it is given.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 86_400_000 });
    try {
      expect((await buildSite(root, { baseUrl: BASE, now: new Date() })).ok).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    expect(outputs.map((rel) => readOutput(root, rel))).toEqual(before);
  });
});

describe('feeds and the sitemap without a base URL', () => {
  const root = siteFromFiles(files());
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root);
  });

  it('builds, with exactly one note saying how to get absolute URLs', () => {
    expect(report.ok).toBe(true);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', file: path.join(root, 'omnipress.yml'), message: expect.stringMatching(/^no baseUrl set: .*--base-url/) }),
    ]);
  });

  it('says so for the site, not for an omnipress.yml that does not exist (GitHub annotations too)', async () => {
    const root = siteFromFiles({ 'posts/en/2024-05-14-hello.md': '---\ntitle: Hello\n---\nBody.\n' });
    const result = await runCli(['check', '--root', root, '--format', 'github'], { cwd: root, env: { GITHUB_WORKSPACE: root } });
    const note = result.stdout.split('\n').find((line) => line.includes('no baseUrl set'));
    expect(note).toMatch(/^::notice::no baseUrl set: .* set baseUrl in an omnipress\.yml or pass --base-url/);
    const text = await runCli(['check', '--root', root], { cwd: root, env: { GITHUB_ACTIONS: '' } });
    expect(text.stdout).toMatch(/^\. info: no baseUrl set/m);
    expect(text.stdout).not.toContain('omnipress.yml info');
  });

  it('uses root-relative URLs in feeds, sitemap and hreflang links', () => {
    const atom = parseFeed(readOutput(root, 'ko/feed.xml'));
    expect(atom.items.map((item) => item.id)).toEqual(['/ko/posts/hello/', '/ko/posts/older/']);
    const rss = readOutput(root, 'ko/rss.xml');
    expect(rss).toContain('<link>/ko/posts/hello/</link>');
    expect(rss).not.toContain('invalid');
    const json = JSON.parse(readOutput(root, 'ko/feed.json')) as { items: Array<{ url: string; image: string; content_html: string }> };
    expect(json.items[0]).toMatchObject({ url: '/ko/posts/hello/', image: '/img/cover.png' });
    expect(json.items[0]!.content_html).toContain('src="/ko/posts/hello/pic.png"');
    const $ = parseXml(readOutput(root, 'sitemap.xml'));
    const hello = $('url').filter((_, el) => $(el).find('loc').text() === '/ko/posts/hello/');
    expect(hello.find('xhtml\\:link').map((_, el) => $(el).attr('href')).get()).toEqual([
      '/ko/posts/hello/',
      '/zh/posts/hello/',
      '/en/posts/hello/',
      '/ko/posts/hello/',
    ]);
    expect(page(root, 'ko/posts/hello/index.html')('link[rel="alternate"][hreflang="zh-Hans"]').attr('href')).toBe('/zh/posts/hello/');
  });

  it('leaves the Sitemap line out of robots.txt, and og:image out of the head (both need absolute URLs)', () => {
    expect(readOutput(root, 'robots.txt')).toBe('User-agent: *\nAllow: /\n');
    const $ = page(root, 'ko/posts/hello/index.html');
    expect($('meta[property="og:image"]')).toHaveLength(0);
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary');
  });
});

describe('site options for search engines', () => {
  it('describes posts as NewsArticle and names the site author in feeds when the config says so, without a warning', async () => {
    const root = siteFromFiles({ 'omnipress.yml': 'schemaType: NewsArticle\nauthor: 편집부\n', 'posts/en/2024-05-14-a.md': postFile({ title: 'A' }) });
    const report = await buildSite(root, { baseUrl: BASE });
    expect(report.diagnostics).toEqual([]);
    expect(JSON.parse(page(root, 'en/posts/a/index.html')('script[type="application/ld+json"]').text())['@type']).toBe('NewsArticle');
    expect(parseFeed(readOutput(root, 'en/feed.xml')).authors.map((a) => a.name)).toEqual(['편집부']);
  });

  it('refuses a schemaType search engines do not know, at its line', async () => {
    const root = siteFromFiles({ 'omnipress.yml': 'title: Blog\nschemaType: TechArticle\n', 'posts/en/2024-05-14-a.md': postFile({ title: 'A' }) });
    const report = await buildSite(root, { baseUrl: BASE });
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d) => `${path.basename(d.file)}:${d.line} ${d.severity}: ${d.message}`)).toEqual([
      'omnipress.yml:2 error: schemaType must be BlogPosting, NewsArticle or Article, not "TechArticle"',
    ]);
  });

  it("keeps the site's own public/robots.txt", async () => {
    const root = siteFromFiles({ 'public/robots.txt': 'User-agent: *\nDisallow: /private/\n', 'posts/en/2024-05-14-a.md': postFile({ title: 'A' }) });
    const report = await buildSite(root, { baseUrl: BASE });
    expect(report.diagnostics).toEqual([]);
    expect(readOutput(root, 'robots.txt')).toBe('User-agent: *\nDisallow: /private/\n');
  });

  it('leaves drafts out of feeds and the sitemap in a --drafts build', async () => {
    const root = siteFromFiles({
      'posts/en/2024-05-14-a.md': postFile({ title: 'A' }),
      'posts/en/2024-05-15-wip.md': postFile({ title: 'WIP', draft: 'true' }),
    });
    expect((await buildSite(root, { baseUrl: BASE, drafts: true })).ok).toBe(true);
    expect(fs.existsSync(path.join(root, '_site/en/posts/wip/index.html'))).toBe(true);
    expect(parseFeed(readOutput(root, 'en/feed.xml')).items.map((item) => item.title)).toEqual(['A']);
    expect(readOutput(root, 'sitemap.xml')).not.toContain('wip');
  });
});

/** Every href/src/srcset in feed content is absolute under the base URL (or a fragment). */
function expectAbsoluteContent(html: string): void {
  const $ = parseHtml(html);
  expect($('a[href="https://example.org/sub/ko/posts/older/"]')).toHaveLength(1);
  expect($('img[src="https://example.org/sub/img/inline.png"]')).toHaveLength(1);
  expect($('img[src="https://example.org/sub/ko/posts/hello/pic.png"]')).toHaveLength(1);
  expect($('img[alt="raw"]').attr('srcset')).toBe('https://example.org/sub/img/raw.png 1x, https://example.org/sub/img/raw@2x.png 2x');
  $('[href], [src]').each((_, el) => {
    const url = $(el).attr('href') ?? $(el).attr('src')!;
    expect(url.startsWith(BASE) || url.startsWith('#'), url).toBe(true);
  });
}

describe('markup in a title or summary', () => {
  it('reaches feeds as escaped text, never as markup a reader could run', async () => {
    const root = siteFromFiles({
      'posts/en/2024-05-14-xss.md': '---\ntitle: "<script>alert(1)</script> Q&A"\ndescription: "<img src=x onerror=alert(2)> summary"\n---\nBody.\n',
    });
    expect((await buildSite(root)).ok).toBe(true);
    for (const file of ['en/feed.xml', 'en/rss.xml']) {
      const xml = readOutput(root, file);
      expect(xml, file).not.toMatch(/<(title|summary|description)[^>]*><!\[CDATA\[/);
      const $ = parseXml(xml);
      const item = $('entry, item').first();
      // Parsed as XML the text is escaped HTML: a reader showing it as HTML shows the characters.
      expect(item.find('title').text(), file).toBe('&lt;script&gt;alert(1)&lt;/script&gt; Q&amp;A');
      expect(item.find('summary, description').first().text(), file).toBe('&lt;img src=x onerror=alert(2)&gt; summary');
      // …and what a feed reader's parser hands on to be shown is the title's own characters.
      expect(parseFeed(xml).items[0]!.title, file).toBe('<script>alert(1)</script> Q&A');
    }
  });
});

describe('diagrams in feeds (client mode)', () => {
  it('become a note in the feed language linking to the post, never their source', async () => {
    const diagram = '```mermaid\nflowchart LR\n  subgraph inputs[입력]\n    A1[음성] --> M[모델]\n  end\n```';
    const root = siteFromFiles({
      'posts/ko/2024-05-14-flow.md': postFile({ title: '흐름' }, `앞 문단.\n\n${diagram}\n\n뒤 문단.`),
    });
    expect((await buildSite(root, { baseUrl: BASE })).ok).toBe(true);
    const feed = parseFeed(readOutput(root, 'ko/feed.xml'));
    const content = feed.items[0]!.content!;
    const $ = parseHtml(content);
    expect(content).not.toMatch(/flowchart|subgraph|A1\[/);
    const note = $('p.diagram-note a');
    expect(note.text()).toBe('다이어그램: 글에서 보세요');
    expect(note.attr('href')).toBe(`${BASE}ko/posts/flow/`);
    expect($('p').first().text()).toBe('앞 문단.');
    expect(JSON.stringify(JSON.parse(readOutput(root, 'ko/feed.json')))).not.toContain('flowchart');
    // The page itself still carries the diagram for the browser to draw.
    expect(page(root, 'ko/posts/flow/index.html')('pre.mermaid').text()).toContain('flowchart LR');
  });
});
