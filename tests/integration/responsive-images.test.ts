// Responsive images (`images.responsive: true`): local rasters a post shows get WebP copies at
// the configured widths, offered through <picture> with srcset and sizes, published under the
// base path; SVG, GIF, remote images and the author's own pictures stay as written. The copies
// are made once into .omnipress-cache/images/ (a warm build makes none, and rewrites none), copies
// of images no post shows any more are pruned, and a file sharp cannot read is a warning at the
// line that shows it. Built with the real pipeline and sharp, read with a real HTML parser and
// image-size.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { imageSize } from 'image-size';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page, type Page } from '../helpers/html.js';
import { gif, photo, png, svg } from '../helpers/images.js';
import { buildSite, readTree, runCli, siteFromFiles, spawnCli } from '../helpers/site.js';

const POST = 'posts/ko/2024-05-01-서울의-밤.md';
const PAGE = 'ko/posts/서울의-밤/index.html';
const CONFIG = 'title: 사진첩\nbaseUrl: https://user.github.io/repo/\nimages:\n  responsive: true\n';

const BODY = [
  '---',
  'title: 서울의 밤',
  'image: /img/cover.jpg',
  '---',
  '![한강에서 본 다리](photo.png)', // 5: 1600×900 beside the post
  '',
  '![남산 야경](/img/night.jpg "밤의 서울")', // 7: 1000×600 in public/, captioned
  '',
  '<img src="/img/night.jpg" alt="다시 본 야경">', // 9: raw HTML
  '',
  '![작은 아이콘](icon.png)', // 11: 300×200, narrower than every width
  '',
  '![도표](/img/chart.svg)', // 13
  '',
  '![움직이는 그림](dance.gif)', // 15
  '',
  '![다른 사이트](https://images.example.net/bridge.jpg)', // 17
  '',
  '저자가 만든 <picture><source srcset="/img/night.jpg" media="(min-width: 1px)"><img src="/img/night.jpg" alt="저자의 그림"></picture> 그대로.', // 19
].join('\n');

async function siteFiles(config = CONFIG): Promise<Record<string, string | Uint8Array>> {
  return {
    'omnipress.yml': config,
    [POST]: BODY,
    'posts/ko/photo.png': await photo(1600, 900, 'png'),
    'posts/ko/icon.png': png(300, 200),
    'posts/ko/dance.gif': gif(320, 200),
    'public/img/night.jpg': await photo(1000, 600, 'jpeg', 2),
    'public/img/cover.jpg': await photo(1200, 675, 'jpeg', 3),
    'public/img/chart.svg': svg('viewBox="0 0 700 400"'),
  };
}

/** The <source> of the <picture> around `img`, parsed; undefined when it has none. */
function pictureOf($: Page, alt: string): { type?: string; sizes?: string; candidates: Array<{ url: string; width: number }> } | undefined {
  const img = $(`img[alt="${alt}"]`);
  expect(img, alt).toHaveLength(1);
  const source = img.parent('picture').children('source');
  if (source.length === 0) return undefined;
  const candidates = (source.attr('srcset') ?? '').split(/,\s*/).map((candidate) => {
    const [url, descriptor] = candidate.trim().split(/\s+/);
    return { url: url!, width: Number(descriptor!.replace(/w$/, '')) };
  });
  return { type: source.attr('type'), sizes: source.attr('sizes'), candidates };
}

