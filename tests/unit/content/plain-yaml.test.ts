import { describe, expect, it } from 'vitest';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { readFrontMatter } from '../../../src/content/front-matter.js';
import { readPlainYaml } from '../../../src/content/plain-yaml.js';

/** What `yaml` itself reads from the block (core schema, as front-matter.ts asks): the reference. */
function viaYaml(source: string) {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, schema: 'core', uniqueKeys: true, prettyErrors: false });
  expect(doc.errors).toEqual([]);
  expect(doc.warnings).toEqual([]);
  if (!isMap(doc.contents)) throw new Error('not a mapping');
  const keyLines: Record<string, number> = {};
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key)) keyLines[String(pair.key.value)] = lines.linePos(pair.key.range![0]).line;
  }
  return { data: doc.toJS() as Record<string, unknown>, keyLines };
}

// Blocks as they come after the opening `---` (so they start with the rest of that line: '').
const block = (...lines: string[]) => ['', ...lines].join('\n');

const common = {
  jekyll: block('layout: post', 'title: "제목: 부제"', 'date: 2024-05-14 10:00:00 +0900', 'categories: [뉴스, AI]', 'tags:', '  - gpt-4o', '  - openai', 'published: true'),
  hexo: block("title: 'It''s 中文标题'", 'date: 2022-05-1 18:30:48', 'tags:', '- 前端', '- Node.js', 'categories:', '- 技术', 'comments: false', 'cover: /img/a.png'),
  hugo: block('title: Hello World', 'date: 2024-05-14T10:00:00+09:00', 'draft: false', 'weight: 10', 'aliases: [/old/url/, /older/]', 'slug: hello', 'description:', 'lastmod: 2024-06-01'),
  chirpy: block('title: Using Chirpy', 'author: kim', 'date: 2024-05-14 10:00:00 +0900', 'categories: [Blogging, Tutorial]', 'tags: [writing]', 'pin: true', 'math: false', 'image: /assets/img/cover.png'),
  scalars: block('a: ~', 'b: null', 'c: TRUE', 'd: False', 'e: 012', 'f: 0o17', 'g: 0x1F', 'h: 1.50', 'i: +.5', 'j: 1e3', 'k: .inf', 'l: +.Inf', 'm: .nan', 'n: 1_000', 'o: 08', 'p: yes', 'q: +7', 'r: [1, true, null, .5, x y]', 's: "" ', 't: []'),
  unicode: block('title: 한국어　제목 👍🏽', 'summary: "中文, 标点：引号「」"', 'tags: [한글, 中文, ｆｕｌｌ]', 'note: x:y and C#'),
};

describe('readPlainYaml', () => {
  it.each(Object.entries(common))('reads %s front matter exactly as yaml does', (name, source) => {
    const fast = readPlainYaml(source);
    if (name === 'scalars' || name === 'unicode') {
      // Trailing space after `s: ""` and `C#` are left to yaml; without them the fast path reads it.
      expect(fast).toBeUndefined();
      const trimmed = source.replace('s: "" ', 's: ""').replace(' and C#', ' and C-sharp');
      expect(readPlainYaml(trimmed)).toEqual(viaYaml(trimmed));
      return;
    }
    expect(fast).toBeDefined();
    expect(fast).toEqual(viaYaml(source));
  });

  it('keeps the types yaml gives: numbers, booleans, null, infinities, NaN', () => {
    const fast = readPlainYaml(block('n: 012', 'f: 1.50', 'b: False', 'z: ~', 'i: .inf', 'x: .NaN', 'd: 2024-05-14', 'y: yes'))!;
    expect(fast.data).toEqual({ n: 12, f: 1.5, b: false, z: null, i: Infinity, x: NaN, d: '2024-05-14', y: 'yes' });
  });

  it.each([
    ['a comment', block('title: a # note')],
    ['a comment line', block('# draft', 'title: a')],
    ['a nested mapping', block('author:', '  name: kim')],
    ['a block scalar', block('summary: |', '  text')],
    ['a folded plain scalar', block('title: one', '  two')],
    ['an anchor and alias', block('a: &x 1', 'b: *x')],
    ['a tag', block('a: !!str 1')],
    ['an escape in double quotes', block('a: "x\\ty"')],
    ['a tab', block('a:\tx')],
    ['a lone surrogate', block('a: x\ud800y')],
    ['a line separator', block('a: x\u2028y')],
    ['trailing spaces', block('a: x ')],
    ['a duplicate key', block('a: 1', 'a: 2')],
    ['a key that is not a string', block('true: 1')],
    ['a reserved key', block('constructor: 1')],
    ['a mapping inside a value', block('title: a: b')],
    ['a flow mapping', block('a: {b: 1}')],
    ['a nested flow list', block('a: [b, [c]]')],
    ['a trailing comma', block('a: [b, c,]')],
    ['a list item without a key', block('title: a', '- b')],
    ['list items at two indents', block('tags:', '  - a', '    - b')],
    ['a quoted key', block('"title": a')],
    ['a space before the colon', block('title : a')],
    ['a negative number', block('a: -1')],
    ['a Hangul key', block('제목: 안녕')],
    ['text on the opening line', ' \ntitle: a'],
    ['no keys at all', block('', '')],
  ])('leaves %s to yaml', (_, source) => {
    expect(readPlainYaml(source)).toBeUndefined();
  });
});

describe('readFrontMatter on flat front matter', () => {
  it('gives key lines of the file and typed values, as before', () => {
    const text = '---\ntitle: "안녕: 세계"\ndraft: false\n\ntags:\n- 뉴스\n- AI\nweight: 3\n---\n본문\n';
    const fm = readFrontMatter(text, '/site/posts/a.md');
    expect(fm.diagnostics).toEqual([]);
    expect(fm.data).toEqual({ title: '안녕: 세계', draft: false, tags: ['뉴스', 'AI'], weight: 3 });
    expect(fm.keyLines).toEqual({ title: 2, draft: 3, tags: 5, weight: 8 });
    expect(fm.bodyLine).toBe(10);
  });

  it('still reports duplicate keys and bad YAML with their lines', () => {
    const dup = readFrontMatter('---\ntitle: a\ntitle: b\n---\n', '/site/posts/a.md').diagnostics;
    expect(dup).toMatchObject([{ severity: 'error', line: 3, message: expect.stringMatching(/duplicate key/) }]);
    const bad = readFrontMatter('---\ntitle: a\ntags: [a, b\nlang: ko\n---\n', '/site/posts/a.md').diagnostics;
    expect(bad[0]).toMatchObject({ severity: 'error', line: 3 });
  });
});

describe('the nesting limit before the fast path', () => {
  it('still applies to flat front matter (its bracket count includes quoted text)', () => {
    const at = (n: number) => readFrontMatter(`---\ndate: 2024-05-14\ntitle: "${'['.repeat(n)}"\n---\n`, '/site/posts/a.md');
    expect(at(50).diagnostics).toEqual([]);
    expect(at(50).data.title).toBe('['.repeat(50));
    expect(at(51).diagnostics).toMatchObject([{ severity: 'error', line: 3, message: expect.stringMatching(/nested more than 50/) }]);
  });

  it('counts lines and dashes of a long flat list without flagging it', () => {
    const items = Array.from({ length: 60 }, (_, i) => `  - tag-${i}`);
    const fm = readFrontMatter(`---\ntags:\n${items.join('\n')}\n---\n`, '/site/posts/a.md');
    expect(fm.diagnostics).toEqual([]);
    expect(fm.data.tags).toHaveLength(60);
  });
});
