// What the migration tests share: a copy of a blog as it was (tests/fixtures/blogs/), built the
// way a migrating user builds it, and the `file:line severity: message` lines of the report.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, runCli, type CliResult } from './site.js';
import { tempDir } from './temp.js';

/** A temporary copy of tests/fixtures/blogs/<name>: the copy is the site root. */
export function blogCopy(name: string): string {
  const root = tempDir(`omnipress-blog-${name}-`);
  fs.cpSync(path.join(FIXTURES, 'blogs', name), root, { recursive: true });
  return root;
}

/** `omnipress build --root ROOT --posts POSTS --base-url BASE`: the blog's own posts folder, under a sub-path. */
export function buildMigrated(root: string, posts: string, baseUrl: string): Promise<CliResult> {
  return runCli(['build', '--root', root, '--posts', posts, '--base-url', baseUrl]);
}

/** The `file:line severity: message` lines of what a command printed. */
export function reportedLines(result: CliResult): string[] {
  return `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => /^\S+:\d+ (error|warning): /.test(line));
}
