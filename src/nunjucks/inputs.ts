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

export function routeInputs(site: Site): (route: Route) => string | undefined {
  const stamps = new Map<string, string>();
  /** Everything a view shows of a post: its text (hash), dates (from git or mtime too), URL and term links. */
  const stamp = (id: string): string => {
    let value = stamps.get(id);
    if (value === undefined) {
      const post = site.postsById.get(id);
      const terms = site.postTerms.get(id);
      const links = terms ? Object.values(terms).map((list) => list.map((term) => `${term.name}\u0002${term.url}`).join('\u0003')) : [];
      value = post
        ? [post.id, post.hash, post.date.getTime(), post.updated?.getTime() ?? '', site.postUrls.get(id), ...links].join('\u0001')
        : `missing:${id}`;
      stamps.set(id, value);
    }
    return value;
  };
  const position = new Map<string, { list: Post[]; at: number }>();
  for (const list of site.byLang.values()) list.forEach((post, at) => position.set(post.id, { list, at }));
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
    const parts: string[] = [JSON.stringify(route)];
    switch (route.kind) {
      case 'post': {
        const id = route.postIds[0]!;
        const near = position.get(id);
        // The post, its translations (language switcher, hreflang) and its newer/older neighbours.
        const related = [id, ...(site.translations.get(id) ?? []), near?.list[near.at - 1]?.id, near?.list[near.at + 1]?.id];
        parts.push(...related.map((other) => (other ? stamp(other) : '')));
        break;
      }
      case 'index':
        parts.push(...route.postIds.map(stamp));
        break;
      case 'taxonomy':
        parts.push(...route.postIds.map(stamp), termsOf(route.lang, route.taxonomy).byName.get(route.term ?? '') ?? '');
        break;
      case 'terms':
        parts.push(...termsOf(route.lang, route.taxonomy).all);
        break;
      case 'root':
        for (const list of site.byLang.values()) parts.push(...list.slice(0, site.config.rootPostsPerLang).map((post) => stamp(post.id)), '\u0004');
        break;
      case 'not-found':
        break;
      default:
        return undefined;
    }
    return parts.join('\u0000');
  };
}
