// hreflang alternates: which pages are the same page in another language. The page heads and the
// sitemap both ask this one function, so the two can never disagree (Google reads both).
import type { Lang, Route, Site } from '../types.js';
import { languageHomePath } from '../urls/site-paths.js';

/** One `<link rel="alternate" hreflang>` / `<xhtml:link>`: a language tag (or `x-default`) and a site path. */
export interface Alternate {
  /** BCP 47 tag of the language (`zh-Hans`), or `x-default`. */
  hreflang: string;
  /** Site path of that version, without the base path (`/zh/posts/hello/`). */
  sitePath: string;
}

/**
 * The alternates of a route, itself included, in configured language order, then `x-default`.
 * - a post with translations: every version of the story; `x-default` is the default language's
 *   version, else the story's first version in language order — the same for every version, so
 *   search engines see one consistent cluster;
 * - the first page of a language index, and the root: every language's index, `x-default` the
 *   root (which shows all languages);
 * - anything else (a post without translations, later index pages, 404, other kinds): none.
 */
export function alternatesOf(site: Site, route: Route): Alternate[] {
  const { config } = site;
  const tagOf = new Map(config.languages.map((l) => [l.code, l.tag]));
  const order = config.languages.map((l) => l.code);

  if (route.kind === 'post') {
    const post = site.postsById.get(route.postIds[0]!);
    const others = post ? site.translations.get(post.id) ?? [] : [];
    if (!post || others.length === 0) return [];
    const versions = new Map<Lang, string>([[post.lang, post.id]]);
    for (const id of others) versions.set(site.postsById.get(id)!.lang, id);
    const ordered = order.filter((lang) => versions.has(lang));
    const pathOf = (lang: Lang) => site.postUrls.get(versions.get(lang)!)!;
    const fallback = versions.has(config.defaultLang) ? config.defaultLang : ordered[0]!;
    return [
      ...ordered.map((lang) => ({ hreflang: tagOf.get(lang)!, sitePath: pathOf(lang) })),
      { hreflang: 'x-default', sitePath: pathOf(fallback) },
    ];
  }

  const isFirstIndexPage = route.kind === 'index' && (route.pagination?.page ?? 1) === 1 && route.sitePath === languageHomePath(route.lang!);
  if ((isFirstIndexPage || route.kind === 'root') && order.length > 1) {
    return [
      ...config.languages.map((l) => ({ hreflang: l.tag, sitePath: languageHomePath(l.code) })),
      { hreflang: 'x-default', sitePath: '/' },
    ];
  }
  return [];
}
