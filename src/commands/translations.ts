// `omnipress translations`: options → the posts (pipeline up to the model) → the desk's report as text, JSON, CSV or
// GitHub annotations; exit 1 with --fail-on when there is something of that kind to do.
import path from 'node:path';
import { toGithub } from '../check/format.js';
import { isInside } from '../util/paths.js';
import { resolveConfig } from '../config.js';
import { hasErrors } from '../diagnostics.js';
import { runPipeline } from '../pipeline/run.js';
import { deskReport } from '../translations/translations.js';
import { summaryLine, toCsv, toDiagnostics, toJsonReport, toText, type TranslationsFormat } from '../translations/format.js';
import { commandArgs, printDiagnostics, rootOptionHelp, siteFoldersProblem, siteRootOf, usage, type Io } from './io.js';

export const TRANSLATIONS_USAGE =
  'omnipress translations [--root DIR] [--posts DIR] [--lang ko,zh] [--format text|json|github|csv] [--stale-after DAYS] [--fail-on missing|stale]';

export const TRANSLATIONS_HELP = `Usage: ${TRANSLATIONS_USAGE}

omnipress translations is the translation desk: per language, how many of the site's stories
(posts sharing a translationKey, or x.ko.md / x-en.md beside x.md) it has, and which stories have
something to do, newest first: the languages missing, the translations still drafts, and the
translations that are stale because their source's title or body changed after them (git's last
commit that changed them, front matter-only edits such as tags not counted, or front matter
updated). A translation that sets translatedFrom (a date or a commit of the source) follows that
revision of the source. Nothing is built or written.

Options:
${rootOptionHelp(20)}
  --posts DIR       Markdown posts (default: ROOT/posts)
  --lang LANGS      report only on these languages (comma-separated codes; default: all)
  --format FORMAT   text (default), json, csv (one row per language of each story to do) or
                    github (stale and missing as warning annotations)
  --stale-after N   a source change less than N days after the translation is not stale
                    (default 0)
  --fail-on KINDS   exit 1 when there is a translation missing, stale, or either
                    (missing,stale)

Exit codes: 0 ok (or nothing of the --fail-on kinds), 1 something of those kinds or a content
error, 2 usage errors.

Examples:
  omnipress translations
  omnipress translations --lang zh --stale-after 3 --format csv > zh.csv
  omnipress translations --format github --fail-on stale
`;

const FORMATS: readonly TranslationsFormat[] = ['text', 'json', 'github', 'csv'];
const KINDS = ['missing', 'stale'] as const;

export async function runTranslations(args: string[], io: Io): Promise<number> {
  const parsed = commandArgs(io, TRANSLATIONS_HELP, {
    args,
    strict: true,
    allowPositionals: false,
    options: {
      root: { type: 'string' },
      posts: { type: 'string' },
      lang: { type: 'string' },
      format: { type: 'string' },
      'stale-after': { type: 'string' },
      'fail-on': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const format = (values.format ?? 'text') as TranslationsFormat;
  if (!FORMATS.includes(format)) return usage(io, `--format must be text, json, github or csv, got "${format}"`);
  const staleAfter = values['stale-after'] ?? '0';
  if (!/^\d+(\.\d+)?$/.test(staleAfter)) return usage(io, `--stale-after must be a number of days, got "${staleAfter}"`);
  const failOn = (values['fail-on'] ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  const unknownKind = failOn.find((k) => !(KINDS as readonly string[]).includes(k));
  if (unknownKind !== undefined) return usage(io, `--fail-on takes missing, stale or both (missing,stale), got "${unknownKind}"`);
  const folders = siteFoldersProblem(values.root, values.posts);
  if (folders) return usage(io, folders, false);

  const asked = values.lang?.split(',').map((l) => l.trim()).filter(Boolean);
  const { config, diagnostics } = resolveConfig({ root: siteRootOf(values.root), posts: values.posts });
  const codes = config.languages.map((l) => l.code);
  const unknownLang = asked?.find((l) => !codes.includes(l));
  if (unknownLang !== undefined) return usage(io, `--lang ${unknownLang} is not one of the site's languages (${codes.join(', ')})`);
  if (hasErrors(diagnostics)) {
    printDiagnostics(io, diagnostics, { root: config.root, sources: new Map(), quiet: true });
    return 1;
  }
  // The posts (load, parse, model: nothing rendered); those that did not parse are left out of
  // the report, and said so, as build would.
  const result = await runPipeline(config, { search: 'off', keepGoing: true, until: 'model' });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) printDiagnostics(io, errors, { root: config.root, sources: result.sources, quiet: false, verbose: io.verbose });
  const report = deskReport(result.posts ?? [], config, { langs: asked, staleAfterDays: Number(staleAfter) });
  const langs = asked ?? codes;
  const open = (status: 'missing' | 'stale') => report.languages.some((l) => l[status] > 0);

  if (format === 'json') io.stdout.write(`${JSON.stringify(toJsonReport(report, config.root, config.timeZone), null, 2)}\n`);
  else if (format === 'csv') io.stdout.write(toCsv(report, config.root, config.timeZone));
  else if (format === 'github') {
    const workspace = path.resolve(io.env.GITHUB_WORKSPACE || process.cwd());
    const base = isInside(config.root, workspace) ? workspace : config.root;
    for (const line of toGithub(toDiagnostics(report, langs, config.timeZone, config.root), base)) io.stdout.write(`${line}\n`);
    io.stdout.write(`${summaryLine(report)}\n`);
  } else io.stdout.write(toText(report, config.root, config.timeZone));
  if (errors.length > 0) return 1;
  return failOn.some((kind) => open(kind as 'missing' | 'stale')) ? 1 : 0;
}
