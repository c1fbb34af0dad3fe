// The config file as read: its values, the line of every key in it, and typed reads of those
// values, each wrong one an error at the line of its key.
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { AuthorProfile, ImagesConfig, LanguageConfig, MermaidConfig, PermalinkPattern, SchemaType } from '../types.js';
import { DEFAULT_PERMALINK, parsePermalinkPattern, usesToken } from '../urls/permalink-pattern.js';
import type { TopLevelKey } from './keys.js';
import { DEFAULT_LANGUAGES, DEFAULT_QUALITY, IMAGE_DEFAULTS, IMAGE_FORMATS, isLanguageCode, isLanguageTag, SCHEMA_TYPES } from './rules.js';

/** The parsed file, and the line of every key in it by dotted path (`languages.ko.tag`). */
export type RawConfig = { values: Record<string, unknown>; lines: Record<string, number> };

export function readConfigFile(file: string, diagnostics: Diagnostic[]): RawConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    diagnostics.push(error(file, code === 'EISDIR' ? `${path.basename(file)} is a folder, not a config file` : `the config file cannot be read (${code ?? String(cause)})`, {
      hint: code === 'EISDIR' ? `remove or rename the folder ${path.basename(file)}/; the config is a YAML (or JSON) file` : undefined,
    }));
    return { values: {}, lines: {} };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  for (const problem of doc.errors) {
    const { line, col: column } = problem.linePos?.[0] ?? {};
    // The parser's message ends with the place and a code frame; the diagnostic carries both.
    const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    diagnostics.push(error(file, `invalid config: ${message}`, { line, column }));
  }
  if (doc.errors.length > 0) return { values: {}, lines: {} };
  const values = doc.toJS({ maxAliasCount: 50 }) ?? {};
  if (typeof values !== 'object' || Array.isArray(values)) {
    diagnostics.push(error(file, 'the config must be a mapping of keys to values'));
    return { values: {}, lines: {} };
  }
  const lines: Record<string, number> = {};
  const collect = (node: unknown, prefix: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (!isScalar(key) || !key.range) continue;
      const keyPath = `${prefix}${String(key.value)}`;
      lines[keyPath] ??= lineCounter.linePos(key.range[0]).line;
      collect(pair.value, `${keyPath}.`);
    }
  };
  collect(doc.contents, '');
  return { values: values as Record<string, unknown>, lines };
}

