// Test sites built from strings or fixture folders, always in a fresh temporary folder.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type BuildReport } from '../../src/build.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.join(REPO, 'tests/fixtures');
export const BIN = path.join(REPO, 'bin/omnipress.js');

/** A temporary site folder holding exactly `files` (paths relative to the site root). */
export function siteFromFiles(files: Record<string, string | Uint8Array>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'omnipress-test-'));
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
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `omnipress-${name.replace(/[\\/]/g, '-')}-`));
  fs.cpSync(path.join(FIXTURES, name), root, { recursive: true });
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

/** Run the real `omnipress` bin, as a user would. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
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
