// A permalink pattern (`/:lang/posts/:slug/`, `/:year/:month/:day/:title/`) expanded for one
// post: the site path it names. Pure; knows the tokens and nothing about config or the build.
import { slugify } from '../content/slug.js';

/** Every token a pattern may hold, without its `:`. */
export const permalinkTokens = [
  'lang',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'i_month',
  'i_day',
  'slug',
  'title',
  'filename',
  'slugified_title',
  'categories',
  'section',
] as const;

export type PermalinkToken = (typeof permalinkTokens)[number];

/** What a pattern is expanded from: a post, as far as its URL goes. */
export interface PermalinkFields {
  /** Path relative to posts/, `/`-separated (`ko/2024-05-14-x.md`, `posts/trip/index.md`). */
  id: string;
  lang: string;
  /** The post's omnipress slug. */
  slug: string;
  date: Date;
  /** IANA zone the date parts are read in. */
  timeZone: string;
  /** Front matter `title`, as written. */
  title: string;
  /** Front matter `slug`, as written, when there is one. */
  frontMatterSlug?: string;
  categories: readonly string[];
  /** The configured language codes: `x.en.md` and an `en/` folder are not part of a name. */
  languages: readonly string[];
}

/** `:name` where name is a run of letters and `_`, so `:title:output_ext` is two tokens and `:year-:month` too. */
const TOKEN = /:([a-z_]+)/gi;
const KNOWN: ReadonlySet<string> = new Set(permalinkTokens);

/** The tokens of `pattern` that are not permalink tokens (`:y_day`), without their `:`. */
export function unknownPermalinkTokens(pattern: string): string[] {
  return [...pattern.matchAll(TOKEN)].map((m) => m[1]!).filter((name) => !KNOWN.has(name));
}

/**
 * The site path `pattern` names for a post: decoded (Hangul and Han as they are), starting with
 * `/`, without empty segments (`:categories` of a post without categories leaves no `//`).
 * Unknown tokens are left as written.
 */
export function expandPermalink(pattern: string, fields: PermalinkFields): string {
  const values = tokenValues(fields);
  const expanded = pattern.replace(TOKEN, (whole, name: string) => (KNOWN.has(name) ? values[name as PermalinkToken]() : whole));
  return `/${expanded.replace(/^\/+/, '')}`.replace(/\/{2,}/g, '/');
}

type Values = Record<PermalinkToken, () => string>;

function tokenValues(fields: PermalinkFields): Values {
  const parts = dateParts(fields.date, fields.timeZone);
  const codes = new Set(fields.languages.map((code) => code.toLowerCase()));
  const segments = fields.id.split('/').filter((s) => s !== '');
  const file = segments.pop() ?? '';
  const base = file.replace(/\.(md|markdown)$/i, '');
  const folders = segments.filter((s) => !codes.has(s.toLowerCase()));
  return {
    lang: () => fields.lang,
    year: () => parts.year,
    month: () => parts.month,
    day: () => parts.day,
    hour: () => parts.hour,
    minute: () => parts.minute,
    second: () => parts.second,
    i_month: () => String(Number(parts.month)),
    i_day: () => String(Number(parts.day)),
    slug: () => fields.slug,
    title: () => fields.frontMatterSlug?.trim() || nameOf(base, segments, codes),
    filename: () => base,
    slugified_title: () => slugify(fields.title),
    categories: () => fields.categories.map((c) => slugify(c)).filter((c) => c !== '').join('/'),
    section: () => (folders.length > 0 && !(isBundleIndex(base) && folders.length === 1) ? folders[0]! : ''),
  };
}

function isBundleIndex(base: string): boolean {
  return /^_?index(\.[\w-]+)?$/i.test(base);
}

/** The file-name part Jekyll and Hexo mean by `:title`: no date prefix, no language suffix; a bundle is named by its folder. */
function nameOf(base: string, folders: readonly string[], codes: ReadonlySet<string>): string {
  let name = stripLanguage(base, codes);
  if (isBundleIndex(base) && folders.length > 0) name = stripLanguage(folders[folders.length - 1]!, codes);
  return name.replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '');
}

/**
 * `x.en` → `x`. A dash (`x-en`) stays: Jekyll and Hexo, whose `:title` this is, gave
 * `x-en.md` a URL of its own, and `x.md` beside it keeps its own too.
 */
function stripLanguage(name: string, codes: ReadonlySet<string>): string {
  const suffix = /\.([a-z]{2,3}(?:-[a-z0-9]+)?)$/i.exec(name);
  return suffix && codes.has(suffix[1]!.toLowerCase()) && suffix.index > 0 ? name.slice(0, suffix.index) : name;
}

interface DateParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function dateParts(date: Date, timeZone: string): DateParts {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: String(parts.year).padStart(4, '0'),
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}
