// `/sitemap.xml` (every page a reader can land on, with hreflang alternates) and `/robots.txt`
// pointing at it. Sitemaps are simple enough to write by hand; the order is the route order, so
// two builds of the same site give the same bytes.
import { isoDate } from '../content/dates.js';
import type { OutputFile, Post, Route, Site } from '../types.js';
import { escapeHtml } from '../util/html-escape.js';
import { alternatesOf } from './alternates.js';
import { publicUrls } from '../urls/public-urls.js';

/**
 * Whether a route belongs in the sitemap: not the 404 page, not search pages (`noindex`), not drafts (a `--drafts` preview
 * build must not announce them), not posts that opt out with `sitemap: false` (Jekyll's key).
 */
export function inSitemap(site: Site, route: Route): boolean {
  if (route.kind === 'not-found' || route.kind === 'search') return false;
  if (route.kind !== 'post') return true;
  const post = site.postsById.get(route.postIds[0]!);
  return post !== undefined && !post.draft && post.data.sitemap !== false;
}

export function buildSitemap(site: Site): string {
  const urls = publicUrls(site.config);
  const tz = site.config.timeZone;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const route of site.routes) {
    if (!inSitemap(site, route)) continue;
    lines.push('  <url>', `    <loc>${escapeHtml(urls.full(route.sitePath))}</loc>`);
    const lastmod = lastModified(site, route);
    if (lastmod) lines.push(`    <lastmod>${isoDate(lastmod, tz)}</lastmod>`);
    for (const alt of alternatesOf(site, route)) {
      lines.push(`    <xhtml:link rel="alternate" hreflang="${escapeHtml(alt.hreflang)}" href="${escapeHtml(urls.full(alt.sitePath))}"/>`);
    }
    lines.push('  </url>');
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/**
 * Everything buildSitemap reads of the site (the config aside), as one string: two sites with the
 * same key get the same sitemap. The dev server keeps its sitemap while the key holds, so keep this
 * in step with buildSitemap, lastModified and alternatesOf (tests/serve/trusted-watcher.test.ts
 * compares the served sitemap with a cold build's after edits).
 */
export function sitemapKey(site: Site): string {
  const parts: string[] = [];
  for (const route of site.routes) {
    if (!inSitemap(site, route)) continue;
    // alternatesOf: a post's versions by language and URL; an index's kind, language and page.
    const versions =
      route.kind === 'post'
        ? (site.translations.get(route.postIds[0]!) ?? []).map((id) => `${site.postsById.get(id)?.lang}\u0002${site.postUrls.get(id)}`).join('\u0003')
        : '';
    const lastmod = lastModified(site, route)?.getTime() ?? '';
    parts.push(`${route.kind}\u0001${route.lang}\u0001${route.sitePath}\u0001${route.pagination?.page ?? ''}\u0001${lastmod}\u0001${versions}`);
  }
  return parts.join('\0');
}

/** `User-agent: *`, `Allow: /`, and the sitemaps' absolute URLs when there is a base URL. */
export function buildRobots(site: Site): string {
  const urls = publicUrls(site.config);
  const lines = ['User-agent: *', 'Allow: /'];
  // The Sitemap line must be an absolute URL (sitemaps.org); without a base URL there is none to give.
  if (urls.absolute) lines.push('', `Sitemap: ${urls.full('/sitemap.xml')}`);
  if (urls.absolute && site.config.news) lines.push(`Sitemap: ${urls.full('/news-sitemap.xml')}`);
  return `${lines.join('\n')}\n`;
}

/** sitemap.xml and (unless the site brings its own in public/) robots.txt. */
export function sitemapFiles(site: Site, options: { robots: boolean }): OutputFile[] {
  const files: OutputFile[] = [{ path: 'sitemap.xml', content: buildSitemap(site) }];
  if (options.robots) files.push({ path: 'robots.txt', content: buildRobots(site) });
  return files;
}

/**
 * A page changes when a post on it does: a post's own update (or publication) date; for a page
 * listing posts the newest of them; for the root (which lists every language) the newest post.
 */
function lastModified(site: Site, route: Route): Date | undefined {
  const posts: Post[] =
    route.kind === 'root' ? site.posts : route.postIds.map((id) => site.postsById.get(id)).filter((p): p is Post => p !== undefined);
  let newest: Date | undefined;
  for (const post of posts) {
    if (post.draft) continue;
    const date = post.updated ?? post.date;
    if (!newest || date > newest) newest = date;
  }
  return newest;
}
