import { describe, expect, test } from 'vitest';
import { lines } from '../render.js';
import { problems, render } from '../migration.js';

describe("Jekyll's post_url and link", () => {
  test('a Markdown link to {% post_url %} or {% link %} leads to the post, under the base path', () => {
    expect(render('[앞 글]({% post_url 2024-02-01-other %}) [같은 글]({% link _posts/ko/2024-02-01-other.md %})', { basePath: '/blog/' }).html).toBe(
      '<p><a href="/blog/ko/posts/other/">앞 글</a> <a href="/blog/ko/posts/other/">같은 글</a></p>\n',
    );
  });

  test('{{ site.baseurl }} before the tag and an anchor after it are understood', () => {
    expect(render('[a]({{ site.baseurl }}{% post_url 2024-02-01-other %}#설치)').html).toBe('<p><a href="/ko/posts/other/#%EC%84%A4%EC%B9%98">a</a></p>\n');
  });

  test('a name no post has is an error naming the line', () => {
    const result = render(lines('첫 줄', '', '[x]({% post_url 2020-01-01-gone %})'));
    expect(problems(result)).toEqual(['7 post-link: {% post_url 2020-01-01-gone %} names no post']);
    expect(result.diagnostics[0]!.severity).toBe('error');
  });

  test('in code, or outside a link destination, the tags stay as written (the latter reported as Liquid)', () => {
    const result = render(lines('`[x]({% post_url gone %})`', '', '{% post_url 2024-02-01-other %}'));
    expect(result.html).toBe('<p><code>[x]({% post_url gone %})</code></p>\n<p>{% post_url 2024-02-01-other %}</p>\n');
    expect(problems(result)).toEqual(['7 liquid-tag: Liquid/Hexo tag {% post_url %} is not supported and is shown as text; replace it with Markdown/HTML']);
  });
});
