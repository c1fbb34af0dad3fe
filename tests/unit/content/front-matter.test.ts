import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../src/content/front-matter.js';
import { tempDir } from '../../helpers/temp.js';

const FILE = '/site/posts/ko/2024-05-14-hello.md';
const errors = (text: string) => readFrontMatter(text, FILE).diagnostics.filter((d) => d.severity === 'error');

describe('readFrontMatter', () => {
  it('reads YAML front matter, key lines and where the body starts', () => {
    const fm = readFrontMatter('---\ntitle: 안녕\ndate: 2024-05-14\ntags: [a, b]\n---\n# Body\n', FILE);
    expect(fm.diagnostics).toEqual([]);
    expect(fm.hasFrontMatter).toBe(true);
    expect(fm.data).toEqual({ title: '안녕', date: '2024-05-14', tags: ['a', 'b'] });
    expect(fm.keyLines).toEqual({ title: 2, date: 3, tags: 4 });
    expect(fm.body).toBe('# Body\n');
    expect(fm.bodyLine).toBe(6);
  });

  it('keeps dates as strings (core schema) so dates.ts decides the time zone', () => {
    expect(readFrontMatter('---\ndate: 2024-05-14 10:00:00 +0900\n---\n', FILE).data.date).toBe('2024-05-14 10:00:00 +0900');
  });

  it('accepts a file without front matter', () => {
    const fm = readFrontMatter('# Title\n\ntext\n', FILE);
    expect(fm).toMatchObject({ hasFrontMatter: false, data: {}, body: '# Title\n\ntext\n', bodyLine: 1, diagnostics: [] });
  });

  it('accepts empty and comment-only front matter', () => {
    expect(readFrontMatter('---\n---\nbody', FILE)).toMatchObject({ data: {}, body: 'body', bodyLine: 3, diagnostics: [] });
    expect(readFrontMatter('---\n# nothing yet\n---\nbody', FILE)).toMatchObject({ data: {}, bodyLine: 4, diagnostics: [] });
  });

  it('treats later `---` lines (horizontal rules, setext headings) as body', () => {
    const fm = readFrontMatter('---\ntitle: a\n---\nintro\n\n---\n\nHeading\n---\n', FILE);
    expect(fm.body).toBe('intro\n\n---\n\nHeading\n---\n');
    expect(fm.bodyLine).toBe(4);
  });

  it('accepts trailing spaces on the delimiters and an explicit yaml language', () => {
    const fm = readFrontMatter('--- \ntitle: a\n---  \nbody\n', FILE);
    expect(fm).toMatchObject({ data: { title: 'a' }, body: 'body\n', bodyLine: 4, diagnostics: [] });
    expect(readFrontMatter('---yaml\ntitle: a\n---\n', FILE).data).toEqual({ title: 'a' });
  });

  it('places the body of a file ending at the closing delimiter after it', () => {
    expect(readFrontMatter('---\ntitle: a\n---', FILE)).toMatchObject({ body: '', bodyLine: 4, data: { title: 'a' } });
  });

  it('refuses a closing delimiter with text after it', () => {
    expect(errors('---\ntitle: a\n---more\nbody')[0]).toMatchObject({ line: 3, message: expect.stringMatching(/alone on its line/) });
  });

  it('reports front matter that is never closed', () => {
    const [d] = errors('---\ntitle: a\n\nbody');
    expect(d).toMatchObject({ file: FILE, line: 1, message: expect.stringMatching(/never closed/) });
  });
});

describe('readFrontMatter refuses code', () => {
  const dir = tempDir('omnipress-fm-');

  it.each([['js'], [' JavaScript '], ['coffee'], ['JS'], ['javascript'], ['json'], ['cson'], ['Coffee ']])(
    '---%s is an error and its code never runs',
    (lang) => {
      const marker = path.join(dir, `pwned-${lang.trim()}`);
      const code =
        lang.trim().toLowerCase().startsWith('c')
          ? `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`
          : `{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') || process.mainModule }`;
      const fm = readFrontMatter(`---${lang}\n${code}\n---\nbody\n`, FILE);
      expect(fm.diagnostics).toHaveLength(1);
      expect(fm.diagnostics[0]).toMatchObject({ severity: 'error', file: FILE, line: 1 });
      expect(fm.diagnostics[0]?.message).toContain(lang.trim());
      expect(fm.data).toEqual({});
      expect(existsSync(marker)).toBe(false);
    },
  );
});

