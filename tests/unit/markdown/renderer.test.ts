import { describe, expect, it, test } from 'vitest';
import { createMarkdown } from '../../../src/markdown/renderer.js';
import { createSanitizer } from '../../../src/markdown/sanitize.js';
import { BODY_LINE, FILE, lines, renderer } from './render.js';

const render = renderer();

// Everything markdown-it and our plugins emit, in one post.
const EVERYTHING = lines(
  '# 제목 Title',
  '',
  'Some *em*, **strong**, ~~gone~~, `code`, [link](/a "t"), [ext](https://other.com), https://auto.link/x,',
  'a hard  ',
  'break and a footnote[^1]. 中文[^note]',
  '',
  'Say "hi" & 1 < 2 > 0.',
  '',
  '> quote',
  '',
  '1. one',
  '2. two',
  '',
  '3) three',
  '',
  '- [ ] task',
  '',
  '| left | center | right |',
  '|:-----|:------:|------:|',
  '| 1 | 2 | 3 |',
  '',
  '![img](/a.png)',
  '',
  '```ts',
  'const x: Array<number> = [];',
  '```',
  '',
  '```mermaid',
  'A --> B',
  '```',
  '',
  '    indented',
  '',
  '---',
  '',
  '[^1]: First.',
  '[^note]: 두 번째.',
);

// What the Hexo, Hugo and Jekyll plugins write themselves, beyond markdown-it's own markup.
const PLUGINS = lines(
  '{% note warning %}',
  'Careful {% asset_link "a b.pdf" the slides %} and {% asset_img left photo.png 300 "A title" "Alt" %}',
  '{% endnote %}',
  '',
  '{% blockquote Ada, Notes https://example.org/ada The source %}',
  'Quoted',
  '{% endblockquote %}',
  '',
  '{% codeblock run.js lang:js https://example.org/run.js full source %}',
  'run();',
  '{% endcodeblock %}',
  '',
  '{{< figure src="/img/a.png" link="/b/" target="_blank" alt="A" caption="A *caption*" title="T" class="wide" width="300" >}}',
  '',
  '{{< youtube id="dQw4w9WgXcQ" title="A \'video\' & more" start="42" >}}',
  '',
  '{{% notice tip %}}',
  'A tip',
  '{{% /notice %}}',
  '',
  '> A prompt',
  '{: .prompt-info }',
  '',
  'Styled',
  '{: #styled .lead style="color: red" data-x="1" lang="en" }',
  '',
  '```js',
  'code();',
  '```',
  '{: file="a.js" }',
);

describe('createMarkdown', () => {
  test('renders footnotes and tables', () => {
    const { html } = render(lines('Text[^1]', '', '| a | b |', '|:--|--:|', '| 1 | 2 |', '', '[^1]: 각주'));
    expect(html).toMatchInlineSnapshot(`
      "<p>Text<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup></p>
      <table>
      <thead>
      <tr>
      <th style="text-align:left">a</th>
      <th style="text-align:right">b</th>
      </tr>
      </thead>
      <tbody>
      <tr>
      <td style="text-align:left">1</td>
      <td style="text-align:right">2</td>
      </tr>
      </tbody>
      </table>
      <hr class="footnotes-sep">
      <section class="footnotes">
      <ol class="footnotes-list">
      <li id="fn1" class="footnote-item"><p>각주 <a href="#fnref1" class="footnote-backref">↩︎</a></p>
      </li>
      </ol>
      </section>
      "
    `);
  });

  test('the sanitizer keeps everything markdown-it and the plugins emit, byte for byte', () => {
    const trusted = createMarkdown({ trustedHtml: true, siteOrigin: 'https://example.org', basePath: '/blog/' });
    const render = (body: string) => trusted.render(body, { file: FILE, bodyLine: BODY_LINE, lookup: { byPath: {}, byName: {} } }).html;
    const sanitize = createSanitizer('https://example.org', '/blog/');
    const html = render(`${EVERYTHING}\n\n${PLUGINS}`);
    expect(html).toContain('<figure class="code-block">');
    expect(html).toContain('<p class="video-card">');
    expect(sanitize(html)).toBe(html);
  });

  test('posts with raw HTML keep their Markdown output', () => {
    const plain = render(EVERYTHING).html;
    const withHtml = render(`${EVERYTHING}\n\n<kbd>K</kbd>`).html;
    expect(withHtml).toContain(plain.split('<hr class="footnotes-sep">')[0]!);
  });

  test('diagnostics carry the post file and source lines, sorted by line', () => {
    const body = lines('[^1]: {% include a %}', '', 'Text[^1] <b onclick="x">b</b>', '', '<script></script>');
    const result = render(body);
    expect(result.diagnostics.map((d) => [d.file, d.line])).toEqual([
      [FILE, 5],
      [FILE, 7],
      [FILE, 9],
    ]);
  });

  test('renders are independent: findings do not leak into the next post', () => {
    const first = render('## A\n\n<script></script>\n\n```mermaid\nA\n```\n\n{% include x %}\n\n[x](/x/)');
    const second = render('## A');
    expect(first.diagnostics).toHaveLength(2);
    expect(first.hasMermaid).toBe(true);
    expect(first.diagrams).toEqual([{ source: 'A\n', line: 9 }]);
    expect(first.links).toHaveLength(1);
    expect(second).toEqual({ html: '<h2 id="a">A<a class="heading-anchor" href="#a" aria-label="Link to this section"></a></h2>\n', headings: [{ level: 2, id: 'a', text: 'A' }], hasMermaid: false, diagrams: [], hasCode: false, links: [], diagnostics: [], imageFiles: [], pictures: [] });
  });

  test('an empty body renders to nothing', () => {
    expect(render('')).toEqual({ html: '', headings: [], hasMermaid: false, diagrams: [], hasCode: false, links: [], diagnostics: [], imageFiles: [], pictures: [] });
  });
});

describe('content nested beyond the parser\'s limit', () => {
  it('is reported once, at the line where the page stops showing it', () => {
    const md = createMarkdown({ trustedHtml: false, siteOrigin: '' });
    const list = Array.from({ length: 120 }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n');
    const result = md.render(`Intro.\n\n${list}\n\nTail text.\n`, { file: '/site/posts/deep.md', bodyLine: 4, id: 'deep.md', lang: 'en' });
    // Each list level is two levels for the parser (the list and its item): item 49 is the 101st.
    expect(result.html).toContain('item 48');
    expect(result.html).not.toContain('item 49');
    expect(result.html).not.toContain('Tail text');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: '/site/posts/deep.md', line: 4 + 2 + 49, severity: 'warning', code: 'nesting-limit' }),
    ]);
  });

  it('is not reported for ordinary nesting', () => {
    const md = createMarkdown({ trustedHtml: false, siteOrigin: '' });
    const result = md.render('> a\n>> b\n>>> c\n\n- x\n  - y\n    - z\n', { file: '/site/posts/ok.md', bodyLine: 1, id: 'ok.md', lang: 'en' });
    expect(result.diagnostics).toEqual([]);
  });
});
