// UI strings per language: the theme's i18n/<code>.json (built-in theme first, the site's own
// templates/ over it), then the config's `strings`. A language without a table (say `ja`, added
// by config alone) falls back to English, then to the key itself, so adding a language never
// breaks a build.
import fs from 'node:fs';
import path from 'node:path';
import type { Lang, ResolvedConfig } from '../types.js';

export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export function loadStrings(config: ResolvedConfig): (lang: Lang) => Translate {
  const tables = new Map<Lang, Record<string, string>>();
  const codes = new Set([...config.languages.map((l) => l.code), 'en']);
  for (const code of codes) {
    const table: Record<string, string> = {};
    for (const dir of [...config.templateDirs].reverse()) {
      const file = path.join(dir, 'i18n', `${code}.json`);
      if (fs.existsSync(file)) Object.assign(table, JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>);
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

/** `"{n}분 분량"` + `{ n: 3 }` → `"3분 분량"`. */
function interpolate(text: string, vars?: Record<string, unknown>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
