import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, toGithub, toJson } from '../../../src/check/format.js';
import { error, info, warning } from '../../../src/diagnostics.js';

describe('GitHub workflow commands', () => {
  it('escape %, CR and LF in messages, and also , and : in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('posts/en/a,b:c%.md')).toBe('posts/en/a%2Cb%3Ac%25.md');
  });

  it('map severities to error, warning and notice, with file, line and col', () => {
    const lines = toGithub(
      [
        error('/site/posts/a.md', 'broken: link', { line: 3, column: 7, hint: 'fix it' }),
        warning('/site/posts/b,c.md', 'no alt'),
        info('/site/posts/d.md', 'draft', { line: 2 }),
      ],
      '/site',
    );
    expect(lines).toEqual([
      '::error file=posts/a.md,line=3,col=7::broken: link%0Ahint: fix it',
      '::warning file=posts/b%2Cc.md::no alt',
      '::notice file=posts/d.md,line=2::draft',
    ]);
  });
});

describe('JSON', () => {
  it('has every key on every entry, null when unknown, paths relative to the root', () => {
    expect(toJson([warning('/site/posts/ko/글.md', 'w')], '/site')).toEqual([
      { file: 'posts/ko/글.md', line: null, column: null, severity: 'warning', message: 'w', hint: null },
    ]);
  });
});
