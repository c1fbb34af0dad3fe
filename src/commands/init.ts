// `omnipress init [DIR]`: a new site, ready to preview and publish: package.json, omnipress.yml,
// a welcome post per language, .gitignore, GitHub workflows and a README. Never overwrites a file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { frontMatterDate } from '../new/new-post.js';
import { prompter, QuestionsEnded } from '../init/prompter.js';
import { askMissing } from '../init/questions.js';
import { scaffold } from '../init/scaffold.js';
import { DEFAULTS, folderProblem, readBaseUrl, readLanguages, readTimeZone, type InitSettings } from '../init/settings.js';
import { packageVersion } from '../util/package-version.js';
import { toPosix } from '../util/paths.js';
import { plural } from '../util/plural.js';
import { canAsk, clock, commandArgs, shortPath, usage, type Io } from './io.js';

export const INIT_USAGE = 'omnipress init [DIR] [--languages ko,zh,en] [--default ko] [--title T] [--time-zone Z] [--base-url URL] [--force]';

export const INIT_HELP = `Usage: ${INIT_USAGE}

omnipress init creates a site in DIR (default: the current folder), which must be empty: a
package.json depending on omnipress with build, serve, check and new scripts, omnipress.yml, a
welcome post in each language (translations of each other), an image in public/, .gitignore,
GitHub workflows that check and publish to Pages, and a README. Then:
  cd DIR && npm install && npm run serve

At a terminal, init asks for what no option gives: the folder, the languages, the default
language, the title, the time zone (offering this computer's) and the URL; Enter takes the answer
in brackets, and an answer the option would refuse is asked again. With input from a pipe or a
file, or in CI (CI set), it asks nothing and takes the defaults below.

Options:
  --languages L    language codes, separated by commas (default: ko,zh,en)
  --default L      the default language (default: the first of --languages)
  --title T        the site title (default: one per language, to translate later)
  --time-zone Z    IANA time zone of dates without an offset (default: Asia/Seoul)
  --base-url URL   where the site is published (default: none yet)
  --force          in a folder that is not empty: write only the files that are missing

OMNIPRESS_NOW (an ISO date) replaces the clock (the welcome posts' date).

Examples:
  omnipress init
  omnipress init my-blog
  omnipress init my-blog --languages zh,en --time-zone Asia/Shanghai --base-url https://user.github.io/my-blog/
`;

