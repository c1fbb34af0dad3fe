// Site-wide permalink patterns (config `permalink` and `legacyPermalink`): `/:lang/:year/:slug/`
// read once when the config is, with every mistake refused there, then expanded per post into a
// site path. Token names are shared with `migrate-check`, which suggests patterns in them.
import { isoDate } from '../content/dates.js';
import { normalizePermalink } from '../content/permalink.js';
import { reservedPathSegment } from '../content/reserved-names.js';
import { slugify } from '../content/slug.js';
import type { PermalinkPattern, PermalinkToken, Post } from '../types.js';
import { closest } from '../util/did-you-mean.js';

export type { PermalinkPattern, PermalinkToken };

export const PERMALINK_TOKENS = [
  'lang', 'year', 'month', 'day', 'hour', 'minute', 'second', 'i_month', 'i_day',
  'slug', 'title', 'filename', 'slugified_title', 'categories', 'section',
] as const satisfies readonly PermalinkToken[];

// Compile-time check that the list names every token of the type.
const everyToken: [Exclude<PermalinkToken, (typeof PERMALINK_TOKENS)[number]>] extends [never] ? true : false = true;
void everyToken;

/** Today's scheme, and the pattern of a site whose config names none. */
export const DEFAULT_PERMALINK = '/:lang/posts/:slug/';

/** The tokens that tell two posts of one day and language apart. */
const NAMING_TOKENS: readonly PermalinkToken[] = ['slug', 'title', 'filename', 'slugified_title'];

/** Other generators' tokens, for the hint of an unknown one: what to write instead. */
const ELSEWHERE: Readonly<Record<string, string>> = {
  category: ':categories',
  post_title: ':slugified_title',
  name: ':title',
  sections: ':section',
  contentbasename: ':filename',
  slugorfilename: ':slug',
  slugorcontentbasename: ':slug',
  output_ext: '.html (or end the pattern with /)',
  short_year: ':year',
  y_day: ':day',
};

const TOKEN = /:([A-Za-z_]+)/g;

export type PatternResult = { pattern: PermalinkPattern } | { error: string; hint?: string };

/**
 * `text` read as a pattern, or why it cannot be one. `label` names the config key in messages.
 * Refused: an unknown token, a pattern without a token that names the post (every post of a day
 * would share one address), and whatever would leave the site (`..`, a URL, reserved names).
 */
export function parsePermalinkPattern(text: string, label: string): PatternResult {
  const trimmed = text.trim();
  const named = `${label} "${trimmed}"`;
  const parts: PermalinkPattern['parts'] = [];
  let at = 0;
  for (const match of trimmed.matchAll(TOKEN)) {
    const name = match[1]!;
    if (!(PERMALINK_TOKENS as readonly string[]).includes(name)) {
      const near = closest(name, PERMALINK_TOKENS);
      const meant = ELSEWHERE[name.toLowerCase()] ?? (near && `:${near}`);
      return {
        error: `${named} has the unknown token :${name}${meant ? `; did you mean ${meant}?` : ''}`,
        hint: `the tokens are ${PERMALINK_TOKENS.map((t) => `:${t}`).join(' ')}`,
      };
    }
    if (match.index > at) parts.push(trimmed.slice(at, match.index));
    parts.push({ token: name as PermalinkToken });
    at = match.index + match[0].length;
  }
  if (at < trimmed.length) parts.push(trimmed.slice(at));
  // The literal text is checked as a permalink would be, with a stand-in for each token.
  const probe = parts.map((part) => (typeof part === 'string' ? part : 'x')).join('');
  const checked = normalizePermalink(probe, { label, text: trimmed });
  if ('error' in checked) return { error: checked.error, hint: 'write a path on this site, such as /:lang/:year/:month/:slug/' };
  if (!parts.some((part) => typeof part !== 'string' && NAMING_TOKENS.includes(part.token))) {
    return {
      error: `${named} would give posts of the same day one address: it names no post`,
      hint: `put one of ${NAMING_TOKENS.map((t) => `:${t}`).join(', ')} in it, e.g. /:lang/:year/:month/:slug/`,
    };
  }
  const decoded = parts.map((part) => (typeof part === 'string' ? decodeURIComponent(part).normalize('NFC') : part));
  if (typeof decoded[0] !== 'string' || !decoded[0].startsWith('/')) decoded.unshift('/');
  return { pattern: { text: trimmed, parts: decoded } };
}

/** Whether the pattern has this token. */
export function usesToken(pattern: PermalinkPattern, token: PermalinkToken): boolean {
  return pattern.parts.some((part) => typeof part !== 'string' && part.token === token);
}

/** What expanding reads of a post. */
export type PermalinkPost = Pick<Post, 'id' | 'lang' | 'slug' | 'title' | 'date' | 'categories' | 'data'>;

