// When the machine fails a build (a full disk) or omnipress itself does (a bug), the user reads
// one line saying which, the previous site stays, and a stack trace appears only with --verbose.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unexpectedFailure } from '../../src/cli.js';
import { readTree, runCli, siteFromFiles } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

/** A small RAM disk of our own, when this machine lets us mount one (root in a container, as CI). */
function smallDisk(bytes: number): string | undefined {
  const dir = tempDir('omnipress-disk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    fs.rmdirSync(dir);
    return undefined;
  }
}

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) execFileSync('umount', [dir]);
});

describe('a full disk', () => {
  const disk = smallDisk(4 * 1024 * 1024);
  if (disk) mounted.push(disk);
  // Mounting needs privileges that a developer's own account may lack; CI runs as root.
  it.skipIf(!disk && !process.env.CI)('fails the build in one line and leaves the previous site as it was', async () => {
    expect(disk, 'CI must be able to mount a tmpfs for this test').toBeDefined();
    const root = siteFromFiles({ 'posts/en/2024-05-01-hello.md': '---\ntitle: Hello\n---\nBody.\n' });
    const out = path.join(disk!, '_site');
    expect((await runCli(['build', '--root', root, '--out', out], { cwd: root })).status).toBe(0);
    const before = readTree(out);
    // Fill the disk, then ask for more than is left.
    const free = fs.statfsSync(disk!).bavail * fs.statfsSync(disk!).bsize;
    fs.writeFileSync(path.join(disk!, 'filler'), Buffer.alloc(Math.max(0, free - 64 * 1024)));
    fs.writeFileSync(path.join(root, 'posts/en/2024-05-02-big.md'), `---\ntitle: Big\n---\n${'word '.repeat(200_000)}\n`);

    const result = await runCli(['build', '--root', root, '--out', out], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^omnipress: no space left on the device(?: \(.+\))?; nothing was published, the previous site is as it was\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readTree(out)).toEqual(before);
    expect(fs.readdirSync(disk!).filter((name) => name.includes('staging'))).toEqual([]);
  });
});

describe('an internal error', () => {
  it('is one line asking for a report, with the trace only under --verbose', () => {
    const bug = new TypeError('Cannot read properties of undefined (reading \'x\')');
    const quiet = unexpectedFailure(bug, 'build', false);
    expect(quiet).toMatch(/^omnipress: internal error in build: Cannot read properties of undefined \(reading 'x'\)\nthis is a bug in omnipress \S+; please report it/);
    expect(quiet).toContain('run it again with --verbose for the trace');
    expect(quiet).not.toMatch(/\n\s+at /);
    expect(unexpectedFailure(bug, 'build', true)).toMatch(/\n\s+at /);
  });

  it('--verbose is accepted by every command', async () => {
    const root = siteFromFiles({ 'posts/en/2024-05-01-hello.md': '---\ntitle: Hello\n---\nBody.\n' });
    expect((await runCli(['build', '--root', root, '--verbose'], { cwd: root })).status).toBe(0);
    expect((await runCli(['check', '--verbose', '--root', root], { cwd: root })).status).toBe(0);
  });
});
