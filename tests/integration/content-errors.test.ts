// Every mistake an editor can make gets an error naming file and line, the build exits 1,
// and the previous _site/ stays exactly as it was.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readTree, runCli, siteFromFiles, siteFromFixture, type CliResult } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

/** Build a fixture with the real CLI; return exit code and what it printed. */
async function cliBuild(root: string, ...args: string[]): Promise<CliResult> {
  return runCli(['build', '--root', root, ...args], { cwd: root });
}

describe.each([
  { fixture: 'bad-yaml', file: 'posts/ko/broken.md', line: 3, message: /yaml|flow|collection|missing/i },
  { fixture: 'bad-date', file: 'posts/ko/bad-date.md', line: 3, message: /2024-13-45/ },
  { fixture: 'escaping-permalink', file: 'posts/en/escape.md', line: 4, message: /permalink/ },
  { fixture: 'unknown-layout', file: 'posts/en/gallery.md', line: 4, message: /layout "gallery"/ },
  { fixture: 'unknown-language', file: 'posts/french.md', line: 4, message: /fr/ },
])('$fixture', ({ fixture, file, line, message }) => {
  it(`exits 1 naming ${file}:${line}`, async () => {
    const root = siteFromFixture(fixture);
    const result = await cliBuild(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}:${line}`);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toMatch(/build failed/);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });
});

describe('front matter in another language than YAML', () => {
  it('is refused without running its code', async () => {
    const root = siteFromFixture('js-front-matter');
    const result = await cliBuild(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('posts/evil.md:1');
    expect(result.stderr).toMatch(/yaml/i);
    expect(fs.existsSync(path.join(root, 'front-matter-code-ran.txt'))).toBe(false);
  });

  it('would run with gray-matter defaults (so the test above is meaningful)', () => {
    const require = createRequire(import.meta.url);
    const matter = require('gray-matter') as (text: string) => { data: Record<string, unknown> };
    const dir = tempDir('gm-');
    const marker = path.join(dir, 'ran.txt');
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      matter(fs.readFileSync(path.join(siteFromFixture('js-front-matter'), 'posts/evil.md'), 'utf8'));
    } finally {
      process.chdir(cwd);
    }
    expect(fs.existsSync(path.join(dir, 'front-matter-code-ran.txt')) || fs.existsSync(marker)).toBe(true);
  });
});

describe('duplicate slugs', () => {
  it('names both files', async () => {
    const root = siteFromFixture('duplicate-slug');
    const result = await cliBuild(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/duplicate slug "same-story"/);
    expect(result.stderr).toContain('posts/ko/2024-05-14-same-story.md');
    expect(result.stderr).toContain('posts/ko/archive/same-story.md');
    // Both paths as the user reads them: relative to the site, never the machine's.
    expect(result.stderr).not.toContain(root);
  });

  it('allows one slug in two languages', async () => {
    const root = siteFromFiles({
      'posts/ko/2024-05-14-same.md': '# 같은\n',
      'posts/zh/2024-05-14-same.md': '# 相同\n',
    });
    expect((await cliBuild(root)).status).toBe(0);
  });

  it('names both posts when two permalinks claim one output path', async () => {
    const root = siteFromFiles({
      'posts/en/a.md': '---\ntitle: A\ndate: 2024-05-14\npermalink: /news/x/\n---\n',
      'posts/en/b.md': '---\ntitle: B\ndate: 2024-05-14\npermalink: /news/x/\n---\n',
    });
    const result = await cliBuild(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('posts/en/a.md');
    expect(result.stderr).toContain('posts/en/b.md');
  });
});

describe('escaping permalinks', () => {
  it.each(['../x/', '/../x', '/%2e%2e/%2e%2e/x/', '/a%2f..%2f..%2fx/', '..\\..\\x'])('refuses %s and writes nothing outside', async (link) => {
    // The site alone in a folder of its own, so that anything written beside it shows.
    const root = path.join(tempDir('omnipress-escape-'), 'site');
    fs.renameSync(siteFromFiles({ 'posts/en/a.md': `---\ntitle: A\ndate: 2024-05-14\npermalink: "${link}"\n---\n` }), root);
    const before = fs.readdirSync(path.dirname(root));
    const result = await cliBuild(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('posts/en/a.md:4');
    expect(fs.existsSync(path.join(root, 'x'))).toBe(false);
    expect(fs.readdirSync(path.dirname(root))).toEqual(before);
    expect(fs.readdirSync(path.dirname(path.dirname(root))).some((name) => name === 'x' || name === 'escaped')).toBe(false);
  });
});

describe('YAML that attacks the parser', () => {
  it('fails fast on an alias bomb, deep nesting and __proto__ keys never leak', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
      .concat(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`))
      .join('\n');
    const root = siteFromFiles({
      'posts/en/bomb.md': `---\n${bomb}\n---\n`,
      'posts/en/deep.md': `---\ntitle: ${'['.repeat(20000)}${']'.repeat(20000)}\n---\n`,
      'posts/en/proto.md': '---\ntitle: Proto\ndate: 2024-05-14\n__proto__:\n  draft: true\n  layout: gallery\n---\n',
    });
    // (Without the alias and depth limits this build would hang or crash instead of failing.)
    const result = await cliBuild(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('posts/en/bomb.md');
    expect(result.stderr).toContain('posts/en/deep.md');
    expect(result.stderr).not.toMatch(/Maximum call stack|RangeError/);
    expect(result.stderr).not.toContain('posts/en/proto.md: error');
    expect(result.stderr).not.toMatch(/proto\.md:\d+ error/);
  });
});

