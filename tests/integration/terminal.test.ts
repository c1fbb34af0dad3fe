// What someone at a terminal sees that a pipe, a CI log or a script never gets: colour.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, siteFromFiles } from '../helpers/site.js';

// One warning (an image that is not there) and one error (a date that does not exist, line 3).
const broken = {
  'posts/en/2024-05-14-ok.md': '---\ntitle: Ok\n---\n![chart](chart.png)\n',
  'posts/en/2024-05-15-bad.md': '---\ntitle: Bad\ndate: 2024-13-45\n---\nBody.\n',
};
const fine = { 'posts/en/2024-05-14-ok.md': '---\ntitle: Ok\n---\nBody.\n' };

/** Any SGR sequence (colour, bold); the progress line's `\x1b[K` is not one. */
const SGR = /\x1b\[[\d;]*m/;
const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const YELLOW = '\x1b[33m';
const BOLD = '\x1b[1m';

describe('colour', () => {
  it('on a terminal: severities, file:line, the marked line and the summary', async () => {
    const root = siteFromFiles(broken);
    const result = await runCli(['build', '--root', root], { tty: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${BOLD}posts/en/2024-05-15-bad.md:3\x1b[22m`);
    expect(result.stderr).toContain(`${RED}error:`);
    expect(result.stderr).toContain(`${YELLOW}warning:`);
    expect(result.stderr).toMatch(/\x1b\[31m>(?:\x1b\[\d+m)* 3 \| date: 2024-13-45/);
    expect(result.stdout).toContain(`${RED}build failed: 1 error`);

    const built = await runCli(['build', '--root', siteFromFiles(fine)], { tty: true });
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(/^\x1b\[32mbuilt \d+ pages.*\x1b\[39m\n$/);
  });

  it('check on a terminal: its report and summary, red when it fails, green when it passes', async () => {
    const failed = await runCli(['check', '--root', siteFromFiles(broken)], { tty: true });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain(`${RED}error:`);
    expect(failed.stdout).toContain(`${RED}check failed`);
    const passed = await runCli(['check', '--root', siteFromFiles(fine)], { tty: true });
    expect(passed.stdout).toContain(`${GREEN}check passed`);
  });

  it('none into a pipe, and on a terminal none with NO_COLOR, FORCE_COLOR=0 or TERM=dumb', async () => {
    const root = siteFromFiles(broken);
    for (const [tty, env] of [[false, {}], [true, { NO_COLOR: '1' }], [true, { FORCE_COLOR: '0' }], [true, { TERM: 'dumb' }]] as const) {
      const result = await runCli(['build', '--root', root], { tty, env });
      expect(result.stderr, JSON.stringify(env)).toContain('error: ');
      expect(result.stderr + result.stdout, JSON.stringify(env)).not.toMatch(SGR);
    }
  });

  it('NO_COLOR set but empty does not count, as no-color.org says', async () => {
    const result = await runCli(['build', '--root', siteFromFiles(broken)], { tty: true, env: { NO_COLOR: '' } });
    expect(result.stderr).toContain(`${RED}error:`);
  });

  it('FORCE_COLOR colours a pipe too', async () => {
    const result = await runCli(['build', '--root', siteFromFiles(broken)], { env: { FORCE_COLOR: '1' } });
    expect(result.stderr).toContain(`${RED}error:`);
    expect(result.stdout).toContain(`${RED}build failed`);
  });

  it('never in the formats a machine reads, even when forced', async () => {
    const root = siteFromFiles(broken);
    const json = await runCli(['check', '--root', root, '--format', 'json'], { tty: true, env: { FORCE_COLOR: '1' } });
    expect(json.stdout + json.stderr).not.toMatch(SGR);
    expect((JSON.parse(json.stdout) as Array<{ severity: string }>).map((d) => d.severity)).toContain('error');
    const github = await runCli(['check', '--root', root, '--format', 'github'], { tty: true, env: { FORCE_COLOR: '1' } });
    expect(github.stdout).toMatch(/^::error file=/m);
    expect(github.stdout + github.stderr).not.toMatch(SGR);
  });

  it('the real command on a pseudo-terminal colours what it prints', () => {
    const root = siteFromFiles(broken);
    // util-linux `script` runs the command on a pseudo-terminal, as a shell would.
    const command = [process.execPath, BIN, 'build', '--root', root].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const env = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, TERM: 'xterm', CI: '' };
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${RED}error:`);
  });
});
