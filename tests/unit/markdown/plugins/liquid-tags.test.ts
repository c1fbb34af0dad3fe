import { describe, expect, test } from 'vitest';
import { FILE, lines, renderer } from '../render.js';

const render = renderer();

describe('Liquid and Hexo tags', () => {
  test('{{ … }} and {% … %} are shown literally, never evaluated', () => {
    const { html } = render('{{ site.title }} {% if user %}hi{% endif %}');
    expect(html).toBe('<p>{{ site.title }} {% if user %}hi{% endif %}</p>\n');
  });

  test('each {% tag %} outside code is a warning with its source line', () => {
    const body = lines('Intro', '', '{% include toc.html %}', '', 'Text', 'more {% img /a.png 200 %}', '', '{% note info %}', 'Hi', '{% endnote %}');
    const result = render(body);
    expect(result.html).toContain('<p>{% include toc.html %}</p>');
    expect(result.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '7: Liquid/Hexo tag {% include %} is not supported and is shown as text; replace it with Markdown/HTML',
      '10: Liquid/Hexo tag {% img %} is not supported and is shown as text; replace it with Markdown/HTML',
      '12: Liquid/Hexo tag {% note %} is not supported and is shown as text; replace it with Markdown/HTML',
      '14: Liquid/Hexo tag {% endnote %} is not supported and is shown as text; replace it with Markdown/HTML',
    ]);
    expect(result.diagnostics[0]).toMatchObject({ file: FILE, severity: 'warning' });
  });

  test('tags in code, fences and {% raw %} blocks are not reported', () => {
    const body = lines('Use `{% include x %}`.', '', '```', '{% highlight js %}', '```', '', '{% raw %}', '{% include y %}', '{% endraw %}');
    expect(render(body).diagnostics).toEqual([]);
  });

  test('tags in raw HTML, headings, lists and tables are reported', () => {
    const body = lines('## {% t title %}', '', '- a', '- {% post_link x %}', '', '| a |', '|---|', '| {% asset_img y %} |', '', '<div>', '{% include z %}', '</div>');
    expect(render(body).diagnostics.map((d) => d.line)).toEqual([5, 8, 12, 15]);
  });

  test('lines stay right after an HTML tag spanning lines', () => {
    const body = lines('Text <img', 'alt="{% a %}"> more', 'and {% b %}');
    expect(render(body).diagnostics.map((d) => d.line)).toEqual([6, 7]);
  });

  test('a tag broken up by linkify is still one tag', () => {
    expect(render('{% img https://other.com/a.png %}').diagnostics).toHaveLength(1);
  });
});
