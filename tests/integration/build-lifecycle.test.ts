// What a build shows while it runs, and what it leaves behind when it is killed half way.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, readTree, runCli, siteFromFiles } from '../helpers/site.js';

function manyPosts(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const lang = ['ko', 'zh', 'en'][i % 3]!;
    const day = String((i % 28) + 1).padStart(2, '0');
    files[`posts/${lang}/2024-05-${day}-post-${i}.md`] =
      `---\ntitle: Post ${i}\n---\n${'문단입니다. 这是段落。 A paragraph. '.repeat(40)}\n\n## 소제목 ${i}\n\n${'- item\n'.repeat(20)}`;
  }
  return files;
}

/** Run the CLI under a pseudo-terminal (util-linux `script`), as an editor would in a shell. */
function runInTerminal(args: string[], env: NodeJS.ProcessEnv) {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return spawnSync('script', ['-qec', command, '/dev/null'], { env: { ...process.env, CI: '', ...env }, encoding: 'utf8' });
}

describe('progress', () => {
  const root = siteFromFiles(manyPosts(30));

  it('shows stage and count on a terminal once the build runs longer than the delay', () => {
    const result = runInTerminal(['build', '--root', root], { OMNIPRESS_PROGRESS_DELAY_MS: '0' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/render \d+\/\d+/);
    expect(result.stdout).toMatch(/built \d+ pages/);
  });

  it('stays silent with --quiet, or when not on a terminal', async () => {
    const quiet = runInTerminal(['build', '--root', root, '--quiet'], { OMNIPRESS_PROGRESS_DELAY_MS: '0' });
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toMatch(/render \d+\/\d+/);
    const piped = await runCli(['build', '--root', root], { env: { OMNIPRESS_PROGRESS_DELAY_MS: '0', CI: '' } });
    expect(piped.stdout + piped.stderr).not.toMatch(/render \d+\/\d+/);
  });

  it('does not show progress for a build faster than the delay', () => {
    // A delay no build here reaches, however loaded the machine: the default second is not a
    // deadline a test may depend on.
    const result = runInTerminal(['build', '--root', root], { OMNIPRESS_PROGRESS_DELAY_MS: '600000' });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/render \d+\/\d+/);
  });
});

describe('a build killed half way', () => {
  it('leaves the previous _site/ byte for byte as it was, and the next build cleans up', async () => {
    // Search off: indexing 1,500 posts three times would only slow down what this test is about (the writer).
    const root = siteFromFiles({ ...manyPosts(1500), 'omnipress.yml': 'search: false\n' });
    expect((await runCli(['build', '--root', root])).status).toBe(0);
    const before = readTree(path.join(root, '_site'));

    // Change every post, start a build, and kill it as soon as it writes its staging folder.
    for (const file of fs.readdirSync(path.join(root, 'posts/ko'))) {
      fs.appendFileSync(path.join(root, 'posts/ko', file), '\nEdited.\n');
    }
    const child = spawn(process.execPath, [BIN, 'build', '--root', root], { stdio: 'ignore' });
    const sawStaging = await new Promise<boolean>((resolve) => {
      const timer = setInterval(() => {
        if (fs.readdirSync(path.dirname(path.join(root, '_site'))).some((n) => n.startsWith('._site.staging-'))) {
          child.kill('SIGKILL');
          clearInterval(timer);
          resolve(true);
        }
      }, 1);
      child.on('exit', () => {
        clearInterval(timer);
        resolve(false);
      });
    });
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.on('exit', resolve)));
    expect(sawStaging).toBe(true);
    expect(readTree(path.join(root, '_site'))).toEqual(before);

    // The next build removes the half-written staging folder and succeeds.
    expect((await runCli(['build', '--root', root])).status).toBe(0);
    expect(fs.readdirSync(root).filter((n) => n.startsWith('._site.'))).toEqual([]);
    expect(fs.readFileSync(path.join(root, '_site/ko/posts/post-0/index.html'), 'utf8')).toContain('Edited.');
    // Three builds of 1,500 posts: 27 s alone on a loaded 2-core machine, so more than the default 30 s.
  }, 120_000);
});
