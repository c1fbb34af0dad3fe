import { describe, expect, it } from 'vitest';
import { newHref, oldAddressKey, rewriteOldLinks } from '../../../src/redirects/old-links.js';

const addresses = new Map([
  [oldAddressKey('/2024/05/14/gpt-4o/'), '/ko/posts/gpt-4o/'],
  [oldAddressKey('/2024/05/20/음성-모드/'), '/ko/posts/음성-모드/'],
  [oldAddressKey('/old/notes.html'), '/en/posts/notes/'],
]);

describe('newHref', () => {
  it('finds an old address with or without trailing slash or index.html, encoded or not', () => {
    for (const href of ['/2024/05/14/gpt-4o/', '/2024/05/14/gpt-4o', '/2024/05/14/gpt-4o/index.html']) {
      expect(newHref(href, addresses, '/'), href).toBe('/ko/posts/gpt-4o/');
    }
    const encoded = '/2024/05/20/%EC%9D%8C%EC%84%B1-%EB%AA%A8%EB%93%9C/';
    expect(newHref(encoded, addresses, '/')).toBe('/ko/posts/%EC%9D%8C%EC%84%B1-%EB%AA%A8%EB%93%9C/');
    expect(newHref('/2024/05/20/음성-모드/', addresses, '/')).toBe('/ko/posts/%EC%9D%8C%EC%84%B1-%EB%AA%A8%EB%93%9C/');
    expect(newHref('/old/notes.html', addresses, '/')).toBe('/en/posts/notes/');
  });

  it('keeps the fragment and the query', () => {
    expect(newHref('/2024/05/14/gpt-4o/#setup', addresses, '/')).toBe('/ko/posts/gpt-4o/#setup');
    expect(newHref('/2024/05/14/gpt-4o/?ref=feed#setup', addresses, '/')).toBe('/ko/posts/gpt-4o/?ref=feed#setup');
  });

  it('finds it with or without the base path, and answers under it', () => {
    expect(newHref('/blog/2024/05/14/gpt-4o/', addresses, '/blog/')).toBe('/blog/ko/posts/gpt-4o/');
    expect(newHref('/2024/05/14/gpt-4o/#a', addresses, '/blog/')).toBe('/blog/ko/posts/gpt-4o/#a');
  });

  it('finds it written in full with the site\'s own host, over http or https, and answers with a path', () => {
    expect(newHref('https://me.github.io/blog/2024/05/14/gpt-4o/#a', addresses, '/blog/', 'me.github.io')).toBe('/blog/ko/posts/gpt-4o/#a');
    expect(newHref('http://ME.github.io/2024/05/14/gpt-4o', addresses, '/blog/', 'me.github.io')).toBe('/blog/ko/posts/gpt-4o/');
    expect(newHref('https://other.example/2024/05/14/gpt-4o/', addresses, '/blog/', 'me.github.io')).toBeUndefined();
    expect(newHref('https://me.github.io.evil.example/2024/05/14/gpt-4o/', addresses, '/blog/', 'me.github.io')).toBeUndefined();
  });

  it('leaves every other link alone', () => {
    for (const href of ['/2024/05/14/other/', '2024/05/14/gpt-4o/', '//example.org/2024/05/14/gpt-4o/', 'https://example.org/2024/05/14/gpt-4o/', '#x', '/%E0%A4%A/']) {
      expect(newHref(href, addresses, '/'), href).toBeUndefined();
    }
  });
});

describe('rewriteOldLinks', () => {
  it('rewrites Markdown\'s links and raw HTML\'s, in any quoting, and nothing else', () => {
    const html = [
      '<p><a href="/2024/05/14/gpt-4o/#setup">a</a>',
      "<a class='x' href='/2024/05/14/gpt-4o'>b</a>",
      '<a href=/2024/05/14/gpt-4o/index.html>c</a>',
      '<a title="/2024/05/14/gpt-4o/" href="/ko/">d</a>',
      '<img src="/2024/05/14/gpt-4o/">',
      '<code>&lt;a href="/2024/05/14/gpt-4o/"&gt;</code></p>',
    ].join('\n');
    expect(rewriteOldLinks(html, addresses, '/')).toBe(
      [
        '<p><a href="/ko/posts/gpt-4o/#setup">a</a>',
        "<a class='x' href='/ko/posts/gpt-4o/'>b</a>",
        '<a href="/ko/posts/gpt-4o/">c</a>',
        '<a title="/2024/05/14/gpt-4o/" href="/ko/">d</a>',
        '<img src="/2024/05/14/gpt-4o/">',
        '<code>&lt;a href="/2024/05/14/gpt-4o/"&gt;</code></p>',
      ].join('\n'),
    );
  });

  it('reads entities in the href and writes them back', () => {
    expect(rewriteOldLinks('<a href="/2024/05/14/gpt-4o/?a=1&amp;b=2">x</a>', addresses, '/')).toBe('<a href="/ko/posts/gpt-4o/?a=1&amp;b=2">x</a>');
  });

  it('gives back the very same text when there is nothing to rewrite', () => {
    const html = '<p><a href="/ko/posts/x/">x</a></p>';
    expect(rewriteOldLinks(html, addresses, '/')).toBe(html);
    expect(rewriteOldLinks('<a href="/2024/05/14/gpt-4o/">x</a>', new Map(), '/')).toBe('<a href="/2024/05/14/gpt-4o/">x</a>');
  });
});
