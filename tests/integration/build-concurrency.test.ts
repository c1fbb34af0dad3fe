// Builds that overlap or die: two real `omnipress build` processes on one site, builds killed
// with SIGKILL at random points, a staging folder emptied by something else, and `serve` running
// beside `build`. Whatever happens, `_site/` is a whole site with its marker, nothing is left
// beside it, and the next build succeeds.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/pipeline/build-lock.js';
import { OUTPUT_MARKER, StagingLostError } from '../../src/pipeline/write.js';
import { serveInTest } from '../helpers/serve.js';
import { BIN, buildSite, readTree, runCli, siteFromFiles, spawnCli } from '../helpers/site.js';

/** A site big enough that a build takes a while (search off: Pagefind is not what this is about). */
function bigSite(count: number): string {
  const files: Record<string, string> = { 'omnipress.yml': 'search: false\n', 'public/robots.txt': 'User-agent: *\n' };
  for (let i = 0; i < count; i++) {
    const lang = ['ko', 'zh', 'en'][i % 3]!;
    const day = String((i % 28) + 1).padStart(2, '0');
    files[`posts/${lang}/2024-05-${day}-post-${i}.md`] =
      `---\ntitle: Post ${i}\ntags: [t${i % 7}]\n---\n${'문단입니다. 这是段落。 A paragraph. '.repeat(40)}\n\n## 소제목 ${i}\n\n${'- item\n'.repeat(20)}`;
  }
  return siteFromFiles(files);
}

interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Start the real CLI; settles when it exits. */
function startBuild(root: string): { child: ReturnType<typeof spawn>; done: Promise<Finished> } {
  const child = spawn(process.execPath, [BIN, 'build', '--root', root], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Finished>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stderr })));
  return { child, done };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Folders a build leaves beside `_site/` while it runs (`._site.staging-…`, `._site.old-…`). */
function leftovers(root: string): string[] {
  return fs.readdirSync(root).filter((name) => name.startsWith('._site.'));
}

/** The PID of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('two builds of one site started a few hundred milliseconds apart', () => {
  it('never publish a partial site: one builds, the other stops at once naming the lock, and the next build succeeds', async () => {
    const root = bigSite(300);
    expect((await runCli(['build', '--root', root])).status).toBe(0);
    const complete = readTree(path.join(root, '_site'));
    expect(complete.has(OUTPUT_MARKER)).toBe(true);

    let refused = 0;
    for (let round = 0; round < 10; round++) {
      // Without the cache every build does the whole work, so the two overlap.
      fs.rmSync(path.join(root, '.omnipress-cache'), { recursive: true, force: true });
      const first = startBuild(root);
      await sleep(150 + Math.floor(Math.random() * 300));
      const second = startBuild(root);
      const results = await Promise.all([first.done, second.done]);

      for (const result of results) {
        if (result.status === 0) continue;
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr).toMatch(/omnipress: another omnipress build \(process \d+\) is building this site; run this one once it is done/);
        refused++;
      }
      expect(results.some((result) => result.status === 0), `round ${round}`).toBe(true);
      expect(readTree(path.join(root, '_site')), `round ${round}`).toEqual(complete);
      expect(leftovers(root)).toEqual([]);
      expect(fs.existsSync(path.join(root, '.omnipress-cache', LOCK_FILE))).toBe(false);
    }
    // The builds did overlap (else this test proved nothing).
    expect(refused).toBeGreaterThan(0);
    expect((await runCli(['build', '--root', root])).status).toBe(0);
    expect(readTree(path.join(root, '_site'))).toEqual(complete);
  }, 300_000);
});

describe('the build lock', () => {
  it('stops a build with exit 2 while a live process holds it, and is taken over from a dead one', async () => {
    const root = siteFromFiles({ 'posts/en/2024-01-01-hello.md': '---\ntitle: Hello\n---\nHello.\n' });
    const lock = path.join(root, '.omnipress-cache', LOCK_FILE);
    fs.mkdirSync(path.dirname(lock), { recursive: true });

    // This test's own process stands for a build that is still running.
    fs.writeFileSync(lock, `${process.pid}\n${os.hostname()}\n`);
    const held = spawnCli(['build', '--root', root]);
    expect(held.status).toBe(2);
    expect(held.stderr).toBe(
      `omnipress: another omnipress build (process ${process.pid}) is building this site; run this one once it is done ` +
        `(if no build is running, delete ${lock})\n`,
    );
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
    expect(fs.readFileSync(lock, 'utf8')).toBe(`${process.pid}\n${os.hostname()}\n`);

    // A build killed with SIGKILL leaves its lock behind.
    fs.writeFileSync(lock, `${deadPid()}\n${os.hostname()}\n`);
    expect((await runCli(['build', '--root', root])).status).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);
    expect(fs.existsSync(path.join(root, '_site', OUTPUT_MARKER))).toBe(true);
  });
});

describe('folders left beside _site/', () => {
  it('are removed when their build is dead, even without a marker, and kept while it runs', async () => {
    const root = siteFromFiles({ 'posts/en/2024-01-01-hello.md': '---\ntitle: Hello\n---\nHello.\n' });
    expect((await runCli(['build', '--root', root])).status).toBe(0);
    const dead = deadPid();
    // An old site whose removal was cut short after its marker went (12 MB were seen left over).
    fs.mkdirSync(path.join(root, `._site.old-${dead}-abc/en/posts/hello`), { recursive: true });
    fs.writeFileSync(path.join(root, `._site.old-${dead}-abc/en/posts/hello/index.html`), 'old');
    fs.mkdirSync(path.join(root, `._site.staging-${dead}-def/en`), { recursive: true });
    // A staging folder of a build that is still running (this test's process stands for it).
    const live = `._site.staging-${process.pid}-ghi`;
    fs.mkdirSync(path.join(root, live));
    fs.writeFileSync(path.join(root, live, OUTPUT_MARKER), '');

    expect(spawnCli(['build', '--root', root]).status).toBe(0);
    expect(leftovers(root)).toEqual([live]);
  });

  it('after builds killed with SIGKILL at random points, the next build removes them all and publishes the whole site', async () => {
    const root = bigSite(100);
    expect((await runCli(['build', '--root', root])).status).toBe(0);
    const expected = [...readTree(path.join(root, '_site')).keys()];
    const post = path.join(root, 'posts/en/2024-05-03-post-2.md');

    // How long a build of one edited post runs here: kill points are spread over it (this bounds nothing).
    fs.appendFileSync(post, '\nEdited.\n');
    const timed = performance.now();
    expect((await startBuild(root).done).status).toBe(0);
    const buildMs = performance.now() - timed;

    let killedDuringRemoval = 0;
    for (let trial = 0; trial < 10; trial++) {
      fs.appendFileSync(post, `\nEdit ${trial}.\n`);
      // Now and then from scratch, as in CI without a cache.
      if (trial % 4 === 0) fs.rmSync(path.join(root, '.omnipress-cache'), { recursive: true, force: true });
      const build = startBuild(root);
      if (trial % 3 === 2) {
        // Right when the old site is being removed, after the swap.
        const seen = await waitUntil(() => leftovers(root).some((name) => name.startsWith('._site.old-')), build.done);
        if (seen) killedDuringRemoval++;
      } else {
        await sleep(Math.random() * buildMs);
      }
      build.child.kill('SIGKILL');
      await build.done;

      const next = await runCli(['build', '--root', root]);
      expect(next.status, next.stderr).toBe(0);
      expect(leftovers(root), `trial ${trial}`).toEqual([]);
      expect([...readTree(path.join(root, '_site')).keys()], `trial ${trial}`).toEqual(expected);
      expect(fs.readFileSync(path.join(root, '_site/en/posts/post-2/index.html'), 'utf8')).toContain(`Edit ${trial}.`);
    }
    expect(killedDuringRemoval).toBeGreaterThan(0);
  }, 300_000);
});

/** Poll `check` every millisecond until it holds (true) or `done` settles first (false). */
async function waitUntil(check: () => boolean, done: Promise<unknown>): Promise<boolean> {
  let finished = false;
  void done.then(() => (finished = true));
  while (!finished) {
    if (check()) return true;
    await sleep(1);
  }
  return false;
}

