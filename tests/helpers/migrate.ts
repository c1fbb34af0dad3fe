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

/**
 * What each fixture blog's posts of the shapes the old generator forgave give (docs/migrating.md,
 * "Forgiving where the old generator was"): `file:line severity: message` as `build --root BLOG`
 * prints them, and the codes migrate-check groups them by.
 */
export const FORGIVEN: Record<'chirpy' | 'hexo' | 'hugo', { lines: string[]; codes: string[] }> = {
  chirpy: {
    lines: [
      '_posts/2024-08-11-자전거 정비 기록.md:12 warning: the path \\assets\\img\\posts\\자전거\\체인.png is written with backslashes (a Windows path); read as /assets/img/posts/자전거/체인.png',
      '_posts/2024-08-11-자전거 정비 기록.md:15 warning: <service> looks like a tag but is no HTML element, and was removed from the text',
    ],
    codes: ['backslash-path', 'tag-like-text'],
  },
  hexo: {
    lines: ['source/_posts/夜跑记录.md:3 warning: date and updated: time out of range in "2023-09-14 21:43:79": read as 2023-09-14 21:44:19, as Hexo reads it'],
    codes: ['time-out-of-range'],
  },
  hugo: {
    lines: [
      'content/posts/port-forwarding.en.md:9 warning: <ip> looks like a tag but is no HTML element, and was removed from the text',
      'content/posts/port-forwarding.en.md:9 warning: <port> looks like a tag but is no HTML element, and was removed from the text',
    ],
    codes: ['tag-like-text'],
  },
};
