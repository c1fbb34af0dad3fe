// Fuzzing the two ways content gets in, front matter and Markdown: real posts of this repository's
// fixtures, mutated at random (control characters, cut YAML, stray markers of every markup
// omnipress understands, deep nesting, invalid Unicode), built as sites. Whatever goes in, a
// build ends with a report (ok, or errors with a file) and the CLI with exit 0 or 1 and no stack
// trace. The seed is printed with a failure; OMNIPRESS_FUZZ_SEED replays one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, buildSite, runCli, siteFromFiles } from '../helpers/site.js';

const SEED = Number(process.env.OMNIPRESS_FUZZ_SEED ?? 20261203);
// Mutated posts whole, many to a site; and mutated bodies under a clean front matter, a few to a
// site, so that most of those sites build and every body goes through Markdown and the templates.
const SITES = 16;
const POSTS_PER_SITE = 100;
const BODY_SITES = 40;
const POSTS_PER_BODY_SITE = 12;

/** mulberry32: a small deterministic PRNG, so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  '---', '---\n', ':', ': ', '- ', '  - ', '[', ']', '{', '}', '"', "'", '|', '>', '&a', '*a', '!!js/function', '!!binary',
  '<<: *a', '? ', '#', '\t', '\r', '\r\n', '\u0000', '\u0007', '\u001b[2J', '\uFEFF', '\u2028', '\uD800', '\uDC00', '\u200B',
  'date: 2024-13-45', 'date: "2024\n::error::x"', 'title:', 'lang: xx', 'slug: ..', 'slug: /', 'permalink: /../x',
  'permalink: /a/', 'tags: [', 'categories: {a: b}', 'layout: nope', 'draft: maybe', 'mermaid: 1',
  '{% raw %}', '{% endraw %}', '{% include x.html %}', '{% post_link a %}', '{% asset_img a.png %}', '{{< ref "x" >}}',
  '{{< figure src="a.png" >}}', '{{%/* x */%}}', '{{<', '{: .class}', '> [!NOTE]', '{% note info %}', '{% endnote %}',
  '```', '```mermaid\nflowchart LR\n A-->', '~~~', '$$', '[^1]', '[^1]: note', '![', '![x](', '](javascript:alert(1))',
  '<div>', '</div>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<!--', '-->', '<a href="', '&#0;',
  '# ', '#'.repeat(7), '>'.repeat(200), '  '.repeat(60) + '- x', '*'.repeat(500), '[a]'.repeat(300), '\\', '`'.repeat(9),
];

function mutate(text: string, next: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  let out = text;
  const edits = 1 + Math.floor(next() * 6);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (out.length + 1));
    switch (Math.floor(next() * 6)) {
      case 0: out = out.slice(0, at) + pick(SNIPPETS) + out.slice(at); break;
      case 1: out = out.slice(0, at) + out.slice(at + Math.floor(next() * 40)); break;
      case 2: out = out.slice(0, at) + String.fromCharCode(Math.floor(next() * 0x3000)) + out.slice(at); break;
      case 3: {
        const lines = out.split('\n');
        const i = Math.floor(next() * lines.length);
        lines.splice(Math.floor(next() * lines.length), 0, lines[i]!.repeat(1 + Math.floor(next() * 3)));
        out = lines.join('\n');
        break;
      }
      case 4: out = out.slice(0, at); break;
      default: out = pick(SNIPPETS).repeat(1 + Math.floor(next() * 50)) + out;
    }
  }
  return out;
}

function realPosts(): string[] {
  const posts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(md|markdown)$/.test(entry.name)) posts.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(FIXTURES);
  return posts.sort();
}

/** Links to other posts of the fixture the body came from would name no post here (an error). */
function withoutReferences(body: string): string {
  return body.replace(/\{%-?\s*post_(?:link|url)[^%]*%\}|\{\{<\s*(?:rel)?ref[^>]*>\}\}|\[[^\]]*\]\([^)]*\.md(?:#[^)]*)?\)/g, '');
}

const NO_STACK = /\n\s+at .+[(:]\d+/;

describe('fuzzed front matter and Markdown', () => {
  const posts = realPosts();

  it(`${SITES * POSTS_PER_SITE + BODY_SITES * POSTS_PER_BODY_SITE} mutated posts in ${SITES + BODY_SITES} sites: every build ends with a report, never an exception`, async () => {
    const next = random(SEED);
    const languages = ['ko', 'zh', 'en'];
    let rendered = 0;
    for (let s = 0; s < SITES + BODY_SITES; s++) {
      const files: Record<string, string> = { 'omnipress.yml': 'search: false\ngitDates: false\n' };
      const bodiesOnly = s >= SITES;
      for (let p = 0; p < (bodiesOnly ? POSTS_PER_BODY_SITE : POSTS_PER_SITE); p++) {
        const lang = languages[p % 3]!;
        const post = posts[Math.floor(next() * posts.length)]!;
        files[`posts/${lang}/2024-05-${String(1 + (p % 28)).padStart(2, '0')}-fuzz-${p}.md`] = bodiesOnly
          ? `---\ntitle: Fuzz ${p}\nslug: fuzz-${s}-${p}\n---\n${mutate(withoutReferences(post.replace(/^---\n[\s\S]*?\n---\n/, '')), next)}`
          : mutate(post, next);
      }
      const root = siteFromFiles(files);
      let report;
      try {
        report = await buildSite(root);
      } catch (cause) {
        throw new Error(`seed ${SEED}, site ${s} (${root}) threw: ${cause instanceof Error ? cause.stack : String(cause)}`);
      }
      for (const d of report.diagnostics) {
        expect(typeof d.file, `seed ${SEED} site ${s}`).toBe('string');
        expect(d.message, `seed ${SEED} site ${s}: ${d.file}`).not.toMatch(NO_STACK);
      }
      expect(report.ok || report.diagnostics.some((d) => d.severity === 'error'), `seed ${SEED} site ${s}`).toBe(true);
      if (bodiesOnly) rendered += report.rendered?.markdownRenders ?? 0;
      fs.rmSync(root, { recursive: true, force: true });
    }
    // The bodies really went through Markdown and the templates: a good part of those sites built.
    expect(rendered).toBeGreaterThan(BODY_SITES * POSTS_PER_BODY_SITE * 0.25);
  }, 120_000);

  it('the CLI exits 0 or 1, without a stack trace, on a few of them', async () => {
    const next = random(SEED + 1);
    for (let s = 0; s < 4; s++) {
      const files: Record<string, string> = { 'omnipress.yml': 'search: false\ngitDates: false\n' };
      for (let p = 0; p < 30; p++) files[`posts/en/2024-05-${String(1 + (p % 28)).padStart(2, '0')}-cli-${p}.md`] = mutate(posts[Math.floor(next() * posts.length)]!, next);
      const root = siteFromFiles(files);
      for (const command of ['build', 'check']) {
        const result = await runCli([command, '--root', root], { cwd: root });
        expect([0, 1], `seed ${SEED} ${command} ${root}: ${result.stderr}`).toContain(result.status);
        expect(result.stdout + result.stderr, `seed ${SEED} ${command} ${root}`).not.toMatch(NO_STACK);
        expect(result.stderr).not.toMatch(/internal error/);
      }
    }
  }, 120_000);
});