describe('a staging folder emptied by something else while the build runs', () => {
  it('fails the build instead of publishing what is left, and the previous site stays', async () => {
    const root = bigSite(60);
    expect((await buildSite(root)).ok).toBe(true);
    const before = readTree(path.join(root, '_site'));
    fs.appendFileSync(path.join(root, 'posts/en/2024-05-03-post-2.md'), '\nEdited.\n');

    // What an older omnipress or a cleanup script did: delete the folder's marker and pages as it went.
    let emptied = false;
    const build = buildSite(root, {
      onProgress(stage, done) {
        if (stage !== 'render' || done < 64 || emptied) return;
        const staging = leftovers(root).find((name) => name.startsWith('._site.staging-'))!;
        fs.rmSync(path.join(root, staging, OUTPUT_MARKER));
        for (const entry of fs.readdirSync(path.join(root, staging), { recursive: true, withFileTypes: true })) {
          if (entry.isFile() && entry.name === 'index.html') fs.rmSync(path.join(entry.parentPath, entry.name));
        }
        emptied = true;
      },
    });
    await expect(build).rejects.toThrow(StagingLostError);
    await expect(build).rejects.toThrow(/was deleted or emptied by something else while this build ran \(\d+ of \d+ files left\)/);
    expect(emptied).toBe(true);
    expect(readTree(path.join(root, '_site'))).toEqual(before);
    expect(leftovers(root)).toEqual([]);
    expect((await buildSite(root)).ok).toBe(true);
  });
});

describe('serve and build on one site at once', () => {
  it('serve writes nothing beside the site, and a build while it serves publishes the whole site', async () => {
    const root = bigSite(60);
    const server = await serveInTest(root);
    await server.idle();
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
    expect(fs.existsSync(path.join(root, '.omnipress-cache'))).toBe(false);
    const builds = server.builds.length;

    // Edits while the build runs make serve rebuild at the same time.
    const build = startBuild(root);
    for (let i = 0; i < 5; i++) {
      fs.appendFileSync(path.join(root, 'posts/en/2024-05-03-post-2.md'), `\nEdit ${i}.\n`);
      await sleep(100);
    }
    const result = await build.done;
    expect(result.status, result.stderr).toBe(0);
    await server.idle();
    expect(server.builds.length).toBeGreaterThan(builds);
    expect(server.builds.at(-1)!.ok).toBe(true);

    expect(fs.existsSync(path.join(root, '_site', OUTPUT_MARKER))).toBe(true);
    expect(fs.existsSync(path.join(root, '_site/en/posts/post-2/index.html'))).toBe(true);
    expect(leftovers(root)).toEqual([]);
    // The build's own writes (_site/, its staging folder, the cache) made serve rebuild nothing more.
    const after = server.builds.length;
    expect((await runCli(['build', '--root', root])).status).toBe(0);
    await server.idle();
    expect(server.builds.length).toBe(after);
  });
});
