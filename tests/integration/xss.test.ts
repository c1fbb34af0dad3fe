// The XSS fixture (tests/fixtures/xss) built as a site and read with a real HTML parser: script
// URLs in every tag and shortcode that takes a URL, raw HTML that tries to run or to load from a
// third party, and text readers never see. No page may carry a URL that runs, an event handler,
// a script of the post, or a style that loads something or covers the page; every removal is a
// warning at its line; excerpts hold only what a reader sees. (tests/browser/xss.test.ts clicks
// through the same site in Chromium.)
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page, runnableUrls } from '../helpers/html.js';
import { htmlFiles, indexedPages } from '../helpers/site-check.js';
import { buildSite, readOutput, siteFromFixture } from '../helpers/site.js';

const TAGS = 'posts/en/2024-05-01-tags.md';
const RAW = 'posts/en/2024-05-02-raw-html.md';
const HIDDEN = 'posts/en/2024-05-03-hidden.md';

describe('a site built from XSS payloads', () => {
  const root = siteFromFixture('xss');
  const out = path.join(root, '_site');
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root);
  });

  /** `line code` of each warning about `file`, in order. */
  const warnings = (file: string, codes: RegExp = /./) =>
    report.diagnostics
      .filter((d) => d.file === path.join(root, file) && d.severity === 'warning' && codes.test(d.code ?? ''))
      .map((d) => `${d.line} ${d.code}`);

  it('builds, with warnings only', () => {
    expect(report.ok).toBe(true);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('publishes no URL that runs, in any attribute of any page', () => {
    const pages = htmlFiles(out);
    expect(pages).toContain('en/posts/tags/index.html');
    for (const rel of pages) expect(runnableUrls(page(root, rel)), rel).toEqual([]);
  });

  it('publishes no event handler, script, frame, form, plugin, base or refresh from a post', () => {
    for (const slug of ['tags', 'raw-html', 'hidden']) {
      const $ = page(root, `en/posts/${slug}/index.html`);
      const body = $('.post-body');
      expect(body.length).toBe(1);
      const handlers = body.find('*').filter((_, el) => Object.keys($(el).attr() ?? {}).some((name) => /^on/i.test(name)));
      expect(handlers.length, slug).toBe(0);
      expect(body.find('script, style, iframe, frame, object, embed, form, input, button, svg, math, base, meta, link, template, noscript').length, slug).toBe(0);
    }
  });

  it('publishes no style that loads something or covers the page', () => {
    const $ = page(root, 'en/posts/raw-html/index.html');
    const styles = $('.post-body [style]').map((_, el) => $(el).attr('style')).get();
    expect(styles.filter((style) => /url|fixed|\\/i.test(style))).toEqual([]);
    expect($('.post-body').text()).toContain('a full-page overlay');
    expect($('.post-body').text()).toContain('a tracking pixel');
  });

  it('reports each URL it dropped from a tag or shortcode once, at its line', () => {
    expect(warnings(TAGS)).toEqual([
      '6 unsafe-url', // asset_link javascript:
      '8 unsafe-url', // asset_link JaVaScRiPt:
      '8 unsafe-url', // asset_link vbscript:
      '10 unsafe-url', // asset_link data:text/html
      '14 unsafe-url', // asset_img javascript:
      '14 unsafe-url', // asset_img data:image/svg+xml
      '16 unsafe-url', // img javascript:
      '18 unsafe-url', // asset_path javascript:
      '20 unsafe-url', // figure src
      '20 unsafe-url', // figure link
      '22 unsafe-url', // figure link vbscript:
    ]);
  });

  it('keeps the text of dropped links and what surrounds dropped images', () => {
    const $ = page(root, 'en/posts/tags/index.html');
    const text = $('.post-body').text();
    for (const kept of ['the slides', 'mixed case', 'vbscript', 'data html', 'asset path', 'A figure without its script', 'A safe image, an unsafe link']) {
      expect(text, kept).toContain(kept);
    }
    expect($('.post-body figure img').map((_, img) => $(img).attr('src')).get()).toEqual(['/img/ok.png']);
    expect($('.post-body blockquote footer cite a').attr('href')).toBe('https://example.org/source');
  });

  it('reports every URL, handler, element and style it removed from raw HTML at its line', () => {
    expect(warnings(RAW, /^unsafe-url$/)).toEqual([
      '6 unsafe-url', '6 unsafe-url', '6 unsafe-url', // tab entity, &colon;, leading space and case
      '8 unsafe-url', // a newline inside the scheme
      '9 unsafe-url', '9 unsafe-url', // data:text/html, vbscript:
      '27 unsafe-url', '27 unsafe-url', // video poster and src
      '29 unsafe-url', // srcset
      '31 unsafe-url', // blockquote cite
    ]);
    expect(warnings(RAW, /^unsafe-style$/)).toEqual(['43 unsafe-style', '45 unsafe-style', '47 unsafe-style']);
    const lines = new Set(warnings(RAW).map((w) => Number(w.split(' ')[0])));
    // Every payload line (odd lines from 6 on) is reported; the one line of prose is not.
    for (let line = 11; line <= 41; line += 2) expect(lines, `line ${line}`).toContain(line);
    expect(lines).not.toContain(4);
  });

  it('keeps script, style, template and hidden text out of every excerpt: meta, index, feeds, JSON-LD, search', () => {
    const visible = 'The visible start of this post, shown everywhere.';
    const $ = page(root, 'en/posts/hidden/index.html');
    expect($('meta[name="description"]').attr('content')).toBe(visible);
    expect($('meta[property="og:description"]').attr('content')).toBe(visible);
    expect(JSON.parse($('script[type="application/ld+json"]').text()).description).toBe(visible);

    const index = page(root, 'en/index.html');
    const item = index('a[href="/en/posts/hidden/"]').closest('article, li');
    expect(item.find('.excerpt').text()).toBe(visible);

    const atom = parseFeed(readOutput(root, 'en/feed.xml')).items.find((i) => i.url?.endsWith('/en/posts/hidden/'));
    const rss = parseFeed(readOutput(root, 'en/rss.xml')).items.find((i) => i.url?.endsWith('/en/posts/hidden/'));
    const json = (JSON.parse(readOutput(root, 'en/feed.json')) as { items: Array<{ url: string; summary: string }> }).items.find((i) => i.url.endsWith('/en/posts/hidden/'));
    expect([atom?.description, rss?.description, json?.summary]).toEqual([visible, visible, visible]);

    const searchable = indexedPages(out).get('/en/posts/hidden/')!.content;
    expect(searchable).toContain('The visible start of this post');
    expect(searchable).not.toContain('SECRET');
    // The page itself keeps hidden elements hidden, and drops the rest.
    expect($('.post-body [hidden]').text()).toContain('SECRET-HIDDEN');
    expect($('.post-body').html()).not.toMatch(/SECRET-(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)/);
    expect(warnings(HIDDEN).length).toBe(4);
  });
});
