import { describe, expect, test } from 'vitest';
import { lines, renderer } from '../render.js';

const render = renderer();

describe('{% raw %} markers', () => {
  test('are dropped around and inside fences, without blank lines in the code', () => {
    const body = lines('{% raw %}', '```liquid', '{% raw %}', '{{ page.title }}', '{% if x %}y{% endif %}', '{% endraw %}', '```', '{% endraw %}');
    const result = render(body);
    expect(result.html).toMatchInlineSnapshot(`
      "<pre class="code" tabindex="0"><code class="language-liquid"><span class="tok-constant">{{ page.title }}</span>
      <span class="tok-keyword">{% </span><span class="tok-string-expression">if</span><span class="tok-keyword"> x %}</span>y<span class="tok-keyword">{% </span><span class="tok-string-expression">endif</span><span class="tok-keyword"> %}</span>
      </code></pre>
      "
    `);
    expect(result.diagnostics).toEqual([]);
  });

  test('are dropped inline, with whitespace control too', () => {
    const { html } = render('Use {% raw %}{{ site.url }}{% endraw %} or {%- raw -%}{% link a.md %}{%- endraw -%}.');
    expect(html).toBe('<p>Use {{ site.url }} or {% link a.md %}.</p>\n');
  });

  test('are dropped in indented code', () => {
    const { html } = render(lines('Text', '', '    {% raw %}', '    {{ x }}', '    {% endraw %}'));
    expect(html).toBe('<p>Text</p>\n<pre class="code" tabindex="0"><code>{{ x }}\n</code></pre>\n');
  });

  test('do not shift the lines of later diagnostics', () => {
    const body = lines('{% raw %}', '{{ a }}', '{% endraw %}', '', '<iframe></iframe>', '', '{% include b.html %}');
    expect(render(body).diagnostics.map((d) => d.line)).toEqual([9, 11]);
  });

  test('a lone marker stays as written: in inline code of a tutorial, or in text', () => {
    expect(render('Wrap Liquid in `{% raw %}` and close it with `{% endraw %}`.').html).toBe(
      '<p>Wrap Liquid in <code>{% raw %}</code> and close it with <code>{% endraw %}</code>.</p>\n',
    );
    expect(render('An unclosed {% raw %} here.').html).toBe('<p>An unclosed {% raw %} here.</p>\n');
    expect(render('A stray {% endraw %} here.').html).toBe('<p>A stray {% endraw %} here.</p>\n');
  });

  test('a pair inside one inline code span is dropped, as Jekyll does', () => {
    expect(render('Print `{% raw %}{{ page.title }}{% endraw %}` in a layout.').html).toBe(
      '<p>Print <code>{{ page.title }}</code> in a layout.</p>\n',
    );
  });
});

