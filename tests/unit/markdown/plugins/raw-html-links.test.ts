import { describe, expect, test } from 'vitest';
import { BODY_LINE, lines, renderer } from '../render.js';

const render = renderer();

describe('raw-HTML links', () => {
  test('are recorded with their line, as Markdown links are, and the HTML is left as written', () => {
    const body = lines('[마크다운](/a/)', '', '<p>원문: <a href="/2024/05/14/old/#x">옛 글</a></p>', '', '<div>', "<a class='x' href='/b/'>b</a>", '</div>');
    const { html, links } = render(body);
    expect(links.map((l) => [l.kind, l.url, l.line - BODY_LINE, l.html ?? false])).toEqual([
      ['link', '/a/', 0, false],
      ['link', '/2024/05/14/old/#x', 2, true],
      ['link', '/b/', 5, true],
    ]);
    expect(html).toContain('<a href="/2024/05/14/old/#x">옛 글</a>');
  });

  test('in script text, or without an href, are no links', () => {
    const { links } = render(lines('<a name="top">top</a>', '', '<script>const s = \'<a href="/x/">\';</script>', '', 'text <a id="y">y</a>'));
    expect(links).toEqual([]);
  });
});
