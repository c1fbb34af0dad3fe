// The XSS fixture (tests/fixtures/xss) built as a site and read with a real HTML parser: text
// readers never see stays out of every excerpt.
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page } from '../helpers/html.js';
import { indexedPages } from '../helpers/site-check.js';
import { buildSite, readOutput, siteFromFixture } from '../helpers/site.js';

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