describe('duplicate front-matter keys', () => {
  it('are an error at the second key', async () => {
    const root = siteFromFiles({ 'posts/en/dup.md': '---\ntitle: One\ndate: 2024-05-14\ntitle: Two\n---\n' });
    const result = await cliBuild(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/posts\/en\/dup\.md:4 error: duplicate key/);
  });
});

describe('all content errors at once', () => {
  it('reports every broken post in one run', async () => {
    const root = siteFromFiles({
      'posts/en/one.md': '---\ntitle: One\ndate: 2024-02-30\n---\n',
      'posts/en/two.md': '---\ntitle: Two\nlayout: nope\ndate: 2024-05-14\n---\n',
      'posts/en/three.md': '---\ntitle: [broken\n---\n',
    });
    const result = await cliBuild(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('posts/en/one.md:3');
    expect(result.stderr).toContain('posts/en/two.md:3');
    expect(result.stderr).toContain('posts/en/three.md:2');
    expect(result.stdout).toMatch(/3 errors/);
  });
});

describe('a failed build', () => {
  it('leaves the previous _site/ byte for byte as it was', async () => {
    const root = siteFromFiles({ 'posts/en/2024-05-14-good.md': '# Good\n\nFine.\n' });
    expect((await cliBuild(root)).status).toBe(0);
    const before = readTree(path.join(root, '_site'));
    expect(before.size).toBeGreaterThan(3);
    fs.writeFileSync(path.join(root, 'posts/en/2024-05-15-bad.md'), '---\ntitle: Bad\ndate: 2024-99-99\n---\n');
    fs.writeFileSync(path.join(root, 'posts/en/2024-05-14-good.md'), '# Good, edited\n\nChanged.\n');
    expect((await cliBuild(root)).status).toBe(1);
    expect(readTree(path.join(root, '_site'))).toEqual(before);
    expect(fs.readdirSync(root).filter((name) => name.includes('staging'))).toEqual([]);
  });
});

describe('values from posts in plain-text messages', () => {
  // GitHub Actions runs any log line that starts with `::` as a workflow command.
  const workflowCommand = /^\s*::/m;
  const files = {
    'posts/en/2024-05-01-injected.md': '---\ntitle: Injected\ndate: "2024\\n::error file=README.md,line=1::Injected\\u001b[2J"\n---\nBody.\n',
    'posts/en/2024-05-02-bad\n::warning file=x::named.md': '---\ntitle: Named\ndate: 2024-13-45\n---\nBody.\n',
  };

  it('stay on one line, with control characters escaped, in build, check and migrate-check', async () => {
    const root = siteFromFiles(files);
    const build = await cliBuild(root);
    const check = await runCli(['check', '--root', root, '--format', 'text'], { cwd: root, env: { ...process.env, GITHUB_ACTIONS: '' } });
    const migrate = await runCli(['migrate-check', '--posts', path.join(root, 'posts'), '--root', root], { cwd: root });
    for (const [name, result] of [['build', build], ['check', check], ['migrate-check', migrate]] as const) {
      const output = result.stdout + result.stderr;
      expect(result.status, name).toBe(name === 'migrate-check' ? 0 : 1); // migrate-check reports, it never fails
      expect(output, name).not.toMatch(workflowCommand);
      expect(output, name).not.toContain('\u001b');
      expect(output, name).toContain('"2024\\n::error file=README.md,line=1::Injected\\u001b[2J"');
      expect(output, name).toContain('2024-05-02-bad\\n::warning file=x::named.md');
    }
  });
});

describe('one pass, every problem', () => {
  it('a broken post does not hide the other posts\' errors and warnings: build and check report them all at once', async () => {
    const root = siteFromFiles({
      'posts/en/2024-05-01-broken.md': '---\ntitle: [unclosed\n---\nBody.\n',
      'posts/en/2024-05-02-same.md': '---\ntitle: Same one\n---\nBody.\n',
      'posts/en/archive/same.md': '---\ntitle: Same two\ndate: 2024-05-03\n---\nBody.\n',
      'posts/en/2024-05-04-picture.md': '---\ntitle: Picture\n---\n![a chart](chart.png)\n',
      'posts/en/2024-05-05-link.md': '---\ntitle: Link\n---\nSee [the other](2024-05-99-missing.md).\n',
    });
    const build = await cliBuild(root);
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/^posts\/en\/2024-05-01-broken\.md:2 error: invalid YAML/m);
    expect(build.stderr).toMatch(/^posts\/en\/archive\/same\.md error: duplicate slug "same"/m);
    expect(build.stderr).toMatch(/^posts\/en\/2024-05-04-picture\.md:4 warning: image chart\.png is not found/m);
    expect(build.stdout).toMatch(/build failed: 2 errors, 1 warning/);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);

    const check = await runCli(['check', '--root', root], { cwd: root, env: { GITHUB_ACTIONS: '' } });
    expect(check.status).toBe(1);
    for (const expected of [/2024-05-01-broken\.md:2 error: invalid YAML/, /archive\/same\.md error: duplicate slug/, /2024-05-04-picture\.md:4 warning: image chart\.png/, /2024-05-05-link\.md:4 error: .*2024-05-99-missing\.md/]) {
      expect(check.stdout).toMatch(expected);
    }
    expect(check.stdout).toMatch(/in 5 posts/);
  });
});
