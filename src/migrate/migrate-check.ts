// `omnipress migrate-check`: what happens when an existing blog's posts folder is built as it is.
// Runs the build pipeline itself (never a copy of it) with `keepGoing`, so one broken post does
// not hide what the others would show, and writes nothing: no output, no staging folder, no
// cache, no search index. Returns a report; printing is the CLI's job (report-format.ts: text or JSON).
import path from 'node:path';
import { resolveConfig } from '../config.js';
import type { SkippedFile } from '../content/post-files.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { runPipeline } from '../pipeline/run.js';
import type { ResolvedConfig } from '../types.js';
import { guessConfig, type ConfigGuess } from './guess-config.js';

export interface MigrateOptions {
  /** Site folder whose config (if any) the posts are checked against; default cwd. */
  root?: string;
  /** The blog's posts folder (`_posts`, `source/_posts`, `content`). */
  posts: string;
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

export interface MigrateReport {
  config: ResolvedConfig;
  /** Post files found. */
  total: number;
  /** Posts that build as they are (no error). */
  ok: number;
  /** Of those, drafts (published only with --drafts). */
  drafts: number;
  /** Posts that do not build, each with its errors (absolute path → errors). */
  broken: Array<{ file: string; errors: Diagnostic[] }>;
  /** Errors not about one post (config, templates). */
  otherErrors: Diagnostic[];
  /** Markdown files and folders that are not posts. */
  skipped: SkippedFile[];
  /** Warnings grouped by code, most frequent first. */
  warnings: WarningGroup[];
  guess: ConfigGuess;
  /** Source text per absolute path, for code frames. */
  sources: Map<string, string>;
}

/** How many occurrences of a warning kind a report shows. */
export const FIRST_OCCURRENCES = 3;

export async function migrateCheck(options: MigrateOptions): Promise<MigrateReport> {
  const resolved = resolveConfig({ root: options.root, posts: options.posts });
  // Nothing is written: no search index, no build-mode diagrams (they write a cache).
  const config: ResolvedConfig = { ...resolved.config, search: false, mermaid: { ...resolved.config.mermaid, mode: 'client' } };
  const result = await runPipeline(config, { search: 'off', keepGoing: true });
  const diagnostics = sortDiagnostics([...resolved.diagnostics, ...result.diagnostics]);
  const { postFiles: files, skipped } = result;
  const postFiles = new Set(files.map((file) => file.sourcePath));

  const broken = new Map<string, Diagnostic[]>();
  const otherErrors: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    if (postFiles.has(d.file)) broken.set(d.file, [...(broken.get(d.file) ?? []), d]);
    else otherErrors.push(d);
  }
  return {
    config,
    total: files.length,
    ok: files.length - broken.size,
    drafts: (result.posts ?? []).filter((post) => post.draft && !broken.has(post.sourcePath)).length,
    broken: [...broken].map(([file, errors]) => ({ file, errors })),
    otherErrors,
    skipped,
    warnings: groupWarnings(diagnostics),
    guess: guessConfig(files),
    sources: result.sources,
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
