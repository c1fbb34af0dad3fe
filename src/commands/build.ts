// `omnipress build`: options → build() → diagnostics and a one-line summary.
import path from 'node:path';
import { build, type BuildReport } from '../build.js';
import { parseBaseUrl } from '../config.js';
import { BuildLockedError } from '../pipeline/build-lock.js';
import { OutputFolderError } from '../pipeline/write.js';
import type { Stage } from '../pipeline/run.js';
import { colourFor, commandArgs, formatTimings, maxWarningsOption, siteFoldersProblem, siteRootOf, printDiagnostics, shortPath, usage, rootOptionHelp, type Io } from './io.js';
import { displayPath, printable } from '../diagnostics.js';
import { plural } from '../util/plural.js';

export const BUILD_USAGE = `omnipress build [--root DIR] [--posts DIR] [--out DIR] [--base-url URL] [--drafts] [--future] [--quiet]
                [--mermaid client|build] [--max-warnings N] [--keep-going] [--verbose]`;

export const BUILD_HELP = `Usage: ${BUILD_USAGE}

Options:
${rootOptionHelp(19)}
  --posts DIR      Markdown posts (default: ROOT/posts); a Jekyll _posts, Hexo source/_posts or Hugo
                   content folder works as it is (see omnipress migrate-check)
  --out DIR        output folder (default: ROOT/_site); only a folder omnipress made, or an empty one, is replaced;
                   never one holding or inside the site's sources, its cache or its config file
  --base-url URL   public URL of the site, e.g. https://user.github.io/repo/ (its path prefixes every link)
  --drafts         include drafts (draft: true, published: false, files in _drafts/)
  --future         include posts dated in the future
  --quiet          print only diagnostics and the summary
  --max-warnings N fail (exit 1, nothing published) with more than N warnings, for CI
  --keep-going     when only posts have errors, write the site from the other posts and list the posts
                   left out (to preview a blog half way through migrating); still exits 1. Without it,
                   a build with errors publishes nothing and the previous site stays as it was
  --verbose        every place of every warning (else the first few of a kind that occurs often),
                   and the time each stage took (public, load, parse, model, render, write,
                   search, publish), on stderr
  --mermaid MODE   client (default): diagrams render in the reader's browser, from a self-hosted runtime;
                   build: diagrams become inline SVG at build time in headless Chromium
                   (OMNIPRESS_CHROMIUM or /usr/bin/chromium), cached in ROOT/.omnipress-cache/

The site may have templates/ (falls back to the built-in theme), public/ (copied as is) and a config
file omnipress.yml (or .yaml / .json). Builds keep a cache in ROOT/.omnipress-cache/ and redo only what
changed (delete the folder for a build from scratch). One build of a site runs at a time: another one
started meanwhile exits with code 2. Exit codes: 0 ok, 1 content errors, 2 usage errors or a build running.

Examples:
  omnipress build
  omnipress build --base-url https://user.github.io/blog/
  omnipress build --posts _posts --drafts
  omnipress build --posts ../blog/_posts --keep-going
  omnipress build --verbose
`;

