// Images on built pages: local ones (beside the post, in its asset folder or bundle, under
// public/, the cover) carry their files' width and height so nothing moves as they load; titles
// and Chirpy's italic lines become captions; remote images stay remote and send no referrer; and
// the sizes follow the files: a warm build after an image is replaced is the cold build's, byte
// for byte. Built with the real pipeline, read with a real HTML parser.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonDiagnostic } from '../../src/check/format.js';
import { page } from '../helpers/html.js';
import { gif, jpeg, png, svg, webp } from '../helpers/images.js';
import { buildSite, readTree, runCli, siteFromFiles } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const BASE_URL = 'https://example.org/blog/';
const POST = 'posts/ko/2024-05-01-사진.md';

function siteFiles(): Record<string, string | Uint8Array> {
  return {
    'omnipress.yml': 'title: 사진첩\n',
    [POST]: [
      '---',
      'title: 사진',
      'image: /img/cover.png',
      '---',
      '![beside](photo.png)', // 5
      '',
      '![public jpeg](/img/b.jpg)', // 7
      '',
      '![public svg](/img/c.svg)', // 9
      '',
      '![asset folder gif](d.gif)', // 11
      '',
      '![with base path](/blog/img/b.jpg)', // 13
      '',
      '![unreadable](/img/broken.png)', // 15
      '',
      '![gone](/img/gone.png)', // 17
      '',
      '<img src="/img/b.jpg" alt="raw">', // 19
      '',
      '![야경](/img/b.jpg "밤의 서울")', // 21
      '',
      '![Desktop View](/img/c.svg){: w="350" }', // 23
      '_Full screen_',
      '',
      'Inline ![inline](/img/c.svg "tooltip") stays.', // 26
      '',
      '![remote](https://i.imgur.com/x.png)', // 28
      '',
      '<img src="https://cdn.example.net/y.png" alt="">', // 30
      '',
      '![](https://i.imgur.com/z.png)', // 32
    ].join('\n'),
    'posts/ko/photo.png': png(64, 48),
    'posts/ko/2024-05-01-사진/d.gif': gif(320, 200),
    'posts/en/trip/index.md': '---\ntitle: Trip\ndate: 2024-05-02\nimage: https://images.example.org/trip.jpg\n---\n![bundle](e.webp)\n',
    'posts/en/trip/e.webp': webp(300, 150),
    'public/img/b.jpg': jpeg(1200, 800),
    'public/img/c.svg': svg('viewBox="0 0 700 400"'),
    'public/img/cover.png': png(40, 20),
    'public/img/broken.png': 'not a png',
  };
}

const KO_PAGE = 'ko/posts/사진/index.html';

