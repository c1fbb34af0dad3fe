// Two posts named in one error (a slug or an address both claim): how the message names the other
// one, relative to the site, and whether the two are one post saved twice — the usual cause when
// a blog is migrated, a post copied to a new date to "republish" it.
import path from 'node:path';
import { displayPath } from '../diagnostics.js';
import type { Post, ResolvedConfig } from '../types.js';

/** Front-matter keys that only date a post: a copy differs in them and nothing else. */
const DATE_KEYS = new Set(['date', 'updated', 'last_modified_at', 'lastmod', 'modified']);

/**
 * `posts/en/x.md`, or `_posts/x.md` when the posts folder is outside the site (`--posts
 * ../blog/_posts`): never an absolute path, which says nothing the site's own paths do not.
 */
export function postPath(post: Post, config: ResolvedConfig): string {
  const shown = displayPath(post.sourcePath, config.root);
  if (!path.isAbsolute(shown)) return shown;
  return `${path.basename(config.postsDir)}/${post.id}`;
}

/** `x.md`, or `x.md (the same post as this one apart from its date: a copy?)`. */
export function otherPost(post: Post, other: Post, config: ResolvedConfig): string {
  const copy = sameApartFromDate(post, other) ? ' (the two files are the same apart from the date: a copy?)' : '';
  return `${postPath(other, config)}${copy}`;
}

/** The same body and front matter, apart from the date keys and the file name. */
export function sameApartFromDate(a: Post, b: Post): boolean {
  if (a.body !== b.body) return false;
  const keys = (post: Post) => Object.keys(post.data).filter((key) => !DATE_KEYS.has(key)).sort();
  const aKeys = keys(a);
  const bKeys = keys(b);
  return aKeys.length === bKeys.length && aKeys.every((key, i) => key === bKeys[i] && sameValue(a.data[key], b.data[key]));
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
