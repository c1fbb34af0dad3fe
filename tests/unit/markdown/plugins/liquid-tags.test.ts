import { describe, expect, test } from 'vitest';
import { FILE, lines, renderer } from '../render.js';

const render = renderer();

// Tags that no plugin understands; the ones hexo-tags renders (note, img, post_link…) are tested there.
describe('Liquid and Hexo tags', () => {
  test('{{ … }} and {% … %} are shown literally, never evaluated', () => {
    const { html } = render('{{ site.title }} {% if user %}hi{% endif %}');
    expect(html).toBe('<p>{{ site.title }} {% if user %}hi{% endif %}</p>\n');
  });

  test('each {% tag %} outside code is a warning with its source line and the code liquid-tag', () => {
    const body = lines('Intro', '', '{% include toc.html %}', '', 'Text', 'more {% assign x = 2 %}', '', '{% pullquote left %}', 'Hi', '{% endpullquote %}');
    const result = render(body);
    expect(result.html).toContain('<p>{% include toc.html %}</p>');
    expect(result.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '7: Liquid/Hexo tag {% include %} is not supported and is shown as text; replace it with Markdown/HTML',
      '10: Liquid/Hexo tag {% assign %} is not supported and is shown as text; replace it with Markdown/HTML',
      '12: Liquid/Hexo tag {% pullquote %} is not supported and is shown as text; replace it with Markdown/HTML',
    ]);
    expect(result.diagnostics[0]).toMatchObject({ file: FILE, severity: 'warning', code: 'liquid-tag' });
  });

  test('a closing {% endxxx %} is reported only when nothing opened it', () => {
    const result = render(lines('{% pullquote %}', 'a', '{% endpullquote %}', '', '{% endcomment %}'));
    expect(result.diagnostics.map((d) => [d.line, /\{% \w+ %\}/.exec(d.message)?.[0]])).toEqual([
      [5, '{% pullquote %}'],
      [9, '{% endcomment %}'],
    ]);
  });

  test('an unclosed {% note %} stays text and is reported once', () => {
    const result = render(lines('{% note info %}', 'never closed'));
    expect(result.html).toContain('{% note info %}');
    expect(result.diagnostics.map((d) => [d.line, d.code])).toEqual([[5, 'liquid-tag']]);
  });

  test('tags in code, fences and {% raw %} blocks are not reported', () => {
    const body = lines('Use `{% include x %}`.', '', '```', '{% highlight js %}', '```', '', '{% raw %}', '{% include y %}', '{% endraw %}');
    expect(render(body).diagnostics).toEqual([]);
  });

  test('tags in raw HTML, headings, lists and tables are reported', () => {
    const body = lines('## {% t title %}', '', '- a', '- {% link x.md %}', '', '| a |', '|---|', '| {% cycle y %} |', '', '<div>', '{% include z %}', '</div>');
    expect(render(body).diagnostics.map((d) => d.line)).toEqual([5, 8, 12, 15]);
  });

  test('lines stay right after an HTML tag spanning lines', () => {
    const body = lines('Text <img', 'alt="{% a %}"> more', 'and {% b %}');
    expect(render(body).diagnostics.map((d) => d.line)).toEqual([6, 7]);
  });

  test('a tag broken up by linkify is still one tag', () => {
    expect(render('{% embed https://other.com/a.png %}').diagnostics).toHaveLength(1);
  });
});
