// Links in post bodies that point at the old site's URLs, grouped by the old pattern they match
// and counted, so migrate-check can say how many links each suggested `legacyPermalink` repairs.
// The old URL of every post is expanded from the pattern (urls/permalink-pattern.ts) and looked
// up: no build with the pattern is needed. Only links that point nowhere on the new site count.
import { sitePathOf } from '../check/links.js';
import type { LinkRef } from '../markdown/env.js';
import type { Post, Site } from '../types.js';
import { expandPermalink, parsePermalinkPattern, type PermalinkPattern } from '../urls/permalink-pattern.js';
import { outputPathOf } from '../urls/site-paths.js';
import type { PermalinkClash } from './config-snippet.js';
import type { PermalinkGuess } from './guess-config.js';

/** A link to an old URL, where it is written. */
export interface OldLink {
  /** Absolute path of the post. */
  file: string;
  line: number;
  /** The link as written. */
  url: string;
  /** The new URL of the post it meant. */
  to: string;
}

export interface OldLinkGroup {
  permalink: PermalinkGuess;
  /** Links to old URLs of this pattern. */
  links: number;
  /** Posts holding them. */
  posts: number;
  /** Whether the suggested config redirects this pattern (false when it clashes or cannot be written). */
  fixed: boolean;
  first: OldLink[];
}

export interface OldLinks {
  /** One per old pattern, in the order of the guesses; empty groups included. */
  groups: OldLinkGroup[];
  /** Links that point nowhere and match no old pattern. */
  otherDead: number;
  /** Patterns under which two posts would share one old URL. */
  clashes: Map<PermalinkGuess, PermalinkClash>;
}

/** How many links of a group the report shows. */
const FIRST = 3;

export function findOldLinks(
  site: Site,
  links: ReadonlyMap<string, readonly LinkRef[]>,
  outputPaths: ReadonlySet<string>,
  permalinks: readonly PermalinkGuess[],
  shown: (file: string) => string,
): OldLinks {
  const { config } = site;
  const files = new Set([...outputPaths].map((p) => p.normalize('NFC')));
  const exists = (sitePath: string) => files.has(sitePath.replace(/^\/+/, '')) || files.has(outputPathOf(sitePath));
  const clashes = new Map<PermalinkGuess, PermalinkClash>();
  // Per pattern: old URL (no trailing slash) → the post that was there; and each post's old URL.
  const tables = permalinks.map((permalink) => {
    const byUrl = new Map<string, Post>();
    const ofPost = new Map<string, string>();
    if (permalink.pattern === undefined) return { byUrl, ofPost };
    // A pattern the config would refuse gives no post an address: nothing to match links against.
    const parsed = parsePermalinkPattern(permalink.pattern, 'legacyPermalink');
    if (!('pattern' in parsed)) return { byUrl, ofPost };
    for (const post of site.posts) {
      // The old URL of each post, as the suggested config will redirect it: two posts at one is a clash.
      const url = oldUrl(permalink, parsed.pattern, post, site);
      const other = byUrl.get(key(url));
      if (other && !clashes.has(permalink)) clashes.set(permalink, { url, files: [shown(other.sourcePath), shown(post.sourcePath)] });
      ofPost.set(post.id, url);
      byUrl.set(key(url), post);
    }
    return { byUrl, ofPost };
  });

  const groups: OldLinkGroup[] = permalinks.map((permalink) => ({ permalink, links: 0, posts: 0, fixed: permalink.pattern !== undefined && !clashes.has(permalink), first: [] }));
  const postsOf = groups.map(() => new Set<string>());
  let otherDead = 0;
  for (const post of site.posts) {
    const pageUrl = site.postUrls.get(post.id)!;
    for (const link of links.get(post.id) ?? []) {
      if (link.kind !== 'link') continue;
      const target = sitePathOf(link.url, pageUrl, config.basePath);
      if (target === undefined || exists(target)) continue;
      const relative = !/^[a-z][a-z0-9+.-]*:|^\//i.test(link.url);
      const at = tables.findIndex(({ byUrl, ofPost }) => {
        // A relative link was written against the post's old URL.
        const from = relative ? ofPost.get(post.id) : undefined;
        const old = from === undefined ? target : sitePathOf(link.url, from, config.basePath);
        return old !== undefined && byUrl.has(key(old));
      });
      if (at === -1) {
        otherDead++;
        continue;
      }
      const group = groups[at]!;
      const from = relative ? tables[at]!.ofPost.get(post.id) : undefined;
      const meant = tables[at]!.byUrl.get(key(from === undefined ? target : sitePathOf(link.url, from, config.basePath)!))!;
      group.links++;
      postsOf[at]!.add(post.id);
      if (group.first.length < FIRST) group.first.push({ file: post.sourcePath, line: link.line, url: safeDecode(link.url), to: site.postUrls.get(meant.id)! });
    }
  }
  groups.forEach((group, i) => (group.posts = postsOf[i]!.size));
  return { groups, otherDead, clashes };
}

/** A post's URL on the old site: the pattern's, under `/<lang>/` for the languages Hugo prefixed. */
function oldUrl(permalink: PermalinkGuess, parsed: PermalinkPattern, post: Post, site: Site): string {
  const expanded = expandPermalink(parsed, post, site.config);
  return permalink.prefixed?.(post.lang) ? `/${post.lang}${expanded}` : expanded;
}

/** Old URLs compared without their trailing slash or index.html, as hosts serve `/x`, `/x/` and `/x/index.html` alike. */
function key(sitePath: string): string {
  return sitePath.normalize('NFC').replace(/index\.html$/, '').replace(/\/+$/, '') || '/';
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
