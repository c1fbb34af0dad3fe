import { describe, expect, it } from 'vitest';
import { absolutizeHtml } from '../../../src/feeds/absolute-html.js';
import { publicUrls } from '../../../src/urls/public-urls.js';

const urls = publicUrls({ baseUrl: 'https://example.org/sub/', basePath: '/sub/' });
const absolutize = (html: string) => absolutizeHtml(html, (url) => urls.resolve(url, '/ko/posts/글/'));

describe('absolutizeHtml', () => {
  it('makes root-relative and path-relative href/src absolute, keeping the base path once', () => {
    expect(absolutize('<p><a href="/sub/ko/">a</a> <img src="pic.png" alt=""> <a href="../other/">b</a></p>')).toBe(
      '<p><a href="https://example.org/sub/ko/">a</a> <img src="https://example.org/sub/ko/posts/%EA%B8%80/pic.png" alt=""> <a href="https://example.org/sub/ko/posts/other/">b</a></p>',
    );
  });

  it('adds the base path to a root-relative URL that lacks it', () => {
    expect(absolutize('<img src="/img/a.png">')).toBe('<img src="https://example.org/sub/img/a.png">');
  });

  it('leaves absolute, protocol-relative, mailto and fragment URLs alone', () => {
    const html = '<a href="https://x.com/a">x</a><a href="//cdn.x.com/a">c</a><a href="mailto:a@b.c">m</a><a href="#fn1">f</a><svg><use href="#arrow"/></svg>';
    expect(absolutize(html)).toBe(html);
  });

  it('rewrites srcset, poster and single-quoted or unquoted values, entity-decoded and re-escaped', () => {
    expect(absolutize(`<img srcset="/a.png 1x, /b.png 2x"><video poster='/p.jpg'></video><a href=/q?x=1&amp;y=2>q</a>`)).toBe(
      '<img srcset="https://example.org/sub/a.png 1x, https://example.org/sub/b.png 2x"><video poster="https://example.org/sub/p.jpg"></video><a href="https://example.org/sub/q?x=1&amp;y=2">q</a>',
    );
  });

  it('never touches text, code, comments or script contents that look like attributes', () => {
    const html = '<pre><code>&lt;a href="/x"&gt;</code></pre><!-- <a href="/y"> --><script>var s = \'<a href="/z">\';</script>';
    expect(absolutize(html)).toBe(html);
  });

  it('gives root-relative URLs without a base URL', () => {
    const relative = publicUrls({ baseUrl: '', basePath: '/' });
    expect(absolutizeHtml('<img src="pic.png"><a href="/en/">e</a>', (url) => relative.resolve(url, '/ko/posts/a/'))).toBe(
      '<img src="/ko/posts/a/pic.png"><a href="/en/">e</a>',
    );
  });
});
