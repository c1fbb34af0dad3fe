// UI strings per language: the theme's i18n/<code>.json (built-in theme first, the site's own
// templates/ over it), then the config's `strings`. A language without a table (say `ja`, added
// by config alone) falls back to English, then to the key itself, so adding a language never
// breaks a build.
import fs from 'node:fs';
import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import type { Lang, ResolvedConfig } from '../types.js';

export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export function loadStrings(config: ResolvedConfig, diagnostics: Diagnostic[] = []): (lang: Lang) => Translate {
  const tables = new Map<Lang, Record<string, string>>();
  const codes = new Set([...config.languages.map((l) => l.code), 'en']);
  for (const code of codes) {
    const table: Record<string, string> = {};
    for (const dir of [...config.templateDirs].reverse()) {
      const file = path.join(dir, 'i18n', `${code}.json`);
      if (fs.existsSync(file)) Object.assign(table, readTable(file, diagnostics));
    }
    Object.assign(table, config.strings[code] ?? {});
    tables.set(code, table);
  }
  const english = tables.get('en') ?? {};
  const translators = new Map<Lang, Translate>();
  return (lang) => {
    let t = translators.get(lang);
    if (!t) {
      const table = tables.get(lang) ?? {};
      t = (key, vars) => interpolate(table[key] ?? english[key] ?? key, vars);
      translators.set(lang, t);
    }
    return t;
  };
}

/**
 * One i18n file's strings. A file that is not a JSON object of strings is reported at the line
 * where it goes wrong, and what can be read of it is used, so that every page still renders.
 */
function readTable(file: string, diagnostics: Diagnostic[]): Record<string, string> {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const at = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN);
    const before = Number.isNaN(at) ? undefined : text.slice(0, at).split('\n');
    diagnostics.push(error(file, `UI strings are not valid JSON: ${message.replace(/^JSON\.parse: /, '')}`, {
      line: before?.length,
      column: before ? before.at(-1)!.length + 1 : undefined,
      code: 'i18n',
      hint: 'the file must be one JSON object of "key": "text" pairs, e.g. { "home": "처음으로" }',
    }));
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    diagnostics.push(error(file, 'UI strings must be one JSON object of "key": "text" pairs', { line: 1, code: 'i18n' }));
    return {};
  }
  const table: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) {
    if (typeof text === 'string') table[key] = text;
    else diagnostics.push(error(file, `UI string "${key}" must be text, got ${JSON.stringify(text)}`, { code: 'i18n' }));
  }
  return table;
}

/** `"{n}분 분량"` + `{ n: 3 }` → `"3분 분량"`. */
function interpolate(text: string, vars?: Record<string, unknown>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
