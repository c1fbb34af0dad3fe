// A cheap stand-in for a route's template context, built from the model alone: when a route's
// inputs string is the same in two builds, views.ts's contextFor gives it the same context. The
// dev server's page cache compares these first, so that after an edit it only builds the context
// (and hashes it) for routes the edit may have touched — in a 4,000-post site, a few dozen of
// thousands.
//
// Keep in step with views.ts: whatever model data contextFor reads for a kind of route must show
// up here (config, templates and UI strings need not: changing them empties the page cache).
// A kind not listed returns undefined, and its context is always built and hashed — safe, just
// slower. tests/serve/incremental.test.ts compares the dev server's pages with a cold build after
// a series of edits, which catches a missing input.
import type { Post, Route, Site } from '../types.js';
import { hashText } from '../util/hash.js';

/** Where each published post sits in its language's list (newest first), for its neighbours. */
type Positions = Map<string, { list: Post[]; at: number }>;

function positionsOf(site: Site): Positions {
  const position: Positions = new Map();
  for (const list of site.byLang.values()) list.forEach((post, at) => position.set(post.id, { list, at }));
  return position;
}

/** Kinds of route that have inputs (the others' contexts are always built and hashed). */
export function hasInputs(route: Route): boolean {
  return route.kind === 'post' || route.kind === 'index' || route.kind === 'taxonomy' || route.kind === 'author' || route.kind === 'root' || route.kind === 'terms' || route.kind === 'not-found' || route.kind === 'archive' || route.kind === 'series';
}

/**
 * The posts whose stamp (text, dates, URL, terms) a route's inputs carry: those its page shows.
 * Undefined for a kind without inputs (hasInputs).
 */
function shownPosts(site: Site, position: Positions, route: Route): (string | undefined)[] | undefined {
  if (!hasInputs(route)) return undefined;
  switch (route.kind) {
    case 'post': {
      const id = route.postIds[0]!;
      const near = position.get(id);
      // The post, its translations (language switcher, hreflang), its newer/older neighbours, its
      // related posts and its series' parts; `undefined` between the lists keeps them apart.
      return [
        id, ...(site.translations.get(id) ?? []), near?.list[near.at - 1]?.id, near?.list[near.at + 1]?.id,
        undefined, ...(site.related.get(id) ?? []), undefined, ...(site.seriesOf.get(id)?.postIds ?? []),
      ];
    }
    case 'index':
    case 'taxonomy':
    case 'archive':
    case 'series':
    case 'author':
      return route.postIds;
    case 'root':
      return [...site.byLang.values()].flatMap((list) => [...list.slice(0, site.config.rootPostsPerLang).map((post) => post.id), undefined]);
    case 'terms':
    case 'not-found':
      return [];
    default:
      return undefined;
  }
}

export function routeInputs(site: Site): (route: Route) => string | undefined {
  const stamps = new Map<string, string>();
  /**
   * Everything a view shows of a post: its text (hash), dates (from git or mtime too), URL and term
   * links; hashed, as every route listing the post carries it (a post with thousands of tags is on
   * as many tag pages).
   */
  const stamp = (id: string | undefined): string => {
    if (id === undefined) return '';
    let value = stamps.get(id);
    if (value === undefined) {
      const post = site.postsById.get(id);
      const terms = site.postTerms.get(id);
      const links = terms ? Object.values(terms).map((list) => list.map((term) => `${term.name}\u0002${term.url}`).join('\u0003')) : [];
      value = post
        ? hashText([post.id, post.hash, post.date.getTime(), post.updated?.getTime() ?? '', site.postUrls.get(id), ...links].join('\u0001'))
        : `missing:${id}`;
      stamps.set(id, value);
    }
    return value;
  };
  let position: Positions | undefined;
  // Per language and taxonomy, once: every term page needs its own term's line, the overview all of them.
  const termLines = new Map<string, { all: string[]; byName: Map<string, string> }>();
  const termsOf = (lang: string | undefined, kind: Route['taxonomy']) => {
    const id = `${lang}\0${kind}`;
    let lines = termLines.get(id);
    if (!lines) {
      const list = kind && lang ? (site.taxonomies.get(lang)?.[kind] ?? []) : [];
      const all = list.map((t) => `${t.name}\u0002${t.url}\u0002${t.postIds.length}`);
      lines = { all, byName: new Map(list.map((t, i) => [t.name, all[i]!])) };
      termLines.set(id, lines);
    }
    return lines;
  };

  return (route) => {
    const shown = shownPosts(site, (position ??= positionsOf(site)), route);
    if (!shown) return undefined;
    const parts: string[] = [JSON.stringify(route), ...shown.map(stamp)];
    if (route.kind === 'taxonomy') parts.push(termsOf(route.lang, route.taxonomy).byName.get(route.term ?? '') ?? '');
    if (route.kind === 'terms') parts.push(...termsOf(route.lang, route.taxonomy).all);
    // An author page shows the author's name and post count, and links the same author in other languages.
    if (route.kind === 'author') {
      for (const [code, groups] of site.authors) {
        const group = groups.get(route.author ?? '');
        if (group) parts.push(`${code}\u0002${group.name}\u0002${group.url}\u0002${group.postIds.length}`);
      }
    }
    // Kept per page, in memory and in the build cache: a hash, not kilobytes of stamps per page.
    return hashText(parts.join('\u0000'));
  };
}

/**
 * Post id → the routes whose inputs carry that post's stamp. When only some posts changed and
 * the rest of the model is as it was (serve/incremental/patch-site.ts), these are the only routes whose
 * inputs can differ; every other route keeps the inputs, and so the page, it had.
 */
export function routesShowing(site: Site): Map<string, Route[]> {
  const position = positionsOf(site);
  const byPost = new Map<string, Route[]>();
  for (const route of site.routes) {
    for (const id of shownPosts(site, position, route) ?? []) {
      if (id === undefined) continue;
      const list = byPost.get(id);
      if (list) list.push(route);
      else byPost.set(id, [route]);
    }
  }
  return byPost;
}
