// The old generator's own config, read for what omnipress needs to keep a blog's URLs, time zone
// and languages: Jekyll's and Hexo's `_config.yml`, Hugo's `hugo.toml|yaml|json` (or `config.*`).
// Found in the folder given (`migrate-check --from`) or beside the posts folder. A config that
// does not parse is a warning at its line, never a crash: the posts can be judged without it.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { LineCounter, parseDocument } from 'yaml';
import { warning, type Diagnostic } from '../diagnostics.js';
import type { Generator } from './old-permalinks.js';

/** A value of the old config, with where it was written. */
export interface OldValue<T> {
  value: T;
  /** The key as written (`permalink`, `permalinks.posts`, `timezone`). */
  key: string;
  line?: number;
}

export interface OldSite {
  generator: Generator;
  /** Absolute path of the config file read. */
  configFile: string;
  /** Permalink pattern(s) as written: one for Jekyll and Hexo, one per section for Hugo. */
  permalinks: Array<OldValue<string> & { section?: string }>;
  timeZone?: OldValue<string>;
  /** Languages the old site declares (Polyglot's `languages`, Hexo's list of `language`, Hugo's `languages`). */
  languages: Array<OldValue<string>>;
  defaultLanguage?: OldValue<string>;
  /** Hugo: whether the default language's URLs carry its prefix too (`defaultContentLanguageInSubdir`). */
  defaultLanguageInSubdir: boolean;
  /** Hexo: whether `new_post_name` starts file names with the date, which Hexo then keeps out of `:title`. */
  hexoDatedNames: boolean;
  diagnostics: Diagnostic[];
}

const JEKYLL_OR_HEXO = ['_config.yml', '_config.yaml'];
const HUGO = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

/** The config file of an old site in `dir`, if it holds one. */
export function oldConfigIn(dir: string): string | undefined {
  return [...JEKYLL_OR_HEXO, ...HUGO].map((name) => path.join(dir, name)).find((file) => isFile(file));
}

/**
 * The old site's folder beside a posts folder: `_posts/` and `content/` sit in the site's
 * folder, Hexo's `source/_posts/` one level deeper. No further: a config two folders up is
 * some other project's.
 */
export function oldSiteBeside(postsDir: string): string | undefined {
  const parent = path.dirname(postsDir);
  const places = path.basename(parent) === 'source' ? [parent, path.dirname(parent)] : [parent];
  return places.find((dir) => oldConfigIn(dir) !== undefined);
}

export function readOldSite(dir: string): OldSite | undefined {
  const configFile = oldConfigIn(dir);
  if (!configFile) return undefined;
  const diagnostics: Diagnostic[] = [];
  const text = fs.readFileSync(configFile, 'utf8').replace(/^\uFEFF/, '');
  const values = parseConfig(configFile, text, diagnostics);
  const name = path.basename(configFile);
  const generator: Generator = JEKYLL_OR_HEXO.includes(name) ? (isHexo(dir, values) ? 'hexo' : 'jekyll') : 'hugo';
  const at = <T>(key: string, value: T): OldValue<T> => ({ value, key, line: lineOfKey(text, key) });
  const site: OldSite = { generator, configFile, permalinks: [], languages: [], defaultLanguageInSubdir: false, hexoDatedNames: false, diagnostics };
  if (generator === 'hugo') readHugo(values, site, at);
  else readJekyllOrHexo(values, site, at);
  return site;
}

type At = <T>(key: string, value: T) => OldValue<T>;

function readJekyllOrHexo(values: Record<string, unknown>, site: OldSite, at: At): void {
  const permalink = text(values.permalink);
  // Jekyll's and Hexo's own default applies when the key is absent.
  if (permalink) site.permalinks.push(at('permalink', permalink));
  const zone = text(values.timezone);
  if (zone) site.timeZone = at('timezone', zone);
  // Jekyll (Chirpy) writes `lang`, Hexo `language` (a list for a multilingual theme), Polyglot `languages` + `default_lang`.
  const hexoLanguages = Array.isArray(values.language) ? values.language.map(text).filter((l): l is string => !!l) : [];
  const polyglot = Array.isArray(values.languages) ? values.languages.map(text).filter((l): l is string => !!l) : [];
  for (const code of polyglot) site.languages.push(at('languages', code));
  for (const code of hexoLanguages) site.languages.push(at('language', code));
  const main = text(values.default_lang) ?? text(values.lang) ?? text(values.language) ?? hexoLanguages[0];
  const key = values.default_lang !== undefined ? 'default_lang' : values.lang !== undefined ? 'lang' : 'language';
  if (main) site.defaultLanguage = at(key, main);
  const newPostName = text(values.new_post_name);
  site.hexoDatedNames = newPostName !== undefined && /:year/.test(newPostName);
}

