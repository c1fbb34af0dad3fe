// The command-line contract: options, exit codes, summary, output-folder safety, determinism.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnServe } from '../helpers/serve.js';
import { BIN, readTree, runCli, siteFromFiles, spawnCli } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const posts = {
  'posts/ko/2024-05-14-hello.md': '---\ntitle: 안녕\ntranslationKey: hello\n---\n본문입니다.\n',
  'posts/zh/2024-05-14-hello.md': '---\ntitle: 你好\ntranslationKey: hello\n---\n正文。\n',
  'posts/en/2024-05-14-hello.md': '---\ntitle: Hello\ntranslationKey: hello\n---\nBody.\n',
};

describe('omnipress --help / --version', () => {
  it('prints usage with the build options and exits 0', () => {
    const result = spawnCli(['--help']);
    expect(result.status).toBe(0);
    for (const option of ['--root', '--posts', '--out', '--base-url', '--drafts', '--future', '--quiet']) {
      expect(result.stdout).toContain(option);
    }
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = spawnCli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['frobnicate']],
    [['build', '--no-such-option']],
    [['build', '--base-url', 'not a url']],
    [['build', '--root', '/definitely/not/here']],
  ])('%j', async (args) => {
    const result = await runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/omnipress: /);
  });
});

describe('omnipress build', () => {
  it('uses the current folder as the root and ends with a one-line summary per language', async () => {
    const root = siteFromFiles(posts);
    const result = await runCli(['build'], { cwd: root });
    expect(result.status).toBe(0);
    expect(fs.existsSync(path.join(root, '_site/ko/posts/hello/index.html'))).toBe(true);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ko \d+, zh \d+, en \d+/);
    expect(lines[0]).toMatch(/0 warnings/);
    expect(lines[0]).toMatch(/\d+\.\d+ s/);
    // Not a terminal: no progress output, no escape sequences.
    expect(result.stderr).toBe('');
  });

  it('honours --posts and --out', async () => {
    const root = siteFromFiles({ 'content/en/2024-05-14-x.md': '# X\n' });
    const out = path.join(tempDir('omnipress-out-'), 'public_html');
    const result = await runCli(['build', '--root', root, '--posts', path.join(root, 'content'), '--out', out]);
    expect(result.status).toBe(0);
    expect(fs.existsSync(path.join(out, 'en/posts/x/index.html'))).toBe(true);
  });

  it('copies public/ as is, warning about files a generated page replaces', async () => {
    const root = siteFromFiles({ ...posts, 'public/favicon.ico': 'icon', 'public/img/a.png': 'png', 'public/404.html': 'mine' });
    const result = await runCli(['build', '--root', root]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('public/404.html');
    expect(result.stdout).toMatch(/1 warning/);
    expect(fs.readFileSync(path.join(root, '_site/img/a.png'), 'utf8')).toBe('png');
    expect(fs.readFileSync(path.join(root, '_site/favicon.ico'), 'utf8')).toBe('icon');
  });

  it('replaces its own previous output, dropping pages of deleted posts', async () => {
    const root = siteFromFiles(posts);
    expect((await runCli(['build', '--root', root])).status).toBe(0);
    fs.rmSync(path.join(root, 'posts/en/2024-05-14-hello.md'));
    expect((await runCli(['build', '--root', root])).status).toBe(0);
    expect(fs.existsSync(path.join(root, '_site/en/posts/hello/index.html'))).toBe(false);
    expect(fs.existsSync(path.join(root, '_site/ko/posts/hello/index.html'))).toBe(true);
  });
});