/** The widths of the copies a page offers for the image `alt`, each checked on disk: a WebP of that width, in the ratio of the original. */
function checkedWidths(root: string, $: Page, alt: string, original: { width: number; height: number }): number[] {
  const picture = pictureOf($, alt);
  expect(picture, alt).toBeDefined();
  expect(picture!.type).toBe('image/webp');
  for (const { url, width } of picture!.candidates) {
    expect(url, alt).toMatch(/^\/repo\/assets\/images\/[0-9a-f]{16}-\d+w-q80\.webp$/);
    const size = imageSize(fs.readFileSync(path.join(root, '_site', url.replace(/^\/repo\//, ''))));
    expect(size.type, url).toBe('webp');
    expect(size.width, url).toBe(width);
    expect(width, url).toBeLessThanOrEqual(original.width);
    expect(Math.abs(size.height - (width * original.height) / original.width), url).toBeLessThanOrEqual(1);
  }
  return picture!.candidates.map((c) => c.width);
}

function cacheFiles(root: string): Map<string, number> {
  const dir = path.join(root, '.omnipress-cache/images');
  return new Map(fs.readdirSync(dir).map((name) => [name, fs.statSync(path.join(dir, name)).mtimeMs]));
}

describe('responsive images on', () => {
  let root: string;
  let report: BuildReport;
  let $: Page;

  beforeAll(async () => {
    root = siteFromFiles(await siteFiles());
    report = await buildSite(root);
    $ = page(root, PAGE);
  }, 60_000);

  it('offers WebP copies of local rasters at the configured widths, none wider than the original, under the base path', () => {
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(checkedWidths(root, $, '한강에서 본 다리', { width: 1600, height: 900 })).toEqual([480, 800, 1200, 1600]);
    expect(checkedWidths(root, $, '남산 야경', { width: 1000, height: 600 })).toEqual([480, 800, 1000]);
    expect(checkedWidths(root, $, '다시 본 야경', { width: 1000, height: 600 })).toEqual([480, 800, 1000]);
    expect(checkedWidths(root, $, '작은 아이콘', { width: 300, height: 200 })).toEqual([300]);
    expect(pictureOf($, '한강에서 본 다리')!.sizes).toBe('(min-width: 46rem) 42rem, 100vw');
    // One image shown twice is made and published once.
    expect(pictureOf($, '남산 야경')!.candidates).toEqual(pictureOf($, '다시 본 야경')!.candidates);
    expect(report.images).toMatchObject({ made: 4 + 3 + 1 + 3, cached: 0, failed: 0 });
  });

  it('keeps the <img> as it was: original src, intrinsic size, alt, caption and lazy loading', () => {
    const img = $('img[alt="한강에서 본 다리"]');
    expect(img.attr('src')).toBe('photo.png');
    expect([img.attr('width'), img.attr('height'), img.attr('loading'), img.attr('decoding')]).toEqual(['1600', '900', 'lazy', 'async']);
    expect(img.attr('srcset')).toBeUndefined();
    const night = $('img[alt="남산 야경"]');
    expect(night.attr('src')).toBe('/repo/img/night.jpg');
    expect([night.attr('width'), night.attr('height')]).toEqual(['1000', '600']);
    expect(night.closest('figure').children('figcaption').text()).toBe('밤의 서울');
    expect(night.closest('figure').children('picture')).toHaveLength(1);
    expect(fs.existsSync(path.join(root, '_site/ko/posts/서울의-밤/photo.png'))).toBe(true);
  });

  it('gives the cover its copies too', () => {
    const cover = $('figure.cover img');
    expect([cover.attr('src'), cover.attr('width'), cover.attr('height')]).toEqual(['/repo/img/cover.jpg', '1200', '675']);
    const source = cover.parent('picture').children('source');
    expect(source.attr('type')).toBe('image/webp');
    const widths = (source.attr('srcset') ?? '').split(', ').map((c) => c.split(' ')[1]);
    expect(widths).toEqual(['480w', '800w', '1200w']);
    for (const candidate of (source.attr('srcset') ?? '').split(', ')) {
      expect(fs.existsSync(path.join(root, '_site', candidate.split(' ')[0]!.replace(/^\/repo\//, '')))).toBe(true);
    }
  });

  it('leaves SVG, GIF, remote images and the author\'s own <picture> as they are', () => {
    for (const alt of ['도표', '움직이는 그림', '다른 사이트', '저자의 그림']) {
      const img = $(`img[alt="${alt}"]`);
      expect(img, alt).toHaveLength(1);
      expect(img.attr('srcset'), alt).toBeUndefined();
    }
    for (const alt of ['도표', '움직이는 그림', '다른 사이트']) expect($(`img[alt="${alt}"]`).parent('picture'), alt).toHaveLength(0);
    const own = $('img[alt="저자의 그림"]').parent('picture').children('source');
    expect(own).toHaveLength(1);
    expect(own.attr('srcset')).toBe('/img/night.jpg');
  });

  it('gives feeds the copies at absolute URLs', () => {
    const feed = fs.readFileSync(path.join(root, '_site/ko/feed.xml'), 'utf8');
    expect(feed).toMatch(/https:\/\/user\.github\.io\/repo\/assets\/images\/[0-9a-f]{16}-480w-q80\.webp 480w/);
  });

  it('makes the same bytes from the same images in another site', async () => {
    const other = siteFromFiles(await siteFiles());
    await buildSite(other);
    const copies = (dir: string) => [...readTree(path.join(dir, '_site/assets/images'))].sort();
    expect(copies(other)).toEqual(copies(root));
  }, 60_000);

  it('makes nothing again in a warm build: every copy comes from the cache, unwritten', async () => {
    const before = cacheFiles(root);
    const published = readTree(path.join(root, '_site'));
    const warm = await buildSite(root);
    expect(warm.images).toMatchObject({ made: 0, cached: 11, failed: 0 });
    expect(cacheFiles(root)).toEqual(before);
    expect(readTree(path.join(root, '_site'))).toEqual(published);
  });

  it("prunes the copies of an image no post shows any more, from the cache and the site", async () => {
    const photoHash = /images\/([0-9a-f]{16})-/.exec(pictureOf($, '한강에서 본 다리')!.candidates[0]!.url)![1]!;
    expect([...cacheFiles(root).keys()].filter((name) => name.startsWith(photoHash))).toHaveLength(4);
    fs.writeFileSync(path.join(root, POST), BODY.replace('![한강에서 본 다리](photo.png)', '사진은 지웠습니다.'));
    fs.rmSync(path.join(root, 'posts/ko/photo.png'));
    const after = await buildSite(root);
    expect(after.ok).toBe(true);
    expect([...cacheFiles(root).keys()].filter((name) => name.startsWith(photoHash))).toEqual([]);
    expect(fs.readdirSync(path.join(root, '_site/assets/images')).filter((name) => name.startsWith(photoHash))).toEqual([]);
    expect(cacheFiles(root).size).toBe(7);
  });

  it('removes the image cache when the switch goes off', async () => {
    fs.writeFileSync(path.join(root, 'omnipress.yml'), CONFIG.replace('responsive: true', 'responsive: false'));
    await buildSite(root);
    expect(fs.existsSync(path.join(root, '.omnipress-cache/images'))).toBe(false);
    expect(fs.existsSync(path.join(root, '_site/assets/images'))).toBe(false);
  });
});

describe('responsive images off (the default)', () => {
  it('offers no copies and keeps no image cache', async () => {
    const root = siteFromFiles(await siteFiles('title: 사진첩\nbaseUrl: https://user.github.io/repo/\n'));
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    expect(report.images).toBeUndefined();
    const $ = page(root, PAGE);
    expect($('img[alt="한강에서 본 다리"]').attr('width')).toBe('1600');
    expect($('picture')).toHaveLength(1); // the author's own
    expect($('[srcset*="assets/images"]')).toHaveLength(0);
    expect(fs.existsSync(path.join(root, '.omnipress-cache/images'))).toBe(false);
    expect(fs.existsSync(path.join(root, '_site/assets/images'))).toBe(false);
  });
});

describe('omnipress check with responsive images on', () => {
  it('makes no copies and writes no image cache', async () => {
    const root = siteFromFiles(await siteFiles());
    const result = await runCli(['check', '--root', root]);
    expect(result.status, result.stderr).toBe(0);
    expect(fs.existsSync(path.join(root, '.omnipress-cache'))).toBe(false);
  });
});

describe('an image sharp cannot read', () => {
  it('is one warning at the line showing it; the original is published and shown as it is', async () => {
    const whole = await photo(800, 450, 'png');
    const root = siteFromFiles({
      'omnipress.yml': CONFIG,
      'posts/ko/2024-05-02-깨진-사진.md': '---\ntitle: 깨진 사진\n---\n사진이 잘렸습니다.\n\n![잘린 사진](cut.png)\n',
      'posts/ko/cut.png': whole.subarray(0, whole.length / 2),
    });
    for (const build of ['cold', 'warm']) {
      const report = await buildSite(root);
      expect(report.ok, build).toBe(true);
      const warnings = report.diagnostics.filter((d) => d.severity === 'warning');
      expect(warnings, build).toEqual([
        expect.objectContaining({ file: path.join(root, 'posts/ko/2024-05-02-깨진-사진.md'), line: 6, code: 'image-variants', message: expect.stringContaining('image posts/ko/cut.png cannot be read') }),
      ]);
      // The warm build knows it from the cache: it does not try again.
      expect(report.images, build).toMatchObject({ made: 0, failed: 1 });
      const $ = page(root, 'ko/posts/깨진-사진/index.html');
      const img = $('img[alt="잘린 사진"]');
      expect(img.attr('src')).toBe('cut.png');
      expect(img.parent('picture')).toHaveLength(0);
      expect($('source')).toHaveLength(0);
      expect(fs.readFileSync(path.join(root, '_site/ko/posts/깨진-사진/cut.png'))).toEqual(whole.subarray(0, whole.length / 2));
    }
  });
});

describe('without sharp', () => {
  it('fails the build with one error naming the switch, and no stack trace', async () => {
    const root = siteFromFiles({ 'omnipress.yml': CONFIG, [POST]: '---\ntitle: 서울의 밤\n---\n![사진](photo.png)\n', 'posts/ko/photo.png': png(900, 600) });
    const hide = path.resolve('tests/helpers/hide-packages.mjs');
    const result = spawnCli(['build', '--root', root], { env: { HIDE_PACKAGES: 'sharp', NODE_OPTIONS: `--import ${pathToFileURL(hide).href}` } });
    expect(result.status).toBe(1);
    expect(result.stderr.match(/error: images\.responsive is on, but sharp, which makes the smaller images, cannot be loaded/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/omnipress\.yml:4/);
    expect(result.stderr).toMatch(/npm install sharp/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
