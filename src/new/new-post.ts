// The file `omnipress new` creates: `YYYY-MM-DD-<slug>.md` with YAML front matter that the parse
// stage reads back exactly (titles with `:`, `#` or quotes included).
import { stringify } from 'yaml';
import { isoDate } from '../content/dates.js';

export interface NewPost {
  title: string;
  /** The instant of creation; written as wall-clock time in `timeZone` with its offset. */
  date: Date;
  timeZone: string;
  lang: string;
  slug: string;
  categories: readonly string[];
  tags: readonly string[];
}

/** `2026-11-22-gpt-4o-음성.md`: the date in the site's time zone, so the file name and front matter agree. */
export function newPostFileName(post: NewPost): string {
  return `${isoDate(post.date, post.timeZone).slice(0, 10)}-${post.slug}.md`;
}

/** `2026-11-22 11:30:00 +0900`: Jekyll's form, which every importer and omnipress read. */
export function frontMatterDate(date: Date, timeZone: string): string {
  const iso = isoDate(date, timeZone); // 2026-11-22T11:30:00+09:00
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} ${iso.slice(19).replace(':', '')}`;
}

export function newPostText(post: NewPost): string {
  return [
    '---',
    // Always double-quoted: safe for `:`, `#`, quotes, and words YAML 1.1 tools read as booleans.
    `title: ${scalar(post.title, true)}`,
    `date: ${frontMatterDate(post.date, post.timeZone)}`,
    `lang: ${scalar(post.lang)}`,
    `categories: ${list(post.categories)}`,
    `tags: ${list(post.tags)}`,
    '---',
    '',
    '',
  ].join('\n');
}

/** `--tags a,b` → ['a', 'b']; CJK writers also separate with `，` and `、`. Duplicates dropped. */
export function splitList(value: string | undefined): string[] {
  const items = (value ?? '').split(/[,，、]/).map((item) => item.normalize('NFC').trim()).filter(Boolean);
  return [...new Set(items)];
}

function list(items: readonly string[]): string {
  return `[${items.map((item) => scalar(item)).join(', ')}]`;
}

/** A YAML scalar that reads back as exactly this string (plain when that is safe). */
function scalar(text: string, quoted = false): string {
  const options = { lineWidth: 0, defaultStringType: quoted ? ('QUOTE_DOUBLE' as const) : ('PLAIN' as const) };
  const out = stringify(text, options).replace(/\n$/, '');
  // In a flow list, a plain `a]` or `b,` would end the item: quote anything with flow indicators.
  return !quoted && /[[\]{},]/.test(out) && !/^["']/.test(out) ? stringify(text, { ...options, defaultStringType: 'QUOTE_DOUBLE' }).replace(/\n$/, '') : out;
}
