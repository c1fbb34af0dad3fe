// What search engines, social cards and feed readers read from a page's <head>: hreflang
// alternates, Open Graph locale and image, the Twitter card type, JSON-LD for posts, and feed
// auto-discovery links. Views spread these into `page`; the theme's partials/head.njk prints them.
import { isoDate } from '../content/dates.js';
import type { LanguageConfig, Post, Route, Site } from '../types.js';
import { FEED_FORMATS, feedPath } from '../urls/feed-paths.js';
import { publicUrls } from '../urls/public-urls.js';
import { alternatesOf } from './alternates.js';

export interface HeadFields {
  /** `<link rel="alternate" hreflang>` targets, itself and `x-default` included; empty when the page has no translations. Absolute with a base URL. */
  hreflang: Array<{ hreflang: string; href: string }>;
  /** Feed auto-discovery: the page's language's feeds (every language's on the root page). */
  feeds: Array<{ type: string; title: string; href: string; hreflang: string }>;
  /** `og:locale`: the language tag in Open Graph's `ll_CC` form (`ko_KR`, `zh_CN`, `en_US`). */
  locale: string;
  /** `og:locale:alternate`: the locales of the page's other-language versions. */
  localeAlternates: string[];
  /** `og:image` / `twitter:image`: the post's image, else the site's (config `image`), as an absolute URL; unset when there is none (or no base URL to make it absolute). */
  image?: string;
  /** `og:image:alt` / `twitter:image:alt`: the image's alt text, when there is an image and the post gives one. */
  imageAlt?: string;
  /** `twitter:card`: `summary_large_image` with an image, else `summary`. */
  twitterCard: 'summary' | 'summary_large_image';
  /** `article:section`: a post's first category. */
  articleSection?: string;
  /** `article:tag`: a post's tags (empty on other pages). */
  articleTags: string[];
  /** schema.org JSON-LD of a post page (print with the `json` filter); unset on other pages. */
  jsonLd?: Record<string, unknown>;
}

export function createHead(site: Site): { fieldsFor(route: Route): HeadFields } {
  const { config } = site;
  const urls = publicUrls(config);
  const languageOf = new Map(config.languages.map((l) => [l.code, l]));
  const tagToLocale = new Map(config.languages.map((l) => [l.tag, ogLocale(l.tag)]));

  const feedsOfLanguages = (languages: readonly LanguageConfig[]) =>
    languages.flatMap((l) =>
      FEED_FORMATS.map((f) => ({
        type: f.type,
        title: languages.length > 1 ? `${l.title} · ${l.name} (${f.label})` : `${l.title} (${f.label})`,
        href: urls.href(feedPath(l.code, f.format)),
        hreflang: l.tag,
      })),
    );

  // The same for every page of a language (and for the root page), so made once.
  const allFeeds = feedsOfLanguages(config.languages);
  const feedsByLang = new Map(config.languages.map((l) => [l.code, feedsOfLanguages([l])]));

  return {
    fieldsFor(route) {
      const language = languageOf.get(route.lang ?? config.defaultLang) ?? config.languages[0]!;
      const alternates = route.kind === 'not-found' ? [] : alternatesOf(site, route);
      const post = route.kind === 'post' ? site.postsById.get(route.postIds[0]!) : undefined;
      // A post's own image, else the site's (config `image`), on every page that is shared.
      const ownImage = post?.image ? urls.resolve(post.image, route.sitePath) : undefined;
      const resolved = ownImage ?? (config.image && route.kind !== 'not-found' ? urls.resolve(config.image, '/') : undefined);
      // Open Graph and Twitter only take absolute image URLs.
      const image = resolved && /^https?:\/\//i.test(resolved) ? resolved : undefined;
      const fields: HeadFields = {
        hreflang: alternates.map((alt) => ({ hreflang: alt.hreflang, href: urls.full(alt.sitePath) })),
        feeds: route.kind === 'root' ? allFeeds : feedsByLang.get(language.code)!,
        locale: tagToLocale.get(language.tag)!,
        localeAlternates: alternates
          .filter((alt) => alt.hreflang !== 'x-default' && alt.hreflang !== language.tag)
          .map((alt) => tagToLocale.get(alt.hreflang) ?? ogLocale(alt.hreflang)),
        image,
        imageAlt: image && ownImage ? post?.imageAlt : undefined,
        twitterCard: image ? 'summary_large_image' : 'summary',
        articleSection: post?.categories[0],
        articleTags: post?.tags ?? [],
      };
      if (post) {
        const url = urls.full(route.sitePath);
        const description = post.description ?? post.excerpt;
        fields.jsonLd = {
          '@context': 'https://schema.org',
          '@type': config.schemaType,
          headline: post.title,
          ...(description ? { description } : {}),
          inLanguage: language.tag,
          datePublished: isoDate(post.date, config.timeZone),
          // Only a real update: a post never changed after it was published has none.
          ...(post.updated ? { dateModified: isoDate(post.updated, config.timeZone) } : {}),
          url,
          mainEntityOfPage: { '@type': 'WebPage', '@id': url },
          ...(resolved ? { image: [resolved] } : {}),
          ...authorsLd(site, post, urls.full),
          ...(post.tags.length ? { keywords: post.tags.join(', ') } : {}),
          ...(post.categories.length ? { articleSection: post.categories[0] } : {}),
        };
      }
      return fields;
    },
  };
}

/**
 * JSON-LD `author`: a Person per credited author (one object for one author, else a list), with
 * their page on this site as `url` and their own page elsewhere as `sameAs`.
 */
function authorsLd(site: Site, post: Post, full: (sitePath: string) => string): { author?: unknown } {
  const people = post.authors.map((author) => {
    const page = site.authors.get(post.lang)?.get(author.key);
    return { '@type': 'Person', name: author.name, ...(page && { url: full(page.url) }), ...(author.url && { sameAs: author.url }) };
  });
  if (people.length === 0) return {};
  return { author: people.length === 1 ? people[0] : people };
}

/**
 * Open Graph wants `ll_CC`. The BCP 47 tag's own region wins (`pt-BR` → `pt_BR`); otherwise the
 * likely region from CLDR (`ko` → `ko_KR`, `zh-Hans` → `zh_CN`, `zh-Hant` → `zh_TW`, `en` → `en_US`).
 */
export function ogLocale(tag: string): string {
  try {
    const locale = new Intl.Locale(tag).maximize();
    return locale.region ? `${locale.language}_${locale.region}` : locale.language;
  } catch {
    return tag.replace(/-/g, '_');
  }
}
