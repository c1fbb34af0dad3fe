// `omnipress migrate-check`: what happens when an existing blog's posts folder is built as it is.
// Runs the build pipeline itself (never a copy of it) with `keepGoing`, so one broken post does
// not hide what the others would show, and writes nothing: no output, no staging folder, no
// cache, no search index. Returns a report; printing is the CLI's job (report-format.ts: text or JSON).
//
// The posts are judged against the config it suggests (the one its snippet sets up), so a post
// that the snippet fixes is not reported as broken; when that config differs from the site's
// current one, the posts are judged against the current one too, as a second column.
import path from 'node:path';
import { resolveConfig } from '../config.js';
import type { SkippedFile } from '../content/post-files.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { runPipeline, type PipelineResult } from '../pipeline/run.js';
import type { ResolvedConfig } from '../types.js';
import { configSnippet } from './config-snippet.js';
import { guessConfig, type ConfigGuess } from './guess-config.js';
import { findOldLinks, type OldLinks } from './old-links.js';
import { oldSiteBeside, readOldSite } from './old-site.js';

export interface MigrateOptions {
  /** Site folder whose config (if any) the posts are checked against; default cwd. */
  root?: string;
  /** The blog's posts folder (`_posts`, `source/_posts`, `content`). */
  posts: string;
  /** The old site's folder, holding its `_config.yml` or `hugo.toml`; default: looked for beside the posts folder. */
  from?: string;
}

/** How the posts fare against one config. */
export interface Verdict {
  /** Posts that build as they are (no error). */
  ok: number;
  /** Of those, drafts (published only with --drafts). */
  drafts: number;
  /** Posts that do not build, each with its errors (absolute path → errors). */
  broken: Array<{ file: string; errors: Diagnostic[] }>;
}

/** One kind of warning: its code (or, for warnings without one, its message), how many, the first few. */
export interface WarningGroup {
  /** The diagnostics' code; undefined for warnings without one, grouped by their message. */
  code?: string;
  /** The code, else the message. */
  label: string;
  count: number;
  first: Diagnostic[];
}

export interface MigrateReport extends Verdict {
  /** The config the posts are judged against: the site's, with the suggested languages, default language and time zone. */
  config: ResolvedConfig;
  /** Post files found. */
  total: number;
  /** Errors not about one post (config, templates). */
  otherErrors: Diagnostic[];
  /** Markdown files and folders that are not posts. */
  skipped: SkippedFile[];
  /** Warnings grouped by code, most frequent first. */
  warnings: WarningGroup[];
  guess: ConfigGuess;
  /** The omnipress.yml lines to add. */
  snippet: string;
  /** The posts against the site's current config, when the suggested config differs from it. */
  current?: Verdict;
  /** Links to the old site's URLs, by old pattern. */
  oldLinks: OldLinks;
  /** Source text per absolute path, for code frames. */
  sources: Map<string, string>;
}

/** How many occurrences of a warning kind a report shows. */
export const FIRST_OCCURRENCES = 3;

export async function migrateCheck(options: MigrateOptions): Promise<MigrateReport> {
  const resolved = resolveConfig({ root: options.root, posts: options.posts });
  // Nothing is written: no search index, no build-mode diagrams (they write a cache).
  const current: ResolvedConfig = { ...resolved.config, search: false, mermaid: { ...resolved.config.mermaid, mode: 'client' } };
  const oldDir = options.from === undefined ? oldSiteBeside(current.postsDir) : path.resolve(options.from);
  const old = oldDir === undefined ? undefined : readOldSite(oldDir);
  const first = await runPipeline(current, { search: 'off', keepGoing: true });
  const guess = guessConfig(first.postFiles, old);
  const suggested = suggestedConfig(current, guess);
  const differs = suggested !== current;
  const result = differs ? await runPipeline(suggested, { search: 'off', keepGoing: true }) : first;
  const diagnostics = sortDiagnostics([...resolved.diagnostics, ...(old?.diagnostics ?? []), ...result.diagnostics]);
  const { verdict, otherErrors } = judge(result, diagnostics);
  const shown = (file: string) => reportPath(file, suggested);
  const oldLinks = result.site
    ? findOldLinks(result.site, result.links, result.outputPaths, guess.permalinks, shown)
    : { groups: [], otherDead: 0, clashes: new Map() };
  return {
    config: suggested,
    total: result.postFiles.length,
    ...verdict,
    otherErrors,
    skipped: result.skipped,
    warnings: groupWarnings(diagnostics),
    guess,
    snippet: configSnippet(guess, oldLinks.clashes),
    current: differs ? judge(first, sortDiagnostics([...resolved.diagnostics, ...first.diagnostics])).verdict : undefined,
    oldLinks,
    sources: result.sources,
  };
}

/** The current config with the suggested languages, default language and time zone; the same object when they change nothing. */
function suggestedConfig(config: ResolvedConfig, guess: ConfigGuess): ResolvedConfig {
  const languages = guess.languages.length === 0
    ? config.languages
    : guess.languages.map((l) => {
        const known = config.languages.find((c) => c.code === l.code) ?? config.languages[0];
        return { code: l.code, tag: l.tag, name: l.name, title: known?.title ?? '', description: known?.description ?? '' };
      });
  const defaultLang = guess.defaultLanguage ?? config.defaultLang;
  const timeZone = guess.timeZone?.zone ?? config.timeZone;
  const same = (a: ResolvedConfig['languages'], b: ResolvedConfig['languages']) =>
    JSON.stringify(a.map((l) => [l.code, l.tag])) === JSON.stringify(b.map((l) => [l.code, l.tag]));
  if (same(languages, config.languages) && defaultLang === config.defaultLang && timeZone === config.timeZone) return config;
  return { ...config, languages, defaultLang, timeZone };
}

/** Which posts build against the config a run used, and the errors that are about no one post. */
function judge(result: PipelineResult, diagnostics: readonly Diagnostic[]): { verdict: Verdict; otherErrors: Diagnostic[] } {
  const postFiles = new Set(result.postFiles.map((file) => file.sourcePath));
  const broken = new Map<string, Diagnostic[]>();
  const otherErrors: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    if (postFiles.has(d.file)) broken.set(d.file, [...(broken.get(d.file) ?? []), d]);
    else otherErrors.push(d);
  }
  return {
    verdict: {
      ok: result.postFiles.length - broken.size,
      drafts: (result.posts ?? []).filter((post) => post.draft && !broken.has(post.sourcePath)).length,
      broken: [...broken].map(([file, errors]) => ({ file, errors })),
    },
    otherErrors,
  };
}

function groupWarnings(diagnostics: readonly Diagnostic[]): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const d of diagnostics) {
    if (d.severity !== 'warning') continue;
    const label = d.code ?? d.message;
    const key = `${d.code === undefined ? 'message' : 'code'}\0${label}`;
    const group = groups.get(key) ?? { code: d.code, label, count: 0, first: [] };
    group.count++;
    if (group.first.length < FIRST_OCCURRENCES) group.first.push(d);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
}

/** Paths as the report shows them: relative to the folder holding the posts folder (`_posts/x.md`, `content/posts/x.md`). */
export function reportPath(file: string, config: ResolvedConfig): string {
  const rel = path.relative(path.dirname(config.postsDir), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}
