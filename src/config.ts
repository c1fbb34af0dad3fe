// Find and validate the optional site config (omnipress.yml / omnipress.yaml / omnipress.json at
// the root) and merge the command-line options over it → ResolvedConfig. A site with no config
// builds with the defaults below.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_KEYS, isKnownTopLevelKey, unknownKeyWarnings, type ConfigKey } from './config/keys.js';
import { readConfigFile, Reader } from './config/reader.js';
import { isTimeZone, parseBaseUrl } from './config/rules.js';
import { findAuthorsFile } from './content/authors.js';
import { warning, type Diagnostic } from './diagnostics.js';
import type { ResolvedConfig } from './types.js';

export { CONFIG_KEYS, type ConfigKey };
export { DEFAULT_LANGUAGES, isLanguageCode, isTimeZone, parseBaseUrl, SCHEMA_TYPES } from './config/rules.js';

export const CONFIG_FILES = ['omnipress.yml', 'omnipress.yaml', 'omnipress.json'] as const;

/** The package's own templates/: the built-in default theme. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url));

/** What the command line may set; everything else comes from the config file or defaults. */
export interface ConfigOverrides {
  root?: string;
  posts?: string;
  out?: string;
  baseUrl?: string;
  mermaid?: 'client' | 'build';
  drafts?: boolean;
  future?: boolean;
  now?: Date;
}

export type ConfigResult = { config: ResolvedConfig; diagnostics: Diagnostic[] };

export function resolveConfig(overrides: ConfigOverrides = {}): ConfigResult {
  const root = path.resolve(overrides.root ?? '.');
  const diagnostics: Diagnostic[] = [];
  const [configFile, ...unread] = CONFIG_FILES.map((name) => path.join(root, name)).filter((file) => fs.existsSync(file));
  for (const file of unread) {
    diagnostics.push(warning(file, `${path.basename(file)} is not read: ${path.basename(configFile!)} is the site's config`, {
      hint: `merge what it holds into ${path.basename(configFile!)} and delete it; omnipress reads the first of ${CONFIG_FILES.join(', ')}`,
    }));
  }
  const raw = configFile ? readConfigFile(configFile, diagnostics) : { values: {}, lines: {} };
  const read = new Reader(raw.values, raw.lines, configFile ?? root, diagnostics);

  const languages = read.languages();
  const codes = languages.map((l) => l.code);
  const defaultLang = read.string('defaultLanguage') ?? codes[0] ?? 'en';
  if (!codes.includes(defaultLang)) {
    read.fail('defaultLanguage', `defaultLanguage "${defaultLang}" is not one of the languages (${codes.join(', ')})`);
  }
  const timeZone = read.string('timeZone') ?? 'Asia/Seoul';
  if (!isTimeZone(timeZone)) read.fail('timeZone', `unknown time zone "${timeZone}"`, 'use an IANA name such as Asia/Seoul');

  // A value the command line overrides is still checked: the same file must not be an error in
  // one command and fine in another (`serve` always sets drafts and future).
  const configBase = read.string('baseUrl');
  const base = parseBaseUrl(overrides.baseUrl ?? configBase ?? '');
  if (!base || !parseBaseUrl(configBase ?? '')) read.fail('baseUrl', `baseUrl must be an absolute http(s) URL or a path starting with /`);
  const drafts = read.boolean('drafts');
  const future = read.boolean('future');

  const siteTitle = read.localized('title', path.basename(root) || 'omnipress', codes);
  const siteDescription = read.localized('description', '', codes);
  for (const language of languages) {
    language.title ||= siteTitle[language.code] ?? '';
    language.description ||= siteDescription[language.code] ?? '';
  }

  const data = Object.fromEntries(Object.entries(raw.values).filter(([key]) => !isKnownTopLevelKey(key)));
  if (configFile) diagnostics.push(...unknownKeyWarnings(raw.values, codes, (key) => read.lineOf(key), configFile));
  const params = read.params();

  const postsDir = path.resolve(root, overrides.posts ?? 'posts');
  // Read by the pipeline, which reports a file that is not there.
  const authorsPath = read.string('authorsFile');
  const authorsFile = authorsPath === undefined ? findAuthorsFile(postsDir, root) : path.resolve(root, authorsPath);

  const config: ResolvedConfig = {
    root,
    configFile,
    postsDir,
    outDir: path.resolve(root, overrides.out ?? '_site'),
    templateDirs: [path.join(root, 'templates'), BUILTIN_TEMPLATES]
      .filter((dir, i, all) => fs.existsSync(dir) && all.indexOf(dir) === i),
    publicDir: path.join(root, 'public'),
    baseUrl: base?.baseUrl ?? '',
    basePath: base?.basePath ?? '/',
    permalink: read.permalink(codes),
    legacyPermalink: read.legacyPermalink(codes),
    languages,
    defaultLang,
    timeZone,
    pageSize: read.positiveInt('pageSize') ?? 10,
    rootPostsPerLang: read.positiveInt('rootPostsPerLanguage') ?? 5,
    drafts: overrides.drafts ?? drafts ?? false,
    future: overrides.future ?? future ?? false,
    trustedHtml: read.boolean('trustedHtml') ?? false,
    trustedAssets: read.boolean('trustedAssets') ?? false,
    gitDates: read.boolean('gitDates') ?? true,
    now: overrides.now ?? new Date(),
    strings: read.strings(codes),
    mermaid: read.mermaid(overrides.mermaid),
    search: read.boolean('search') ?? true,
    searchPartSize: read.positiveInt('searchPartSize') ?? 1000,
    images: read.images(),
    staleNotice: read.staleNotice(),
    cacheDir: path.join(root, '.omnipress-cache'),
    author: read.string('author'),
    authorsFile,
    authors: read.authors(codes),
    schemaType: read.schemaType(),
    image: read.image(path.join(root, 'public')),
    news: read.boolean('news') ?? false,
    data,
    params,
  };
  return { config, diagnostics };
}

/**
 * The site folder that holds `dir`: the nearest folder at or above it with a config file, else the
 * folder whose `posts/` holds `dir` (someone working in `posts/ko/`); else `dir` itself.
 */
export function findSiteRoot(dir: string): string {
  const start = path.resolve(dir);
  for (let current = start; ; current = path.dirname(current)) {
    if (CONFIG_FILES.some((name) => fs.existsSync(path.join(current, name)))) return current;
    if (current === path.dirname(current)) break;
  }
  for (let current = start; current !== path.dirname(current); current = path.dirname(current)) {
    if (path.basename(current) === 'posts') return path.dirname(current);
  }
  return start;
}
