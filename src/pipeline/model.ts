// Stage 3: Post[] → Site. Decides what is published, every page's URL and output path, the
// translations of each post, taxonomies, and pagination. Pure and cheap: it reruns in full on every
// build, except in the dev server after edits that leave every post's place in the site as it was
// (serve/incremental/patch-site.ts).
import { displayPath, error, type Diagnostic } from '../diagnostics.js';
import type { AuthorGroup, Lang, Post, ResolvedConfig, Route, Series, Site, TaxonomyKind, Term, TermLink } from '../types.js';
import { planLegacyRedirects } from '../redirects/legacy.js';
import { planRedirects } from '../redirects/plan.js';
import { foldersOf, generatedOwner, outputKey } from '../urls/generated-paths.js';
import { DEFAULT_PERMALINK, expandedPathProblem, expandPermalink, slugDecides } from '../urls/permalink-pattern.js';
import { archivePath, languageHomePath, listPagePath, outputPathOf, postSitePath, searchPagePath, taxonomyPath } from '../urls/site-paths.js';
import { groupAuthors } from './authors.js';
import { otherPost, sameApartFromDate } from './post-pairs.js';
import { relatedPosts } from './related.js';
import { groupSeries } from './series.js';
import { groupTaxonomies, TAXONOMY_KINDS } from './taxonomies.js';

export function buildSite(allPosts: readonly Post[], config: ResolvedConfig): { site: Site; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const posts = allPosts.filter((post) => isPublished(post, config)).sort(newestFirst);

  const byLang = new Map<Lang, Post[]>(config.languages.map((l) => [l.code, []]));
  for (const post of posts) byLang.get(post.lang)?.push(post);

  // Under a pattern of language and slug alone, two posts collide exactly when both are the same:
  // that is said as a duplicate slug. Any other pattern's collisions are found by output path.
  const bySlug = slugDecides(config.permalink);
  if (bySlug) reportDuplicateSlugs(posts, config, diagnostics);
  const postUrls = new Map(posts.map((post) => [post.id, postSitePath(post, config)]));
  if (config.permalink.text !== DEFAULT_PERMALINK) reportUnusableUrls(posts, postUrls, config, diagnostics);
  const taxonomies = new Map<Lang, Record<TaxonomyKind, Term[]>>();
  const postTerms = new Map<string, Record<TaxonomyKind, TermLink[]>>();
  for (const l of config.languages) {
    const grouped = groupTaxonomies(l.code, byLang.get(l.code) ?? [], l.tag);
    taxonomies.set(l.code, grouped.terms);
    for (const [id, links] of grouped.postTerms) postTerms.set(id, links);
  }
  const related = new Map<string, string[]>();
  const series = new Map<Lang, Series[]>();
  const seriesOf = new Map<string, Series>();
  for (const l of config.languages) {
    const list = byLang.get(l.code) ?? [];
    for (const [id, ids] of relatedPosts(list)) related.set(id, ids);
    series.set(l.code, groupSeries(l.code, list));
    for (const one of series.get(l.code)!) for (const id of one.postIds) seriesOf.set(id, one);
  }
  const authors = new Map(config.languages.map((l) => [l.code, groupAuthors(l.code, byLang.get(l.code) ?? [])]));
  const routes: Route[] = [
    ...posts.map((post): Route => {
      const url = postUrls.get(post.id)!;
      return { kind: 'post', sitePath: url, outputPath: outputPathOf(url), layout: post.layout, lang: post.lang, postIds: [post.id] };
    }),
    ...config.languages.flatMap((l) => indexRoutes(l.code, byLang.get(l.code) ?? [], config.pageSize)),
    ...config.languages.flatMap((l) => taxonomyRoutes(l.code, taxonomies.get(l.code)!, config.pageSize)),
    ...config.languages.map((l) => archiveRoute(l.code, byLang.get(l.code) ?? [])),
    ...config.languages.flatMap((l) => series.get(l.code)!.map((one) => seriesRoute(l.code, one))),
    ...config.languages.flatMap((l) => authorRoutes(l.code, authors.get(l.code)!, config.pageSize)),
    ...(config.search ? config.languages.map((l) => searchRoute(l.code)) : []),
    { kind: 'root', sitePath: '/', outputPath: outputPathOf('/'), layout: 'root', postIds: [] },
    { kind: 'not-found', sitePath: '/404.html', outputPath: '404.html', layout: '404', postIds: [] },
  ];
  reportOutputCollisions(routes, posts, config, bySlug, diagnostics);
  const redirects = planRedirects(posts, postUrls, routes, config);
  diagnostics.push(...redirects.diagnostics);
  const legacy = planLegacyRedirects(posts, postUrls, routes, redirects.redirects, config);
  diagnostics.push(...legacy.diagnostics);

  const site: Site = {
    config,
    posts,
    postsById: new Map(posts.map((post) => [post.id, post])),
    byLang,
    translations: findTranslations(posts, config, diagnostics),
    postUrls,
    taxonomies,
    postTerms,
    related,
    series,
    seriesOf,
    authors,
    routes,
    redirects: [...redirects.redirects, ...legacy.redirects],
  };
  return { site, diagnostics };
}

