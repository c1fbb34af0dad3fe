// Authors per language: who the posts of one language credit (Post.authors), each with their posts
// newest first and the address of their page. One page per author key and language, like a
// category's: `/ko/authors/minjun/`, `/ko/authors/minjun/page/2/`.
import { slugify } from '../content/slug.js';
import type { AuthorGroup, Lang, Post } from '../types.js';
import { hashText } from '../util/hash.js';
import { authorPath } from '../urls/site-paths.js';

/** `posts`: one language's published posts, newest first. Groups in key order. */
export function groupAuthors(lang: Lang, posts: readonly Post[]): Map<string, AuthorGroup> {
  const groups = new Map<string, AuthorGroup>();
  // Oldest first, so the name a group keeps is the first one written: a new post never renames a page.
  for (let i = posts.length - 1; i >= 0; i--) {
    const post = posts[i]!;
    for (const author of post.authors) {
      let group = groups.get(author.key);
      if (!group) {
        group = { key: author.key, name: author.name, url: authorPath(lang, segmentOf(author.key)), postIds: [] };
        groups.set(author.key, group);
      }
      group.postIds.unshift(post.id);
    }
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A key as a URL segment: ids are slugs already; anything else is slugified, never empty. */
function segmentOf(key: string): string {
  return slugify(key) || `author-${hashText(key).slice(0, 8)}`;
}
