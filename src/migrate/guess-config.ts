// What an existing blog's posts say about the config it needs: the languages they are written in
// (front matter `lang`, language folders, `.en.md` / `-en.md` suffixes, the script of the text)
// and the time zone its dates were written in (the dominant offset, `+0900` → Asia/Seoul). Pure:
// reads the loaded files, writes nothing.
import { readFrontMatter } from '../content/front-matter.js';
import { scriptLanguage } from '../content/language.js';
import { dashTranslation } from '../content/post-files.js';
import type { SourceFile } from '../types.js';
import { plural } from '../util/plural.js';

export interface LanguageGuess {
  /** URL prefix (`ko`). */
  code: string;
  /** BCP 47 tag (`zh-Hans`). */
  tag: string;
  /** The language's own name (`日本語`). */
  name: string;
  /** Posts found in it. */
  posts: number;
}

export interface TimeZoneGuess {
  /** IANA name (`Asia/Seoul`). */
  zone: string;
  /** Why: the dominant offset and how many dates carry it, or the language it was guessed from. */
  reason: string;
}

export interface ConfigGuess {
  /** Most posts first. */
  languages: LanguageGuess[];
  defaultLanguage?: string;
  timeZone?: TimeZoneGuess;
  /** A ready-to-paste omnipress.yml fragment. */
  snippet: string;
}

/** Names and tags of the built-in languages, so the snippet matches omnipress's defaults. */
const KNOWN: Record<string, { tag: string; name: string }> = {
  ko: { tag: 'ko', name: '한국어' },
  zh: { tag: 'zh-Hans', name: '中文' },
  en: { tag: 'en', name: 'English' },
};

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** `ko`, `ja`, `pt-BR`… when `code` names a real language (so folders like `ai/` or `dev/` do not count). */
function realLanguage(code: string): boolean {
  if (!/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(code)) return false;
  try {
    return languageNames.of(code.replace(/_/g, '-')) !== undefined;
  } catch {
    return false;
  }
}

/** A language value as written (`ko_KR`, `zh-TW`, `en`) → the code and tag omnipress would use. */
function fromTag(value: string): { code: string; tag: string } | undefined {
  try {
    const locale = new Intl.Locale(value.trim().replace(/_/g, '-'));
    const code = locale.language.toLowerCase();
    if (code === 'zh') return { code, tag: `zh-${locale.maximize().script ?? 'Hans'}` };
    return { code, tag: KNOWN[code]?.tag ?? code };
  } catch {
    return undefined;
  }
}

/** The language a post is written in, by the same chain the build uses, but not limited to configured languages. */
function languageOf(file: SourceFile, data: Record<string, unknown>, body: string, ids: Set<string>): { code: string; tag: string } {
  const written = data.lang ?? data.language;
  if (typeof written === 'string' && written.trim() !== '') {
    const found = fromTag(written);
    if (found) return found;
  }
  const segments = file.id.split('/');
  const name = segments.pop() ?? '';
  // Only a top-level folder is a language folder (`ko/…`): deeper ones are topics (`it/`, `go/`).
  const top = segments.filter((s) => s !== '_drafts')[0];
  const folder = top !== undefined && top.length <= 5 && realLanguage(top) ? top : undefined;
  if (folder) return fromTag(folder) ?? { code: folder, tag: folder };
  const suffix = /\.([a-z]{2,3}(?:[-_][a-z0-9]+)?)\.(md|markdown)$/i.exec(name)?.[1];
  if (suffix && realLanguage(suffix)) return fromTag(suffix) ?? { code: suffix, tag: suffix };
  // `x-ja.md` beside `x.md`, for any real language (the build only accepts configured ones).
  const dash = /-([a-z]{2})\.(md|markdown)$/i.exec(name)?.[1]?.toLowerCase();
  if (dash && realLanguage(dash) && dashTranslation(file.id, [dash], (id) => ids.has(id))) return fromTag(dash)!;
  const script = scriptLanguage(body);
  if (script) return { code: script, tag: KNOWN[script]?.tag ?? script };
  // Latin script and no hint at all: most such blogs are in English.
  return { code: 'en', tag: 'en' };
}