/** What expanding reads of the site: the time zone of the date tokens, the codes of language folders and suffixes. */
export interface PermalinkSite {
  timeZone: string;
  languages: ReadonlyArray<{ code: string }>;
}

/**
 * The site path (not percent-encoded) `pattern` gives `post`. Empty values leave no empty segment
 * (`/:categories/:slug/` of a post without categories is `/<slug>/`).
 */
export function expandPermalink(pattern: PermalinkPattern, post: PermalinkPost, site: PermalinkSite): string {
  let iso: string | undefined;
  const date = (from: number, to: number) => (iso ??= isoDate(post.date, site.timeZone)).slice(from, to);
  const value = (token: PermalinkToken): string => {
    switch (token) {
      case 'lang': return post.lang;
      case 'year': return date(0, 4);
      case 'month': return date(5, 7);
      case 'day': return date(8, 10);
      case 'hour': return date(11, 13);
      case 'minute': return date(14, 16);
      case 'second': return date(17, 19);
      case 'i_month': return String(Number(date(5, 7)));
      case 'i_day': return String(Number(date(8, 10)));
      case 'slug': return post.slug;
      case 'title': return titleOf(post, site);
      case 'filename': return urlize(fileName(post.id, site).name);
      case 'slugified_title': return slugify(post.title);
      case 'categories': return post.categories.map((category) => slugify(category)).filter(Boolean).join('/');
      case 'section': return urlize(sectionOf(post.id, site));
    }
  };
  const path = pattern.parts.map((part) => (typeof part === 'string' ? part : value(part.token))).join('');
  return path.replace(/\/{2,}/g, '/');
}

/**
 * Why an expanded site path cannot be an address on the site (a `..` or a reserved name, from a
 * file or folder name), as a clause (`"con" is a Windows device name…`); undefined when it can.
 */
export function expandedPathProblem(sitePath: string): string | undefined {
  const dots = sitePath.split('/').find((segment) => segment === '.' || segment === '..');
  if (dots !== undefined) return `"${dots}" would leave its folder`;
  return reservedPathSegment(sitePath);
}

/**
 * Jekyll's and Hexo's `:title`: front matter `slug` when set, else the file's name without date
 * prefix, language suffix and extension; case kept, and every run of characters a URL path would
 * need to escape but letters, marks and digits turned into one `-` (Jekyll's "pretty" slugify).
 */
function titleOf(post: PermalinkPost, site: PermalinkSite): string {
  const slug = typeof post.data.slug === 'string' && post.data.slug.trim() !== '' ? post.data.slug : undefined;
  const name = slug ?? fileName(post.id, site).name.replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '');
  return name.normalize('NFC').replace(/[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** Hugo's urlize: lower case, spaces as `-`, only letters, marks, digits and `._~+-` kept. */
function urlize(text: string): string {
  return text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, '-').replace(/[^\p{L}\p{M}\p{N}._~+-]/gu, '');
}

/**
 * The file's name without extension and language suffix (`x.en.md` → `x`); a page bundle's
 * (`trip/index.md`) is its folder's. `folders` are the folders above it, the bundle's excluded.
 */
function fileName(id: string, site: PermalinkSite): { name: string; folders: string[] } {
  const segments = id.split('/').filter(Boolean);
  const codes = new Set(site.languages.map((l) => l.code.toLowerCase()));
  const stripLang = (name: string) => {
    const dot = name.lastIndexOf('.');
    return dot > 0 && codes.has(name.slice(dot + 1).toLowerCase()) ? name.slice(0, dot) : name;
  };
  let name = stripLang((segments.pop() ?? '').replace(/\.(md|markdown)$/i, ''));
  if ((name === 'index' || name === '_index') && segments.length > 0 && !codes.has(segments.at(-1)!.toLowerCase())) {
    name = segments.pop()!;
  }
  return { name, folders: segments };
}

/** Hugo's section: the first folder of the post's path, a language folder left out; '' at the top. */
function sectionOf(id: string, site: PermalinkSite): string {
  const { folders } = fileName(id, site);
  const codes = new Set(site.languages.map((l) => l.code.toLowerCase()));
  const first = folders[0] !== undefined && codes.has(folders[0].toLowerCase()) ? folders[1] : folders[0];
  return first ?? '';
}

/**
 * Whether the pattern's addresses differ exactly when language or slug do (`/:lang/posts/:slug/`):
 * then two posts collide exactly when they share both, which model.ts reports as a duplicate slug.
 */
export function slugDecides(pattern: PermalinkPattern): boolean {
  return pattern.parts.every((part) => typeof part === 'string' || part.token === 'lang' || part.token === 'slug');
}