export function isPublished(post: Post, config: ResolvedConfig): boolean {
  return (config.drafts || !post.draft) && (config.future || post.date <= config.now);
}

/**
 * The fields of a post that buildSite (with taxonomies.ts and redirects/plan.ts) and the sitemap
 * read. Two posts that agree on them have the same place in the site: URL, order, translations,
 * terms, redirects, sitemap entry, and the same model diagnostics.
 */
export const MODEL_FIELDS = [
  'id', 'sourcePath', 'lang', 'slug', 'translationKey', 'date', 'updated', 'tags', 'categories', 'layout', 'draft', 'pinned', 'series', 'permalink',
  'redirectFrom', 'keyLines', 'authors',
] as const satisfies readonly (keyof Post)[];

/**
 * The fields the model leaves to the pages: an edit to them alone keeps the site's structure.
 * (`data` holds all front matter for templates; the three keys the model reads of it are in
 * `modelShape`.) Every field of Post is in one of the two lists (checked below), so a new field
 * cannot slip past the patch.
 */
export const CONTENT_FIELDS = [
  'hash', 'title', 'dateSource', 'mermaid', 'description', 'excerpt', 'image', 'imageAlt', 'mediaPath', 'author', 'authorUrl', 'readingMinutes',
  'body', 'bodyLine', 'data',
] as const satisfies readonly (keyof Post)[];

// Compile-time check that the two lists cover every field of Post: a field added to Post without
// deciding which list it belongs to fails type-checking here.
type Classified = (typeof MODEL_FIELDS)[number] | (typeof CONTENT_FIELDS)[number];
const everyFieldClassified: [Exclude<keyof Post, Classified>] extends [never] ? true : false = true;
void everyFieldClassified;

/** A post's model fields as one comparable string; undefined when they cannot be serialized. */
export function modelShape(post: Post): string | undefined {
  try {
    const { data } = post;
    return JSON.stringify([...MODEL_FIELDS.map((field) => post[field]), data.translationKey, Object.hasOwn(data, 'aliases'), data.sitemap]);
  } catch {
    return undefined;
  }
}