function readHugo(values: Record<string, unknown>, site: OldSite, at: At): void {
  const v = lowerKeys(values);
  const permalinks = record(v.permalinks);
  if (permalinks) {
    // Hugo 0.117+ nests them by kind (`[permalinks.page]`); a plain map is by section.
    const byKind = record(permalinks.page) ?? permalinks;
    for (const [section, pattern] of Object.entries(byKind)) {
      if (typeof pattern === 'string') site.permalinks.push({ ...at(section, pattern), key: `permalinks.${section}`, section });
    }
  }
  const zone = text(v.timezone);
  if (zone) site.timeZone = at('timeZone', zone);
  const languages = record(v.languages);
  if (languages) {
    // A language's key is its code; its `languageCode` (`ko-KR`) says the rest.
    for (const [code, entry] of Object.entries(languages)) {
      const settings = lowerKeys(record(entry) ?? {});
      site.languages.push({ ...at(code, text(settings.languagecode) ?? code), key: `languages.${code}` });
    }
  }
  const main = text(v.defaultcontentlanguage);
  if (main) site.defaultLanguage = at('defaultContentLanguage', main);
  site.defaultLanguageInSubdir = v.defaultcontentlanguageinsubdir === true;
}

/** Hexo keeps posts in `source/_posts` and writes keys Jekyll has no use for. */
function isHexo(dir: string, values: Record<string, unknown>): boolean {
  if (['new_post_name', 'source_dir', 'public_dir', 'post_asset_folder'].some((key) => key in values)) return true;
  return fs.existsSync(path.join(dir, 'source', '_posts'));
}

function parseConfig(file: string, text: string, diagnostics: Diagnostic[]): Record<string, unknown> {
  const problem = (message: string, line?: number, column?: number) =>
    diagnostics.push(warning(file, `${path.basename(file)} cannot be read: ${message}`, { line, column, code: 'old-config', hint: 'the suggestions below are made from the posts alone' }));
  if (file.endsWith('.toml')) {
    try {
      return parseToml(text) as Record<string, unknown>;
    } catch (cause) {
      if (cause instanceof TomlError) problem(cause.message.split('\n')[0]!.replace(/^Invalid TOML document: /, ''), cause.line, cause.column);
      else problem(String(cause));
      return {};
    }
  }
  if (file.endsWith('.json')) {
    try {
      return record(JSON.parse(text)) ?? {};
    } catch (cause) {
      const position = /position (\d+)/.exec(String(cause))?.[1];
      problem((cause as Error).message, position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length);
      return {};
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const first = doc.errors[0];
  if (first) {
    const { line, col } = first.linePos?.[0] ?? {};
    problem(first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), line, col);
    return {};
  }
  return record(doc.toJS({ maxAliasCount: 50 })) ?? {};
}

/** The first line that writes `key` (a plain key, in YAML, TOML or JSON syntax), case-insensitive as Hugo reads keys. */
function lineOfKey(text: string, key: string): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // `key: …` (YAML), `key = …` (TOML), `"key": …` (JSON), or a TOML table `[languages.key]`.
  const pattern = new RegExp(`^\\s*(?:["']?${escaped}["']?\\s*[:=]|\\[+(?:[^\\]]*\\.)?["']?${escaped}["']?\\]+)`, 'i');
  const index = text.split('\n').findIndex((line) => pattern.test(line));
  return index === -1 ? undefined : index + 1;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Hugo reads its config keys case-insensitively. */
function lowerKeys(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key.toLowerCase(), value]));
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
