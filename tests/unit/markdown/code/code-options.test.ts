import { describe, expect, test } from 'vitest';
import { fenceOptions, hexoOptions, hugoOptions, inRanges, jekyllOptions, parseLineRanges } from '../../../../src/markdown/code/code-options.js';

describe('code block options', () => {
  test('line ranges as VitePress, Hugo and Hexo write them', () => {
    expect(parseLineRanges('2,4-5')).toEqual([[2, 2], [4, 5]]);
    expect(parseLineRanges('8 15-17')).toEqual([[8, 8], [15, 17]]);
    expect(parseLineRanges('[8,"15-17"]')).toEqual([[8, 8], [15, 17]]);
    expect(parseLineRanges('0, x, 5-3, 1-99999999')).toEqual([[1, 1_000_000]]);
    expect(inRanges([[2, 2], [4, 5]], 4)).toBe(true);
    expect(inRanges([[2, 2], [4, 5]], 3)).toBe(false);
  });

  test('a fence: language, marked lines, title and line numbers from its info string', () => {
    expect(fenceOptions('py {2,4-5} title="x.py"')).toEqual({ lang: 'py', marked: [[2, 2], [4, 5]], title: 'x.py' });
    expect(fenceOptions('ts{1}')).toEqual({ lang: 'ts', marked: [[1, 1]] });
    expect(fenceOptions("js filename='a b.js' showLineNumbers=10")).toEqual({ lang: 'js', title: 'a b.js', lineNumbers: true, firstLine: 10 });
    expect(fenceOptions('go {linenos=table,hl_lines=[2,"4-5"],linenostart=199}')).toEqual({ lang: 'go', lineNumbers: true, marked: [[2, 2], [4, 5]], firstLine: 199 });
    expect(fenceOptions('')).toEqual({ lang: '' });
  });

  test("Hugo's highlight options; hl_lines count from the block's first line", () => {
    expect(hugoOptions('linenos=table,hl_lines=2-3 8,linenostart=199')).toEqual({ lineNumbers: true, marked: [[2, 3], [8, 8]], firstLine: 199 });
    expect(hugoOptions('linenos=false')).toEqual({ lineNumbers: false });
  });

  test("Hexo's mark: numbers lines from first_line, as Hexo shows them", () => {
    const options = (pairs: Record<string, string>) => hexoOptions(new Map(Object.entries(pairs)));
    expect(options({ mark: '1,3-4' })).toEqual({ marked: [[1, 1], [3, 4]] });
    expect(options({ mark: '11', first_line: '10', line_number: 'true' })).toEqual({ lineNumbers: true, firstLine: 10, marked: [[2, 2]] });
    expect(options({ line_number: 'false' })).toEqual({ lineNumbers: false });
  });

  test("Jekyll's linenos and mark_lines", () => {
    expect(jekyllOptions(['linenos', 'mark_lines=1 3'])).toEqual({ lineNumbers: true, marked: [[1, 1], [3, 3]] });
  });
});