export async function runBuild(args: string[], io: Io): Promise<number> {
  const parsed = commandArgs(io, BUILD_HELP, {
    args,
    strict: true,
    allowPositionals: false,
    options: {
      root: { type: 'string' },
      posts: { type: 'string' },
      out: { type: 'string' },
      'base-url': { type: 'string' },
      mermaid: { type: 'string' },
      drafts: { type: 'boolean' },
      future: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      'max-warnings': { type: 'string' },
      'keep-going': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (values['base-url'] !== undefined && !parseBaseUrl(values['base-url'])) {
    return usage(io, `--base-url must be an absolute http(s) URL or a path starting with /, got "${values['base-url']}"`);
  }
  const mermaid = values.mermaid;
  if (mermaid !== undefined && mermaid !== 'client' && mermaid !== 'build') {
    return usage(io, `--mermaid must be client or build, got "${mermaid}"`);
  }
  const maxWarnings = maxWarningsOption(values['max-warnings']);
  if (maxWarnings === 'invalid') return usage(io, `--max-warnings must be a whole number, got "${values['max-warnings']}"`);
  const folders = siteFoldersProblem(values.root, values.posts);
  if (folders) return usage(io, folders, false);

  const quiet = values.quiet || !io.stderr.isTTY || Boolean(io.env.CI);
  let report: BuildReport;
  try {
    report = await build({
      root: siteRootOf(values.root),
      posts: values.posts,
      out: values.out,
      baseUrl: values['base-url'],
      mermaid,
      drafts: values.drafts,
      future: values.future,
      maxWarnings,
      keepGoing: values['keep-going'],
      onProgress: quiet ? undefined : progressPrinter(io.stderr, io.env),
    });
  } catch (cause) {
    if (cause instanceof OutputFolderError || cause instanceof BuildLockedError) return usage(io, cause.message, false);
    throw cause;
  }
  if (!quiet) io.stderr.write('\r\x1b[K');
  // Notes (severity info) are for someone watching a terminal, not for CI logs.
  printDiagnostics(io, report.diagnostics, { root: report.config.root, sources: report.sources, quiet, verbose: io.verbose });
  if (io.verbose) io.stderr.write(formatTimings(report.timings));
  if (report.leftOut) {
    io.stdout.write(`left out ${plural(report.leftOut.length, 'post')} with errors (--keep-going):\n`);
    for (const file of report.leftOut) io.stdout.write(`  ${printable(postPath(file, report.config.root, report.config.postsDir))}\n`);
  }
  io.stdout.write(`${colourFor(io.stdout, io.env)(report.ok ? 'success' : 'error', summary(report))}\n`);
  return report.ok ? 0 : 1;
}

/** A post file relative to the site, or to the folder holding the posts folder when that is elsewhere: never absolute. */
function postPath(file: string, root: string, postsDir: string): string {
  const shown = displayPath(file, root);
  return path.isAbsolute(shown) ? displayPath(file, path.dirname(postsDir)) : shown;
}

/** `built 23 pages (ko 8, zh 8, en 5, other 2), 0 warnings in 0.41 s → _site` */
export function summary(report: BuildReport): string {
  const count = (severity: string) => report.diagnostics.filter((d) => d.severity === severity).length;
  const warnings = count('warning');
  const seconds = (report.ms / 1000).toFixed(2);
  const perLang = [...report.pagesByLang].map(([lang, n]) => `${lang || 'other'} ${n}`).join(', ');
  const total = [...report.pagesByLang.values()].reduce((a, b) => a + b, 0);
  if (report.leftOut) {
    return `build failed: ${plural(count('error'), 'error')}, ${plural(warnings, 'warning')} in ${seconds} s; ` +
      `built ${plural(total, 'page')} (${perLang}) without the ${plural(report.leftOut.length, 'post')} left out → ${shortPath(report.config.outDir)}`;
  }
  if (!report.ok) {
    return `build failed: ${plural(count('error'), 'error')}, ${plural(warnings, 'warning')} in ${seconds} s; ${shortPath(report.config.outDir)} left untouched`;
  }
  const diagrams = report.diagrams ? `, ${diagramSummary(report.diagrams)}` : '';
  const images = report.images && report.images.made + report.images.cached > 0 ? `, image variants: ${report.images.made} made, ${report.images.cached} cached` : '';
  const search = report.search ? `, search index ${(report.search.indexBytes / 1024).toFixed(0)} KB in ${(report.search.ms / 1000).toFixed(2)} s` : '';
  return `built ${plural(total, 'page')} (${perLang})${diagrams}${images}${search}, ${plural(warnings, 'warning')} in ${seconds} s → ${shortPath(report.config.outDir)}`;
}

/** `diagrams: 3 rendered (412 ms each, browser start 1.2 s), 5 cached` — build mode's cost, cold and cached. */
function diagramSummary(stats: NonNullable<BuildReport['diagrams']>): string {
  const each =
    stats.rendered > 0
      ? ` (${Math.round(stats.renderMs / stats.rendered)} ms each, browser start ${(stats.startMs / 1000).toFixed(1)} s)`
      : '';
  return `diagrams: ${stats.rendered} rendered${each}, ${stats.cached} cached`;
}

/**
 * On a terminal, a build that runs longer than a second shows its stage and count.
 * OMNIPRESS_PROGRESS_DELAY_MS shortens the second (the tests use it; real builds need not).
 */
function progressPrinter(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): (stage: Stage, done: number, total: number) => void {
  const start = performance.now();
  const delay = Number(env.OMNIPRESS_PROGRESS_DELAY_MS ?? 1000);
  let last = -Infinity;
  return (stage, done, total) => {
    const now = performance.now();
    if (now - start < delay || now - last < 100) return;
    last = now;
    stream.write(`\r\x1b[K${stage} ${done}/${total}`);
  };
}