describe('readFrontMatter YAML errors', () => {
  it('reports a syntax error at its line in the source file', () => {
    const [d] = errors('---\ntitle: a\ntags: [a, b\nx: 1\n---\nbody');
    expect(d).toMatchObject({ file: FILE, severity: 'error' });
    expect(d?.line).toBeGreaterThanOrEqual(3);
    expect(d?.line).toBeLessThanOrEqual(4);
    expect(d?.message).toMatch(/invalid YAML/);
  });

  it('reports a bad indentation once, at its line', () => {
    const diags = errors('---\ntitle: a\ntags:\n  - a\n - b\n---\n');
    expect(diags).toHaveLength(1);
    expect(diags[0]?.line).toBe(5);
  });

  it('reports a duplicate key at the line of the second occurrence', () => {
    const diags = errors('---\ntitle: a\ndate: 2024-05-14\ntitle: b\n---\n');
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ line: 4, message: expect.stringMatching(/duplicate key/) });
  });

  it('reports duplicate keys at any depth, in block and flow maps, each at its line', () => {
    const text = '---\n# full reader\ntitle: a\nauthor:\n  name: x\n  name: y\nlinks: {home: /, home: /x}\nlist:\n  - {a: 1, b: 2, a: 3}\n---\n';
    expect(errors(text).map((d) => [d.line, d.message])).toEqual([
      [6, 'duplicate key in front matter: Map keys must be unique'],
      [7, 'duplicate key in front matter: Map keys must be unique'],
      [9, 'duplicate key in front matter: Map keys must be unique'],
    ]);
    // Keys equal as YAML values only when of one type: 1 and "1" are two keys.
    expect(errors('---\n# full reader\n1: a\n"1": b\n---\n')).toEqual([]);
  });

  it('rejects front matter that is a list or a scalar', () => {
    expect(errors('---\n- a\n- b\n---\n')[0]).toMatchObject({ line: 2, message: expect.stringMatching(/not a list/) });
    expect(errors('---\njust text\n---\n')[0]?.message).toMatch(/not a single value/);
  });

  it('stops an alias bomb quickly', () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
    ].join('\n');
    // Without the alias limit this expands to 9^9 items: the test would run out of time or memory.
    const diags = errors(`---\n${bomb}\n---\n`);
    expect(diags[0]?.message).toMatch(/alias/);
  });

  it('allows a few aliases', () => {
    expect(readFrontMatter('---\nbase: &b [x, y]\ntags: *b\n---\n', FILE).data).toEqual({ base: ['x', 'y'], tags: ['x', 'y'] });
  });

  it.each([
    ['flow sequences', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['flow maps', `a: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`],
    ['block maps', Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
    ['one-line sequences', `a:\n  ${'- '.repeat(5000)}x`],
  ])('stops absurdly deep %s quickly with a clear error', (_, yaml) => {
    // Without the depth check the parser recurses until the stack overflows: no clear error.
    const diags = errors(`---\n${yaml}\n---\n`);
    expect(diags).toHaveLength(1);
    expect(diags[0]?.message).toMatch(/nested/);
  });

  it('accepts ordinary nesting', () => {
    const fm = readFrontMatter('---\nimage:\n  path: /a.png\n  alt: { ko: 그림, en: [picture] }\n---\n', FILE);
    expect(fm.data).toEqual({ image: { path: '/a.png', alt: { ko: '그림', en: ['picture'] } } });
  });
});

describe('readFrontMatter prototype keys', () => {
  it('drops __proto__, constructor and prototype at any depth with a warning, without pollution', () => {
    const fm = readFrontMatter(
      '---\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\ntitle: a\nimage:\n  __proto__: {polluted: true}\n  path: /a.png\n---\n',
      FILE,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(fm.data)).toBe(Object.prototype);
    expect((fm.data as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(fm.data)).toEqual(['title', 'image']);
    expect(Object.getOwnPropertyNames(fm.data.image)).toEqual(['path']);
    expect((fm.data.image as Record<string, unknown>).polluted).toBeUndefined();
    expect(fm.keyLines).toEqual({ title: 4, image: 5 });
    expect(fm.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const warned = fm.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.line);
    expect(warned).toEqual(expect.arrayContaining([2, 3, 6]));
  });
});
