// Dates of posts from git history: one `git log` for the whole folder, never one per file.
import path from 'node:path';
import { gitLog } from './git.js';

export interface GitDates {
  /** First (oldest) commit that touched the file. */
  first: Date;
  /** Last (newest) commit that touched the file. */
  last: Date;
  /** Commits that touched the file: 1 when it was added and never changed since. */
  commits: number;
}

/**
 * Absolute NFC path → commit dates, for every file under `dir` that git knows.
 * Outside a git repository (or without git) the map is empty: callers fall back quietly.
 */
export function readGitDates(dir: string): Map<string, GitDates> {
  const dates = new Map<string, GitDates>();
  const found = gitLog(dir, ['log', '--format=%x1e%ct', '--name-only', '--no-renames', '--', '.'], 256 * 1024 * 1024);
  if (!found) return dates;
  const { top, log } = found;
  // Newest commit first: the first time a file appears is its last commit, the final time its first.
  for (const record of log.split('\x1e')) {
    const [stamp, ...names] = record.split('\n');
    const seconds = Number(stamp);
    if (!stamp || !Number.isFinite(seconds)) continue;
    const when = new Date(seconds * 1000);
    for (const name of names) {
      if (!name) continue;
      const key = path.join(top, name).normalize('NFC');
      const known = dates.get(key);
      if (known) {
        known.first = when;
        known.commits++;
      } else dates.set(key, { first: when, last: when, commits: 1 });
    }
  }
  return dates;
}
