// What an existing blog needs in omnipress.yml: the languages its posts are written in
// (guess-languages.ts), the time zone its dates were written in (the old config's, else the
// dominant offset, `+0900` → Asia/Seoul), and its old URL scheme as `legacyPermalink` (the old
// config's permalink, else its generator's default). Pure: reads the loaded files and the old
// config already read, writes nothing.
import path from 'node:path';
import { readFrontMatter } from '../content/front-matter.js';
import type { SourceFile } from '../types.js';
import { guessLanguages, type LanguageGuess } from './guess-languages.js';
import { DEFAULT_PERMALINKS, translatePermalink, type Generator } from './old-permalinks.js';
import type { OldSite } from './old-site.js';

export type { LanguageGuess } from './guess-languages.js';

export interface TimeZoneGuess {
  /** IANA name (`Asia/Seoul`). */
  zone: string;
  /** Why: the old config's setting, the dominant offset and how many dates carry it, or the language it was guessed from. */
  reason: string;
}

/** The old URL scheme, in omnipress's tokens. */
export interface PermalinkGuess {
  generator: Generator;
  /** The pattern as the old config writes it (`pretty`, `:year/:month/:day/:title/`), or the generator's default. */
  written: string;
  /** Where it comes from: `_config.yml:5 (permalink)`, or `Jekyll's default`. */
  source: string;
  /** The pattern in omnipress's tokens; undefined when a token has no equivalent. */
  pattern?: string;
  /** What could not be carried over exactly. */
  notes: string[];
  /** Hugo without defaultContentLanguageInSubdir: the languages whose old URLs carried a `/<lang>/` prefix (all but the default). */
  prefixed?: (lang: string) => boolean;
}

export interface ConfigGuess {
  /** Most posts first. */
  languages: LanguageGuess[];
  defaultLanguage?: string;
  /** Why the default language is the default. */
  defaultReason?: string;
  timeZone?: TimeZoneGuess;
  /** The old URL scheme(s), for `legacyPermalink`. */
  permalinks: PermalinkGuess[];
  /** Post id → the language the build gives it with the suggested languages. */
  byPost: Map<string, string>;
  /** The old generator's config the guess read, if any. */
  old?: OldSite;
}

const GENERATOR_NAMES: Record<Generator, string> = { jekyll: 'Jekyll', hexo: 'Hexo', hugo: 'Hugo' };

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

export function guessConfig(files: readonly SourceFile[], old?: OldSite): ConfigGuess {
  const languages = guessLanguages(files, old && {
    languages: old.languages.map((l) => ({ code: l.key.startsWith('languages.') ? l.key.slice('languages.'.length) : l.value, tag: l.key.startsWith('languages.') ? l.value : undefined })),
    default: old.defaultLanguage?.value,
  });
  const main = languages.languages.find((l) => l.code === languages.defaultLanguage);
  return {
    ...languages,
    timeZone: (old && oldTimeZone(old)) ?? guessTimeZone(files, main),
    permalinks: old ? oldPermalinks(old, languages.defaultLanguage) : [],
    old,
  };
}

function oldTimeZone(old: OldSite): TimeZoneGuess | undefined {
  const zone = old.timeZone?.value;
  if (!zone || !isTimeZone(zone)) return undefined;
  return { zone, reason: `from ${where(old, old.timeZone!.line)} (${old.timeZone!.key})` };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `_config.yml:5`, the config file's name and line. */
function where(old: OldSite, line: number | undefined): string {
  return `${path.basename(old.configFile)}${line === undefined ? '' : `:${line}`}`;
}

function oldPermalinks(old: OldSite, defaultLanguage: string | undefined): PermalinkGuess[] {
  const written = old.permalinks.length > 0
    ? old.permalinks.map((p) => ({ written: p.value, source: `${where(old, p.line)} (${p.key})` }))
    : [{ written: DEFAULT_PERMALINKS[old.generator], source: `${GENERATOR_NAMES[old.generator]}'s default` }];
  const multilingual = old.generator === 'hugo' && old.languages.length > 1;
  const oldDefault = old.defaultLanguage?.value.toLowerCase() ?? defaultLanguage;
  return written.map(({ written, source }) => {
    const translated = translatePermalink(old.generator, written, { hexoDatedNames: old.hexoDatedNames });
    const guess: PermalinkGuess = { generator: old.generator, written, source, ...translated };
    if (multilingual && guess.pattern && !guess.pattern.includes(':lang')) {
      // Hugo puts every language but the default under /<lang>/ (the default too when in a subdir).
      if (old.defaultLanguageInSubdir) guess.pattern = `/:lang${guess.pattern}`;
      else guess.prefixed = (lang) => lang !== oldDefault;
    }
    return guess;
  });
}

/** The time zone the posts' dates were written in: the dominant offset, else the usual zone of the main language. */
function guessTimeZone(files: readonly SourceFile[], main: LanguageGuess | undefined): TimeZoneGuess | undefined {
  const offsets = new Map<string, number>();
  let dated = 0;
  for (const file of files) {
    const date = readFrontMatter(file.text, file.sourcePath).data.date;
    if (typeof date !== 'string') continue;
    dated++;
    const raw = OFFSET.exec(date.trim())?.[1];
    if (raw) offsets.set(normalizeOffset(raw), (offsets.get(normalizeOffset(raw)) ?? 0) + 1);
  }
  const [offset, n] = [...offsets].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (offset && n) return { zone: zoneFor(offset, main?.code, main?.tag), reason: `${n} of ${dated} dates are written with ${offset}` };
  if (main && ZONE_OF_LANGUAGE[main.code]) {
    return { zone: main.tag === 'zh-Hant' ? 'Asia/Taipei' : ZONE_OF_LANGUAGE[main.code]!, reason: `no date carries an offset; guessed from the language (${main.code})` };
  }
  return undefined;
}
