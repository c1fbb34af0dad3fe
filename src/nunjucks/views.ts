// Plain, cycle-free view objects for templates, built from the Site. Templates never compute URLs
// or format dates themselves: everything arrives ready (base-path-prefixed, percent-encoded,
// formatted in the page's language and the site's time zone).
import { formatDate, isoDate } from '../content/dates.js';
import { COPY_SCRIPT_PATH } from '../markdown/code/client.js';
import { MIN_TOC_HEADINGS, TOC_SCRIPT_PATH } from '../markdown/toc/client.js';
import type { Diagram, Heading } from '../markdown/renderer.js';
import { KATEX_CSS_PATH } from '../math/assets.js';
import { hasMath } from '../math/markup.js';
import type { PictureSource } from '../images/variants.js';
import type { Dimensions } from '../util/image-dimensions.js';
import { needsMermaidRuntime } from '../mermaid/diagram-step.js';
import { LOADER_PATH } from '../mermaid/runtime.js';
import { SEARCH_SCRIPT_PATH } from '../search/client.js';
import { createHead } from '../seo/head.js';
import { MANIFEST_PATH, siteIcons } from '../seo/icons.js';
import type { LanguageConfig, Post, Route, Site, TaxonomyKind, Term } from '../types.js';
import { feedPath } from '../urls/feed-paths.js';
import { underBasePath } from '../urls/hrefs.js';
import { publicUrls } from '../urls/public-urls.js';
import { archivePath, languageHomePath, listPagePath, searchPagePath, taxonomyPath } from '../urls/site-paths.js';
import { archiveYears, seriesView } from './reader-nav-views.js';
import type { Translate } from '../i18n/ui-strings.js';

/** What the markdown stage produced for one post. */
export interface RenderedBody {
  html: string;
  headings: Heading[];
  /** Mermaid fences with their source lines. */
  diagrams: Diagram[];
  /** The body has a code block: its page loads the copy button's script. */
  code?: boolean;
  /**
   * Width and height of the post's cover image, when it is a local file whose size could be read,
   * and the `<source>` of its variants when it has them (the render stage drops it when they could not be made).
   */
  cover?: Dimensions & { picture?: PictureSource };
}

export interface PostSummary {
  title: string;
  url: string;
  lang: string;
  tag: string;
  dateISO: string;
  dateText: string;
  excerpt: string;
  readingMinutes: number;
  /** Links to the post's tag pages, in front-matter order. */
  tags: TermLinkView[];
  /** Links to the post's category pages, in front-matter order. */
  categories: TermLinkView[];
  draft: boolean;
  /** Pinned to the top of its language's home page. */
  pinned: boolean;
  image?: string;
  /** The image's alt text, when the front matter gives one. */
  imageAlt?: string;
}

/** A category or tag as a link: its display name and its page's href. */
export interface TermLinkView {
  name: string;
  url: string;
}

export interface LinkView {
  code: string;
  tag: string;
  name: string;
  title: string;
  url: string;
}

export interface Views {
  /** The whole template context of one route. */
  contextFor(route: Route, t: Translate): Record<string, unknown>;
}

