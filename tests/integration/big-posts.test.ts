// One post cannot take minutes: its work grows with its size, not with its square. Each case
// builds a real site to show the output, then compares the work for a post of size n with that for
// a bigger one: counted where it can be (bytes the page keys hash, elements array built-ins
// handle), else CPU time (tests/helpers/growth.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { excerpt } from '../../src/content/excerpt.js';
import { readList } from '../../src/content/fields.js';
import { readFrontMatter } from '../../src/content/front-matter.js';
import { createMarkdown } from '../../src/markdown/renderer.js';
import { FACTOR, LINEAR, arrayWork, timeRatio } from '../helpers/growth.js';
import { page } from '../helpers/html.js';
import { buildSite, runCli, siteFromFiles } from '../helpers/site.js';

/** Bytes that went through hashText (the page keys and inputs among them). */
let hashed = 0;
vi.mock('../../src/util/hash.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/util/hash.js')>();
  return {
    ...real,
    hashText: (text: string | Uint8Array) => {
      hashed += text.length;
      return real.hashText(text);
    },
  };
});

const FILE = '/site/posts/en/2024-01-01-big.md';
const md = createMarkdown({ trustedHtml: false, siteOrigin: 'https://example.org' });
/** What a build does with one post's text: front matter, excerpt, Markdown. */
const processPost = (text: string) => {
  const front = readFrontMatter(text, FILE);
  excerpt(front.body);
  return md.render(front.body, { file: FILE, bodyLine: front.bodyLine });
};
/** `make(n)`, made once per n, so that only processing it is measured. */
const memo = <T>(make: (n: number) => T) => {
  const made = new Map<number, T>();
  return (n: number): T => (made.has(n) ? made.get(n)! : made.set(n, make(n)).get(n)!);
};
/** Elements array built-ins handle for size n and for size FACTOR × n (after one warm-up run). */
const arrayWorkFor = (run: (n: number) => unknown, n: number): [number, number] => {
  run(n);
  return [arrayWork(() => run(n)), arrayWork(() => run(FACTOR * n))];
};

const site = (post: string, config = 'search: false\n') => siteFromFiles({ 'omnipress.yml': `title: Big\n${config}`, 'posts/en/2024-01-01-big.md': post });

describe('one big post', () => {
  const stringify = JSON.stringify;
  afterEach(() => {
    JSON.stringify = stringify;
  });

  it('with thousands of tags: what the pages are keyed by grows with the tags, not with tags × tags', async () => {
    const withTags = (n: number) => `---\ntitle: Tagged\ntags:\n${Array.from({ length: n }, (_, i) => `  - tag ${i}\n`).join('')}---\nBody.\n`;
    let stringified = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => {
      const text = stringify(...args);
      stringified += text?.length ?? 0;
      return text;
    }) as typeof stringify;
    const keyed = async (n: number) => {
      hashed = 0;
      stringified = 0;
      const root = site(withTags(n));
      expect((await buildSite(root)).ok).toBe(true);
      expect(fs.readdirSync(path.join(root, '_site/en/tags'))).toHaveLength(n + 1); // and the overview's index.html
      expect(page(root, 'en/posts/big/index.html')('a[rel="tag"]')).toHaveLength(n);
      return hashed + stringified;
    };
    // Every tag is a page: a smaller factor keeps the build short. Linear: about 4; it was 14.
    const n = 150;
    expect(await keyed(4 * n)).toBeLessThan(6 * (await keyed(n)));
  }, 120_000);

  it('with thousands of tags: reading them grows with the tags', () => {
    const list = memo((n) => Array.from({ length: n }, (_, i) => `tag ${i}`).join(', '));
    expect(readList(list(3))).toEqual(['tag 0', 'tag 1', 'tag 2']);
    const [small, big] = arrayWorkFor((n) => readList(list(n)), 1_000);
    expect(big).toBeLessThanOrEqual(LINEAR * small);
  });

  it('with thousands of unclosed `{{<` in a paragraph: shown as text, in time growing with them', async () => {
    const text = memo((n) => `---\ntitle: Braces\n---\nx ${'{{< '.repeat(n)}\n`);
    const root = site(text(1000));
    expect((await buildSite(root)).ok).toBe(true);
    expect(page(root, 'en/posts/big/index.html')('.post-body p').text()).toBe(`x ${'{{< '.repeat(1000).trim()}`);
    // A character loop and regular expressions: nothing to count but time.
    expect(timeRatio((n) => processPost(text(n)), 1_500)).toBeLessThan(LINEAR);
    // The excerpt's share, small at these sizes, was quadratic too (5 s of 50,000 openings).
    const paragraph = memo((n) => `x ${'{{< '.repeat(n)}\n`);
    expect(timeRatio((n) => excerpt(paragraph(n)), 2_000)).toBeLessThan(LINEAR);
  }, 120_000);

  it('with thousands of footnotes: all of them, with work growing with them', async () => {
    const text = memo(
      (n) =>
        `---\ntitle: Notes\n---\n${Array.from({ length: n }, (_, i) => `Claim ${i}.[^${i}]\n\n`).join('')}` +
        Array.from({ length: n }, (_, i) => `[^${i}]: Source ${i}.\n`).join(''),
    );
    const root = site(text(300));
    expect((await buildSite(root)).ok).toBe(true);
    const $ = page(root, 'en/posts/big/index.html');
    expect($('.footnotes li')).toHaveLength(300);
    expect($('.footnotes li').last().text()).toMatch(/^Source 299\./);
    const [small, big] = arrayWorkFor((n) => processPost(text(n)), 200);
    expect(big).toBeLessThanOrEqual(LINEAR * small);
  });

  it('with tens of thousands of front-matter keys the fast reader leaves to `yaml`: work growing with them', async () => {
    // A comment sends the block to the full YAML reader.
    const text = memo((n) => `---\n# many keys\ntitle: Keys\n${Array.from({ length: n }, (_, i) => `key${i}: value ${i}\n`).join('')}---\nBody.\n`);
    const root = site(text(20_000));
    expect((await buildSite(root)).ok).toBe(true);
    expect(page(root, 'en/posts/big/index.html')('h1').text()).toBe('Keys');
    const [small, big] = arrayWorkFor((n) => processPost(text(n)), 500);
    expect(big).toBeLessThanOrEqual(LINEAR * small);
  }, 60_000);

  it('with elements nested past 512 levels: an error at the line that does it, and no more work for more', async () => {
    const nested = memo((n) => `---\ntitle: Deep\n---\nIntro.\n\n${'<div>'.repeat(n)}x${'</div>'.repeat(n)}\n`);
    const ok = site(nested(512));
    expect((await runCli(['build', '--root', ok, '--quiet'])).status).toBe(0);
    expect(page(ok, 'en/posts/big/index.html')('.post-body div')).toHaveLength(512);

    const deep = site(nested(50_000));
    const run = await runCli(['build', '--root', deep, '--quiet']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('posts/en/2024-01-01-big.md:6 error: raw HTML nests elements more than 512 deep');
    expect(fs.existsSync(path.join(deep, '_site'))).toBe(false);
    const [small, big] = arrayWorkFor((n) => processPost(nested(n)), 1_000);
    expect(big).toBeLessThanOrEqual(LINEAR * small);
  }, 60_000);
});
