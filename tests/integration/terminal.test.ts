// What someone at a terminal sees that a pipe, a CI log or a script never gets (colour), and what
// --verbose adds for someone wondering where the time goes (the time of each stage).
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

/** The `  stage   12 ms` lines --verbose prints, stage → milliseconds. */
function stageLines(text: string): Map<string, number> {
  return new Map([...text.matchAll(/^  ([a-z]+) +(\d+(?:\.\d)?) ms$/gm)].map((m) => [m[1]!, Number(m[2])]));
}

describe('--verbose', () => {
  const withWarning = { ...fine, 'posts/en/2024-05-15-chart.md': '---\ntitle: Chart\n---\n![chart](chart.png)\n' };

  it('build lists every stage with its milliseconds after the diagnostics, on stderr; without it, none', async () => {
    const root = siteFromFiles(withWarning);
    const verbose = await runCli(['build', '--root', root, '--verbose']);
    expect(verbose.status).toBe(0);
    expect([...stageLines(verbose.stderr).keys()]).toEqual(['public', 'load', 'parse', 'model', 'render', 'write', 'search', 'publish']);
    expect(verbose.stderr.indexOf('time per stage:')).toBeGreaterThan(verbose.stderr.indexOf('warning: image chart.png'));
    expect(verbose.stdout.trim().split('\n')).toHaveLength(1);

    const plainRun = await runCli(['build', '--root', root]);
    expect(plainRun.stderr).toContain('warning: image chart.png');
    expect(plainRun.stderr).not.toContain('time per stage');
    expect(stageLines(plainRun.stderr).size).toBe(0);
  });

  it('a build that fails lists only the stages that ran: nothing was written or published', async () => {
    const result = await runCli(['build', '--root', siteFromFiles(broken), '--verbose']);
    expect(result.status).toBe(1);
    expect([...stageLines(result.stderr).keys()]).toEqual(['public', 'load', 'parse', 'model', 'render']);
  });

  it('check lists its stages on stderr in every format, leaving JSON on stdout whole', async () => {
    const root = siteFromFiles(withWarning);
    const text = await runCli(['check', '--root', root, '--verbose']);
    expect([...stageLines(text.stderr).keys()]).toEqual(['load', 'parse', 'model', 'render', 'links', 'translations']);
    expect(stageLines(text.stdout).size).toBe(0);
    const json = await runCli(['check', '--root', root, '--verbose', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'warning' })]));
    expect([...stageLines(json.stderr).keys()]).toEqual(['load', 'parse', 'model', 'render', 'links', 'translations']);
    expect((await runCli(['check', '--root', root])).stderr).not.toContain('time per stage');
  });
});