/** Newest first; equal dates by id, so the order never depends on the file system. */
function newestFirst(a: Post, b: Post): number {
  return b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * `/ko/`, `/ko/page/2/`, …: at least one page, even for a language with no posts yet. Pinned
 * posts come first (the highest pin first, then the newest), the others after them by date.
 */
function indexRoutes(lang: Lang, posts: readonly Post[], pageSize: number): Route[] {
  const pinned = posts.filter((post) => post.pinned > 0).sort((a, b) => b.pinned - a.pinned);
  const ids = [...pinned, ...posts.filter((post) => post.pinned <= 0)].map((post) => post.id);
  return pagedRoutes(languageHomePath(lang), ids, pageSize, { kind: 'index', layout: 'index', lang });
}

/** `/ko/archive/`: every post of the language, newest first (the page groups them by year and month). */
function archiveRoute(lang: Lang, posts: readonly Post[]): Route {
  const url = archivePath(lang);
  return { kind: 'archive', sitePath: url, outputPath: outputPathOf(url), layout: 'archive', lang, postIds: posts.map((post) => post.id) };
}

/** `/ko/series/<name>/`: the parts of one series, in order. */
function seriesRoute(lang: Lang, series: Series): Route {
  return { kind: 'series', sitePath: series.url, outputPath: outputPathOf(series.url), layout: 'series', lang, postIds: series.postIds, series: series.name };
}

/** `/ko/search/`: the language's search page (its index is built after rendering, src/search/). */
function searchRoute(lang: Lang): Route {
  const url = searchPagePath(lang);
  return { kind: 'search', sitePath: url, outputPath: outputPathOf(url), layout: 'search', lang, postIds: [] };
}

/**
 * Per taxonomy: the overview `/ko/tags/` (always there, so navigation can link it even before the
 * first tag) and each term's pages `/ko/tags/인공지능/`, `/ko/tags/인공지능/page/2/`, ….
 */
function taxonomyRoutes(lang: Lang, terms: Record<TaxonomyKind, Term[]>, pageSize: number): Route[] {
  return TAXONOMY_KINDS.flatMap((taxonomy): Route[] => {
    const url = taxonomyPath(lang, taxonomy);
    return [
      { kind: 'terms', sitePath: url, outputPath: outputPathOf(url), layout: 'terms', lang, postIds: [], taxonomy },
      ...terms[taxonomy].flatMap((term) =>
        pagedRoutes(term.url, term.postIds, pageSize, { kind: 'taxonomy', layout: 'taxonomy', lang, taxonomy, term: term.name }),
      ),
    ];
  });
}

/** Each author's pages in one language: `/ko/authors/minjun/`, `/ko/authors/minjun/page/2/`, …. */
function authorRoutes(lang: Lang, authors: ReadonlyMap<string, AuthorGroup>, pageSize: number): Route[] {
  return [...authors.values()].flatMap((author) => pagedRoutes(author.url, author.postIds, pageSize, { kind: 'author', layout: 'author', lang, author: author.key }));
}

/** `first`, `first` + `page/2/`, …: one route per `pageSize` posts, at least one. */
function pagedRoutes(
  first: string,
  postIds: readonly string[],
  pageSize: number,
  fields: Omit<Route, 'sitePath' | 'outputPath' | 'postIds' | 'pagination'>,
): Route[] {
  const total = Math.max(1, Math.ceil(postIds.length / pageSize));
  return Array.from({ length: total }, (_, i): Route => {
    const page = i + 1;
    const url = listPagePath(first, page);
    return {
      ...fields,
      sitePath: url,
      outputPath: outputPathOf(url),
      postIds: postIds.slice(i * pageSize, (i + 1) * pageSize),
      pagination: {
        page,
        total,
        firstPath: first,
        newerPath: page > 1 ? listPagePath(first, page - 1) : undefined,
        olderPath: page < total ? listPagePath(first, page + 1) : undefined,
      },
    };
  });
}

function reportDuplicateSlugs(posts: readonly Post[], config: ResolvedConfig, diagnostics: Diagnostic[]): void {
  const seen = new Map<string, Post>();
  for (const post of [...posts].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (post.permalink) continue;
    const key = `${post.lang}\0${post.slug}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, post);
      continue;
    }
    diagnostics.push(
      error(post.sourcePath, `duplicate slug "${post.slug}" in language ${post.lang}: also used by ${otherPost(post, first, config)}`, {
        line: post.keyLines.slug,
        hint: sameApartFromDate(post, first)
          ? 'keep one of the two files (the other is the same post under another date), or give one a `slug:` of its own'
          : 'give one of them a different file name or a `slug:` in its front matter',
      }),
    );
  }
}

/**
 * Two routes with one output path, or a post's page in the place of a file omnipress generates
 * (a feed, the sitemap, the theme's or the search index's folder): an error at the post's
 * `permalink:` line (its slug's, without one). public/ files and post assets are checked when
 * the outputs are made (output-claims.ts).
 */
function reportOutputCollisions(routes: readonly Route[], posts: readonly Post[], config: ResolvedConfig, bySlug: boolean, diagnostics: Diagnostic[]): void {
  const owners = new Map<string, Route>();
  const byId = new Map(posts.map((p) => [p.id, p]));
  const postOf = (route: Route) => (route.kind === 'post' ? byId.get(route.postIds[0]!) : undefined);
  const hasPermalink = (route: Route) => postOf(route)?.permalink !== undefined;
  for (const route of routes) {
    const post = postOf(route);
    const generated = post && generatedOwner(route.outputPath, config);
    if (post && generated) {
      diagnostics.push(
        error(post.sourcePath, `this post's page ${route.sitePath} would replace ${generated}`, {
          line: urlLine(post),
          hint: 'choose another permalink',
        }),
      );
      continue;
    }
    const key = outputKey(route.outputPath);
    const previous = owners.get(key);
    if (!previous) {
      owners.set(key, route);
      continue;
    }
    const mine = postOf(route);
    const theirs = postOf(previous);
    // Duplicate slugs without permalinks are already reported, with a better message.
    if (bySlug && route.kind === 'post' && previous.kind === 'post' && !hasPermalink(route) && !hasPermalink(previous)) continue;
    const culprit = mine ?? theirs;
    if (!culprit) continue;
    const other = mine && theirs ? otherPost(mine, theirs, config) : `the generated page ${previous.kind === 'post' ? route.sitePath : previous.sitePath}`;
    diagnostics.push(
      error(culprit.sourcePath, `two pages would be written to ${route.outputPath}: this post and ${other}`, {
        line: urlLine(culprit),
        hint: 'change the permalink (or slug) of one of them',
      }),
    );
  }
  // A permalink can put a page inside another page's file (`/x.html/` beside `/x.html`, `/404.html/`).
  // (Other pages' folders are language codes, slugs and term segments, which have no dot, while
  // every page that is a file but index.html has an extension.)
  for (const route of routes) {
    const post = postOf(route);
    if (post?.permalink === undefined) continue;
    const file = foldersOf(outputKey(route.outputPath)).map((folder) => owners.get(folder)).find((owner) => owner !== undefined);
    if (!file) continue;
    diagnostics.push(
      error(post.sourcePath, `this post's page ${route.sitePath} would have to be inside the file of the page ${file.sitePath}`, {
        line: urlLine(post),
        hint: 'choose another permalink',
      }),
    );
  }
}

