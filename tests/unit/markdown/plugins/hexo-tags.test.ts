import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../../helpers/html.js';
import { lines } from '../render.js';
import { problems, render } from '../migration.js';

describe('Hexo tags', () => {
  test('{% note type %} becomes a labelled callout whose content is Markdown', () => {
    expect(render(lines('{% note danger %}', '**지우기** 전에 확인', '{% endnote %}')).html).toBe(
      '<div class="callout callout-danger" role="note">\n<p class="callout-label">위험</p>\n<p><strong>지우기</strong> 전에 확인</p>\n</div>\n',
    );
  });

  test('NexT note types map to the callout kinds, an unknown or missing one to a plain note', () => {
    const kinds = ['default', 'primary', 'success', 'info', 'warning', 'danger', 'purple', ''].map((type) => {
      const $ = parseHtml(render(lines(`{% note ${type} %}`, 'x', '{% endnote %}')).html);
      return $('.callout').attr('class');
    });
    expect(kinds).toEqual([
      'callout callout-note', 'callout callout-info', 'callout callout-tip', 'callout callout-info',
      'callout callout-warning', 'callout callout-danger', 'callout callout-note', 'callout callout-note',
    ]);
  });

  test('notes nest, and may interrupt a paragraph', () => {
    const $ = parseHtml(render(lines('문단', '{% note info %}', '{% note warning %}', '안쪽', '{% endnote %}', '{% endnote %}')).html);
    expect($('.callout-info > .callout-warning > p').not('.callout-label').text()).toBe('안쪽');
  });

  test('{% img %}: classes, URL, size, title and alt', () => {
    expect(render('{% img left half /photos/cat.jpg 300 200 "고양이 사진" "창가의 고양이" %}').html).toBe(
      '<p><img src="/photos/cat.jpg" alt="창가의 고양이" class="left half" width="300" height="200" title="고양이 사진" loading="lazy" decoding="async"></p>\n',
    );
  });

  test('{% img %} and {% asset_img %} with an unsafe URL are dropped, each with a warning naming the line', () => {
    const result = render(lines('{% img javascript:alert(1) %}', '', '앞 {% asset_img data:text/html,<b>x</b> %} 뒤', '{% img left JaVaScRiPt:alert(2) 300 %}'));
    expect(result.html).toBe('<p></p>\n<p>앞  뒤\n</p>\n');
    expect(problems(result)).toEqual([
      '5 unsafe-url: Image "javascript:alert(1)" is not allowed and was dropped',
      '7 unsafe-url: Image "data:text/html,%3Cb%3Ex%3C/b%3E" is not allowed and was dropped',
      '8 unsafe-url: Image "JaVaScRiPt:alert(2)" is not allowed and was dropped',
    ]);
  });

  test('{% asset_link %} and {% asset_path %} with an unsafe URL keep their text without the link, with a warning', () => {
    const result = render(lines('{% asset_link javascript:alert(document.domain) slides %}', '', '[슬라이드]({% asset_path vbscript:msgbox(1) %}) {% asset_link data:text/html,x %}'));
    const $ = parseHtml(result.html);
    expect($('p').first().text()).toBe('slides');
    expect($('a').map((_, a) => $(a).attr('href')).get()).toEqual(['#']);
    expect($('p').last().text()).toBe('슬라이드 data:text/html,x');
    expect(problems(result)).toEqual([
      '5 unsafe-url: Link to "javascript:alert(document.domain)" is not allowed: its text is kept, without the link',
      '7 unsafe-url: {% asset_path vbscript:msgbox(1) %} is not a safe URL and was not linked',
      '7 unsafe-url: Link to "data:text/html,x" is not allowed: its text is kept, without the link',
    ]);
  });

  test('{% asset_img %} is a relative image (the render stage copies it from the asset folder)', () => {
    const result = render('{% asset_img "my photo.png" 바닷가 %}');
    expect(result.html).toBe('<p><img src="my%20photo.png" alt="바닷가" title="바닷가" loading="lazy" decoding="async"></p>\n');
    expect(result.links).toEqual([{ kind: 'image', url: 'my%20photo.png', alt: '바닷가', line: 5 }]);
  });

  test('{% asset_link %} and {% asset_path %} link a file of the asset folder, relative to the page', () => {
    const result = render(lines('{% asset_link "발표 자료.pdf" 발표 자료 %}', '', '[슬라이드]({% asset_path slides.pdf %}) {% asset_path a.zip %}'));
    expect(result.html).toBe(
      '<p><a href="%EB%B0%9C%ED%91%9C%20%EC%9E%90%EB%A3%8C.pdf">발표 자료</a></p>\n<p><a href="slides.pdf">슬라이드</a> a.zip</p>\n',
    );
    expect(result.diagnostics).toEqual([]);
  });

  test('{% post_link %} links to the post by file name, in the post language, with its title or the given text', () => {
    expect(render('{% post_link other %} / {% post_link 2024-02-01-other 그 글 true %}').html).toBe(
      '<p><a href="/ko/posts/other/">다른 글</a> / <a href="/ko/posts/other/">그 글</a></p>\n',
    );
    expect(render('{% post_link other %}', { lang: 'en' }).html).toBe('<p><a href="/en/posts/other/">The other one</a></p>\n');
  });

  test('{% post_link %} and {% post_path %} to no post are errors naming the line', () => {
    const result = render(lines('첫 줄', '둘째 {% post_link missing-post %} 줄', '', '[링크]({% post_path nowhere %})'));
    expect(result.html).toContain('둘째 missing-post 줄');
    expect(problems(result)).toEqual([
      '6 post-link: {% post_link missing-post %} links to "missing-post", but no post has that file name or slug',
      '8 post-link: {% post_path nowhere %} names no post',
    ]);
    expect(result.diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  test('[text]({% post_path name %}) is a Markdown link to the post, under the base path', () => {
    expect(render('[전편]({% post_path other %})', { basePath: '/blog/' }).html).toBe('<p><a href="/blog/ko/posts/other/">전편</a></p>\n');
  });

  test('{% blockquote author, source link title %} has a footer with the citation', () => {
    expect(render(lines('{% blockquote 이순신, 난중일기 https://example.org/diary 원문 보기 %}', '오늘은 맑았다.', '{% endblockquote %}')).html).toBe(
      '<blockquote>\n<p>오늘은 맑았다.</p>\n<footer><strong>이순신</strong>, <cite>난중일기 <a href="https://example.org/diary" rel="noopener">원문 보기</a></cite></footer>\n</blockquote>\n',
    );
    expect(render(lines('{% blockquote %}', '출처 없음', '{% endblockquote %}')).html).toBe('<blockquote>\n<p>출처 없음</p>\n</blockquote>\n');
  });

  test('{% codeblock %} and {% highlight %} are code blocks in their language, content literal', () => {
    const python = parseHtml(render(lines('{% codeblock lang:python %}', 'print("{% note %}")', '{% endcodeblock %}')).html);
    expect(python('pre.code > code.language-python').text()).toBe('print("{% note %}")\n');
    expect(python('.tok-function').text()).toBe('print');
    const ruby = parseHtml(render(lines('{% highlight ruby linenos %}', 'puts 1', '{% endhighlight %}')).html);
    expect(ruby('pre.code.line-numbers > code.language-ruby').text()).toBe('puts 1\n');
    const $ = parseHtml(render(lines('{% codeblock 예제 파일 lang:js https://example.org/src 전체 코드 %}', 'let a;', '{% endcodeblock %}')).html);
    expect($('figure.code-block figcaption').text()).toBe('예제 파일 전체 코드');
    expect($('figure.code-block pre code.language-js').text()).toBe('let a;\n');
  });

  test('tags in fences, indented code and code spans are never interpreted or reported', () => {
    const body = lines('`{% post_link missing %}` `{% img /a.png %}`', '', '```', '{% note info %}', '{% endnote %}', '```', '', '    {% asset_img a.png %}');
    const result = render(body);
    expect(result.html).toBe(
      '<p><code>{% post_link missing %}</code> <code>{% img /a.png %}</code></p>\n<pre class="code" tabindex="0"><code>{% note info %}\n{% endnote %}\n</code></pre>\n<pre class="code" tabindex="0"><code>{% asset_img a.png %}\n</code></pre>\n',
    );
    expect(result.diagnostics).toEqual([]);
  });

  test('a mermaid codeblock is a diagram like a mermaid fence', () => {
    expect(render(lines('{% codeblock lang:mermaid %}', 'graph TD; A-->B', '{% endcodeblock %}')).hasMermaid).toBe(true);
  });
});
