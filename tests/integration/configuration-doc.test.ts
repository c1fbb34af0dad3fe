// docs/configuration.md cannot drift from the code: it documents exactly the keys the config
// reader knows (CONFIG_KEYS), each default it states is the default the reader gives, each
// example loads without a word, each wrong value gives the result it states, the command-line
// options it names exist, and its complete example builds a site.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CONFIG_KEYS, resolveConfig, type ConfigResult } from '../../src/config.js';
import { CODE, TOP_LEVEL_KEYS } from '../../src/config/keys.js';
import type { ResolvedConfig } from '../../src/types.js';
import { readConfigDoc, type KeyRow } from '../helpers/config-doc.js';
import { page } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { buildSite, runCli, siteFromFiles } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const doc = readConfigDoc();
const NOW = new Date('2026-01-01T00:00:00Z');

/** A site folder named `my-site` whose config is whatever `resolve` is given (none for undefined). */
function site(): { root: string; resolve(yaml?: string): ConfigResult } {
  const root = path.join(tempDir('omnipress-config-doc-'), 'my-site');
  fs.mkdirSync(root);
  const file = path.join(root, 'omnipress.yml');
  return {
    root,
    resolve(yaml) {
      if (yaml === undefined) fs.rmSync(file, { force: true });
      else fs.writeFileSync(file, `${yaml}\n`);
      return resolveConfig({ root, now: NOW });
    },
  };
}

