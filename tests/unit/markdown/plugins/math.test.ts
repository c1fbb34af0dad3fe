import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { mathPlugin } from '../../../../src/markdown/plugins/math.js';
import { LINEAR, timeRatio } from '../../../helpers/growth.js';
import { parseHtml } from '../../../helpers/html.js';
import { BODY_LINE, FILE, lines, renderer } from '../render.js';

const render = renderer();

/** The TeX source of each typeset formula, and whether KaTeX set it as display math. */
function formulas(html: string): Array<{ tex: string; display: boolean }> {
  const $ = parseHtml(html);
  return $('.katex')
    .toArray()
    .map((el) => ({
      tex: $(el).find('annotation[encoding="application/x-tex"]').text().trim(),
      display: $(el).find('math').attr('display') === 'block' && $(el).parent().is('.katex-display'),
    }));
}

/** `line code: message` of each diagnostic. */
function reported(body: string): string[] {
  return render(body).diagnostics.map((d) => `${d.line} ${d.code}: ${d.message}`);
}

describe('inline math', () => {
  test('$…$, \\(…\\) and kramdown\'s $$…$$ inside a sentence become inline MathML', () => {
    const result = render('Euler: $e^{i\\pi} + 1 = 0$, also \\(a_1\\) and $$ \\sum_i x_i $$ inline.');
    expect(formulas(result.html)).toEqual([
      { tex: 'e^{i\\pi} + 1 = 0', display: false },
      { tex: 'a_1', display: false },
      { tex: '\\sum_i x_i', display: false },
    ]);
    const $ = parseHtml(result.html);
    expect($('p').length).toBe(1);
    expect($('p math msup mi').first().text()).toBe('e');
    expect($('p').text()).toMatch(/^Euler: /);
    expect(result.diagnostics).toEqual([]);
  });

  test('prices and shell variables stay text', () => {
    for (const text of ['It costs $5 and $10 today.', 'Run echo $HOME and look at $PATH first.', 'From $5 to $ 10 or $x $ y.', 'Pay $20$30 now.']) {
      const result = render(text);
      expect(result.html, text).toBe(`<p>${text}</p>\n`);
    }
  });

  test('an escaped dollar is text and does not open math', () => {
    expect(render('A \\$5 bill and $x$.').html).toMatch(/^<p>A \$5 bill and <span class="katex">/);
  });

  test('math inside code spans, fences and indented code is left as written', () => {
    const result = render(lines('Use `$x$` and `\\(y\\)`, then `echo $HOME`$.', '', '```sh', 'echo "$a" $$b$$', '```', '', '    $z$ \\[w\\]'));
    expect(formulas(result.html)).toEqual([]);
    const $ = parseHtml(result.html);
    expect($('p code').map((_, el) => $(el).text()).get()).toEqual(['$x$', '\\(y\\)', 'echo $HOME']);
    expect($('pre code').map((_, el) => $(el).text()).get()).toEqual(['echo "$a" $$b$$\n', '$z$ \\[w\\]\n']);
  });

  test('a formula never runs across a code span', () => {
    const $ = parseHtml(render('Set $HOME or `a$` here.').html);
    expect($('.katex').length).toBe(0);
    expect($('code').text()).toBe('a$');
  });

  test('a heading keeps the formula\'s source in its table-of-contents text', () => {
    const result = render('## The $O(n)$ bound');
    expect(result.headings).toEqual([{ level: 2, id: 'the-on-bound', text: 'The O(n) bound' }]);
    expect(formulas(result.html)).toEqual([{ tex: 'O(n)', display: false }]);
  });
});

describe('display math', () => {
  test('$$…$$ and \\[…\\] blocks, on one line or several, and ```math fences become display MathML', () => {
    const body = lines('Text', '$$', 'a^2 + b^2', '$$', '', '$$ c^2 $$', '', '\\[', '\\frac{1}{2}', '\\]', '', '```math', 'E = mc^2', '```');
    expect(formulas(render(body).html)).toEqual([
      { tex: 'a^2 + b^2', display: true },
      { tex: 'c^2', display: true },
      { tex: '\\frac{1}{2}', display: true },
      { tex: 'E = mc^2', display: true },
    ]);
  });

  test('blocks work inside lists and quotes', () => {
    const $ = parseHtml(render(lines('- item', '', '  $$', '  x+y', '  $$', '', '> $$', '> z', '> $$')).html);
    expect($('li .katex-display annotation').text().trim()).toBe('x+y');
    expect($('blockquote .katex-display annotation').text().trim()).toBe('z');
  });

  test('an unclosed $$ is text and leaves the rest of the post alone', () => {
    const result = render(lines('$$$ expensive places', '', '$$ never closed', '', '# Heading', '', 'Last $x$.'));
    const $ = parseHtml(result.html);
    expect($('p').first().text()).toBe('$$$ expensive places');
    expect($('p').eq(1).text()).toBe('$$ never closed');
    expect($('h1').text()).toBe('Heading');
    expect(formulas(result.html)).toEqual([{ tex: 'x', display: false }]);
  });
});

