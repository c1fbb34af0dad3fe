// Symbolic links in public/: `build` copies what a link inside public/ leads to, as a file, and
// refuses a link out of it with an error, as `serve` refuses to serve one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonDiagnostic } from '../../src/check/format.js';
import { buildSite, readTree, runCli, siteFromFiles } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const POST = { 'posts/en/2024-01-01-hello.md': '---\ntitle: Hello\n---\nHello.\n' };

describe('a symbolic link out of public/', () => {
  it('fails the build with an error naming the link and its target, and leaves the previous site as it was', async () => {
    const root = siteFromFiles({ ...POST, 'public/robots.txt': 'User-agent: *\n' });
    expect((await runCli(['build', '--root', root])).status).toBe(0);
    const before = readTree(path.join(root, '_site'));

    const outside = tempDir('omnipress-outside-');
    fs.writeFileSync(path.join(outside, 'id_rsa'), 'PRIVATE KEY\n');
    fs.symlinkSync('/etc/passwd', path.join(root, 'public/passwd.txt'));
    fs.symlinkSync(outside, path.join(root, 'public/keys'));
    const result = await runCli(['build', '--root', root]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('public/passwd.txt error: a symbolic link to /etc/passwd, outside public/: it is not copied');
    expect(result.stderr).toContain(`public/keys error: a symbolic link to ${outside}, outside public/: it is not copied`);
    expect(result.stderr).toContain('hint: put the file itself in public/');
    expect(readTree(path.join(root, '_site'))).toEqual(before);
    expect(fs.readdirSync(root).filter((name) => name.startsWith('._site.'))).toEqual([]);

    const check = await runCli(['check', '--root', root, '--format', 'json'], { env: { GITHUB_ACTIONS: '' } });
    expect(check.status).toBe(1);
    const errors = (JSON.parse(check.stdout) as JsonDiagnostic[]).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.file).sort()).toEqual(['public/keys', 'public/passwd.txt']);
  });
});

describe('symbolic links inside public/', () => {
  it('are published as the files and folders they lead to; a loop is a warning and is not followed', async () => {
    const root = siteFromFiles({ ...POST, 'public/notes/readme.txt': 'plain text\n', 'public/img/dot.png': 'png' });
    fs.symlinkSync('notes/readme.txt', path.join(root, 'public/alias.txt'));
    fs.symlinkSync('img', path.join(root, 'public/images'));
    fs.symlinkSync('..', path.join(root, 'public/img/up'));
    fs.symlinkSync('.', path.join(root, 'public/self'));

    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    const loops = report.diagnostics.filter((d) => d.code === 'symlink-loop').map((d) => path.relative(root, d.file));
    expect(loops.sort()).toEqual(['public/images/up', 'public/img/up', 'public/self']);
    const out = path.join(root, '_site');
    for (const rel of ['alias.txt', 'images/dot.png', 'img/dot.png', 'notes/readme.txt']) {
      expect(fs.lstatSync(path.join(out, rel)).isFile(), rel).toBe(true);
    }
    expect(fs.readFileSync(path.join(out, 'alias.txt'), 'utf8')).toBe('plain text\n');
    expect(fs.existsSync(path.join(out, 'self'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'img/up'))).toBe(false);
  });
});
