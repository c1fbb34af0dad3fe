import { describe, expect, test } from 'vitest';
import { isSafeStyle, removalsOf } from '../../../src/markdown/html-policy.js';

describe('isSafeStyle', () => {
  test.each([
    'color: red',
    'text-align:center; font-weight: bold',
    'background: linear-gradient(#fff, #000)',
    'position: sticky; top: 0',
    'position: relative',
    'scroll-behavior: smooth',
    'background-position: center',
    'width: calc(100% - 2em)',
  ])('keeps %j', (css) => {
    expect(isSafeStyle(css)).toBe(true);
  });

  test.each([
    ['a third-party image', 'background:url(https://tracker.example/p.gif)'],
    ['url() in capitals, spaced', 'background: URL ( "https://t.example/p" )'],
    ['an escaped letter', 'background: u\\rl(https://t.example/p)'],
    ['a hex escape', 'background: \\75 rl(https://t.example/p)'],
    ['a six-digit hex escape', 'background: \\000075rl(https://t.example/p)'],
    ['a comment inside the word', 'background: ur/**/l(https://t.example/p)'],
    ['image-set() with bare strings', 'background-image: image-set("https://t.example/p.png" 1x)'],
    ['-webkit-image-set()', 'background-image: -webkit-image-set("https://t.example/p.png" 1x)'],
    ['cross-fade()', 'background: cross-fade(url(a.png), url(b.png), 50%)'],
    ['@import', '@import "https://t.example/x.css"'],
    ['IE expression()', 'width: expression(alert(1))'],
    ['IE behavior', 'behavior: url(x.htc)'],
    ['behavior after another declaration', 'color: red;behavior:x.htc'],
    ['Firefox -moz-binding', '-moz-binding: url(x.xml#xss)'],
    ['a full-page overlay', 'position: fixed; inset: 0; z-index: 9999'],
    ['fixed in capitals, after a comment', 'POSITION:/* x */FIXED'],
    ['fixed behind an escape', 'position: fi\\78 ed'],
    ['fixed after other declarations', 'color: red; position : fixed !important'],
    ['a javascript: URL', 'background: javascript:alert(1)'],
  ])('refuses %s', (_, css) => {
    expect(isSafeStyle(css)).toBe(false);
  });
});

describe('removalsOf', () => {
  test('an unsafe style is its own kind of removal; a safe one is kept', () => {
    expect(removalsOf('p', { style: 'background:url(x.png)', class: 'a' })).toEqual([{ kind: 'style', tag: 'p', value: 'background:url(x.png)' }]);
    expect(removalsOf('p', { style: 'color: red' })).toEqual([]);
  });
});
