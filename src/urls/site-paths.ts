// Where each page of the site lives. A site path starts with `/`, has no base path and is not
// percent-encoded (`/ko/posts/인공지능/`); hrefs.ts turns it into an href, public-urls.ts into an
// absolute URL, and `outputPathOf` into the file the page is written to.
import type { Lang, Post, ResolvedConfig, TaxonomyKind } from '../types.js';
import { expandPermalink, type PermalinkPost } from './permalink-pattern.js';

/** A post's page: its front-matter `permalink`, else what the site's pattern gives it (`/<lang>/posts/<slug>/`). */
export function postSitePath(post: PermalinkPost & Pick<Post, 'permalink'>, config: Pick<ResolvedConfig, 'permalink' | 'timeZone' | 'languages'>): string {
  return post.permalink ?? expandPermalink(config.permalink, post, config);
}

/** A language's home page, the first page of its post list: `/ko/`. */
export function languageHomePath(lang: Lang): string {
  return `/${lang}/`;
}

/** A language's search page: `/ko/search/`. */
export function searchPagePath(lang: Lang): string {
  return `/${lang}/search/`;
}

/** A taxonomy's overview page: `/ko/tags/`. */
export function taxonomyPath(lang: Lang, kind: TaxonomyKind): string {
  return `/${lang}/${kind}/`;
}

/** A term's first page: `/ko/tags/인공지능/` (`segment` is the term's URL segment). */
export function termPath(lang: Lang, kind: TaxonomyKind, segment: string): string {
  return `/${lang}/${kind}/${segment}/`;
}

/** A language's archive, every post by year and month: `/ko/archive/`. */
export function archivePath(lang: Lang): string {
  return `/${lang}/archive/`;
}

/** A series' page: `/ko/series/gpt-4o-해설/` (`segment` is the series' URL segment). */
export function seriesPath(lang: Lang, segment: string): string {
  return `/${lang}/series/${segment}/`;
}

/** Page `page` of a paginated list whose first page is `first`: `/ko/`, `/ko/page/2/`, …. */
export function listPagePath(first: string, page: number): string {
  return page === 1 ? first : `${first}page/${page}/`;
}

/** Output path of a site path: `/ko/posts/x/` → `ko/posts/x/index.html`, `/etc/x` → `etc/x/index.html`. */
export function outputPathOf(sitePath: string): string {
  const trimmed = sitePath.replace(/^\/+/, '');
  if (trimmed === '') return 'index.html';
  if (/\.[a-z0-9]+$/i.test(trimmed) && !trimmed.endsWith('/')) return trimmed;
  return `${trimmed.replace(/\/+$/, '')}/index.html`;
}

/** Site path of an output path: `ko/posts/x/index.html` → `/ko/posts/x/`; `ko/feed.xml` → `/ko/feed.xml`. */
export function sitePathOfOutput(outputPath: string): string {
  if (outputPath === 'index.html') return '/';
  return `/${outputPath.endsWith('/index.html') ? outputPath.slice(0, -'index.html'.length) : outputPath}`;
}

/** An author's first page in one language: `/ko/authors/minjun/` (`segment` is the key's URL segment). */
export function authorPath(lang: Lang, segment: string): string {
  return `/${lang}/authors/${segment}/`;
}