export async function runInit(args: string[], io: Io): Promise<number> {
  const parsed = commandArgs(io, INIT_HELP, {
    args,
    strict: true,
    allowPositionals: true,
    options: {
      languages: { type: 'string' },
      default: { type: 'string' },
      title: { type: 'string' },
      'time-zone': { type: 'string' },
      'base-url': { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1) return usage(io, `init takes one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  const given = givenSettings(values, positionals[0]);
  if (typeof given === 'string') return usage(io, given);
  const now = clock(io.env.OMNIPRESS_NOW);
  if (!now) return usage(io, `OMNIPRESS_NOW must be a date such as 2026-11-22T11:30:00+09:00, got "${io.env.OMNIPRESS_NOW}"`, false);
  const asking = canAsk(io);
  // What the options say is checked before any question, so that no answer is asked for in vain.
  const languages = given.languages ?? (asking ? undefined : DEFAULTS.languages);
  if (given.defaultLanguage !== undefined && languages && !languages.includes(given.defaultLanguage)) {
    return usage(io, `--default ${given.defaultLanguage} is not one of --languages (${languages.join(', ')})`);
  }
  if (given.folder !== undefined || !asking) {
    const dir = path.resolve(given.folder ?? DEFAULTS.folder);
    const refused = folderProblem(dir, values.force, shortPath(dir) || '.');
    if (refused) return usage(io, refused.notEmpty ? `${refused.problem}; init a new folder, or pass --force to add only the files that are missing` : refused.problem, false);
  }

  let settings: InitSettings;
  if (asking) {
    const questions = prompter(io.stdin!, io.stdout, 'A new omnipress site. Enter takes the answer in brackets.');
    try {
      settings = await askMissing(given, questions, { force: values.force });
    } catch (cause) {
      if (!(cause instanceof QuestionsEnded)) throw cause;
      io.stdout.write('\n');
      return usage(io, 'init stopped before its questions were answered; nothing was written', false);
    } finally {
      questions.close();
    }
  } else {
    settings = { ...DEFAULTS, ...given, languages: languages!, defaultLanguage: given.defaultLanguage ?? languages![0]! };
  }
  const dir = path.resolve(settings.folder);
  const { defaultLanguage, timeZone } = settings;

  const files = scaffold({
    languages: settings.languages,
    defaultLanguage,
    title: settings.title,
    timeZone,
    baseUrl: settings.baseUrl,
    omnipress: dependencySpec(dir),
    name: path.basename(dir),
    date: frontMatterDate(now, timeZone),
  });
  const written: string[] = [];
  const kept: string[] = [];
  for (const [rel, text] of files) {
    const file = path.join(dir, rel);
    if (fs.existsSync(file)) {
      kept.push(rel);
      continue;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // 'wx': a file that appeared meanwhile is still never replaced.
    fs.writeFileSync(file, text, { flag: 'wx' });
    written.push(rel);
  }
  for (const rel of written) io.stdout.write(`created ${rel}\n`);
  if (kept.length > 0) io.stdout.write(`kept ${plural(kept.length, 'existing file')}: ${kept.join(', ')}\n`);
  const where = shortPath(dir);
  io.stdout.write(`\nNext:\n${where && where !== '.' ? `  cd ${where}\n` : ''}  npm install\n  npm run serve    # preview at http://localhost:8080\n`);
  return 0;
}

/**
 * The settings the options give, each read by its rule, only those given; or the usage error of
 * the first option that is wrong.
 */
function givenSettings(
  values: { languages?: string; default?: string; title?: string; 'time-zone'?: string; 'base-url'?: string },
  folder: string | undefined,
): Partial<InitSettings> | string {
  const given: Partial<InitSettings> = {};
  if (folder !== undefined) given.folder = folder;
  if (values.languages !== undefined) {
    const read = readLanguages(values.languages);
    if ('problem' in read) return `--languages must be language codes separated by commas (ko,zh,en), got "${values.languages}"`;
    given.languages = read.value;
  }
  if (values.default !== undefined) given.defaultLanguage = values.default;
  if (values.title !== undefined) given.title = values.title;
  if (values['time-zone'] !== undefined) {
    const read = readTimeZone(values['time-zone']);
    if ('problem' in read) return `--time-zone must be an IANA time zone such as Asia/Seoul, got "${values['time-zone']}"`;
    given.timeZone = read.value;
  }
  if (values['base-url'] !== undefined) {
    const read = readBaseUrl(values['base-url']);
    if ('problem' in read) return `--base-url must be an http(s) URL such as https://user.github.io/blog/, got "${values['base-url']}"`;
    given.baseUrl = read.value;
  }
  return given;
}

/**
 * How the new site depends on omnipress: the way this omnipress was installed (a tarball or git
 * URL in the project beside it, a `file:` path made relative to the new site), or this checkout
 * itself when run from one; a registry version only when nothing better is known. `npm install`
 * in the new site then gets this very omnipress.
 */
function dependencySpec(siteDir: string): string {
  const own = path.dirname(fileURLToPath(new URL('../../package.json', import.meta.url)));
  const fromFile = (target: string) => `file:${toPosix(path.relative(siteDir, target)) || '.'}`;
  if (path.basename(path.dirname(own)) !== 'node_modules') return fromFile(own);
  const project = path.dirname(path.dirname(own));
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const spec = manifest.dependencies?.omnipress ?? manifest.devDependencies?.omnipress;
    if (spec?.startsWith('file:')) return fromFile(path.resolve(project, spec.slice('file:'.length)));
    if (spec) return spec;
  } catch {
    // No readable package.json beside node_modules (npx's own cache): the registry version.
  }
  return `^${packageVersion()}`;
}
