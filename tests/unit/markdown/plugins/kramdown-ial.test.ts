import { describe, expect, test } from 'vitest';
import { lines } from '../render.js';
import { problems, render } from '../migration.js';

describe('kramdown attribute lists', () => {
  test('a prompt class after a blockquote makes a labelled callout', () => {
    expect(render(lines('> 먼저 백업하세요.', '{: .prompt-warning }')).html).toBe(
      '<blockquote class="callout callout-warning prompt-warning">\n<p class="callout-label">주의</p>\n<p>먼저 백업하세요.</p>\n</blockquote>\n',
    );
  });

  test('the label follows the post language', () => {
    expect(render(lines('> Back up first.', '{: .prompt-tip }'), { lang: 'en' }).html).toContain('<p class="callout-label">Tip</p>');
  });

  test('an attribute list inside the quote (> {: … }) applies to the quoted paragraph', () => {
    expect(render(lines('> 인용', '> {: .prompt-tip }')).html).toBe('<blockquote>\n<p class="prompt-tip">인용</p>\n</blockquote>\n');
  });

  test('a lazy line after a list applies to the list', () => {
    expect(render(lines('- 하나', '- 둘', '{: .checklist }')).html).toContain('<ul class="checklist">');
  });

  test('a prompt indented into a list item stays with the quote inside the item', () => {
    const html = render(lines('- 준비물', '  > 물을 챙기세요.', '  {: .prompt-tip }')).html;
    expect(html).toContain('<ul>\n<li>준비물<blockquote class="callout callout-tip prompt-tip">');
  });

  test('an unindented line after a quoted list applies to the outermost block, the quote', () => {
    expect(render(lines('> - 가', '> - 나', '{: .prompt-info }')).html).toMatch(/^<blockquote class="callout callout-info prompt-info">\n<p class="callout-label">정보<\/p>\n<ul>/);
  });

  test('image attributes in the same line, with Chirpy w/h', () => {
    expect(render('![지도](map.png){: w="700" h="400" .shadow .left }').html).toBe(
      '<p><img src="map.png" alt="지도" width="700" height="400" class="shadow left" loading="lazy" decoding="async"></p>\n',
    );
  });

  test('a line of its own after a heading, fence or table applies to that block', () => {
    const html = render(lines('## 제목', '{: #custom .no-toc }', '', '```sh', 'ls', '```', '{: file="run.sh" .nolineno }', '', '| a |', '|---|', '| b |', '{: .wide }')).html;
    expect(html).toContain('<h2 id="custom" class="no-toc">제목<a class="heading-anchor" href="#custom" aria-label="Link to this section"></a></h2>');
    expect(html).toContain('<pre class="code" tabindex="0"><code data-file="run.sh" class="nolineno language-sh"><span class="tok-function">ls</span>');
    expect(html).toContain('<table class="wide">');
    expect(html).not.toContain('{:');
  });

  test('the last line of a paragraph applies to the paragraph; an image alone gets it itself', () => {
    expect(render(lines('문단', '{: .lead title="요약" }')).html).toBe('<p class="lead" title="요약">문단</p>\n');
    expect(render(lines('![사진](a.png)', '{: width="300" .normal }')).html).toContain('<img src="a.png" alt="사진" width="300" class="normal"');
  });

  test('styles follow the raw-HTML style policy: no page overlays, however written', () => {
    const result = render(lines('문단', '{: style="position: fixed; inset: 0" }', '', '![a](b.png){: style="color: red; POSITION : FIXED" }', '', '끈적', '{: style="position: sticky; top: 0" }'));
    expect(result.html).not.toMatch(/fixed/i);
    expect(result.html).toContain('<p style="position: sticky; top: 0">끈적</p>');
    expect(problems(result).map((p) => p.slice(0, 40))).toEqual(['6 kramdown-ial: kramdown attribute style', '8 kramdown-ial: kramdown attribute style']);
  });

  test('event handlers, url() styles and unknown attributes are dropped with a warning naming the line', () => {
    const result = render(lines('텍스트', '', '![a](b.png){: onerror="alert(1)" style="background:url(x)" width="wide" srcset="x" style="color: red" }'));
    expect(result.html).toBe('<p>텍스트</p>\n<p><img src="b.png" alt="a" style="color: red" loading="lazy" decoding="async"></p>\n');
    expect(problems(result)).toEqual([
      '7 kramdown-ial: kramdown attribute onerror="alert(1)" is an event handler, which posts may not use, and was dropped',
      '7 kramdown-ial: kramdown attribute style="background:url(x)" loads or runs something, or covers the page, and was dropped',
      '7 kramdown-ial: kramdown attribute width="wide" is not a size and was dropped',
      '7 kramdown-ial: kramdown attribute srcset="x" is not allowed and was dropped',
    ]);
  });

  test('target is allowed on links only, and gets rel="noopener"', () => {
    expect(render('[문서](https://example.com/doc){:target="_blank"}').html).toBe(
      '<p><a href="https://example.com/doc" target="_blank" rel="noopener">문서</a></p>\n',
    );
  });

  test('attribute lists in code stay as written', () => {
    const html = render(lines('`![a](b.png){: .x }`', '', '```', '> q', '{: .prompt-tip }', '```')).html;
    expect(html).toBe('<p><code>![a](b.png){: .x }</code></p>\n<pre class="code" tabindex="0"><code>&gt; q\n{: .prompt-tip }\n</code></pre>\n');
  });

  test('a reference to a definition ({:toc}) and kramdown extensions ({::comment}) are left alone', () => {
    expect(render(lines('* 목차', '{:toc}')).html).toBe('<ul>\n<li>목차</li>\n</ul>\n');
    expect(render('{::comment}').html).toBe('<p>{::comment}</p>\n');
  });
});
