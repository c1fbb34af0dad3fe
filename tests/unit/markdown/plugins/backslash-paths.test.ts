import { describe, expect, test } from 'vitest';
import { BODY_LINE, lines, renderer } from '../render.js';

const render = renderer();

describe('backslash paths', () => {
  test('an image and a link written with Windows separators point where forward slashes would, with one warning per path', () => {
    const result = render(lines(
      '![a chart](\\assets\\img\\chart.png)',
      '',
      'See [the notes](.\\files\\notes.pdf) and again [the notes](.\\files\\notes.pdf).',
    ));
    expect(result.html).toContain('<img src="/assets/img/chart.png" alt="a chart"');
    expect(result.html).toContain('<a href="./files/notes.pdf">the notes</a> and again <a href="./files/notes.pdf">');
    expect(result.diagnostics.map((d) => `${d.line} ${d.code}: ${d.message}`)).toEqual([
      `${BODY_LINE} backslash-path: the path \\assets\\img\\chart.png is written with backslashes (a Windows path); read as /assets/img/chart.png`,
      `${BODY_LINE + 2} backslash-path: the path .\\files\\notes.pdf is written with backslashes (a Windows path); read as ./files/notes.pdf`,
    ]);
    expect(result.diagnostics[0]!.hint).toBe('write it with forward slashes: ![…](/assets/img/chart.png)');
  });

  test('leaves URLs of other sites, code and escaped punctuation alone', () => {
    const result = render(lines('[x](https://example.com/a\\b) `![a](\\b\\c.png)` [y](/a\\_b)'));
    expect(result.diagnostics).toEqual([]);
    expect(result.html).toContain('href="https://example.com/a%5Cb"');
    expect(result.html).toContain('<code>![a](\\b\\c.png)</code>');
    expect(result.html).toContain('href="/a_b"');
  });
});