/**
 * A post whose address under the site's `permalink` pattern has a `.`, `..` or reserved segment
 * (from a file or folder name): an error at its slug line (a `slug:` decides `:slug` and `:title`).
 */
function reportUnusableUrls(posts: readonly Post[], postUrls: ReadonlyMap<string, string>, config: ResolvedConfig, diagnostics: Diagnostic[]): void {
  for (const post of posts) {
    if (post.permalink !== undefined) continue;
    const url = postUrls.get(post.id)!;
    const problem = expandedPathProblem(url);
    if (!problem) continue;
    diagnostics.push(
      error(post.sourcePath, `the permalink pattern ${config.permalink.text} gives this post the address ${url}, but ${problem}`, {
        line: post.keyLines.slug,
        hint: 'give the post a `slug:` (or a `permalink:`) in its front matter, or rename its file',
      }),
    );
  }
}

/**
 * Everything a post's addresses depend on under the site's patterns, as one comparable string: the
 * dev server keeps the previous model only while it is the same (a title can be in an address).
 */
export function addressShape(post: Post, config: ResolvedConfig): string {
  return [postSitePath(post, config), ...config.legacyPermalink.filter((p) => p.lang === undefined || p.lang === post.lang).map((p) => expandPermalink(p, post, config))].join('\0');
}

/** The front-matter line that decides a post's URL: its permalink, else its slug (else none). */
function urlLine(post: Post): number | undefined {
  return post.keyLines[post.permalink !== undefined ? 'permalink' : 'slug'];
}

/**
 * Posts sharing a translationKey (by default their slug) are one story. Each post lists the
 * others, one per language, in the configured language order.
 */
function findTranslations(posts: readonly Post[], config: ResolvedConfig, diagnostics: Diagnostic[]): Map<string, string[]> {
  const stories = new Map<string, Map<Lang, Post>>();
  for (const post of posts) {
    const story = stories.get(post.translationKey) ?? new Map<Lang, Post>();
    stories.set(post.translationKey, story);
    const existing = story.get(post.lang);
    if (existing) {
      if (post.data.translationKey !== undefined) {
        diagnostics.push(
          error(post.sourcePath, `translationKey "${post.translationKey}" is also used by ${displayPath(existing.sourcePath, config.root)} in the same language (${post.lang})`, {
            hint: 'a story has at most one post per language; give one of them another translationKey',
          }),
        );
      }
      continue;
    }
    story.set(post.lang, post);
  }
  const order = config.languages.map((l) => l.code);
  const translations = new Map<string, string[]>();
  for (const story of stories.values()) {
    for (const post of story.values()) {
      translations.set(
        post.id,
        order.filter((lang) => lang !== post.lang && story.has(lang)).map((lang) => story.get(lang)!.id),
      );
    }
  }
  return translations;
}
