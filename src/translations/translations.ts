// The desk's report on a site's posts, with their content history from one `git log`: for
// `omnipress translations`, `check`'s line about them, and the notice on stale translations' pages.
import { execFileSync } from 'node:child_process';
import type { Lang, Post, ResolvedConfig } from '../types.js';
import { readContentHistory, type ContentHistory } from '../util/git-content-history.js';
import { translationDesk, type TranslationsReport } from './desk.js';

/** The desk's report on `posts`, with their content history (read from git now, unless given). */
export function deskReport(
  posts: readonly Post[],
  config: ResolvedConfig,
  options: { langs?: readonly Lang[]; staleAfterDays?: number } = {},
  known?: ContentHistory,
): TranslationsReport {
  const history = known ?? (config.languages.length > 1 ? readContentHistory(config.postsDir) : undefined);
  return translationDesk(posts, config, {
    ...options,
    lastChange: (sourcePath) => history?.changes.get(sourcePath)?.[0],
    firstChange: (sourcePath) => history?.changes.get(sourcePath)?.at(-1)?.date,
    commitDate: (rev) => (history ? commitDate(history, rev, config.postsDir) : undefined),
  });
}

/** A commit by full or abbreviated hash: from the log already read, else asked of git (a commit that touched no post). */
function commitDate(history: ContentHistory, rev: string, dir: string): Date | undefined {
  const known = history.commits.get(rev);
  if (known) return known;
  for (const [hash, date] of history.commits) if (hash.startsWith(rev)) return date;
  try {
    const stamp = execFileSync('git', ['show', '-s', '--format=%ct', `${rev}^{commit}`], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const seconds = Number(stamp.trim());
    return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stale translation's id → its original's id, among the published `posts` of a site whose
 * stories have translations; `history` read from git when not given.
 */
export function staleTranslations(posts: readonly Post[], config: ResolvedConfig, history: () => ContentHistory): Map<string, string> {
  const stale = new Map<string, string>();
  const report = deskReport(posts, config, {}, history());
  for (const story of report.todo) {
    for (const l of story.languages) if (l.status === 'stale' && l.post) stale.set(l.post.id, story.source.id);
  }
  return stale;
}
