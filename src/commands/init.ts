// `omnipress init [DIR]`: a new site, ready to preview and publish: package.json, omnipress.yml,
// a welcome post per language, .gitignore, GitHub workflows and a README. Never overwrites a file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLanguageCode, isTimeZone, parseBaseUrl } from '../config.js';
import { frontMatterDate } from '../new/new-post.js';
import { scaffold } from '../init/scaffold.js';
import { packageVersion } from '../util/package-version.js';
import { toPosix } from '../util/paths.js';
import { plural } from '../util/plural.js';
import { clock, commandArgs, shortPath, usage, type Io } from './io.js';

export const INIT_USAGE = 'omnipress init [DIR] [--languages ko,zh,en] [--default ko] [--title T] [--time-zone Z] [--base-url URL] [--force]';

export const INIT_HELP = `Usage: ${INIT_USAGE}

omnipress init creates a site in DIR (default: the current folder), which must be empty: a
package.json depending on omnipress with build, serve, check and new scripts, omnipress.yml, a
welcome post in each language (translations of each other), an image in public/, .gitignore,
GitHub workflows that check and publish to Pages, and a README. Then:
  cd DIR && npm install && npm run serve

Options:
  --languages L    language codes, separated by commas (default: ko,zh,en)
  --default L      the default language (default: the first of --languages)
  --title T        the site title (default: one per language, to translate later)
  --time-zone Z    IANA time zone of dates without an offset (default: Asia/Seoul)
  --base-url URL   where the site is published (default: none yet)
  --force          in a folder that is not empty: write only the files that are missing

OMNIPRESS_NOW (an ISO date) replaces the clock (the welcome posts' date).

Examples:
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
  const dir = path.resolve(positionals[0] ?? '.');

  const languages = (values.languages ?? 'ko,zh,en').split(',').map((code) => code.trim()).filter(Boolean);
  const badCode = languages.find((code) => !isLanguageCode(code));
  if (languages.length === 0 || badCode !== undefined) return usage(io, `--languages must be language codes separated by commas (ko,zh,en), got "${values.languages}"`);
  const defaultLanguage = values.default ?? languages[0]!;
  if (!languages.includes(defaultLanguage)) return usage(io, `--default ${defaultLanguage} is not one of --languages (${languages.join(', ')})`);
  const timeZone = values['time-zone'] ?? 'Asia/Seoul';
  if (!isTimeZone(timeZone)) return usage(io, `--time-zone must be an IANA time zone such as Asia/Seoul, got "${timeZone}"`);
  const base = values['base-url'] === undefined ? { baseUrl: '' } : parseBaseUrl(values['base-url']);
  if (!base || (values['base-url'] !== undefined && !base.baseUrl)) return usage(io, `--base-url must be an http(s) URL such as https://user.github.io/blog/, got "${values['base-url']}"`);
  const now = clock(io.env.OMNIPRESS_NOW);
  if (!now) return usage(io, `OMNIPRESS_NOW must be a date such as 2026-11-22T11:30:00+09:00, got "${io.env.OMNIPRESS_NOW}"`, false);

  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) return usage(io, `${shortPath(dir)} is a file, not a folder`, false);
  const existing = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name !== '.git') : [];
  if (existing.length > 0 && !values.force) {
    return usage(io, `${shortPath(dir) || '.'} is not empty (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''}); init a new folder, or pass --force to add only the files that are missing`, false);
  }

  const files = scaffold({
    languages,
    defaultLanguage,
    title: values.title,
    timeZone,
    baseUrl: base.baseUrl,
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
