// What a page shows when it is shared or saved to a phone's home screen: the site's own image
// (config `image`) when a post has none, and icons drawn from the favicon, with a web manifest
// whose icons are files the site publishes.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { readDimensions } from '../../src/util/image-dimensions.js';
import { page } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { buildSite, siteFromFiles } from '../helpers/site.js';

const BASE = 'https://example.org/news/';
const PNG = fs.readFileSync(new URL('../../templates/assets/apple-touch-icon.png', import.meta.url));

/** The manifest a page links, parsed, with each icon's file in the output. */
function manifestOf(root: string, rel: string) {
  const href = page(root, rel)('link[rel="manifest"]').attr('href')!;
  expect(href.startsWith('/news/')).toBe(true);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '_site', href.slice('/news/'.length)), 'utf8')) as {
    name: string; start_url: string; icons: Array<{ src: string; sizes: string; type: string }>;
  };
  return { manifest, iconFiles: manifest.icons.map((icon) => path.join(root, '_site', icon.src.slice('/news/'.length))) };
}

function jsonLd(root: string, rel: string): Record<string, unknown> {
  return JSON.parse(page(root, rel)('script[type="application/ld+json"]').text()) as Record<string, unknown>;
}

describe('the default share image and the icons from the built-in favicon', () => {
  const root = siteFromFiles({
    'omnipress.yml': 'title: 오늘의 날씨\nimage: /img/share.png\n',
    'public/img/share.png': PNG,
    'public/img/typhoon.png': PNG,
    'posts/ko/2025-11-02-rain.md': postFile({ title: '장마 예보' }, '이번 주에는 비가 자주 옵니다.'),
    'posts/ko/2025-11-03-typhoon.md': postFile({ title: '태풍 소식', image: '/img/typhoon.png' }, '태풍이 북상합니다.'),
  });
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root, { baseUrl: BASE });
  });

  it('builds without errors or warnings', () => {
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it("gives a post without an image the site's image in og:image, twitter:image and JSON-LD", () => {
    const $ = page(root, 'ko/posts/rain/index.html');
    expect($('meta[property="og:image"]').attr('content')).toBe(`${BASE}img/share.png`);
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    expect(jsonLd(root, 'ko/posts/rain/index.html').image).toEqual([`${BASE}img/share.png`]);
  });

  it("keeps a post's own image", () => {
    expect(page(root, 'ko/posts/typhoon/index.html')('meta[property="og:image"]').attr('content')).toBe(`${BASE}img/typhoon.png`);
    expect(jsonLd(root, 'ko/posts/typhoon/index.html').image).toEqual([`${BASE}img/typhoon.png`]);
  });

  it("gives the language's home and the root page the site's image", () => {
    for (const rel of ['ko/index.html', 'index.html']) expect(page(root, rel)('meta[property="og:image"]').attr('content'), rel).toBe(`${BASE}img/share.png`);
  });

  it('links the favicon, a 180×180 apple-touch-icon and a manifest whose icons exist', () => {
    const $ = page(root, 'ko/posts/rain/index.html');
    expect($('link[rel="icon"]').attr('href')).toBe('/news/assets/favicon.svg');
    const touch = $('link[rel="apple-touch-icon"]').attr('href')!;
    expect(touch).toBe('/news/assets/apple-touch-icon.png');
    expect(readDimensions(path.join(root, '_site', 'assets/apple-touch-icon.png'))).toMatchObject({ width: 180, height: 180 });
    const { manifest, iconFiles } = manifestOf(root, 'ko/posts/rain/index.html');
    expect(manifest).toMatchObject({ name: '오늘의 날씨', start_url: '/news/' });
    expect(manifest.icons.map((icon) => [icon.src, icon.sizes, icon.type])).toEqual([
      ['/news/assets/favicon.svg', 'any', 'image/svg+xml'],
      ['/news/assets/apple-touch-icon.png', '180x180', 'image/png'],
      ['/news/assets/icon-512.png', '512x512', 'image/png'],
    ]);
    for (const file of iconFiles) expect(fs.existsSync(file), file).toBe(true);
  });
});

describe("a site's own favicon", () => {
  it('takes the place of the theme\'s, and the theme\'s drawings of its own favicon are not used', async () => {
    const root = siteFromFiles({
      'public/favicon.png': PNG,
      'posts/en/2025-11-02-rain.md': postFile({ title: 'Rain ahead' }),
    });
    await buildSite(root, { baseUrl: BASE });
    const $ = page(root, 'en/posts/rain/index.html');
    expect($('link[rel="icon"]').attr('href')).toBe('/news/favicon.png');
    expect($('link[rel="icon"]').attr('type')).toBe('image/png');
    expect($('link[rel="apple-touch-icon"]').attr('href')).toBe('/news/favicon.png');
    const { manifest, iconFiles } = manifestOf(root, 'en/posts/rain/index.html');
    expect(manifest.icons.map((icon) => icon.src)).toEqual(['/news/favicon.png']);
    for (const file of iconFiles) expect(fs.existsSync(file), file).toBe(true);
  });

  it('as an SVG without an apple-touch-icon.png: no touch icon, the SVG in the manifest', async () => {
    const root = siteFromFiles({
      'public/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>',
      'posts/en/2025-11-02-rain.md': postFile({ title: 'Rain ahead' }),
    });
    await buildSite(root, { baseUrl: BASE });
    const $ = page(root, 'en/posts/rain/index.html');
    expect($('link[rel="apple-touch-icon"]')).toHaveLength(0);
    expect(manifestOf(root, 'en/posts/rain/index.html').manifest.icons.map((icon) => icon.src)).toEqual(['/news/favicon.svg']);
  });
});

describe('the config image', () => {
  it('that public/ does not hold is a warning at its line', async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'title: News\nimage: /img/missing.png\n',
      'posts/en/2025-11-02-rain.md': postFile({ title: 'Rain ahead' }),
    });
    const report = await buildSite(root, { baseUrl: BASE });
    expect(report.diagnostics).toContainEqual(expect.objectContaining({
      severity: 'warning',
      file: path.join(root, 'omnipress.yml'),
      line: 2,
      message: 'image /img/missing.png is not a file of public/: pages that show it would show a broken image',
    }));
  });
});
