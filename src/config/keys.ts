// The keys a config file may have, in one list: the reader reads only keys of this list (its
// methods take a TopLevelKey), a key not in it gets a warning at its line, and
// docs/configuration.md documents exactly these (tests/integration/configuration-doc.test.ts
// holds the two equal).
import { warning, type Diagnostic } from '../diagnostics.js';
import { closest } from '../util/did-you-mean.js';

/** Stands for a language code in a key path: `languages.<code>.tag` is `languages.ko.tag` and its like. */
export const CODE = '<code>';

/**
 * Every key of the config as a dotted path. A map whose path has no entries under it (`params`,
 * `strings.<code>`) takes any keys; one that has entries takes only those.
 */
export const CONFIG_KEYS = [
  'title',
  'title.<code>',
  'title.default',
  'description',
  'description.<code>',
  'description.default',
  'author',
  'authorsFile',
  'authors',
  'schemaType',
  'image',
  'news',
  'baseUrl',
  'permalink',
  'legacyPermalink',
  'legacyPermalink.<code>',
  'languages',
  'languages.<code>',
  'languages.<code>.name',
  'languages.<code>.tag',
  'languages.<code>.title',
  'languages.<code>.description',
  'defaultLanguage',
  'strings',
  'strings.<code>',
  'timeZone',
  'gitDates',
  'future',
  'drafts',
  'trustedHtml',
  'trustedAssets',
  'pageSize',
  'rootPostsPerLanguage',
  'search',
  'searchPartSize',
  'mermaid',
  'mermaid.mode',
  'mermaid.chromium',
  'images',
  'images.responsive',
  'images.widths',
  'images.format',
  'images.quality',
  'images.sizes',
  'translations',
  'translations.staleNotice',
  'params',
] as const;

export type ConfigKey = (typeof CONFIG_KEYS)[number];
/** A key at the top of the file. */
export type TopLevelKey = Exclude<ConfigKey, `${string}.${string}`>;

const KEYS: ReadonlySet<string> = new Set(CONFIG_KEYS);

/** Keys other generators use for what omnipress calls otherwise (Jekyll, Hexo, Hugo). */
const KEYS_ELSEWHERE: Readonly<Record<string, string>> = {
  url: 'baseUrl', baseurl: 'baseUrl', root: 'baseUrl', timezone: 'timeZone', paginate: 'pageSize', per_page: 'pageSize',
  pagination: 'pageSize', lang: 'defaultLanguage', language: 'defaultLanguage', defaultcontentlanguage: 'defaultLanguage',
  subtitle: 'description', tagline: 'description', buildfuture: 'future', builddrafts: 'drafts', show_drafts: 'drafts',
  future_posts: 'future',
};

/** The names that may follow `parent` (a key path, `''` for the top): fixed names, and `<code>` where a language code goes. */
function namesUnder(parent: string): string[] {
  const prefix = parent === '' ? '' : `${parent}.`;
  return CONFIG_KEYS.filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('.')).map((key) => key.slice(prefix.length));
}

/** The top-level keys of the config. */
export const TOP_LEVEL_KEYS: readonly string[] = namesUnder('');

/** A key found in the file that is not in CONFIG_KEYS. */
interface UnknownKey {
  /** Its path in the file, `languages.ko.nmae`. */
  path: string;
  message: string;
  hint: string;
}

/**
 * Every key of `values` (the parsed file) that the config does not know. `codes` are the site's
 * languages: `title.kr` is unknown on a site whose languages are ko, zh and en. Only the keys of
 * `languages` itself define codes.
 */
function unknownKeys(values: Record<string, unknown>, codes: readonly string[]): UnknownKey[] {
  const found: UnknownKey[] = [];
  const visit = (value: unknown, keyPath: string, filePath: string) => {
    const names = namesUnder(keyPath);
    if (!isRecord(value) || names.length === 0) return;
    for (const [name, child] of Object.entries(value)) {
      const at = filePath === '' ? name : `${filePath}.${name}`;
      const fixed = keyPath === '' ? name : `${keyPath}.${name}`;
      const coded = keyPath === '' ? CODE : `${keyPath}.${CODE}`;
      if (name !== CODE && !name.includes('.') && KEYS.has(fixed)) visit(child, fixed, at);
      else if (KEYS.has(coded) && (keyPath === 'languages' || codes.includes(name))) visit(child, coded, at);
      else found.push(unknownKey(name, at, keyPath, names, codes));
    }
  };
  visit(values, '', '');
  return found;
}

function unknownKey(name: string, at: string, keyPath: string, names: readonly string[], codes: readonly string[]): UnknownKey {
  const fixedNames = names.filter((n) => n !== CODE);
  const takesCodes = names.includes(CODE);
  const params = "a site's own data for its templates goes under params: (site.params in templates)";
  if (keyPath === '') {
    const meant = KEYS_ELSEWHERE[name.toLowerCase()] ?? closest(name, fixedNames);
    return {
      path: at,
      message: `unknown config key "${name}"${meant ? `; did you mean "${meant}"?` : ''}`,
      hint: meant ? `rename it to ${meant}; ${params}` : `${params}; the keys omnipress reads are ${fixedNames.join(', ')}`,
    };
  }
  const parent = at.slice(0, at.length - name.length - 1);
  const meant = closest(name, [...fixedNames, ...(takesCodes ? codes : [])]);
  const notLanguage = takesCodes ? `; ${name} is not one of the site's languages (${codes.join(', ')})` : '';
  const choices = [...fixedNames, ...(takesCodes ? ['a language code'] : [])];
  return {
    path: at,
    message: `unknown config key "${at}"${meant ? `; did you mean "${parent}.${meant}"?` : notLanguage}`,
    hint: `the keys of ${parent} are ${choices.join(', ')}${takesCodes ? `; the site's languages are the keys of languages: (${codes.join(', ')})` : ''}`,
  };
}

/**
 * A warning per key the config does not know, at its line: a misspelt key (`baseurl`,
 * `languages.ko.nmae`) would otherwise be ignored without a word, and the site built without it.
 */
export function unknownKeyWarnings(
  values: Record<string, unknown>,
  codes: readonly string[],
  lineOf: (keyPath: string) => number | undefined,
  file: string,
): Diagnostic[] {
  return unknownKeys(values, codes).map(({ path, message, hint }) =>
    warning(file, message, { line: lineOf(path), code: 'unknown-config-key', hint }),
  );
}

export function isKnownTopLevelKey(key: string): boolean {
  return TOP_LEVEL_KEYS.includes(key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