export function createViews(site: Site, bodies: ReadonlyMap<string, RenderedBody>, translate: (lang: string) => Translate): Views {
  const { config } = site;
  const urls = publicUrls(config);
  const { href } = urls;
  // Canonical links must be absolute: without a base URL there is none.
  const canonical = (sitePath: string) => (urls.absolute ? urls.full(sitePath) : '');
  const languageOf = new Map(config.languages.map((l) => [l.code, l]));
  const lang = (code: string | undefined): LanguageConfig => languageOf.get(code ?? config.defaultLang) ?? config.languages[0]!;
  const summaries = new Map<string, PostSummary>();
  // Cover images written root-relative (`/img/x.png`) need the base path like any link; relative
  // ones (`cover.png` in a page bundle) are next to the post's page, wherever they are listed.
  const coverHref = (image: string, postSitePath: string) =>
    /^([a-z][a-z0-9+.-]*:|\/|#)/i.test(image) ? underBasePath(image, config.basePath) : href(postSitePath) + image.replace(/^\.\//, '');
  const termLinks = (postId: string, kind: TaxonomyKind): TermLinkView[] =>
    (site.postTerms.get(postId)?.[kind] ?? []).map((term) => ({ name: term.name, url: href(term.url) }));
  // Position of each post in its language's newest-first list, for newer/older links.
  const position = new Map<string, number>();
  for (const list of site.byLang.values()) list.forEach((post, i) => position.set(post.id, i));

  const summary = (post: Post): PostSummary => {
    let view = summaries.get(post.id);
    if (!view) {
      const { tag } = lang(post.lang);
      view = {
        title: post.title,
        url: href(site.postUrls.get(post.id)!),
        lang: post.lang,
        tag,
        dateISO: isoDate(post.date, config.timeZone),
        dateText: formatDate(post.date, tag, config.timeZone),
        excerpt: post.description ?? post.excerpt,
        readingMinutes: post.readingMinutes,
        tags: termLinks(post.id, 'tags'),
        categories: termLinks(post.id, 'categories'),
        draft: post.draft,
        pinned: post.pinned > 0,
        image: post.image ? coverHref(post.image, site.postUrls.get(post.id)!) : undefined,
        imageAlt: post.imageAlt,
      };
      summaries.set(post.id, view);
    }
    return view;
  };
  const postsOf = (ids: readonly string[]) => ids.map((id) => summary(site.postsById.get(id)!));
  const translationsOf = (post: Post): LinkView[] =>
    (site.translations.get(post.id) ?? []).map((id) => {
      const other = site.postsById.get(id)!;
      const l = lang(other.lang);
      return { code: l.code, tag: l.tag, name: l.name, title: other.title, url: summary(other).url };
    });

  const staleOriginalOf = (post: Post): LinkView | undefined => {
    const id = site.staleTranslations?.get(post.id);
    const original = id === undefined ? undefined : site.postsById.get(id);
    if (!original) return undefined;
    const l = lang(original.lang);
    return { code: l.code, tag: l.tag, name: l.name, title: original.title, url: summary(original).url };
  };

  const siteView = (l: LanguageConfig) => ({
    title: l.title,
    description: l.description,
    lang: l.code,
    tag: l.tag,
    generator: 'omnipress',
    languages: config.languages.map((other) => ({
      code: other.code,
      tag: other.tag,
      name: other.name,
      title: other.title,
      url: href(languageHomePath(other.code)),
      searchUrl: config.search ? href(searchPagePath(other.code)) : '',
    })),
    data: config.data,
    params: config.params,
  });

  const postView = (post: Post) => {
    const base = summary(post);
    const body = bodies.get(post.id) ?? { html: '', headings: [], diagrams: [] };
    const list = site.byLang.get(post.lang) ?? [];
    const at = position.get(post.id) ?? -1;
    const neighbour = (p: Post | undefined) => (p ? { title: p.title, url: summary(p).url } : undefined);
    return {
      ...base,
      updatedISO: post.updated ? isoDate(post.updated, config.timeZone) : undefined,
      updatedText: post.updated ? formatDate(post.updated, base.tag, config.timeZone) : undefined,
      html: body.html,
      toc: body.headings,
      // The cover's size, so the page reserves its box before it loads (local images only).
      imageWidth: body.cover?.width,
      imageHeight: body.cover?.height,
      // Its variants' `<source>` (type, srcset, sizes), when responsive images are on.
      imageSource: body.cover?.picture,
      description: post.description ?? post.excerpt,
      author: post.author,
      authorUrl: post.authorUrl,
      // The byline (partials/byline.njk): each author with their page on this site.
      authors: post.authors.map((a) => ({ name: a.name, url: authorHref(post.lang, a.key) })),
      mermaid: post.mermaid,
      translations: translationsOf(post),
      related: postsOf(site.related.get(post.id) ?? []),
      series: seriesView(site.seriesOf.get(post.id), post.id, postsOf, href),
      // Set on a stale translation: its original, for the notice above the article.
      staleOriginal: staleOriginalOf(post),
      newer: at > 0 ? neighbour(list[at - 1]) : undefined,
      older: at >= 0 ? neighbour(list[at + 1]) : undefined,
      data: post.data,
    };
  };

  // Terms by language, taxonomy and display name, for the routes that carry only the name.
  const termOf = new Map<string, Term>();
  for (const [code, kinds] of site.taxonomies) {
    for (const [kind, terms] of Object.entries(kinds)) for (const term of terms) termOf.set(`${code}\0${kind}\0${term.name}`, term);
  }
  /** `taxonomy` (kind, title, overview url) on both kinds of pages, plus `term` or `terms`. */
  const taxonomyContext = (route: Route, l: LanguageConfig, t: Translate) => {
    const kind = route.taxonomy!;
    const context: Record<string, unknown> = { taxonomy: { kind, title: t(kind), url: href(taxonomyPath(l.code, kind)) } };
    if (route.kind === 'taxonomy') {
      const term = termOf.get(`${l.code}\0${kind}\0${route.term}`);
      context.term = { name: route.term, url: href(term?.url ?? route.sitePath), count: term?.postIds.length ?? route.postIds.length };
    } else {
      const terms = site.taxonomies.get(l.code)?.[kind] ?? [];
      context.terms = terms.map((term) => ({ name: term.name, url: href(term.url), count: term.postIds.length }));
    }
    return context;
  };

  const authorHref = (code: string, key: string) => {
    const group = site.authors.get(code)?.get(key);
    return group ? href(group.url) : '';
  };
  /** An author page's `author`: the config's profile in the page's language, where there is one. */
  const authorContext = (route: Route, l: LanguageConfig) => {
    const group = site.authors.get(l.code)?.get(route.author ?? '');
    const profile = config.authors[route.author ?? ''];
    const inLang = (texts: Record<string, string> | undefined) => texts?.[l.code] ?? texts?.default ?? '';
    return {
      key: route.author,
      name: group?.name ?? route.author,
      bio: inLang(profile?.bio),
      url: site.postsById.get(group?.postIds[0] ?? '')?.authors.find((a) => a.key === route.author)?.url ?? '',
      avatar: profile?.avatar ? coverHref(profile.avatar, route.sitePath) : '',
      count: group?.postIds.length ?? route.postIds.length,
      pageUrl: href(group?.url ?? route.sitePath),
    };
  };

  const head = createHead(site);
  const icons = siteIcons(config);
  const iconsView = {
    favicon: href(icons.favicon.sitePath),
    faviconType: icons.favicon.type,
    touchIcon: icons.touchIcon ? href(icons.touchIcon.sitePath) : undefined,
    manifest: href(`/${MANIFEST_PATH}`),
  };
  // Languages a reader can go to: those with posts (the default one on a site with none yet).
  // A configured language whose posts are still to come stays out of the root page and the switcher.
  const withPosts = config.languages.filter((l) => (site.byLang.get(l.code)?.length ?? 0) > 0);
  const shown = withPosts.length > 0 ? withPosts : [lang(undefined)];
  return {
    contextFor(route, t) {
      const l = lang(route.lang);
      const post = route.kind === 'post' ? site.postsById.get(route.postIds[0]!) : undefined;
      const translations = post ? translationsOf(post) : [];
      const alternates = config.languages.filter((other) => shown.includes(other) || other.code === route.lang).map((other) => {
        const translation = translations.find((tr) => tr.code === other.code);
        const current = route.lang === other.code;
        return {
          code: other.code,
          tag: other.tag,
          name: other.name,
          // Terms differ per language, so a taxonomy page offers the other language's overview
          // (and a search page the other language's search page); an author page the same
          // author's page there, when they wrote in that language.
          url: current ? href(route.sitePath) : translation?.url ?? ((route.author && authorHref(other.code, route.author)) || href(otherLanguagePage(route, other.code))),
          current,
          isTranslation: Boolean(translation),
        };
      });
      const author = route.kind === 'author' ? authorContext(route, l) : undefined;
      const pageTitle = post?.title ?? author?.name ?? (route.kind === 'not-found' ? t('pageNotFound') : route.kind === 'search' ? t('search') : route.kind === 'archive' ? t('archive') : route.kind === 'series' ? t('seriesTitle', { name: route.series }) : taxonomyTitle(route, t) ?? l.title);
      const context: Record<string, unknown> = {
        t,
        // A UI string in another language: the 404 page speaks every language of the site.
        tIn: (code: string, key: string, vars?: Record<string, unknown>) => translate(code)(key, vars),
        site: siteView(l),
        page: {
          kind: route.kind,
          lang: l.code,
          tag: l.tag,
          title: pageTitle,
          description: post ? post.description ?? post.excerpt : l.description,
          url: href(route.sitePath),
          canonical: route.kind === 'not-found' ? '' : canonical(route.sitePath),
          stylesheet: href('/assets/style.css'),
          // The favicon, apple-touch-icon and web manifest (src/seo/icons.ts), for partials/icons.njk.
          icons: iconsView,
          homeUrl: href('/'),
          langHomeUrl: href(languageHomePath(l.code)),
          categoriesUrl: href(taxonomyPath(l.code, 'categories')),
          tagsUrl: href(taxonomyPath(l.code, 'tags')),
          archiveUrl: href(archivePath(l.code)),
          // The visible feed link (partials/feed-link.njk): the language's Atom feed.
          feedUrl: href(feedPath(l.code, 'atom')),
          // The header's search box sends `?q=` here; empty when search is off.
          searchUrl: config.search ? href(searchPagePath(l.code)) : '',
          alternates,
          // SEO: hreflang, feeds, locale, localeAlternates, image, twitterCard, jsonLd (src/seo/head.ts).
          ...head.fieldsFor(route),
        },
      };
      if (post) context.post = postView(post);
      // Only pages that still hold a diagram load the mermaid loader (client mode).
      const html = post ? bodies.get(post.id)?.html : undefined;
      if (html && needsMermaidRuntime(html)) {
        context.mermaid = { loader: href(`/${LOADER_PATH}`), label: t('diagram'), errorLabel: t('diagramError') };
      }
      // Only pages that show a typeset formula load KaTeX's stylesheet (and so its fonts).
      if (html && hasMath(html)) context.math = { stylesheet: href(`/${KATEX_CSS_PATH}`) };
      // Only pages with a code block load the copy button.
      if (post && bodies.get(post.id)?.code) {
        context.code = { script: href(`/${COPY_SCRIPT_PATH}`), copyLabel: t('copyCode'), copiedLabel: t('codeCopied') };
      }
      // Only posts with enough headings show a table of contents and load its script.
      if (post && (bodies.get(post.id)?.headings.length ?? 0) >= MIN_TOC_HEADINGS) context.toc = { script: href(`/${TOC_SCRIPT_PATH}`) };
      if (author) context.author = author;
      if (route.kind === 'index' || route.kind === 'taxonomy' || route.kind === 'author') {
        context.posts = postsOf(route.postIds);
        const p = route.pagination!;
        context.pagination = {
          page: p.page,
          total: p.total,
          newerUrl: p.newerPath ? href(p.newerPath) : undefined,
          olderUrl: p.olderPath ? href(p.olderPath) : undefined,
          pages: pageNumbers(p.page, p.total).map((n) =>
            n === undefined ? { n, url: undefined, current: false, gap: true } : { n, url: href(listPagePath(p.firstPath, n)), current: n === p.page, gap: false },
          ),
        };
      }
      if (route.taxonomy) Object.assign(context, taxonomyContext(route, l, t));
      if (route.kind === 'archive') context.archive = { years: archiveYears(postsOf(route.postIds), l.tag) };
      if (route.kind === 'series') {
        context.series = seriesView(site.seriesOf.get(route.postIds[0]!), undefined, postsOf, href);
        context.posts = postsOf(route.postIds);
      }
      if (route.kind === 'search') context.search = { script: href(`/${SEARCH_SCRIPT_PATH}`), basePath: config.basePath };
      if (route.kind === 'root') {
        context.sections = shown.map((other) => ({
          code: other.code,
          tag: other.tag,
          name: other.name,
          title: other.title,
          url: href(languageHomePath(other.code)),
          posts: postsOf((site.byLang.get(other.code) ?? []).slice(0, config.rootPostsPerLang).map((p) => p.id)),
        }));
      }
      return context;
    },
  };
}

/**
 * A page in another language: a taxonomy's, the search page's and the archive's counterpart; else
 * (posts without a translation, series, which differ per language) that language's home.
 */
function otherLanguagePage(route: Route, code: string): string {
  if (route.taxonomy) return taxonomyPath(code, route.taxonomy);
  if (route.kind === 'search') return searchPagePath(code);
  if (route.kind === 'archive') return archivePath(code);
  return languageHomePath(code);
}

/** "태그: 인공지능" on a term page, "태그" on the overview; undefined on other pages. */
function taxonomyTitle(route: Route, t: Translate): string | undefined {
  if (!route.taxonomy) return undefined;
  if (route.kind === 'terms') return t(route.taxonomy);
  return t(route.taxonomy === 'tags' ? 'tagTitle' : 'categoryTitle', { name: route.term });
}

/**
 * The page numbers a numbered pagination shows, `undefined` for a gap: the first and last pages,
 * and two on each side of the current one (`1 … 4 5 6 7 8 … 20`). A gap of one page shows that
 * page instead, so the list never says `…` for a single number.
 */
export function pageNumbers(page: number, total: number): Array<number | undefined> {
  const shown = new Set([1, total]);
  for (let n = page - 2; n <= page + 2; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: Array<number | undefined> = [];
  for (const [i, n] of sorted.entries()) {
    const before = sorted[i - 1];
    if (before !== undefined && n - before === 2) out.push(n - 1);
    else if (before !== undefined && n - before > 2) out.push(undefined);
    out.push(n);
  }
  return out;
}
