// Symbolic links in posts/: followed only while they stay inside the posts folder (or the
// `_drafts/` beside a `_posts` folder), so that a link named like a post can never publish a file
// from elsewhere on the machine; and every folder is read once, so that a link loop ends.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonDiagnostic } from '../../src/check/format.js';
import type { JsonMigrateReport } from '../../src/migrate/report-format.js';
import { page } from '../helpers/html.js';
import { buildSite, runCli, siteFromFiles, spawnCli } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const SECRET = 'ghp_secretTokenThatMustNeverBePublished';

/** A folder outside the site holding a "secret" Markdown file and a folder of posts. */
function outsideFolder(): string {
  const outside = tempDir('omnipress-outside-');
  fs.writeFileSync(path.join(outside, 'secret.md'), `---\ntitle: Secret\n---\n${SECRET}\n`);
  fs.mkdirSync(path.join(outside, 'tree'));
  fs.writeFileSync(path.join(outside, 'tree/2024-01-03-stolen.md'), `---\ntitle: Stolen\n---\n${SECRET}\n`);
  return outside;
}

/** Every file under `dir` whose bytes contain `text` (relative paths). */
function filesContaining(dir: string, text: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && fs.readFileSync(path.join(e.parentPath, e.name)).includes(text))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('a symbolic link in posts/ that leads out of it', () => {
  function leakySite() {
    const root = siteFromFiles({
      'posts/en/2024-01-01-hello.md': '---\ntitle: Hello\n---\nHello.\n',
      '.git/config': `[remote "origin"]\n\turl = https://x-access-token:${SECRET}@github.com/o/r\n`,
    });
    const outside = outsideFolder();
    // The reproductions of the report: the build's environment, the checkout's token, a whole tree.
    fs.symlinkSync('/proc/self/environ', path.join(root, 'posts/en/2024-01-01-env.md'));
    fs.symlinkSync('../../.git/config', path.join(root, 'posts/en/2024-01-02-git.md'));
    fs.symlinkSync(path.join(outside, 'tree'), path.join(root, 'posts/en/tree'));
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'posts/2024-01-04-secret.md'));
    return root;
  }

  it('fails the build with an error naming each link and where it points, and publishes nothing', async () => {
    const root = leakySite();
    const result = spawnCli(['build', '--root', root], { env: { OMNIPRESS_LEAK_CANARY: SECRET } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('posts/en/2024-01-01-env.md error: a symbolic link to /proc/self/environ');
    expect(result.stderr).toContain('outside the posts folder: it is not read');
    expect(result.stderr).toContain('posts/en/2024-01-02-git.md error: a symbolic link to ../../.git/config');
    expect(result.stderr).toMatch(/posts\/en\/tree error: a symbolic link to \S+tree, outside the posts folder: nothing in it is not read/);
    expect(result.stderr).toContain('posts/2024-01-04-secret.md error: a symbolic link to');
    expect(result.stderr).toContain('hint: put the file itself in the posts folder');
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });

  it('is the same error in check and migrate-check, which show nothing of the files either', async () => {
    const root = leakySite();
    const check = spawnCli(['check', '--root', root, '--format', 'json'], { env: { OMNIPRESS_LEAK_CANARY: SECRET, GITHUB_ACTIONS: '' } });
    expect(check.status).toBe(1);
    const found = JSON.parse(check.stdout) as JsonDiagnostic[];
    const refused = found.filter((d) => d.severity === 'error' && d.message.includes('outside the posts folder')).map((d) => d.file);
    expect(refused.sort()).toEqual(['posts/2024-01-04-secret.md', 'posts/en/2024-01-01-env.md', 'posts/en/2024-01-02-git.md', 'posts/en/tree']);
    expect(check.stdout + check.stderr).not.toContain(SECRET);

    const migrate = spawnCli(['migrate-check', '--root', root, '--posts', 'posts', '--format', 'json'], { env: { OMNIPRESS_LEAK_CANARY: SECRET } });
    const report = JSON.parse(migrate.stdout) as JsonMigrateReport;
    expect(report.otherErrors.filter((d) => d.message.includes('outside the posts folder'))).toHaveLength(4);
    expect(migrate.stdout + migrate.stderr).not.toContain(SECRET);
  });

  it('refuses a link out of the _drafts/ beside a _posts folder, and a _drafts/ that is itself such a link', async () => {
    const root = siteFromFiles({ 'blog/_posts/2024-01-01-a.md': '---\ntitle: A\n---\nA.\n', 'blog/_drafts/2024-01-02-b.md': '---\ntitle: B\n---\nB.\n' });
    const outside = outsideFolder();
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'blog/_drafts/2024-01-03-c.md'));
    const report = await buildSite(root, { posts: path.join(root, 'blog/_posts'), drafts: true });
    expect(report.ok).toBe(false);
    expect(report.diagnostics.filter((d) => d.severity !== 'info').map((d) => [path.relative(root, d.file), d.message])).toEqual([
      ['blog/_drafts/2024-01-03-c.md', `a symbolic link to ${path.join(outside, 'secret.md')}, outside the _drafts folder: it is not read`],
    ]);

    fs.rmSync(path.join(root, 'blog/_drafts'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'tree'), path.join(root, 'blog/_drafts'));
    const linked = await buildSite(root, { posts: path.join(root, 'blog/_posts'), drafts: true });
    expect(linked.ok).toBe(false);
    const problems = linked.diagnostics.filter((d) => d.severity !== 'info');
    expect(problems.map((d) => path.relative(root, d.file))).toEqual(['blog/_drafts']);
    expect(problems[0]!.message).toContain('outside the folder holding _posts/');
    expect(filesContaining(path.join(root, '_site'), SECRET)).toEqual([]);
  });
});

