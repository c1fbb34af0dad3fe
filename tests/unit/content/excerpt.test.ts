import { describe, expect, it } from 'vitest';
import { excerpt, splitMore } from '../../../src/content/excerpt.js';

const graphemeCount = (s: string) => [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(s)].length;

describe('splitMore', () => {
  it('splits at <!--more--> in its spellings', () => {
    expect(splitMore('a\n<!--more-->\nb')).toEqual({ before: 'a\n', hasMore: true });
    expect(splitMore('a\n<!-- more -->\nb')).toEqual({ before: 'a\n', hasMore: true });
    expect(splitMore('a <!--MORE--> b').before).toBe('a ');
    expect(splitMore('no marker')).toEqual({ before: 'no marker', hasMore: false });
  });
});

describe('excerpt', () => {
  it('takes everything before <!--more-->, skipping headings', () => {
    const body = '# Title\n\nFirst paragraph.\n\nSecond paragraph.\n<!-- more -->\nHidden.';
    expect(excerpt(body)).toBe('First paragraph. Second paragraph.');
  });

  it('takes the first paragraph of prose otherwise', () => {
    const body = [
      '{% include toc.html %}',
      '# 제목',
      '![cover](/cover.png)',
      '[![badge](/b.svg)](https://ci.example)',
      '<div class="note">',
      'html block text',
      '</div>',
      '',
      '```js',
      'const code = "not prose";',
      '```',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      'Setext heading',
      '==============',
      '',
      '---',
      '',
      '첫 문단은 **굵게**, *기울임*, `코드`와 [링크](https://example.com)를 포함합니다.',
      '두 번째 줄도 같은 문단입니다.',
      '',
      'Second paragraph is not included.',
    ].join('\n');
    expect(excerpt(body)).toBe('첫 문단은 굵게, 기울임, 코드와 링크를 포함합니다. 두 번째 줄도 같은 문단입니다.');
  });

  it('strips inline Markdown and HTML and decodes entities', () => {
    expect(excerpt('Use <kbd>Ctrl</kbd> &amp; ~~old~~ __new__ ![img](x.png) &lt;tag&gt; &#x1F600; &#39;q&#39; snake_case_name\\*'))
      .toBe("Use Ctrl & old new <tag> 😀 'q' snake_case_name*");
    expect(excerpt('See [the docs][ref] and <https://example.com>.[^1]\n\n[ref]: https://x')).toBe('See the docs and https://example.com.');
    expect(excerpt('> A quoted\n> opening line.')).toBe('A quoted opening line.');
    expect(excerpt('- first item\n- second item')).toBe('first item second item');
    expect(excerpt('Jekyll {{ page.title }} and {% raw %}text{% endraw %}.')).toBe('Jekyll and text.');
  });

  it('gives a formula as its TeX source without delimiters, and leaves prices, shell variables and code alone', () => {
    expect(excerpt('Attention costs $O(n^2)$ in the length \\(n\\) of the input.')).toBe('Attention costs O(n^2) in the length n of the input.');
    expect(excerpt('손실은 $$\\mathcal{L} = -\\sum y \\log p$$ 입니다.')).toBe('손실은 \\mathcal{L} = -\\sum y \\log p 입니다.');
    expect(excerpt('It costs $5 and $10, see `echo $HOME` and `$x$`; \\$y\\$ is escaped.')).toBe('It costs $5 and $10, see echo $HOME and $x$; $y$ is escaped.');
    expect(excerpt('$$\nE = mc^2\n$$\n\nThe energy.')).toBe('The energy.');
  });

  it('skips an HTML comment block', () => {
    expect(excerpt('<!--\nnote to self\n-->\n\nReal text.')).toBe('Real text.');
  });

  it('leaves out what readers never see: scripts, styles, templates and hidden elements', () => {
    const secret = (word: string) => `SECRET-${word}`;
    const body = [
      `<script>`,
      ``,
      `var leak = "${secret('script')}";`,
      ``,
      `</script>`,
      `<style>`,
      ``,
      `.x::after { content: "${secret('style')}" }`,
      ``,
      `</style>`,
      `<template>`,
      `<p>${secret('template')}</p>`,
      `</template>`,
      ``,
      `<div hidden>`,
      ``,
      `${secret('hidden-block')} in Markdown inside a hidden div.`,
      ``,
      `</div>`,
      ``,
      `<span hidden>`,
      `${secret('hidden-tag-line')}`,
      `</span>`,
      ``,
      `Visible <script>alert("${secret('inline-script')}")</script>start, <span hidden="">${secret('hidden-span')}</span>`,
      `<noscript>${secret('noscript')}</noscript>and <textarea>${secret('textarea')}</textarea>end.`,
      '<!--more-->',
    ].join('\n');
    expect(excerpt(body)).toBe('Visible start, and end.');
  });

  it('sees the first visible paragraph when the first one is hidden', () => {
    expect(excerpt('<p hidden>Draft intro.</p>\n\n<div hidden=hidden>\n\nOld intro.\n\n</div>\n\nThe real start.')).toBe('The real start.');
  });

  it('keeps tags in code spans and escaped tags as text, and does not hide after them', () => {
    expect(excerpt('Write `<script>` or `` <span hidden> `` or \\<template> in text; this stays.')).toBe('Write <script> or <span hidden> or <template> in text; this stays.');
    expect(excerpt('If a<b, c > d, <em>all</em> of it shows.')).toBe('If a<b, c > d, all of it shows.');
  });

  it('ends a <script> block at its end tag, not at a blank line', () => {
    expect(excerpt('<script>\nlet a = 1;\n\nlet b = "leak";\n</script>\n\nText.')).toBe('Text.');
  });

  it('returns "" when there is no prose', () => {
    expect(excerpt('# Only a heading\n\n```\ncode\n```\n')).toBe('');
    expect(excerpt('')).toBe('');
  });

  it('keeps short text as is and collapses whitespace', () => {
    expect(excerpt('  Hello,\n   world  ')).toBe('Hello, world');
  });

  it('cuts at a sentence end within the limit', () => {
    const en = 'This is the first sentence of the post. This second sentence is much longer and goes past the limit.';
    expect(excerpt(en, 60)).toBe('This is the first sentence of the post.');
    const zh = '这是第一句话。这是第二句话，它比第一句长得多，会超过限制。';
    expect(excerpt(zh, 12)).toBe('这是第一句话。');
    expect(excerpt(zh, 20)).toBe('这是第一句话。这是第二句话，它比第一句长…'); // the end is too early to use
    const ko = '첫 번째 문장입니다. 두 번째 문장은 훨씬 길어서 제한을 넘어갑니다.';
    expect(excerpt(ko, 18)).toBe('첫 번째 문장입니다.');
  });

  it('does not take a decimal point for a sentence end', () => {
    const text = 'Version 3.14 of the tool and GPT-4.5 both arrived today with many new features';
    const out = excerpt(text, 40);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(/3\.$|4\.$/);
  });

  it('cuts at the limit with … when no sentence end is near, at a word boundary', () => {
    const out = excerpt('word '.repeat(50), 23);
    expect(out).toBe('word word word word…');
    const zh = '没有标点的很长的中文句子'.repeat(10);
    expect(excerpt(zh, 10)).toBe(`${zh.slice(0, 10)}…`);
  });

  it('never cuts inside a surrogate pair, an emoji sequence or a Hangul syllable', () => {
    const family = '👨‍👩‍👧‍👦';
    const emoji = excerpt(family.repeat(30), 10);
    expect(emoji).toBe(`${family.repeat(10)}…`);
    const astral = excerpt('𠀀'.repeat(30), 7);
    expect(astral).toBe(`${'𠀀'.repeat(7)}…`);
    expect(astral).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const hangul = excerpt('한'.repeat(200));
    expect(graphemeCount(hangul)).toBe(141);
    expect(hangul.normalize('NFC')).toBe(hangul);
  });
});
