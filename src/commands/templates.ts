// `omnipress templates list | copy NAME… | copy --all`: the built-in theme's files, and copies of
// them in the site's templates/ to edit. A site's own file replaces the built-in one of the same
// path; copying never replaces a file the site already has.
import fs from 'node:fs';
import path from 'node:path';
import { BUILTIN_TEMPLATES } from '../config.js';
import { toPosix } from '../util/paths.js';
import { closest } from '../util/did-you-mean.js';
import { commandArgs, isDirectory, shortPath, siteRootOf, usage, rootOptionHelp, type Io } from './io.js';

export const TEMPLATES_USAGE = 'omnipress templates list | copy NAME… | copy --all [--root DIR]';

export const TEMPLATES_HELP = `Usage: ${TEMPLATES_USAGE}

omnipress templates list shows the built-in theme's layouts, partials, UI strings and assets, and
which of them the site replaces with its own file in templates/. omnipress templates copy copies
one (partials/footer.njk, or just footer.njk when the name is unique) or all of them into the
site's templates/ to edit; a file the site already has is never replaced.

Options:
${rootOptionHelp(19)}
  --all            copy: every file of the built-in theme

Examples:
  omnipress templates list
  omnipress templates copy partials/footer.njk
  omnipress templates copy --all
`;

/** The built-in theme's files, `/`-separated paths relative to its folder, sorted. */
export function builtInThemeFiles(): string[] {
  return fs
    .readdirSync(BUILTIN_TEMPLATES, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => toPosix(path.relative(BUILTIN_TEMPLATES, path.join(entry.parentPath, entry.name))))
    .sort();
}

export async function runTemplates(args: string[], io: Io): Promise<number> {
  const parsed = commandArgs(io, TEMPLATES_HELP, {
    args,
    strict: true,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [action, ...names] = positionals;
  if (values.root !== undefined && !isDirectory(values.root)) return usage(io, `--root ${values.root} is not a folder`);
  const siteTemplates = path.join(path.resolve(siteRootOf(values.root)), 'templates');
  const files = builtInThemeFiles();

  if (action === 'list') {
    if (names.length > 0 || values.all) return usage(io, 'templates list takes no names and no --all');
    for (const file of files) {
      const own = fs.existsSync(path.join(siteTemplates, file));
      io.stdout.write(`${file}${own ? `  (the site's own: ${shortPath(path.join(siteTemplates, file))})` : ''}\n`);
    }
    return 0;
  }
  if (action !== 'copy') return usage(io, action === undefined ? `templates needs list or copy: ${TEMPLATES_USAGE}` : `unknown templates action "${action}": use list or copy`);
  if (values.all === (names.length > 0)) return usage(io, 'templates copy takes the names of files to copy, or --all');

  const chosen: string[] = [];
  for (const name of names) {
    const wanted = toPosix(name).replace(/^templates\//, '');
    const byBase = files.filter((file) => path.posix.basename(file) === wanted || path.posix.basename(file, path.posix.extname(file)) === wanted);
    const found = files.includes(wanted) ? [wanted] : byBase;
    if (found.length !== 1) {
      const meant = found.length > 1 ? undefined : closest(wanted, [...files, ...files.map((file) => path.posix.basename(file))]);
      const hint = found.length > 1 ? ` (it names ${found.join(' and ')}: give the path)` : meant ? ` (did you mean ${meant}?)` : '; omnipress templates list shows them';
      return usage(io, `"${name}" is not a file of the built-in theme${hint}`, false);
    }
    chosen.push(found[0]!);
  }

  let kept = 0;
  for (const file of values.all ? files : chosen) {
    const target = path.join(siteTemplates, file);
    if (fs.existsSync(target)) {
      io.stdout.write(`kept ${shortPath(target)} (the site has its own; never replaced)\n`);
      kept++;
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(BUILTIN_TEMPLATES, file), target, fs.constants.COPYFILE_EXCL);
    io.stdout.write(`copied ${shortPath(target)}\n`);
  }
  // Named files that could not be copied are a failure; --all only fills in what is missing.
  return kept > 0 && !values.all ? 1 : 0;
}
