import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../../helpers/html.js';
import { lines, renderer } from '../render.js';

const render = renderer();

/** The text of each token span of the first code block, with its kind. */
function tokens(html: string): string[] {
  const $ = parseHtml(html);
  return $('pre.code [class^="tok-"]')
    .toArray()
    .map((el) => `${$(el).attr('class')!.slice(4)}:${$(el).text()}`);
}

describe('highlighted code blocks', () => {
  test('a Python block: token spans, and the text exactly the source', () => {
    const source = 'def total(rows):\n    return sum(int(r["votes"]) for r in rows)  # 합계\n';
    const { html, hasCode } = render(`\`\`\`python\n${source}\`\`\``);
    expect(tokens(html)).toEqual(expect.arrayContaining(['keyword:def ', 'function:total', 'parameter:rows', 'comment:# 합계']));
    expect(parseHtml(html)('pre.code > code.language-python').text()).toBe(source);
    expect(hasCode).toBe(true);
  });

  test('a Bash block', () => {
    const { html } = render(lines('```bash', 'for f in *.md; do echo "$f"; done', '```'));
    expect(tokens(html)).toEqual(expect.arrayContaining(['keyword:for', 'keyword:in', 'function:echo ', 'constant:$f', 'keyword:done']));
  });

  test('a TypeScript block with a Korean comment keeps the comment whole', () => {
    const { html } = render(lines('```ts', 'const a: number = 1; // 기사 목록을 태그로 거릅니다', '```'));
    expect(tokens(html)).toEqual(expect.arrayContaining(['keyword:const ', 'constant:a', 'comment:// 기사 목록을 태그로 거릅니다']));
  });

  test('languages by their usual names and aliases, in any case', () => {
    const grammarOf = (lang: string) => parseHtml(render(`\`\`\`${lang}\nx = 1\n\`\`\``).html)('[class^="tok-"]').length > 0;
    for (const lang of ['py', 'sh', 'shell', 'console', 'js', 'ts', 'c++', 'objective-c', 'yaml', 'json', 'sql', 'go', 'golang', 'java', 'diff', 'html', 'css', 'nginx', 'dockerfile', 'jsx', 'tsx', 'php', 'kotlin', 'swift', 'rust', 'Python', 'YAML']) {
      expect(render(`\`\`\`${lang}\nx = 1\n\`\`\``).diagnostics, lang).toEqual([]);
    }
    expect(grammarOf('Python')).toBe(true);
  }, 60_000);

  test('an unknown language is plain text with a warning naming the line; text and no language are plain without one', () => {
    const result = render(lines('```brainfudge', '+++.', '```', '', '```text', 'a', '```', '', '```', 'b', '```'));
    expect(tokens(result.html)).toEqual([]);
    expect(parseHtml(result.html)('pre.code > code.language-brainfudge').text()).toBe('+++.\n');
    expect(result.diagnostics.map((d) => `${d.line} ${d.code}: ${d.message}`)).toEqual([
      '5 code-language: no highlighting for the code language "brainfudge": the block is shown as plain text',
    ]);
  });

  test('mermaid fences stay diagrams, untouched', () => {
    const result = render(lines('```mermaid', 'graph TD; A-->B', '```'));
    expect(result.html).toBe('<pre class="mermaid" data-pagefind-ignore>graph TD; A--&gt;B\n</pre>\n');
    expect(result.hasCode).toBe(false);
  });

  test('fence meta: {2,4-5} marks lines, title="x.py" is a caption', () => {
    const $ = parseHtml(render(lines('```py {2} title="x.py"', 'a = 1', 'b = 2', 'c = 3', '```')).html);
    expect($('figure.code-block > figcaption .code-title').text()).toBe('x.py');
    expect($('.line').toArray().map((el) => $(el).attr('class'))).toEqual(['line', 'line marked', 'line']);
    expect($('.line.marked').text()).toBe('b = 2');
    expect($('pre code').text()).toBe('a = 1\nb = 2\nc = 3\n');
  });

  test("Hexo's mark:, line_number and first_line: marked lines and numbers that are CSS, not text", () => {
    const $ = parseHtml(render(lines('{% codeblock lang:js mark:11 first_line:10 line_number:true %}', 'const a = 1;', 'const b = 2;', '{% endcodeblock %}')).html);
    expect($('pre.code.line-numbers').attr('style')).toBe('counter-reset: line 9');
    expect($('.line.marked').text()).toBe('const b = 2;');
    expect($('pre code').text()).toBe('const a = 1;\nconst b = 2;\n');
  });

  test('a numbered block whose last number has three digits asks for a gutter of three', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => `x = ${i}`);
    expect(parseHtml(render(lines('```py linenos', ...hundred.slice(0, 99), '```')).html)('pre.code').attr('style')).toBeUndefined();
    expect(parseHtml(render(lines('```py linenos', ...hundred, '```')).html)('pre.code').attr('style')).toBe('--line-digits: 3');
    const hexo = render(lines('{% codeblock lang:js first_line:995 line_number:true %}', ...hundred.slice(0, 10), '{% endcodeblock %}')).html;
    expect(parseHtml(hexo)('pre.code').attr('style')).toBe('counter-reset: line 994; --line-digits: 4');
  });

  test("Hugo's hl_lines", () => {
    const $ = parseHtml(render(lines('{{< highlight go "linenos=table,hl_lines=2-3" >}}', 'package main', 'import "fmt"', 'func main() {}', '{{< /highlight >}}')).html);
    expect($('pre.code.line-numbers .line.marked').toArray().map((el) => $(el).text())).toEqual(['import "fmt"', 'func main() {}']);
  });

  test('a kramdown file="…" under a fence is its caption', () => {
    const $ = parseHtml(render(lines('```yaml', 'theme: dark', '```', '{: file="_config.yml" }')).html);
    expect($('figure.code-block > figcaption .code-title').text()).toBe('_config.yml');
    expect($('figure.code-block code[data-file="_config.yml"].language-yaml').text()).toBe('theme: dark\n');
  });

  test('the sanitizer keeps the highlighting, and still cleans raw HTML that imitates it', () => {
    const result = render(lines('```py {1}', 'x = "<b>"', '```', '', '<span class="tok-keyword" onclick="alert(1)" style="background:url(/x.png)">raw</span>'));
    const $ = parseHtml(result.html);
    expect($('pre.code .line.marked .tok-string-expression').text()).toBe('"<b>"');
    expect($('p > span.tok-keyword').attr('onclick')).toBeUndefined();
    expect($('p > span.tok-keyword').attr('style')).toBeUndefined();
  });
});