describe('a post with local, remote and captioned images, under a sub-path base URL', () => {
  let root: string;
  let $: ReturnType<typeof page>;
  const img = (src: string, n = 0) => $(`img[src="${src}"]`).eq(n);

  beforeAll(async () => {
    root = siteFromFiles(siteFiles());
    const report = await buildSite(root, { baseUrl: BASE_URL });
    expect(report.ok).toBe(true);
    $ = page(root, KO_PAGE);
  });

  it('gives local images the width and height of their files: beside the post, in its asset folder, in public/', () => {
    expect(img('photo.png').attr()).toMatchObject({ width: '64', height: '48', loading: 'lazy', decoding: 'async' });
    expect(img('/blog/img/b.jpg').attr()).toMatchObject({ width: '1200', height: '800' });
    expect(img('/blog/img/c.svg').attr()).toMatchObject({ width: '700', height: '400' });
    expect(img('d.gif').attr()).toMatchObject({ width: '320', height: '200' });
    // Written with the base path already: the same public/ file.
    expect($('img[alt="with base path"]').attr()).toMatchObject({ src: '/blog/img/b.jpg', width: '1200', height: '800' });
    const bundle = page(root, 'en/posts/trip/index.html');
    expect(bundle('img[src="e.webp"]').attr()).toMatchObject({ width: '300', height: '150' });
  });

  it('leaves images whose size cannot be read without a size, and builds', () => {
    expect($('img[alt="unreadable"]').attr('width')).toBeUndefined();
    expect($('img[alt="gone"]').attr('width')).toBeUndefined();
  });

  it('sizes raw-HTML images and the cover', () => {
    expect($('img[alt="raw"]').attr()).toMatchObject({ src: '/blog/img/b.jpg', width: '1200', height: '800' });
    expect($('.cover img').attr()).toMatchObject({ src: '/blog/img/cover.png', width: '40', height: '20' });
  });

  it('makes a titled image alone in its paragraph a figure, and Chirpy\'s italic line a caption', () => {
    const titled = $('img[alt="야경"]');
    expect(titled.parent().is('figure')).toBe(true);
    expect(titled.attr('title')).toBeUndefined();
    expect(titled.siblings('figcaption').text()).toBe('밤의 서울');
    const chirpy = $('img[alt="Desktop View"]');
    expect(chirpy.attr()).toMatchObject({ width: '350', height: '200' });
    expect(chirpy.parent().is('figure')).toBe(true);
    expect(chirpy.siblings('figcaption').text()).toBe('Full screen');
    const inline = $('img[alt="inline"]');
    expect(inline.parent().is('p')).toBe(true);
    expect(inline.attr('title')).toBe('tooltip');
  });

  it('keeps remote images and covers remote, lazy, async and without a referrer', () => {
    for (const src of ['https://i.imgur.com/x.png', 'https://cdn.example.net/y.png']) {
      expect(img(src).attr()).toMatchObject({ loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer' });
      expect(img(src).attr('width')).toBeUndefined();
    }
    expect(fs.existsSync(path.join(root, '_site/ko/posts/사진/x.png'))).toBe(false);
    // A cover from another site too.
    const cover = page(root, 'en/posts/trip/index.html')('.cover img');
    expect(cover.attr()).toMatchObject({ src: 'https://images.example.org/trip.jpg', referrerpolicy: 'no-referrer' });
    expect(cover.attr('width')).toBeUndefined();
  });
});

describe('omnipress check on images', () => {
  let found: JsonDiagnostic[];

  beforeAll(async () => {
    const root = siteFromFiles(siteFiles());
    const result = await runCli(['check', '--root', root, '--format', 'json'], { cwd: root });
    found = JSON.parse(result.stdout) as JsonDiagnostic[];
  });

  it('lists each host the site hot-links images from, with a count and the first place', () => {
    const hosts = found.filter((d) => d.message.includes('hot-linked'));
    expect(hosts).toEqual([
      expect.objectContaining({ severity: 'info', message: '1 image hot-linked from cdn.example.net', hint: expect.stringContaining(`first in ${POST}:30;`) }),
      expect.objectContaining({ severity: 'info', message: '2 images hot-linked from i.imgur.com', hint: expect.stringContaining(`first in ${POST}:28;`) }),
    ]);
  });

  it('warns about a Markdown image with empty alt text, not about a raw-HTML one marked decorative', () => {
    expect(found.filter((d) => d.message.endsWith('has no alt text')).map((d) => d.line)).toEqual([32]);
  });
});

describe('sizes in the build cache', () => {
  /** `root`'s sources built cold in a folder of their own: no cache, no output. */
  async function coldBuildOf(root: string): Promise<Map<string, string>> {
    const copy = tempDir('omnipress-cold-');
    fs.copyFileSync(path.join(root, 'omnipress.yml'), path.join(copy, 'omnipress.yml'));
    for (const part of ['posts', 'public']) fs.cpSync(path.join(root, part), path.join(copy, part), { recursive: true });
    expect((await buildSite(copy, { baseUrl: BASE_URL })).ok).toBe(true);
    return readTree(path.join(copy, '_site'));
  }

  it('a warm build after images are replaced by others of other sizes shows the new sizes, as a cold build does', async () => {
    const root = siteFromFiles(siteFiles());
    expect((await buildSite(root, { baseUrl: BASE_URL })).ok).toBe(true);
    const warm = await buildSite(root, { baseUrl: BASE_URL });
    expect(warm.rendered?.markdownRenders).toBe(0);

    fs.writeFileSync(path.join(root, 'public/img/b.jpg'), jpeg(600, 450));
    fs.writeFileSync(path.join(root, 'posts/ko/photo.png'), png(30, 60));
    fs.writeFileSync(path.join(root, 'public/img/cover.png'), png(50, 10));
    fs.writeFileSync(path.join(root, 'public/img/gone.png'), png(8, 8));
    const report = await buildSite(root, { baseUrl: BASE_URL });
    expect(report.ok).toBe(true);
    expect(report.rendered?.markdownRenders).toBe(1);
    const $ = page(root, KO_PAGE);
    expect($('img[alt="public jpeg"]').attr()).toMatchObject({ width: '600', height: '450' });
    expect($('img[alt="raw"]').attr()).toMatchObject({ width: '600', height: '450' });
    expect($('img[alt="beside"]').attr()).toMatchObject({ width: '30', height: '60' });
    expect($('img[alt="gone"]').attr()).toMatchObject({ width: '8', height: '8' });
    expect($('.cover img').attr()).toMatchObject({ width: '50', height: '10' });
    expect(readTree(path.join(root, '_site'))).toEqual(await coldBuildOf(root));
  });
});