/** The fields of a resolved config that differ from `base`'s, the name of the file read aside. */
function changed(config: ResolvedConfig, base: ResolvedConfig): string[] {
  const fields = new Set([...Object.keys(config), ...Object.keys(base)] as Array<keyof ResolvedConfig>);
  return [...fields].filter((field) => field !== 'configFile' && !isDeepStrictEqual(config[field], base[field]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether parsed YAML sets the key path `key` (`<code>` matching any language code). */
function setsKey(value: unknown, key: string): boolean {
  const [first, ...rest] = key.split('.');
  if (!isRecord(value)) return false;
  const children = first === CODE ? Object.entries(value).filter(([name]) => name !== 'default').map(([, child]) => child) : Object.hasOwn(value, first!) ? [value[first!]] : [];
  return rest.length === 0 ? children.length > 0 : children.some((child) => setsKey(child, rest.join('.')));
}

/** A config setting `key` (`<code>` as ko) to `value`; under languages, with the default three languages named. */
function configWith(key: string, value: unknown): Record<string, unknown> {
  const parts = key.split('.').map((part) => (part === CODE ? 'ko' : part));
  const config: Record<string, unknown> = parts[0] === 'languages' ? { languages: { ko: {}, zh: {}, en: {} } } : {};
  let at = config;
  for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
  at[parts.at(-1)!] = value;
  return config;
}

describe('docs/configuration.md', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('documents every key the config reader knows, and no other, once each', () => {
    const documented = doc.keys.map((row) => row.key);
    expect(documented.length).toBe(new Set(documented).size);
    expect([...documented].sort()).toEqual([...CONFIG_KEYS].sort());
  });

  it('states defaults in code that are the defaults: setting a key to it changes nothing', () => {
    const s = site();
    const none = s.resolve();
    expect(none.diagnostics).toEqual([]);
    const literal = doc.keys.filter((row) => row.literalDefault !== undefined);
    expect(literal.length).toBeGreaterThan(10);
    for (const row of literal) {
      const value: unknown = parseYaml(row.literalDefault!);
      const result = s.resolve(JSON.stringify(configWith(row.key, value)));
      expect(result.diagnostics, row.key).toEqual([]);
      expect(changed(result.config, none.config), `${row.key}: ${row.literalDefault}`).toEqual([]);
    }
  });

  // A default in words is checked here, each with the words the page uses: a change to either the
  // words or the behaviour shows up as a difference to look at.
  const PROSE_DEFAULTS: Record<string, { says: string; holds(s: ReturnType<typeof site>): void }> = {
    title: { says: "the site folder's name", holds: (s) => expect(s.resolve().config.languages.map((l) => l.title)).toEqual(['my-site', 'my-site', 'my-site']) },
    'title.<code>': {
      says: "`title.default`, else the site folder's name",
      holds: (s) => {
        expect(s.resolve('title: { default: D, ko: K }').config.languages.map((l) => l.title)).toEqual(['K', 'D', 'D']);
        expect(s.resolve('title: { ko: K }').config.languages.map((l) => l.title)).toEqual(['K', 'my-site', 'my-site']);
      },
    },
    'title.default': { says: "the site folder's name", holds: (s) => expect(s.resolve('title: { ko: K }').config.languages[2]!.title).toBe('my-site') },
    'description.<code>': {
      says: '`description.default`, else empty',
      holds: (s) => {
        expect(s.resolve('description: { default: D, ko: K }').config.languages.map((l) => l.description)).toEqual(['K', 'D', 'D']);
        expect(s.resolve('description: { ko: K }').config.languages.map((l) => l.description)).toEqual(['K', '', '']);
      },
    },
    author: { says: 'none: feeds name the site title', holds: (s) => expect(s.resolve().config.author).toBeUndefined() },
    image: { says: 'none: pages without an image of their own have no share image', holds: (s) => expect(s.resolve().config.image).toBeUndefined() },
    authorsFile: {
      says: '`_data/authors.yml` in the folder holding the posts folder, else in the site folder, when there is one',
      holds: (s) => {
        expect(s.resolve().config.authorsFile).toBeUndefined();
        fs.mkdirSync(path.join(s.root, '_data'), { recursive: true });
        fs.writeFileSync(path.join(s.root, '_data/authors.yml'), 'kim: { name: 김민준 }\n');
        expect(s.resolve().config.authorsFile).toBe(path.join(s.root, '_data/authors.yml'));
        fs.rmSync(path.join(s.root, '_data'), { recursive: true });
      },
    },
    languages: {
      says: '`ko`, `zh` and `en`, as below',
      holds: (s) => expect(s.resolve().config.languages.map((l) => l.code)).toEqual(['ko', 'zh', 'en']),
    },
    'languages.<code>': {
      says: 'the defaults of the four keys below',
      holds: (s) => {
        const defaults = s.resolve().config.languages;
        expect(s.resolve('languages:\n  ko: {}\n  zh:\n  en: {}').config.languages).toEqual(defaults);
      },
    },
    'languages.<code>.name': {
      says: '`한국어`, `中文`, `English` for `ko`, `zh`, `en`; else the code',
      holds: (s) => expect(s.resolve('languages: { ko: {}, zh: {}, en: {}, ja: {} }').config.languages.map((l) => l.name)).toEqual(['한국어', '中文', 'English', 'ja']),
    },
    'languages.<code>.tag': {
      says: '`ko`, `zh-Hans`, `en` for those codes; else the code',
      holds: (s) => expect(s.resolve('languages: { ko: {}, zh: {}, en: {}, ja: {} }').config.languages.map((l) => l.tag)).toEqual(['ko', 'zh-Hans', 'en', 'ja']),
    },
    'languages.<code>.title': {
      says: "the language's `title`",
      holds: (s) => expect(s.resolve('title: { ko: K, default: D }\nlanguages: { ko: {}, en: {} }').config.languages.map((l) => l.title)).toEqual(['K', 'D']),
    },
    'languages.<code>.description': {
      says: "the language's `description`",
      holds: (s) => expect(s.resolve('description: { en: E }\nlanguages: { ko: {}, en: {} }').config.languages.map((l) => l.description)).toEqual(['', 'E']),
    },
    defaultLanguage: { says: 'the first language', holds: (s) => expect(s.resolve('languages: { zh: {}, ko: {} }').config.defaultLang).toBe('zh') },
    'legacyPermalink.<code>': {
      says: "none: that language's posts have no old address",
      holds: (s) => expect(s.resolve('legacyPermalink: { en: /en/posts/:slug/ }').config.legacyPermalink.map((p) => [p.lang, p.text])).toEqual([['en', '/en/posts/:slug/']]),
    },
    'strings.<code>': { says: "the theme's strings", holds: (s) => expect(s.resolve().config.strings).toEqual({}) },
    'images.quality': {
      says: '`80` for `webp`, `50` for `avif`',
      holds: (s) => {
        expect(s.resolve().config.images.quality).toBe(80);
        expect(s.resolve('images: { format: avif }').config.images.quality).toBe(50);
      },
    },
    'mermaid.chromium': {
      says: '`OMNIPRESS_CHROMIUM`, else `/usr/bin/chromium`',
      holds: (s) => {
        vi.stubEnv('OMNIPRESS_CHROMIUM', '/opt/chromium/chrome');
        expect(s.resolve().config.mermaid.chromium).toBe('/opt/chromium/chrome');
        vi.stubEnv('OMNIPRESS_CHROMIUM', '');
        expect(s.resolve().config.mermaid.chromium).toBe('/usr/bin/chromium');
      },
    },
  };

  it('states defaults in words that are the defaults', () => {
    const prose = doc.keys.filter((row) => row.literalDefault === undefined);
    expect(Object.fromEntries(prose.map((row) => [row.key, row.defaultText]))).toEqual(
      Object.fromEntries(Object.entries(PROSE_DEFAULTS).map(([key, { says }]) => [key, says])),
    );
    const s = site();
    for (const row of prose) PROSE_DEFAULTS[row.key]!.holds(s);
  });

  it('gives examples that set their key and load without an error or a warning', () => {
    const s = site();
    const none = s.resolve().config;
    for (const row of doc.keys) {
      expect(setsKey(parseYaml(row.example), row.key), `${row.key}: ${row.example}`).toBe(true);
      const result = s.resolve(row.example);
      expect(result.diagnostics, `${row.key}: ${row.example}`).toEqual([]);
      expect(changed(result.config, none), `${row.key}: ${row.example} changes nothing`).not.toEqual([]);
    }
  });

  it('says what a wrong value of every key gives, at the line of the key', () => {
    expect([...new Set(doc.wrong.map((row) => row.key))].sort()).toEqual([...CONFIG_KEYS].sort());
    const s = site();
    for (const row of doc.wrong) {
      const { diagnostics } = s.resolve(row.value);
      expect(diagnostics, row.value).toContainEqual(expect.objectContaining({ severity: row.severity, message: row.message, line: 1 }));
    }
  });

  it('names command-line options that the commands have, for keys it documents', async () => {
    expect(doc.options.length).toBeGreaterThan(0);
    const keys = new Set(doc.keys.map((row: KeyRow) => row.key));
    const help = new Map<string, string>();
    for (const row of doc.options) {
      expect(keys, row.option).toContain(row.key);
      for (const command of row.commands) {
        if (!help.has(command)) help.set(command, (await runCli([command, '--help'])).stdout);
        expect(help.get(command), `omnipress ${command} --help`).toMatch(new RegExp(`${row.option}\\b`));
      }
    }
  });

  it('has a complete example for a ko/zh/en site that sets every top-level key and loads without a word', () => {
    const values: unknown = parseYaml(doc.completeExample);
    for (const key of TOP_LEVEL_KEYS) expect(setsKey(values, key), key).toBe(true);
    const { config, diagnostics } = site().resolve(doc.completeExample);
    expect(diagnostics).toEqual([]);
    expect(config.languages.map((l) => l.code)).toEqual(['ko', 'zh', 'en']);
  });

  it('has a complete example that builds a site, with the titles its comments promise', async () => {
    const root = siteFromFiles({
      'omnipress.yml': doc.completeExample,
      '_data/authors.yml': 'minjun: { name: 김민준, url: https://example.com/minjun/ }\n',
      'posts/ko/2024-05-14-hello.md': postFile({ title: '안녕' }),
      'posts/zh/2024-05-14-hello.md': postFile({ title: '你好' }),
      'posts/en/2024-05-14-hello.md': postFile({ title: 'Hello' }),
    });
    const report = await buildSite(root);
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(report.ok).toBe(true);
    // ko and zh from title.<code>, en from languages.en.title over title.default.
    expect(page(root, 'ko/index.html')('title').text()).toBe('옴니프레스');
    expect(page(root, 'zh/index.html')('title').text()).toBe('全能报');
    expect(page(root, 'en/index.html')('title').text()).toBe('The omnipress');
  });
});