describe('symbolic links that stay inside posts/', () => {
  it('are read: a post linked from a folder that is not walked, and a folder of posts linked under another name', async () => {
    const root = siteFromFiles({
      'posts/_shared/2024-02-01-linked.md': '---\ntitle: Linked post\n---\nRead through a link.\n',
      'posts/_english/2024-02-02-in-folder.md': '---\ntitle: In a linked folder\n---\nRead through a folder link.\n',
    });
    fs.mkdirSync(path.join(root, 'posts/ko'));
    fs.symlinkSync('../_shared/2024-02-01-linked.md', path.join(root, 'posts/ko/2024-02-01-linked.md'));
    fs.symlinkSync('_english', path.join(root, 'posts/en'));
    const report = await buildSite(root);
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(page(root, 'ko/posts/linked/index.html')('article').text()).toContain('Read through a link.');
    expect(page(root, 'en/posts/in-folder/index.html')('article').text()).toContain('Read through a folder link.');
  });
});

describe('a symbolic link loop in posts/', () => {
  it('ends: `ln -s . posts/a; ln -s . posts/b` builds every post once, with a warning per link', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 6; i++) files[`posts/en/2024-03-0${i}-post-${i}.md`] = `---\ntitle: Post ${i}\n---\nBody ${i}.\n`;
    const root = siteFromFiles(files);
    // 40 links to the posts folder would be 40^depth paths to walk if links were followed blindly.
    for (const name of ['a', 'b', ...Array.from({ length: 38 }, (_, i) => `loop-${i}`)]) fs.symlinkSync('.', path.join(root, 'posts', name));
    fs.symlinkSync('..', path.join(root, 'posts/en/up'));

    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    expect(report.pagesByLang.get('en')).toBeGreaterThan(0);
    const postPages = fs.readdirSync(path.join(root, '_site/en/posts'));
    expect(postPages.sort()).toEqual(['post-1', 'post-2', 'post-3', 'post-4', 'post-5', 'post-6']);
    const loops = report.diagnostics.filter((d) => d.code === 'symlink-loop');
    expect(loops).toHaveLength(41);
    expect(loops.every((d) => d.severity === 'warning' && d.message.includes('a folder that holds the link itself'))).toBe(true);
    expect(loops.map((d) => path.relative(root, d.file))).toContain('posts/en/up');

    const check = await runCli(['check', '--root', root, '--format', 'json'], { env: { GITHUB_ACTIONS: '' } });
    expect(check.status).toBe(0);
    expect((JSON.parse(check.stdout) as JsonDiagnostic[]).filter((d) => d.message.includes('holds the link itself'))).toHaveLength(41);
  });

  it('reads a folder once however many links lead to it: a second name is a warning, not a duplicate post', async () => {
    const root = siteFromFiles({ 'posts/ko/2024-04-01-one.md': '---\ntitle: 하나\n---\n본문.\n' });
    fs.symlinkSync('ko', path.join(root, 'posts/a-korean-alias'));
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    const problems = report.diagnostics.filter((d) => d.severity !== 'info');
    expect(problems.map((d) => [path.relative(root, d.file), d.severity, d.message])).toEqual([
      ['posts/a-korean-alias', 'warning', 'a symbolic link to the folder ko, whose posts are read already: they are read once, from there'],
    ]);
    // The post keeps the id and URL of where it really is, though the link sorts first.
    expect(fs.existsSync(path.join(root, '_site/ko/posts/one/index.html'))).toBe(true);
  });
});
