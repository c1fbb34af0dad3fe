// Test sites built from strings or fixture folders, always in a fresh temporary folder, and the
// CLI run on them: in this process (runCli) or as a process of its own (spawnCli).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type BuildReport } from '../../src/build.js';
import { tempDir } from './temp.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.join(REPO, 'tests/fixtures');
export const BIN = path.join(REPO, 'bin/omnipress.js');

/** A temporary site folder holding exactly `files` (paths relative to the site root). */
export function siteFromFiles(files: Record<string, string | Uint8Array>): string {
  const root = tempDir('omnipress-test-');
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

/** A temporary copy of tests/fixtures/<name>; `name` may be nested (`markup/hugo`). */
export function siteFromFixture(name: string): string {
  // mkdtemp takes a prefix, not a path: `markup/hugo` would point into a folder that does not exist.
  const root = tempDir(`omnipress-${name.replace(/[\\/]/g, '-')}-`);
  fs.cpSync(path.join(FIXTURES, name), root, { recursive: true });
  return root;
}

/**
 * A temporary copy of the flagship site (its posts, public/ and config; the theme is the built-in
 * one either way): test files can build it at the same time, which the repository's own build
 * lock would refuse.
 */
export function flagshipSite(): string {
  const root = tempDir('omnipress-flagship-');
  for (const entry of ['posts', 'public', 'omnipress.yml']) {
    if (fs.existsSync(path.join(REPO, entry))) fs.cpSync(path.join(REPO, entry), path.join(root, entry), { recursive: true });
  }
  return root;
}

/** Build in-process (fixed `now`, so "future" does not depend on the day the test runs). */
export function buildSite(root: string, options: BuildOptions = {}): Promise<BuildReport> {
  return build({ root, now: new Date('2026-01-01T00:00:00Z'), ...options });
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The current folder of the command (default: the repository). */
  cwd?: string;
  /** Added to this process's environment (whose colour variables are left out, see commandEnv). */
  env?: NodeJS.ProcessEnv;
  /** runCli: stdout and stderr say they are a terminal (isTTY), as they do in a user's shell. */
  tty?: boolean;
  /** runCli: what the command reads as its standard input (none by default, as under a CI runner). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/**
 * The environment a command runs with: this process's, without the colour variables of the shell
 * the tests were started from (FORCE_COLOR would colour every output), plus `env`.
 */
function commandEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
  return { ...inherited, ...env };
}

/**
 * Run a command the way `bin/omnipress.js` does, in this process: `main(argv)` with its output
 * captured and `cwd` as the current folder while it runs. The tests of a file run one after
 * another in a forked worker, so changing the current folder is safe here.
 */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  // Loaded on first use: most tests build through buildSite() and never need the CLI's commands.
  const { main } = await import('../../src/cli.js');
  const stdout = captured(options.tty);
  const stderr = captured(options.tty);
  const previous = process.cwd();
  process.chdir(options.cwd ?? REPO);
  try {
    const status = await main(args, { stdout: stdout.stream, stderr: stderr.stream, stdin: options.stdin, env: commandEnv(options.env) });
    return { status, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    process.chdir(previous);
  }
}

/**
 * Run the real `omnipress` bin in a process of its own, as a user would: for what only a process
 * shows (its exit code, the environment it starts with, signals, a terminal).
 */
export function spawnCli(args: string[], options: CliOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: commandEnv(options.env),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A stream that keeps what is written to it, as a piped stdout or stderr, or a terminal's with `tty`. */
function captured(tty = false): { stream: Writable & { isTTY?: boolean }; text(): string } {
  const chunks: Buffer[] = [];
  const stream: Writable & { isTTY?: boolean } = new Writable({
    write(chunk: Buffer | string, encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      done();
    },
  });
  if (tty) stream.isTTY = true;
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Every file under `dir` → a SHA-256 of its bytes, keyed by `/`-separated relative path. */
export function readTree(dir: string): Map<string, string> {
  const tree = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    tree.set(path.relative(dir, full).split(path.sep).join('/'), createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
  }
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function readOutput(root: string, rel: string): string {
  return fs.readFileSync(path.join(root, '_site', rel), 'utf8');
}