describe('long posts', () => {
  // Parsing alone, with markdown-it and this plugin only: what the plugin's rules cost.
  const parse = (text: string) => new MarkdownIt().use(mathPlugin).parse(text, { file: FILE, bodyLine: BODY_LINE });

  test('thousands of unclosed \\( or of lines starting with $$ in one paragraph are text, in time growing with them', () => {
    const parens = (n: number) => `x ${'\\(a '.repeat(n)}`;
    // Markdown's escaped parenthesis, as before.
    expect(render(parens(3)).html).toBe('<p>x (a (a (a</p>\n');
    expect(timeRatio((n) => parse(parens(n)), 2_000)).toBeLessThan(LINEAR);
    // Each line may open a block and asks whether a later one closes it.
    const dollars = (n: number) => Array.from({ length: n }, (_, i) => `$$$ a${i}`).join('\n');
    expect(render(dollars(2)).html).toBe('<p>$$$ a0\n$$$ a1</p>\n');
    expect(timeRatio((n) => parse(dollars(n)), 2_000)).toBeLessThan(LINEAR);
  }, 60_000);
});

describe('invalid TeX', () => {
  test('is shown as code, with KaTeX\'s message as a warning at its line', () => {
    const body = lines('Intro', '', 'First line,', 'then $\\frac{a$ here.', '', '$$', 'x = 1 \\\\', '\\badcommand{y}', '$$');
    const result = render(body);
    const $ = parseHtml(result.html);
    expect($('code.math-error').text()).toBe('$\\frac{a$');
    expect($('pre.math-error code').text()).toBe('$$x = 1 \\\\\n\\badcommand{y}\n$$');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: FILE, line: BODY_LINE + 3, severity: 'warning', code: 'math' }),
      expect.objectContaining({ file: FILE, line: BODY_LINE + 7, severity: 'warning', code: 'math' }),
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/^TeX formula not typeset: .*expected '}'/);
    expect(result.diagnostics[1]!.message).toMatch(/Undefined control sequence: \\badcommand/);
    expect(result.diagnostics[0]!.hint).toMatch(/\\\$/);
  });

  test('what LaTeX would refuse but KaTeX shows is a strict-mode warning, once per formula', () => {
    expect(reported(lines('', '점수 $점수 = 1$ 입니다.'))).toEqual([`${BODY_LINE + 1} math-strict: TeX formula: Unicode text character "점" used in math mode`]);
  });
});

describe('KaTeX markup and the sanitizer', () => {
  test('passes whole: inline styles, SVG and MathML, with the visual copy hidden from screen readers and search', () => {
    const html = render('Root: $\\sqrt{x}$').html;
    const $ = parseHtml(html);
    expect($('.katex-mathml math semantics annotation').attr('data-pagefind-ignore')).toBe('');
    const visual = $('.katex-html');
    expect(visual.attr('aria-hidden')).toBe('true');
    expect(visual.attr('data-pagefind-ignore')).toBe('');
    expect(visual.find('svg path').length).toBe(1);
    expect(visual.find('[style*="height"]').length).toBeGreaterThan(0);
  });

  test('raw MathML and SVG written in a post are still removed, with warnings', () => {
    const result = render(lines('<math><mi>x</mi></math> <svg><path d="M0"/></svg> and $y$'));
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'Raw HTML <math> is not allowed in posts and was removed',
      'Raw HTML <svg> is not allowed in posts and was removed',
    ]);
    expect(parseHtml(result.html)('math').length).toBe(1);
    expect(formulas(result.html)).toEqual([{ tex: 'y', display: false }]);
  });

  test('TeX cannot bring links, classes or styles of its own', () => {
    const html = render('$\\href{javascript:alert(1)}{x} \\htmlClass{evil}{y} \\htmlStyle{position:fixed}{z} \\url{https://example.org}$').html;
    const $ = parseHtml(html);
    expect($('a').length).toBe(0);
    expect($('.evil').length).toBe(0);
    expect(html).not.toMatch(/style="[^"]*position/);
  });

  test('a display formula can be reached by keyboard, to scroll it when it is wider than the column', () => {
    const $ = parseHtml(render('$$\\sum_i x_i$$').html);
    expect($('.katex-display').attr('tabindex')).toBe('0');
  });

  test('formulas are placed in trusted-HTML sites too', () => {
    const html = renderer({ trustedHtml: true })('$x$').html;
    expect(formulas(html)).toEqual([{ tex: 'x', display: false }]);
  });
});