/** An offset after a time: `10:00:00 +0900`, `T08:00:00+09:00`, `01:00Z` (never the day of `2024-01-01`). */
const OFFSET = /\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** `+0900`, `+09:00`, `+09`, `Z` → `+09:00`. */
function normalizeOffset(raw: string): string {
  if (/^z$/i.test(raw)) return '+00:00';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw)!;
  return `${m[1]}${m[2]}:${m[3] ?? '00'}`;
}

/** The usual zone for an offset, given the blog's main language. */
function zoneFor(offset: string, lang: string | undefined, tag: string | undefined): string {
  if (offset === '+09:00') return lang === 'ja' ? 'Asia/Tokyo' : 'Asia/Seoul';
  if (offset === '+08:00') return tag === 'zh-Hant' ? 'Asia/Taipei' : 'Asia/Shanghai';
  if (offset === '+00:00') return 'UTC';
  if (offset === '+05:30') return 'Asia/Kolkata';
  const m = /^([+-])(\d{2}):00$/.exec(offset);
  // Etc/GMT zones have inverted signs (POSIX): UTC+7 is Etc/GMT-7.
  if (m) return `Etc/GMT${m[1] === '+' ? '-' : '+'}${Number(m[2])}`;
  return 'UTC';
}

/** Zones for a language when no date carries an offset (Hexo writes none by default). */
const ZONE_OF_LANGUAGE: Record<string, string> = { ko: 'Asia/Seoul', ja: 'Asia/Tokyo', zh: 'Asia/Shanghai' };

export function guessConfig(files: readonly SourceFile[]): ConfigGuess {
  const ids = new Set(files.map((f) => f.id));
  const counts = new Map<string, LanguageGuess>();
  const offsets = new Map<string, number>();
  let dated = 0;
  for (const file of files) {
    const fm = readFrontMatter(file.text, file.sourcePath);
    const { code, tag } = languageOf(file, fm.data, fm.body, ids);
    const entry = counts.get(code) ?? { code, tag, name: nativeName(code, tag), posts: 0 };
    entry.posts++;
    counts.set(code, entry);
    const date = fm.data.date;
    if (typeof date === 'string') {
      dated++;
      const raw = OFFSET.exec(date.trim())?.[1];
      if (raw) offsets.set(normalizeOffset(raw), (offsets.get(normalizeOffset(raw)) ?? 0) + 1);
    }
  }
  const languages = [...counts.values()].sort((a, b) => b.posts - a.posts || (a.code < b.code ? -1 : 1));
  const main = languages[0];
  let timeZone: TimeZoneGuess | undefined;
  const [offset, n] = [...offsets].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (offset && n) {
    timeZone = { zone: zoneFor(offset, main?.code, main?.tag), reason: `${n} of ${dated} dates are written with ${offset}` };
  } else if (main && ZONE_OF_LANGUAGE[main.code]) {
    timeZone = { zone: main.tag === 'zh-Hant' ? 'Asia/Taipei' : ZONE_OF_LANGUAGE[main.code]!, reason: `no date carries an offset; guessed from the language (${main.code})` };
  }
  const guess = { languages, defaultLanguage: main?.code, timeZone };
  return { ...guess, snippet: configSnippet(guess) };
}

function nativeName(code: string, tag: string): string {
  if (KNOWN[code] && KNOWN[code].tag === tag) return KNOWN[code].name;
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? code;
  } catch {
    return code;
  }
}

/** The omnipress.yml lines for a guess; plain YAML the config reader accepts as it is. */
export function configSnippet(guess: Omit<ConfigGuess, 'snippet'>): string {
  const lines = ['# omnipress.yml (suggested by omnipress migrate-check)'];
  if (guess.timeZone) lines.push(`timeZone: ${guess.timeZone.zone}    # ${guess.timeZone.reason}`);
  else lines.push('# timeZone: no date carries an offset; dates without one are read in Asia/Seoul unless you set yours');
  if (guess.defaultLanguage) lines.push(`defaultLanguage: ${guess.defaultLanguage}`);
  if (guess.languages.length > 0) {
    lines.push('languages:');
    for (const l of guess.languages) {
      lines.push(`  ${l.code}: { name: ${yamlText(l.name)}, tag: ${l.tag} }    # ${plural(l.posts, 'post')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A name as a YAML flow scalar: quoted when it holds anything YAML would read as syntax. */
function yamlText(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ._()（）-]*$/u.test(text) && !/ $/.test(text) ? text : JSON.stringify(text);
}
