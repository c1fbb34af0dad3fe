import { describe, expect, it } from 'vitest';
import { compactCss } from '../../../src/util/compact-css.js';

describe('compactCss', () => {
  it('drops comments and layout whitespace, and keeps strings, url() and licence comments as written', () => {
    const css = [
      '/*! theme licence */',
      '/* tokens */',
      ':root {',
      '  --x: 1; /* why */',
      '}',
      '',
      'a::before { content: "/* not a comment */"; }',
      "b::after { content: '\\'/*' }",
      '.bg { background: url(img/a/*b*/c.png); }',
      'p/**/em { color: red }',
      '',
    ].join('\n');
    expect(compactCss(css)).toBe(
      '/*! theme licence */ :root{--x: 1}' +
        'a::before{content: "/* not a comment */"}' +
        "b::after{content: '\\'/*'}" +
        '.bg{background: url(img/a/*b*/c.png)}' +
        'p em{color: red}\n',
    );
  });

  it('keeps the spaces calc() and selectors need', () => {
    expect(compactCss('.a :hover, .b > .c {\n  width: calc(100% - 2 * var(--gap));\n}\n')).toBe('.a :hover,.b > .c{width: calc(100% - 2 * var(--gap))}\n');
  });
});
