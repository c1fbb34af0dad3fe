import { describe, expect, test } from 'vitest';
import { createMarkdown } from '../../../../src/markdown/renderer.js';
import { BODY_LINE, FILE } from '../render.js';

const render = (body: string, mediaPath?: string, basePath = '/') =>
  createMarkdown({ trustedHtml: false, siteOrigin: 'https://example.org', basePath }).render(body, { file: FILE, bodyLine: BODY_LINE, mediaPath });

describe('media-subpath', () => {
  test("relative images go under the post's media_subpath, then under the base path", () => {
    const out = render('![잎](leaf.png) ![둘](./img/two.png)', '/assets/img/posts/화분/', '/sub/');
    expect(out.html).toContain(`<img src="/sub/assets/img/posts/${encodeURIComponent('화분')}/leaf.png" alt="잎"`);
    expect(out.html).toContain(`<img src="/sub/assets/img/posts/${encodeURIComponent('화분')}/img/two.png" alt="둘"`);
    // Recorded with the prefix, so the build does not look for (and miss) them beside the post.
    expect(out.links.map((l) => l.url)).toEqual([`/assets/img/posts/${encodeURIComponent('화분')}/leaf.png`, `/assets/img/posts/${encodeURIComponent('화분')}/img/two.png`]);
  });

  test('root-relative and absolute images, links, and posts without media_subpath are left alone', () => {
    const body = '![a](/img/a.png) ![b](https://example.com/b.png) [c](c.pdf)';
    expect(render(body, '/assets/').html).toBe(render(body).html);
    expect(render('![d](d.png)').html).toContain('src="d.png"');
  });
});
