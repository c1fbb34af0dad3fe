import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../../helpers/html.js';
import { lines } from '../render.js';
import { problems, render } from '../migration.js';

describe('Hugo shortcodes', () => {
  test('{{< figure >}} with named, quoted parameters becomes a figure with a Markdown caption', () => {
    const result = render('{{< figure src="/img/해변.jpg" alt="해 질 녘 바닷가" caption="**부산** 광안리" link="https://example.org/big" width="640" class="wide" >}}', { basePath: '/blog/' });
    const $ = parseHtml(result.html);
    expect($('figure').attr('class')).toBe('wide');
    expect($('figure > a').attr('href')).toBe('https://example.org/big');
    expect($('figure > a > img').attr()).toMatchObject({ src: '/blog/img/%ED%95%B4%EB%B3%80.jpg', alt: '해 질 녘 바닷가', width: '640', loading: 'lazy' });
    expect($('figcaption').html()).toBe('<strong>부산</strong> 광안리');
    expect(result.links).toEqual([
      { kind: 'link', url: 'https://example.org/big', line: 5 },
      { kind: 'image', url: '/img/%ED%95%B4%EB%B3%80.jpg', alt: '해 질 녘 바닷가', line: 5 },
    ]);
  });

  test('both delimiters work, and a title goes into the caption', () => {
    const $ = parseHtml(render('{{% figure src=a.png title="제목" %}}').html);
    expect($('figure img').attr('src')).toBe('a.png');
    expect($('figcaption').text()).toBe('제목 ');
    expect($('figcaption strong.figure-title').text()).toBe('제목');
  });

  test('{{< youtube >}} is a link card to youtube.com, with no iframe and nothing loaded from YouTube', () => {
    for (const body of ['{{< youtube dQw4w9WgXcQ >}}', '{{< youtube id="dQw4w9WgXcQ" >}}']) {
      const $ = parseHtml(render(body).html);
      expect($('iframe, script, img').length).toBe(0);
      expect($('p.video-card > a').attr('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
      expect($('p.video-card .video-card-title').text()).toBe('YouTube에서 보기');
    }
    const titled = parseHtml(render('{{< youtube id="dQw4w9WgXcQ" title="Evening walk" start="42" >}}', { lang: 'en' }).html);
    expect(titled('a').attr('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s');
    expect(titled('a').text()).toBe('▶ Evening walk Watch on YouTube');
  });

  test('a YouTube id that is not one is an error naming the line', () => {
    expect(problems(render(lines('앞', '', '{{< youtube "<script>" >}}')))).toEqual(['7 hugo-shortcode: {{< youtube <script> >}} is not a YouTube video id']);
  });

  test('ref and relref resolve to the post: in a Markdown link, on their own, by path, bundle or name', () => {
    expect(render('[다음]({{< ref "2024-02-01-other.md" >}})').html).toBe('<p><a href="/ko/posts/other/">다음</a></p>\n');
    expect(render('[b]({{< relref "/posts/trip" >}}) [c]({{% ref path="posts/trip/index.md" %}})').html).toBe(
      '<p><a href="/en/posts/trip/">b</a> <a href="/en/posts/trip/">c</a></p>\n',
    );
    expect(render('{{< relref "other" >}}').html).toBe('<p><a href="/ko/posts/other/">다른 글</a></p>\n');
  });

  test('an anchor in the reference stays on the link', () => {
    expect(render('[설치]({{< ref "other.md#설치" >}}) {{< relref "other#top" >}}').html).toBe(
      '<p><a href="/ko/posts/other/#%EC%84%A4%EC%B9%98">설치</a> <a href="/ko/posts/other/#top">다른 글</a></p>\n',
    );
  });

  test('a language given to ref picks that translation', () => {
    expect(render('[en]({{< ref "other" "en" >}}) {{< relref path="other" lang="ko" >}}').html).toBe(
      '<p><a href="/en/posts/other/">en</a> <a href="/ko/posts/other/">다른 글</a></p>\n',
    );
  });

  test('a ref to no post is an error naming the line', () => {
    const result = render(lines('첫 줄', '[x]({{< ref "nope.md" >}})', '{{< relref "nope" >}}'));
    expect(problems(result)).toEqual(['6 hugo-ref: {{< ref "nope.md" >}} names no post', '7 hugo-ref: {{< relref "nope" >}} names no post']);
    expect(result.diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  test('an unknown shortcode stays visible with one warning (its closing tag is not reported again)', () => {
    const result = render(lines('{{< details summary="더 보기" >}}', '숨은 내용', '{{< /details >}}', '', '글 중간의 {{< gist user 123 >}} 조각'));
    expect(result.html).toContain('{{&lt; details summary=&quot;더 보기&quot; &gt;}}');
    expect(result.html).toContain('{{&lt; /details &gt;}}');
    expect(problems(result)).toEqual([
      '5 hugo-shortcode: Hugo shortcode {{< details >}} is not supported and is shown as text',
      '9 hugo-shortcode: Hugo shortcode {{< gist >}} is not supported and is shown as text',
    ]);
  });

  test('a block shortcode inside a sentence is shown as text with a warning', () => {
    expect(problems(render('보세요 {{< figure src="a.png" >}} 여기'))).toEqual([
      '5 hugo-shortcode: Hugo shortcode {{< figure >}} must stand on a line of its own; it is shown as text',
    ]);
  });

  test('an opening `{{<` ends the search for the one before: neither nests in the other, even in quotes', () => {
    const result = render('x {{< figure caption="a {{< ref "other" >}}" >}} y');
    const $ = parseHtml(result.html);
    expect($('figure')).toHaveLength(0);
    expect($('p a').attr('href')).toBe('/ko/posts/other/');
    expect($('p').text()).toBe('x {{< figure caption="a 다른 글" >}} y');
    expect(problems(result)).toEqual([]);
  });

  test('the comment escape shows the shortcode itself', () => {
    const result = render('{{</* figure src="a.png" */>}}');
    expect(result.html).toBe('<p>{{&lt; figure src=&quot;a.png&quot; &gt;}}</p>\n');
    expect(result.diagnostics).toEqual([]);
  });

  test('highlight is a code block; notice and admonition are callouts', () => {
    const go = parseHtml(render(lines('{{< highlight go "linenos=table" >}}', 'fmt.Println("{{< x >}}")', '{{< /highlight >}}')).html);
    expect(go('pre.code.line-numbers > code.language-go').text()).toBe('fmt.Println("{{< x >}}")\n');
    expect(go('.tok-string-expression').text()).toBe('"{{< x >}}"');
    const $ = parseHtml(render(lines('{{% notice warning %}}', '조심', '{{% /notice %}}', '', '{{< admonition type="tip" >}}', '요령', '{{< /admonition >}}')).html);
    expect($('.callout').toArray().map((el) => `${$(el).attr('class')}: ${$(el).text().trim().replace(/\s+/g, ' ')}`)).toEqual([
      'callout callout-warning: 주의 조심',
      'callout callout-tip: 팁 요령',
    ]);
  });

  test('shortcodes in fences, indented code and code spans are never interpreted or reported', () => {
    const result = render(lines('`{{< youtube abcdefgh >}}` `[x]({{< ref "nope" >}})`', '', '```', '{{< figure src="a.png" >}}', '```', '', '    {{< gist a b >}}'));
    expect(result.html).toBe(
      '<p><code>{{&lt; youtube abcdefgh &gt;}}</code> <code>[x]({{&lt; ref &quot;nope&quot; &gt;}})</code></p>\n' +
        '<pre class="code" tabindex="0"><code>{{&lt; figure src=&quot;a.png&quot; &gt;}}\n</code></pre>\n<pre class="code" tabindex="0"><code>{{&lt; gist a b &gt;}}\n</code></pre>\n',
    );
    expect(result.diagnostics).toEqual([]);
  });

  test('what the migration plugins produce survives the sanitizer of posts with raw HTML', () => {
    const body = lines(
      '<span>raw</span>', '',
      '{{< youtube id="dQw4w9WgXcQ" title="영상" >}}', '',
      '{{< figure src="a.png" alt="그림" caption="캡션" link="/ko/" >}}', '',
      '{% note warning %}', '주의', '{% endnote %}', '',
      '> 팁', '{: .prompt-tip style="color: green" }', '',
      '```yml', 'a: 1', '```', '{: file="a.yml" }', '',
      '{% blockquote 작가 https://example.org/q 출처 %}', '인용', '{% endblockquote %}',
    );
    const result = render(body);
    const $ = parseHtml(result.html);
    expect($('.video-card a[rel="noopener"]').attr('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect($('figure > a[href="/ko/"] > img[alt="그림"]').length).toBe(1);
    expect($('figure:not(.code-block) figcaption').text()).toBe('캡션');
    expect($('div.callout.callout-warning[role="note"] .callout-label').text()).toBe('주의');
    expect($('blockquote.callout-tip').attr('style')).toBe('color: green');
    expect($('code[data-file="a.yml"]').length).toBe(1);
    expect($('blockquote footer cite a').attr('href')).toBe('https://example.org/q');
  });

  test('Go template output {{ .Title }} is left alone', () => {
    const result = render('{{ .Title }} and {{ site.Params.x }}');
    expect(result.html).toBe('<p>{{ .Title }} and {{ site.Params.x }}</p>\n');
    expect(result.diagnostics).toEqual([]);
  });
});
