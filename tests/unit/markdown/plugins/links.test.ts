import { describe, expect, test } from 'vitest';
import { renderer } from '../render.js';

const render = renderer({ siteOrigin: 'https://example.org' });

describe('links', () => {
  test('links to other hosts get rel="noopener"', () => {
    expect(render('[a](https://other.com/x)').html).toBe(
      '<p><a href="https://other.com/x" rel="noopener">a</a></p>\n',
    );
    expect(render('<https://other.com>').html).toContain('rel="noopener"');
    expect(render('[p](//cdn.other.com/a)').html).toContain('rel="noopener"');
  });

  test('relative and same-origin links are untouched', () => {
    expect(render('[a](/ko/posts/글/) [b](https://example.org/zh/) [c](#top) [d](mailto:a@b.c)').html).toBe(
      '<p><a href="/ko/posts/%EA%B8%80/">a</a> <a href="https://example.org/zh/">b</a> <a href="#top">c</a> <a href="mailto:a@b.c">d</a></p>\n',
    );
  });

  test('without a site origin every absolute link is external', () => {
    expect(renderer({ siteOrigin: '' })('[a](https://example.org/)').html).toContain('rel="noopener"');
  });

  test('raw HTML links to other hosts get rel="noopener" too', () => {
    const { html } = render('<a href="https://other.com">x</a> <a href="/in">y</a>');
    expect(html).toContain('<a href="https://other.com" rel="noopener">x</a>');
    expect(html).toContain('<a href="/in">y</a>');
  });

  test('javascript: and other script URLs are not rendered as links', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'jav&#x61;script:alert(1)', 'vbscript:x', 'data:text/html;base64,PHNjcmlwdD4=']) {
      const { html } = render(`[x](${url}) <${url}>`);
      expect(html, url).not.toContain('<a');
      expect(html, url).toContain('[x](');
    }
  });

  test('linkify links URLs and www. hosts, not file names', () => {
    const { html } = render('See https://other.com/docs, www.other.com and setup.py or index.md.');
    expect(html).toBe(
      '<p>See <a href="https://other.com/docs" rel="noopener">https://other.com/docs</a>, ' +
        '<a href="http://www.other.com" rel="noopener">www.other.com</a> and setup.py or index.md.</p>\n',
    );
  });
});