describe('output folder safety', () => {
  it('refuses to replace a folder it did not create', async () => {
    const root = siteFromFiles({ ...posts, '_site/precious.txt': 'keep me' });
    const result = await runCli(['build', '--root', root]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/not created by omnipress/);
    expect(fs.readFileSync(path.join(root, '_site/precious.txt'), 'utf8')).toBe('keep me');
  });

  it('uses an empty existing folder', async () => {
    const root = siteFromFiles(posts);
    fs.mkdirSync(path.join(root, '_site'));
    expect((await runCli(['build', '--root', root])).status).toBe(0);
  });

  it.each([
    ['the site root', '.'],
    ['the file-system root', '/'],
    ['the posts folder', 'posts'],
    ['a folder inside posts', 'posts/out'],
    ['a parent of the site', '..'],
    ['public/', 'public'],
    ['templates/', 'templates'],
  ])('refuses %s', async (_, out) => {
    const root = siteFromFiles({ ...posts, 'public/keep.txt': 'x', 'templates/i18n/en.json': '{}' });
    const before = readTree(root);
    const result = await runCli(['build', '--root', root, '--out', out], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/refusing/);
    expect(readTree(root)).toEqual(before);
  });

  it.each([
    ['the build cache', '.omnipress-cache', /overlaps the build cache/],
    ['a folder inside the build cache', '.omnipress-cache/site', /overlaps the build cache/],
    ['the config file', 'omnipress.yml', /place of the config file/],
    ['the place of a config file not written yet', 'omnipress.json', /place of the config file/],
    ['a folder inside an existing file', 'notes.txt/site', /notes\.txt is a file, not a folder/],
  ])('refuses %s with exit 2, leaving the site and its cache as they were', async (_, out, message) => {
    const root = siteFromFiles({ ...posts, 'omnipress.yml': 'title: Mine\n', 'notes.txt': 'notes' });
    // A first build leaves a cache (and a site) behind, as on any machine that built before.
    expect((await runCli(['build', '--root', root])).status).toBe(0);
    expect(fs.readdirSync(path.join(root, '.omnipress-cache')).length).toBeGreaterThan(0);
    const before = readTree(root);
    const result = await runCli(['build', '--root', root, '--out', out], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(readTree(root)).toEqual(before);
    // The site still builds as before: its config file is still a file.
    expect((await runCli(['build', '--root', root])).status).toBe(0);
  });

  it('refuses the build cache before any build made it', async () => {
    const root = siteFromFiles(posts);
    const result = await runCli(['build', '--root', root, '--out', '.omnipress-cache'], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/overlaps the build cache/);
    expect(fs.existsSync(path.join(root, '.omnipress-cache/.omnipress-output'))).toBe(false);
  });
});

describe('a folder where the config file belongs', () => {
  it('is an error naming it, not a crash', async () => {
    const root = siteFromFiles({ ...posts, 'omnipress.yml/index.html': 'left over' });
    const result = await runCli(['build', '--root', root], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^omnipress\.yml error: omnipress\.yml is a folder, not a config file/m);
    expect(result.stderr).not.toMatch(/EISDIR/);
  });
});

describe('deterministic output', () => {
  it('is byte-identical whatever the machine time zone and locale', async () => {
    // Same folder name: a site without a config is titled after its folder.
    const a = path.join(tempDir('omnipress-det-'), 'blog');
    const b = path.join(tempDir('omnipress-det-'), 'blog');
    fs.renameSync(siteFromFiles(posts), a);
    fs.renameSync(siteFromFiles(posts), b);
    expect(spawnCli(['build', '--root', a], { env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' } }).status).toBe(0);
    expect(spawnCli(['build', '--root', b], { env: { TZ: 'America/Los_Angeles', LANG: 'ko_KR.UTF-8', LC_ALL: 'ko_KR.UTF-8' } }).status).toBe(0);
    const treeA = readTree(path.join(a, '_site'));
    const treeB = readTree(path.join(b, '_site'));
    expect([...treeB.keys()]).toEqual([...treeA.keys()]);
    for (const [file, digest] of treeA) expect(treeB.get(file), file).toBe(digest);
  });
});

describe('output into a pipe that closes early', () => {
  it('`omnipress check | head -1` ends quietly with the exit code of what it found, every time', () => {
    const files: Record<string, string> = {};
    // Enough diagnostics that most of the report is written after `head` has gone.
    for (let i = 0; i < 200; i++) files[`posts/en/p${i}.md`] = `---\ntitle: Post ${i}\ndate: 2024-13-45\n---\nBody.\n`;
    const root = siteFromFiles(files);
    for (let round = 0; round < 20; round++) {
      const result = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$1" check --root "$2" | head -1', process.execPath, BIN, root], { encoding: 'utf8' });
      expect(result.stdout, `round ${round}`).toMatch(/^\S+ (?:error|warning|info): /);
      expect(result.stdout).not.toMatch(/EPIPE|Unhandled|node:events/);
      expect(result.stderr).toBe('');
      // pipefail: the status is omnipress's own, 1 for content errors.
      expect(result.status, `round ${round}`).toBe(1);
    }
  }, 90_000);
});

describe('a posts folder that is missing or empty', () => {
  it('a missing --posts folder is a usage error in build, check and serve; nothing is published', async () => {
    const root = siteFromFiles(posts);
    await runCli(['build', '--root', root], { cwd: root });
    const before = readTree(path.join(root, '_site'));
    for (const command of ['build', 'check', 'serve']) {
      const result = await runCli([command, '--root', root, '--posts', 'post'], { cwd: root });
      expect(result.status, command).toBe(2);
      expect(result.stderr, command).toContain('omnipress: --posts post does not exist');
    }
    expect(readTree(path.join(root, '_site'))).toEqual(before);
  });

  it('an empty posts folder is a content error, and the previous site stays', async () => {
    const root = siteFromFiles(posts);
    await runCli(['build', '--root', root], { cwd: root });
    const before = readTree(path.join(root, '_site'));
    fs.rmSync(path.join(root, 'posts'), { recursive: true });
    fs.mkdirSync(path.join(root, 'posts'));
    for (const command of ['build', 'check']) {
      const result = await runCli([command, '--root', root], { cwd: root });
      expect(result.status, command).toBe(1);
      expect(result.stdout + result.stderr, command).toContain('posts error: no posts found');
    }
    expect(readTree(path.join(root, '_site'))).toEqual(before);
  });

  it.each([
    ['Jekyll', '_posts/2024-05-14-hello.md', '_posts'],
    ['Hexo', 'source/_posts/hello.md', 'source/_posts'],
  ])('a %s repository passed as the posts folder gets the --posts it meant', async (_, file, meant) => {
    const root = siteFromFiles({ [`blog/${file}`]: '---\ntitle: Hello\n---\nBody.\n' });
    const result = await runCli(['build', '--root', root, '--posts', 'blog'], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`the posts seem to be in --posts blog/${meant}`);
  });

  it('a site whose posts folder is missing is told where they seem to be', async () => {
    const root = siteFromFiles({ '_posts/2024-05-14-hello.md': '---\ntitle: Hello\n---\nBody.\n' });
    const result = await runCli(['build', '--root', root], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/posts folder .*posts does not exist; the posts seem to be in --posts _posts/);
  });
});

describe('many warnings', () => {
  // Twelve posts, each with an image that is not there: one kind of warning, twelve places.
  const site = () => {
    const files: Record<string, string> = {};
    for (let i = 10; i < 22; i++) files[`posts/en/2024-05-${i}-p.md`] = `---\ntitle: Post ${i}\nslug: p${i}\n---\n![chart](chart-${i}.png)\n`;
    return siteFromFiles(files);
  };

  it('print each kind once with its first places and a count; --verbose prints every one', async () => {
    const root = site();
    const short = await runCli(['build', '--root', root], { cwd: root });
    expect(short.status).toBe(0);
    expect(short.stderr.match(/warning: image chart-\d+\.png is not found/g)).toHaveLength(3);
    expect(short.stderr).toContain('…and 9 more warnings like this (missing-image); --verbose lists them all');
    expect(short.stdout).toMatch(/12 warnings/);
    const verbose = await runCli(['build', '--root', root, '--verbose'], { cwd: root });
    expect(verbose.stderr.match(/warning: image chart-\d+\.png is not found/g)).toHaveLength(12);
    const json = await runCli(['check', '--root', root, '--format', 'json'], { cwd: root });
    expect((JSON.parse(json.stdout) as Array<{ severity: string }>).filter((d) => d.severity === 'warning')).toHaveLength(12);
  });

  it('--max-warnings fails build (nothing published) and check above the limit, as ESLint does', async () => {
    const root = site();
    expect((await runCli(['build', '--root', root, '--max-warnings', '12'], { cwd: root })).status).toBe(0);
    const before = readTree(path.join(root, '_site'));
    fs.writeFileSync(path.join(root, 'posts/en/2024-05-30-p.md'), '---\ntitle: One more\n---\n![chart](chart-30.png)\n');
    const build = await runCli(['build', '--root', root, '--max-warnings', '12'], { cwd: root });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('13 warnings, more than --max-warnings 12 allows');
    expect(build.stdout).toMatch(/build failed/);
    expect(readTree(path.join(root, '_site'))).toEqual(before);
    expect((await runCli(['check', '--root', root, '--max-warnings', '12'], { cwd: root })).status).toBe(1);
    expect((await runCli(['check', '--root', root, '--max-warnings', '13'], { cwd: root })).status).toBe(0);
    expect((await runCli(['build', '--root', root, '--max-warnings', 'lots'], { cwd: root })).status).toBe(2);
  });
});

describe('the site found from a subfolder', () => {
  it('build, check and serve work on the site from any folder inside it, as git finds .git', async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'title: Notes\n',
      'posts/en/2024-05-01-a.md': '---\ntitle: A\n---\nA [link to b](../b/).\n',
      'posts/en/2024-05-02-b.md': '---\ntitle: B\n---\nText.\n',
      'templates/partials/.keep': '',
    });
    for (const sub of ['posts/en', 'templates/partials']) {
      fs.rmSync(path.join(root, '_site'), { recursive: true, force: true });
      const built = await runCli(['build'], { cwd: path.join(root, sub) });
      expect(built.status, built.stderr).toBe(0);
      expect(fs.existsSync(path.join(root, '_site/en/posts/a/index.html'))).toBe(true);
      expect(fs.existsSync(path.join(root, sub, '_site'))).toBe(false);
      const checked = await runCli(['check'], { cwd: path.join(root, sub) });
      expect(checked.status, checked.stdout + checked.stderr).toBe(0);
    }
    // serve, the real command: it finds the site the same way.
    const { url } = await spawnServe(BIN, ['--port', '0'], path.join(root, 'posts/en'));
    const page = await fetch(`${url}/en/posts/a/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('link to b');
    // A site without a config is found from inside its posts/ folder.
    const bare = siteFromFiles({ 'posts/en/2024-05-01-a.md': '---\ntitle: A\n---\nText.\n' });
    expect((await runCli(['build'], { cwd: path.join(bare, 'posts/en') })).status).toBe(0);
    expect(fs.existsSync(path.join(bare, '_site/en/posts/a/index.html'))).toBe(true);
  });
});

describe('omnipress help', () => {
  it('help COMMAND is COMMAND --help, with examples; an unknown command says so and suggests a near one', async () => {
    for (const command of ['build', 'serve', 'init', 'new', 'templates', 'check', 'migrate-check']) {
      const viaHelp = await runCli(['help', command]);
      expect(viaHelp.status, command).toBe(0);
      expect(viaHelp.stdout, command).toBe((await runCli([command, '--help'])).stdout);
      expect(viaHelp.stdout, command).toMatch(new RegExp(`\\nExamples:\\n  omnipress ${command}`));
    }
    expect((await runCli(['help'])).stdout).toContain('omnipress help [command]');
    const typo = await runCli(['serv']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('unknown command "serv" (did you mean serve?)');
  });
});
