import { describe, expect, test } from 'vitest';
import { createMarkdown } from '../../../../src/markdown/renderer.js';
import { parseHtml, runnableUrls as runnable } from '../../../helpers/html.js';
import { FILE, LOOKUP, problems, render } from '../migration.js';
import { lines } from '../render.js';

/** URLs that would run in the rendered HTML (tests/helpers/html.ts, written apart from the policy). */
const runnableUrls = (html: string) => runnable(parseHtml(html));

const PAYLOADS = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'data:image/svg+xml,<svg/onload=alert(1)>', 'file:///etc/passwd'];

// Every tag and shortcode that takes a URL from the post.
const TAGS: Array<[string, (url: string) => string]> = [
  ['{% asset_link %}', (url) => `{% asset_link ${url} the slides %}`],
  ['{% asset_img %}', (url) => `{% asset_img ${url} %}`],
  ['{% img %}', (url) => `{% img left ${url} 300 %}`],
  ['{% asset_path %} as a destination', (url) => `[the slides]({% asset_path ${url} %})`],
  ['{{< figure src >}}', (url) => `{{< figure src="${url}" caption="A caption" >}}`],
  ['{{< figure link >}}', (url) => `{{< figure src="/a.png" link="${url}" >}}`],
];

describe('safe-links: every URL a tag or shortcode makes passes the URL policy', () => {
  test.each(TAGS)('%s never publishes a runnable URL, and says so at its line', (_, tag) => {
    for (const payload of PAYLOADS) {
      const result = render(lines('Intro', '', tag(payload)));
      expect(runnableUrls(result.html), payload).toEqual([]);
      expect(problems(result).filter((p) => p.includes('unsafe-url')), payload).toHaveLength(1);
      expect(result.diagnostics.find((d) => d.code === 'unsafe-url'), payload).toMatchObject({ file: FILE, line: 7, severity: 'warning' });
    }
  });

  test('an unsafe link keeps its text; an unsafe image goes; the figure and its caption stay', () => {
    const $link = parseHtml(render('{% asset_link javascript:alert(document.domain) 발표 자료 %}').html);
    expect($link('a')).toHaveLength(0);
    expect($link('p').text()).toBe('발표 자료');
    const $figure = parseHtml(render('{{< figure src="javascript:alert(1)" link="vbscript:x" caption="캡션" >}}').html);
    expect($figure('figure img, figure a')).toHaveLength(0);
    expect($figure('figure figcaption').text()).toBe('캡션');
  });

  test('safe URLs from tags are left as they were', () => {
    const result = render(lines('{% asset_link "발표 자료.pdf" 자료 %} {% img /a.png %} {% asset_img data:image/png;base64,AAAA %}', '', '{{< figure src="https://example.org/a.png" link="mailto:a@b.c" >}}'));
    const $ = parseHtml(result.html);
    expect($('a').map((_, a) => $(a).attr('href')).get()).toEqual(['%EB%B0%9C%ED%91%9C%20%EC%9E%90%EB%A3%8C.pdf', 'mailto:a@b.c']);
    expect($('img').map((_, img) => $(img).attr('src')).get()).toEqual(['/a.png', 'data:image/png;base64,AAAA', 'https://example.org/a.png']);
    expect(result.diagnostics).toEqual([]);
  });

  test('dropped URLs are not recorded as links of the post (so neither checked nor copied)', () => {
    const result = render('{% asset_link javascript:alert(1) x %} {% asset_img vbscript:x %} {% asset_link ok.pdf ok %}');
    expect(result.links).toEqual([{ kind: 'link', url: 'ok.pdf', line: 5 }]);
  });

  test('the links tags build themselves (quote sources, code captions, video cards) are links like any other', () => {
    const result = render(lines(
      '{% blockquote 이순신, 난중일기 https://example.org/diary 원문 %}', '맑음', '{% endblockquote %}',
      '',
      '{% codeblock a.js //example.org/a.js 원본 %}', 'a();', '{% endcodeblock %}',
      '',
      '{{< youtube dQw4w9WgXcQ >}}',
    ));
    expect(result.links.map((link) => `${link.line} ${link.url}`)).toEqual([
      '5 https://example.org/diary',
      '9 //example.org/a.js',
      '13 https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ]);
  });

  test('a media_subpath cannot turn images into script URLs', () => {
    const md = createMarkdown({ trustedHtml: false, siteOrigin: '' });
    const result = md.render('![a](cat.png)', { file: FILE, bodyLine: 5, mediaPath: 'javascript:alert(1)//', lookup: LOOKUP });
    expect(runnableUrls(result.html)).toEqual([]);
    expect(result.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['5 unsafe-url']);
  });

  test('trustedHtml trusts raw HTML, not the URLs tags make', () => {
    const md = createMarkdown({ trustedHtml: true, siteOrigin: '' });
    const result = md.render('{% asset_link javascript:alert(1) x %} <a href="javascript:alert(2)">raw</a>', { file: FILE, bodyLine: 5, lookup: LOOKUP });
    expect(result.html).toBe('<p>x <a href="javascript:alert(2)">raw</a></p>\n');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unsafe-url']);
  });
});
