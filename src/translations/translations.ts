// `omnipress translations` and `check`'s line about them: the posts (load, parse and model of the
// one pipeline, nothing rendered), their content history from one `git log`, the desk's report.
import { execFileSync } from 'node:child_process';
import { resolveConfig, type ConfigOverrides } from '../config.js';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { runPipeline } from '../pipeline/run.js';
import type { Lang, Post, ResolvedConfig } from '../types.js';
import { readContentHistory, type ContentHistory } from '../util/git-content-history.js';
import { translationDesk, type TranslationsReport } from './desk.js';

export interface TranslationsOptions extends ConfigOverrides {
  langs?: readonly Lang[];
  staleAfterDays?: number;
}

export interface TranslationsRun {
  config: ResolvedConfig;
  /** Problems that kept posts out (the config, posts that did not parse); the report covers the rest. */
  diagnostics: Diagnostic[];
  report?: TranslationsReport;
}

export async function readTranslations(options: TranslationsOptions): Promise<TranslationsRun> {
  const { config, diagnostics } = resolveConfig(options);
  if (hasErrors(diagnostics)) return { config, diagnostics };
  const result = await runPipeline(config, { search: 'off', keepGoing: true, until: 'model' });
  diagnostics.push(...result.diagnostics);
  return { config, diagnostics, report: deskReport(result.posts ?? [], config, options) };
}

/** The desk's report on `posts`, with their content history read from git now. */
export function deskReport(posts: readonly Post[], config: ResolvedConfig, options: Pick<TranslationsOptions, 'langs' | 'staleAfterDays'> = {}): TranslationsReport {
  const history = config.languages.length > 1 ? readContentHistory(config.postsDir) : undefined;
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