/** Typed reads of config values; each wrong value becomes an error at the line of its key. */
export class Reader {
  constructor(
    private readonly values: Record<string, unknown>,
    private readonly lines: Record<string, number>,
    private readonly file: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** The line of a key (a dotted path), else of the nearest key holding it. */
  lineOf(keyPath: string): number | undefined {
    for (let at = keyPath; ; at = at.slice(0, at.lastIndexOf('.'))) {
      if (this.lines[at] !== undefined) return this.lines[at];
      if (!at.includes('.')) return undefined;
    }
  }

  fail(keyPath: string, message: string, hint?: string): void {
    this.diagnostics.push(error(this.file, message, { line: this.lineOf(keyPath), hint }));
  }

  private get(key: TopLevelKey): unknown {
    return Object.hasOwn(this.values, key) ? this.values[key] : undefined;
  }

  string(key: TopLevelKey): string | undefined {
    const value = this.get(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    this.fail(key, `${key} must be a string`);
    return undefined;
  }

  /**
   * The site's share image (`image`): an http(s) URL, or a path on the site starting with `/`,
   * a file of public/ (a warning when public/ has no such file: every share card would break).
   */
  image(publicDir: string): string | undefined {
    const value = this.string('image');
    if (value === undefined) return undefined;
    if (/^https?:\/\/\S+$/i.test(value)) return value;
    if (!value.startsWith('/') || value.startsWith('//')) {
      this.fail('image', `image must be an http(s) URL or a path starting with / (a file of public/), not "${value}"`);
      return undefined;
    }
    const file = path.join(publicDir, ...decodeURI(value.split(/[?#]/)[0]!).split('/'));
    if (!fs.existsSync(file)) {
      this.diagnostics.push(warning(this.file, `image ${value} is not a file of public/: pages that show it would show a broken image`, {
        line: this.lineOf('image'),
        hint: `put the image at public${value.split(/[?#]/)[0]}, or point image at a file that is there`,
      }));
    }
    return value;
  }

  boolean(key: TopLevelKey): boolean | undefined {
    const value = this.get(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    this.fail(key, `${key} must be true or false`);
    return undefined;
  }

  positiveInt(key: TopLevelKey): number | undefined {
    const value = this.get(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
    this.fail(key, `${key} must be a positive whole number`);
    return undefined;
  }

  /** A string for every language, or a map `{ ko: …, zh: …, default: … }` (missing languages get `default`, else the fallback). */
  localized(key: 'title' | 'description', fallback: string, codes: string[]): Record<string, string> {
    const value = this.get(key);
    const out: Record<string, string> = {};
    if (value !== undefined && value !== null && typeof value !== 'string' && !isRecord(value)) {
      this.fail(key, `${key} must be a string or a map of language code to string`);
    }
    const map = isRecord(value) ? value : {};
    for (const [code, text] of Object.entries(map)) {
      if (text !== null && typeof text !== 'string') this.fail(`${key}.${code}`, `${key}.${code} must be a string`);
    }
    const text = (k: string) => (typeof map[k] === 'string' ? (map[k] as string) : undefined);
    for (const code of codes) out[code] = typeof value === 'string' ? value : (text(code) ?? text('default') ?? fallback);
    return out;
  }

  languages(): LanguageConfig[] {
    const value = this.get('languages');
    if (value === undefined || value === null) return DEFAULT_LANGUAGES.map((l) => ({ ...l }));
    if (!isRecord(value) || Object.keys(value).length === 0) {
      this.fail('languages', 'languages must be a map of language code to { name, tag }', 'e.g. languages: { ko: { name: 한국어, tag: ko } }');
      return DEFAULT_LANGUAGES.map((l) => ({ ...l }));
    }
    return Object.entries(value).map(([code, spec]) => {
      const at = `languages.${code}`;
      const known = DEFAULT_LANGUAGES.find((l) => l.code === code);
      if (!isLanguageCode(code)) this.fail(at, `language code "${code}" must look like ko, zh or pt-br`);
      if (spec !== null && !isRecord(spec)) {
        this.fail(at, `${at} must be a map such as { name: …, tag: … }, or empty`, `e.g. languages: { ${code}: { name: ${known?.name ?? code}, tag: ${known?.tag ?? code} } }`);
      }
      const entry = isRecord(spec) ? spec : {};
      const str = (k: 'name' | 'tag' | 'title' | 'description') => {
        const field = entry[k];
        if (field === undefined || field === null) return undefined;
        if (typeof field === 'string') return field;
        this.fail(`${at}.${k}`, `${at}.${k} must be a string`);
        return undefined;
      };
      const tag = str('tag') ?? known?.tag ?? code;
      if (!isLanguageTag(tag)) {
        this.fail(`${at}.tag`, `language ${code} has the tag "${tag}", which is not a BCP 47 language tag`, 'e.g. ko, zh-Hans, zh-Hant-TW, en-GB, pt-BR');
      }
      return {
        code,
        tag: isLanguageTag(tag) ? tag : 'und',
        name: str('name') ?? known?.name ?? code,
        title: str('title') ?? '',
        description: str('description') ?? '',
      };
    });
  }

  /** `mermaid: build`, or `mermaid: { mode: build, chromium: /path }`; the command line wins. */
  mermaid(modeOverride: MermaidConfig['mode'] | undefined): MermaidConfig {
    const value = this.get('mermaid');
    const entry = isRecord(value) ? value : { mode: value };
    const at = isRecord(value) ? 'mermaid.mode' : 'mermaid';
    let mode: MermaidConfig['mode'] = 'client';
    if (entry.mode === 'build' || entry.mode === 'client') mode = entry.mode;
    else if (entry.mode !== undefined && entry.mode !== null) this.fail(at, `${at} must be client or build${at === 'mermaid' ? ' (or { mode, chromium })' : ''}`);
    if (entry.chromium !== undefined && entry.chromium !== null && typeof entry.chromium !== 'string') this.fail('mermaid.chromium', 'mermaid.chromium must be a path');
    const chromium = typeof entry.chromium === 'string' ? entry.chromium : process.env.OMNIPRESS_CHROMIUM || '/usr/bin/chromium';
    return { mode: modeOverride ?? mode, chromium };
  }

  /** `images: { responsive, widths, format, quality, sizes }`: smaller copies of local images. */
  images(): ImagesConfig {
    const value = this.get('images');
    const entry = isRecord(value) ? value : {};
    if (value !== undefined && value !== null && !isRecord(value)) {
      this.fail('images', 'images must be a map such as { responsive: true }', 'the keys of images are responsive, widths, format, quality and sizes');
    }
    const given = (key: string) => entry[key] !== undefined && entry[key] !== null;
    let { responsive, widths, format, sizes } = IMAGE_DEFAULTS;
    if (given('responsive')) {
      if (typeof entry.responsive === 'boolean') responsive = entry.responsive;
      else this.fail('images.responsive', 'images.responsive must be true or false');
    }
    if (given('widths')) {
      const list = entry.widths;
      if (Array.isArray(list) && list.length > 0 && list.every((w) => Number.isInteger(w) && w >= 16 && w <= 8192)) {
        widths = [...new Set(list as number[])].sort((a, b) => a - b);
      } else {
        this.fail('images.widths', 'images.widths must be a list of widths in pixels from 16 to 8192', 'e.g. images: { widths: [480, 800, 1200, 1600] }');
      }
    }
    if (given('format')) {
      if (IMAGE_FORMATS.includes(entry.format as ImagesConfig['format'])) format = entry.format as ImagesConfig['format'];
      else this.fail('images.format', `images.format must be webp or avif, not "${String(entry.format)}"`);
    }
    let quality = DEFAULT_QUALITY[format];
    if (given('quality')) {
      if (Number.isInteger(entry.quality) && (entry.quality as number) >= 1 && (entry.quality as number) <= 100) quality = entry.quality as number;
      else this.fail('images.quality', 'images.quality must be a whole number from 1 to 100');
    }
    if (given('sizes')) {
      if (typeof entry.sizes === 'string' && entry.sizes.trim() !== '' && !/[<>"]/.test(entry.sizes)) sizes = entry.sizes.trim();
      else this.fail('images.sizes', 'images.sizes must be a sizes attribute such as "(min-width: 46rem) 42rem, 100vw"');
    }
    return { responsive, widths, format, quality, sizes };
  }

  /** `translations: { staleNotice }`: what readers are told about translations. */
  staleNotice(): boolean {
    const value = this.get('translations');
    if (value === undefined || value === null) return true;
    if (!isRecord(value)) {
      this.fail('translations', 'translations must be a map such as { staleNotice: false }', 'the key of translations is staleNotice');
      return true;
    }
    if (value.staleNotice === undefined || value.staleNotice === null) return true;
    if (typeof value.staleNotice === 'boolean') return value.staleNotice;
    this.fail('translations.staleNotice', 'translations.staleNotice must be true or false');
    return true;
  }

  /**
   * `authors:`, the site's authors by id: a name, or `{ name, bio, url, avatar }` where name and bio
   * are text or a map of language code (and `default`) to text.
   */
  authors(codes: readonly string[]): Record<string, AuthorProfile> {
    const value = this.get('authors');
    if (value === undefined || value === null) return {};
    const example = 'e.g. authors: { minjun: { name: { ko: 김민준, en: Minjun Kim }, bio: …, url: https://…, avatar: /img/minjun.jpg } }';
    if (!isRecord(value)) {
      this.fail('authors', 'authors must be a map of author id to { name, bio, url, avatar }', example);
      return {};
    }
    const out: Record<string, AuthorProfile> = {};
    for (const [id, entry] of Object.entries(value)) {
      const at = `authors.${id}`;
      if (typeof entry === 'string') {
        out[id] = { name: { default: entry }, bio: {} };
        continue;
      }
      if (!isRecord(entry)) {
        this.fail(at, `${at} must be a name, or a map of name, bio, url and avatar`, example);
        continue;
      }
      const profile: AuthorProfile = { name: this.perLanguage(entry.name, `${at}.name`, codes), bio: this.perLanguage(entry.bio, `${at}.bio`, codes) };
      for (const field of Object.keys(entry)) {
        if (!['name', 'bio', 'url', 'avatar'].includes(field)) {
          this.diagnostics.push(warning(this.file, `unknown config key "${at}.${field}"`, { line: this.lineOf(`${at}.${field}`), hint: 'an author has name, bio, url and avatar' }));
        }
      }
      if (entry.url !== undefined && entry.url !== null) {
        if (typeof entry.url === 'string' && /^https?:\/\/\S+$/i.test(entry.url)) profile.url = entry.url;
        else this.fail(`${at}.url`, `${at}.url must be an http(s) URL`);
      }
      if (entry.avatar !== undefined && entry.avatar !== null) {
        if (typeof entry.avatar === 'string' && /^(https?:\/\/\S+|\/(?!\/)\S*)$/i.test(entry.avatar)) profile.avatar = entry.avatar;
        else this.fail(`${at}.avatar`, `${at}.avatar must be a path starting with / (a file of public/) or an http(s) URL`);
      }
      out[id] = profile;
    }
    return out;
  }

  /** Text for every language (`default`), or a map of language code (and `default`) to text. */
  private perLanguage(value: unknown, keyPath: string, codes: readonly string[]): Record<string, string> {
    if (value === undefined || value === null) return {};
    if (typeof value === 'string') return { default: value };
    if (isRecord(value) && Object.entries(value).every(([code, text]) => (code === 'default' || codes.includes(code)) && typeof text === 'string')) {
      return value as Record<string, string>;
    }
    this.fail(keyPath, `${keyPath} must be text, or a map of language code (${codes.join(', ')}) or default to text`);
    return {};
  }

  /** How search engines are told what a post is (schema.org `@type`). */
  schemaType(): SchemaType {
    const value = this.string('schemaType');
    if (value === undefined) return 'BlogPosting';
    if (SCHEMA_TYPES.includes(value as SchemaType)) return value as SchemaType;
    this.fail('schemaType', `schemaType must be ${SCHEMA_TYPES.slice(0, -1).join(', ')} or ${SCHEMA_TYPES.at(-1)}, not "${value}"`);
    return 'BlogPosting';
  }

  /**
   * `permalink:`, the address of every post. With several languages it must hold `:lang`: the
   * languages' posts would share one address space, and a slug both have would collide.
   */
  permalink(codes: readonly string[]): PermalinkPattern {
    const fallback = parsePermalinkPattern(DEFAULT_PERMALINK, 'permalink') as { pattern: PermalinkPattern };
    const text = this.string('permalink');
    if (text === undefined) return fallback.pattern;
    const parsed = parsePermalinkPattern(text, 'permalink');
    if ('error' in parsed) {
      this.fail('permalink', parsed.error, parsed.hint);
      return fallback.pattern;
    }
    if (codes.length > 1 && !usesToken(parsed.pattern, 'lang')) {
      this.fail(
        'permalink',
        `permalink "${parsed.pattern.text}" has no :lang, and the site has ${codes.length} languages (${codes.join(', ')})`,
        `put the language in it, e.g. /:lang${parsed.pattern.text.startsWith('/') ? '' : '/'}${parsed.pattern.text}`,
      );
      return fallback.pattern;
    }
    return parsed.pattern;
  }

  /**
   * `legacyPermalink:`, the old generator's pattern, or a list of them (a blog that moved more
   * than once), or either per language (`{ ko: /posts/:slug/, en: /en/posts/:slug/ }`: Hugo puts
   * only the other languages under a prefix).
   */
  legacyPermalink(codes: readonly string[]): PermalinkPattern[] {
    const value = this.get('legacyPermalink');
    if (value === undefined || value === null) return [];
    const patterns: PermalinkPattern[] = [];
    const read = (texts: unknown, at: string, lang?: string) => {
      const list = Array.isArray(texts) ? texts : [texts];
      if (!list.every((text): text is string => typeof text === 'string')) {
        this.fail(at, `${at} must be a pattern or a list of patterns${lang ? '' : ', or a map of language code to those'}`, 'e.g. legacyPermalink: /:year/:month/:day/:title/');
        return;
      }
      for (const text of list) {
        const parsed = parsePermalinkPattern(text, at);
        if ('error' in parsed) this.fail(at, parsed.error, parsed.hint);
        else patterns.push(lang ? { ...parsed.pattern, lang } : parsed.pattern);
      }
    };
    if (!isRecord(value)) read(value, 'legacyPermalink');
    // Keys that are no language are warned about as unknown keys (config/keys.ts).
    else for (const code of codes) if (value[code] !== undefined && value[code] !== null) read(value[code], `legacyPermalink.${code}`, code);
    return patterns;
  }

  /** `params:`, a site's own data for its templates: any mapping, never checked. */
  params(): Record<string, unknown> {
    const value = this.get('params');
    if (value === undefined || value === null) return {};
    if (isRecord(value)) return value;
    this.fail('params', 'params must be a mapping of your own keys to values', 'e.g. params: { twitter: omnipress }');
    return {};
  }

  /** `strings: { ko: { home: 처음으로 } }`: UI strings per language, over the theme's. */
  strings(codes: string[]): Record<string, Record<string, string>> {
    const value = this.get('strings');
    const out: Record<string, Record<string, string>> = {};
    if (value === undefined || value === null) return out;
    if (!isRecord(value)) {
      this.fail('strings', 'strings must be a map of language code to { key: text }');
      return out;
    }
    for (const code of codes) {
      const table = value[code];
      if (table === undefined || table === null) continue;
      if (!isRecord(table)) {
        this.fail(`strings.${code}`, `strings.${code} must be a map of UI string name to text`, `e.g. strings: { ${code}: { home: … } }`);
        continue;
      }
      out[code] = {};
      for (const [name, text] of Object.entries(table)) {
        if (typeof text === 'string') out[code][name] = text;
        else this.fail(`strings.${code}.${name}`, `strings.${code}.${name} must be a string`);
      }
    }
    return out;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
