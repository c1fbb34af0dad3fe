// `omnipress check`: options → checkSite() → diagnostics as text, JSON or GitHub annotations.
import path from 'node:path';
import { checkSite, type CheckReport } from '../check/check.js';
import { toGithub, toJson, type CheckFormat } from '../check/format.js';
import { sumUpOldAddressLinks } from '../check/links.js';
import { isInside } from '../util/paths.js';
import { tooManyWarnings } from '../diagnostics.js';
import { colourFor, commandArgs, formatTimings, maxWarningsOption, siteFoldersProblem, siteRootOf, printDiagnostics, usage, rootOptionHelp, type Io } from './io.js';
import { plural } from '../util/plural.js';

export const CHECK_USAGE = 'omnipress check [--root DIR] [--posts DIR] [--drafts] [--future] [--format text|json|github] [--max-warnings N] [--verbose]';

export const CHECK_HELP = `Usage: ${CHECK_USAGE}

omnipress check runs every validation of a build without writing anything: front matter,
languages, layouts, dates, duplicate slugs, templates; and also links between posts that point
nowhere (error), images without alt text (warning), drafts and scheduled posts, links to posts'
old addresses that the build rewrites (notes), and one line on translations: each language's
share of the stories, with the missing and stale ones counted (omnipress translations lists them).

Options:
${rootOptionHelp(19)}
  --posts DIR      Markdown posts (default: ROOT/posts)
  --drafts         check drafts as published posts
  --future         check posts dated in the future as published posts
  --format FORMAT  text (default), json (an array of {file, line, column, severity, message, hint})
                   or github (workflow commands: annotations on a pull request's lines; the
                   default when GITHUB_ACTIONS=true)
  --max-warnings N exit 1 with more than N warnings
  --verbose        in text, every place of every warning (else the first few of a kind that occurs
                   often) and every link to an old address (legacyPermalink; else their number);
                   in every format, the time each stage took (load, parse, model, render, links,
                   translations), on stderr

Exit codes: 0 no errors (warnings and notes allowed), 1 errors, 2 usage errors.

Examples:
  omnipress check
  omnipress check --format github --max-warnings 0
`;

const FORMATS: readonly CheckFormat[] = ['text', 'json', 'github'];

export async function runCheck(args: string[], io: Io): Promise<number> {
  const parsed = commandArgs(io, CHECK_HELP, {
    args,
    strict: true,
    allowPositionals: false,
    options: {
      root: { type: 'string' },
      posts: { type: 'string' },
      drafts: { type: 'boolean' },
      future: { type: 'boolean' },
      format: { type: 'string' },
      'max-warnings': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const format = (values.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text')) as CheckFormat;
  if (!FORMATS.includes(format)) return usage(io, `--format must be text, json or github, got "${format}"`);
  const folders = siteFoldersProblem(values.root, values.posts);
  if (folders) return usage(io, folders, false);

  const maxWarnings = maxWarningsOption(values['max-warnings']);
  if (maxWarnings === 'invalid') return usage(io, `--max-warnings must be a whole number, got "${values['max-warnings']}"`);

  const checked = await checkSite({ root: siteRootOf(values.root), posts: values.posts, drafts: values.drafts, future: values.future });
  const tooMany = tooManyWarnings(checked.diagnostics, maxWarnings, checked.config.root);
  const report = tooMany ? { ...checked, ok: false, diagnostics: [...checked.diagnostics, tooMany] } : checked;
  // Between the report and its summary, on stderr, in every format: stdout stays what scripts read.
  const printTimings = (): void => {
    if (io.verbose) io.stderr.write(formatTimings(report.timings));
  };
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(toJson(report.diagnostics, report.config.root), null, 2)}\n`);
    printTimings();
    if (report.translations) io.stderr.write(`${report.translations}\n`);
    io.stderr.write(`${summary(report)}\n`);
  } else if (format === 'github') {
    // GitHub wants paths from the repository root: the workspace the workflow runs in.
    const workspace = path.resolve(io.env.GITHUB_WORKSPACE || process.cwd());
    const base = isInside(report.config.root, workspace) ? workspace : report.config.root;
    for (const line of toGithub(report.diagnostics, base)) io.stdout.write(`${line}\n`);
    printTimings();
    if (report.translations) io.stdout.write(`${report.translations}\n`);
    io.stdout.write(`${summary(report)}\n`);
  } else {
    // The report is what `check` is run for: it goes to stdout, notes included.
    const shown = io.verbose ? report.diagnostics : sumUpOldAddressLinks(report.diagnostics, report.config.root);
    printDiagnostics({ ...io, stderr: io.stdout }, shown, { root: report.config.root, sources: report.sources, quiet: false, verbose: io.verbose });
    printTimings();
    if (report.translations) io.stdout.write(`${report.translations}\n`);
    io.stdout.write(`${colourFor(io.stdout, io.env)(report.ok ? 'success' : 'error', summary(report))}\n`);
  }
  return report.ok ? 0 : 1;
}

/** `check failed: 2 errors, 1 warning, 3 notes in 12 posts (0.41 s)` / `check passed: …`. */
export function summary(report: CheckReport): string {
  const count = (severity: string) => report.diagnostics.filter((d) => d.severity === severity).length;
  const counts = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')}`;
  const skipped = report.linksChecked ? '' : '; links not checked until the errors are fixed';
  return `check ${report.ok ? 'passed' : 'failed'}: ${counts} in ${plural(report.posts, 'post')} (${(report.ms / 1000).toFixed(2)} s)${skipped}`;
}
