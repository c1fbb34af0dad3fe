// `/news-sitemap.xml` for Google News (config `news`): the posts published in the two days before
// the build, each with its publication (the site's title in the post's language, and that
// language) and its date and title, in Google's `news:` namespace. The window is counted from the
// build's `now`, the instant that also decides which posts are in the future; nothing else of the
// clock goes into the file, so two builds with the same posts in the window give the same bytes.
import { isoDate } from '../content/dates.js';
import type { Post, Site } from '../types.js';
import { publicUrls } from '../urls/public-urls.js';
import { escapeHtml } from '../util/html-escape.js';

export const NEWS_SITEMAP_PATH = 'news-sitemap.xml';

/** Google reads articles of the last two days from a news sitemap, at most 1,000 of them. */
const WINDOW_MS = 2 * 86_400_000;
const MAX_ENTRIES = 1000;

/** The posts a news sitemap lists: published in the window, not drafts, not `sitemap: false`; newest first. */
export function newsPosts(site: Site): Post[] {
  const now = site.config.now.getTime();
  return site.posts
    .filter((post) => !post.draft && post.data.sitemap !== false && site.postUrls.has(post.id))
    .filter((post) => post.date.getTime() <= now && post.date.getTime() > now - WINDOW_MS)
    .slice(0, MAX_ENTRIES);
}

export function buildNewsSitemap(site: Site): string {
  const { config } = site;
  const urls = publicUrls(config);
  const languageOf = new Map(config.languages.map((l) => [l.code, l]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
  ];
  for (const post of newsPosts(site)) {
    const language = languageOf.get(post.lang) ?? config.languages[0]!;
    lines.push(
      '  <url>',
      `    <loc>${escapeHtml(urls.full(site.postUrls.get(post.id)!))}</loc>`,
      '    <news:news>',
      '      <news:publication>',
      `        <news:name>${escapeHtml(language.title)}</news:name>`,
      `        <news:language>${newsLanguage(language.tag)}</news:language>`,
      '      </news:publication>',
      `      <news:publication_date>${isoDate(post.date, config.timeZone)}</news:publication_date>`,
      `      <news:title>${escapeHtml(post.title)}</news:title>`,
      '    </news:news>',
      '  </url>',
    );
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/**
 * Google News takes an ISO 639 code, and for Chinese `zh-cn` (simplified) or `zh-tw`
 * (traditional): `zh-Hans` → `zh-cn`, `zh-Hant-TW` → `zh-tw`, `pt-BR` → `pt`.
 */
export function newsLanguage(tag: string): string {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return tag.toLowerCase();
  }
  if (locale.language !== 'zh') return locale.language;
  const script = locale.maximize().script;
  return script === 'Hant' ? 'zh-tw' : 'zh-cn';
}
