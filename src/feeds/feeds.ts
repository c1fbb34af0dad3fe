// Feeds per language: Atom (`/<lang>/feed.xml`), RSS 2.0 (`/<lang>/rss.xml`) and JSON Feed 1.1
// (`/<lang>/feed.json`), newest posts first, full content, absolute URLs. Written by the `feed`
// library; this module only decides what goes in and patches what the library cannot say
// (Atom xml:lang, JSON Feed 1.1 fields). Pure: the same site gives the same bytes — no clocks.
import { Feed, type FeedOptions, type Item } from 'feed';
import type { LanguageConfig, OutputFile, Post, Site } from '../types.js';
import { escapeHtml } from '../util/html-escape.js';
import { FEED_FORMATS, feedPath, type FeedFormat } from '../urls/feed-paths.js';
import { publicUrls, stripPlaceholder, type PublicUrls } from '../urls/public-urls.js';
import { languageHomePath } from '../urls/site-paths.js';
import { withoutVisualMath } from '../math/markup.js';
import { HEADING_ANCHOR } from '../markdown/plugins/heading-ids.js';
import { diagramsForFeeds } from '../mermaid/feed-diagrams.js';
import { absolutizeHtml } from './absolute-html.js';

/** Posts per feed. */
export const FEED_SIZE = 20;

/** A language with no posts still gets valid feeds, dated at this fixed instant instead of "now". */
export const EMPTY_FEED_DATE = new Date(0);

export interface FeedOptionsIn {
  /** Posts per feed (default FEED_SIZE). */
  size?: number;
  /** The text of the link a diagram left for the browser to draw becomes (UI string `diagramInFeed`). */
  diagramNote?: string;
}

/** The posts a language's feeds show, newest first. */
export function feedPosts(site: Site, lang: string, options: FeedOptionsIn = {}): Post[] {
  return (site.byLang.get(lang) ?? []).filter((post) => !post.draft).slice(0, options.size ?? FEED_SIZE);
}

/** One language's three feeds (a caller may keep them while that language's feed posts are unchanged). */
export function buildLanguageFeeds(
  site: Site,
  language: LanguageConfig,
  bodies: ReadonlyMap<string, { html: string }>,
  options: FeedOptionsIn = {},
): OutputFile[] {
  // The library only takes absolute URLs; without a base URL they are made relative afterwards.
  const urls = publicUrls(site.config, { keepPlaceholder: true });
  const note = options.diagramNote ?? 'Diagram: open the post to see it';
  const entries = feedPosts(site, language.code, options).map((post) => entryOf(site, post, bodies.get(post.id)?.html ?? '', urls, note));
  return FEED_FORMATS.map(({ format }) => ({
    path: feedPath(language.code, format).slice(1),
    content: stripPlaceholder(renderFeed(format, language, entries, site, urls)),
  }));
}

/** What every format needs to know about one post. */
interface Entry {
  post: Post;
  url: string;
  html: string;
  summary: string;
  image?: string;
  categories: string[];
}

function entryOf(site: Site, post: Post, html: string, urls: PublicUrls, diagramNote: string): Entry {
  const sitePath = site.postUrls.get(post.id)!;
  // Feed readers show the content away from the site: every URL in it must stand on its own.
  const resolve = (url: string) => urls.resolve(url, sitePath);
  return {
    post,
    url: urls.full(sitePath),
    // Formulas as MathML alone, diagrams once and headings without their `#` links: feed readers
    // have no stylesheet to hide copies or show links on hover with.
    html: absolutizeHtml(diagramsForFeeds(withoutVisualMath(html), diagramNote, sitePath).replace(HEADING_ANCHOR, ''), resolve),
    summary: post.description ?? post.excerpt,
    image: post.image ? resolve(post.image) : undefined,
    categories: [...new Set([...post.categories, ...post.tags])],
  };
}

function renderFeed(format: FeedFormat, language: LanguageConfig, entries: readonly Entry[], site: Site, urls: PublicUrls): string {
  const { code, tag } = language;
  const updated = entries.reduce<Date | undefined>((newest, { post }) => {
    const date = post.updated ?? post.date;
    return !newest || date > newest ? date : newest;
  }, undefined);
  const selfUrl = urls.full(feedPath(code, format));
  const options: FeedOptions = {
    id: selfUrl,
    title: language.title,
    description: language.description || undefined,
    link: urls.full(languageHomePath(code)),
    language: tag,
    updated: updated ?? EMPTY_FEED_DATE,
    generator: 'omnipress',
    feedLinks: { [format]: selfUrl },
    // Atom requires an author for every entry; the site (or its configured author) stands in.
    author: { name: site.config.author ?? language.title },
  };
  const feed = new Feed(options);
  for (const entry of entries) feed.addItem(itemOf(format, entry));

  if (format === 'atom') {
    // The library writes no xml:lang; Atom carries the language there (RFC 4287 §2).
    return textNotCdata(xmlSafe(feed.atom1())).replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${tag}">`);
  }
  if (format === 'rss') return textNotCdata(xmlSafe(feed.rss2()));
  return jsonFeed11(feed.json1(), tag, entries);
}

function itemOf(format: FeedFormat, { post, url, html, summary, categories }: Entry): Item {
  // Atom's title and summary are `type="html"` and RSS's description is HTML: text goes in escaped.
  // RSS's title is plain text by the spec, but many readers show it as HTML: escaped too, so that
  // a `<script>` in a title is shown, never run. JSON Feed's fields say what they are.
  const asHtml = format !== 'json';
  return {
    title: asHtml ? escapeHtml(post.title) : post.title,
    // RSS: no id, so that the library writes <guid isPermaLink="true"> with the link.
    id: format === 'rss' ? undefined : url,
    link: url,
    date: post.updated ?? post.date,
    published: post.date,
    description: summary ? (asHtml ? escapeHtml(summary) : summary) : undefined,
    content: asHtml ? cdataSafe(html) : html,
    category: categories.map((name) => (format === 'atom' ? { name: attributeSafe(name), term: attributeSafe(name) } : { name })),
    // RSS's <author> must be an e-mail address; names go into <dc:creator> (the library declares dc:).
    author: post.author && format !== 'rss' ? [{ name: post.author }] : undefined,
    extensions: post.author && format === 'rss' ? [{ name: 'dc:creator', objects: { _text: post.author } }] : undefined,
  };
}

/**
 * The library writes JSON Feed 1.0; 1.1 adds `language` and replaces `author` with `authors`
 * (https://www.jsonfeed.org/version/1.1/). Images go here only: the library would make XML
 * enclosures of them with a guessed media type.
 */
function jsonFeed11(json: string, tag: string, entries: readonly Entry[]): string {
  const { version: _version, author, items, ...rest } = JSON.parse(json) as Record<string, unknown> & {
    author?: unknown;
    items: Array<Record<string, unknown>>;
  };
  const images = new Map(entries.map((entry) => [entry.url, entry.image]));
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      ...rest,
      language: tag,
      ...(author ? { authors: [author] } : {}),
      items: items.map(({ author: itemAuthor, ...item }) => ({
        ...item,
        ...(images.get(item.id as string) ? { image: images.get(item.id as string) } : {}),
        ...(itemAuthor ? { authors: [itemAuthor] } : {}),
      })),
    },
    null,
    2,
  );
}

/**
 * The library's XML writer splits only the first `]]>` of a CDATA section; any later one would
 * end it early. In HTML `]]&gt;` means the same.
 */
function cdataSafe(html: string): string {
  return html.replace(/]]>/g, ']]&gt;');
}

/**
 * Titles, summaries and descriptions as escaped XML text rather than the library's CDATA
 * sections: the same text once parsed, but a reader or filter that looks at the raw XML sees no
 * markup where only text belongs. Bodies (`content`) stay in CDATA.
 */
function textNotCdata(xml: string): string {
  return xml.replace(/<(title|summary|description)((?: [^>]*)?)><!\[CDATA\[([\s\S]*?)\]\]><\/\1>/g, (_, tag: string, attributes: string, text: string) =>
    `<${tag}${attributes}>${escapeHtml(text)}</${tag}>`,
  );
}

/** The library escapes `&` and `"` in attribute values but not `<`, which XML forbids there. */
function attributeSafe(text: string): string {
  return text.replace(/</g, '');
}

/** Characters XML 1.0 cannot hold at all (C0 controls but tab/LF/CR, U+FFFE, U+FFFF). */
function xmlSafe(xml: string): string {
  return xml.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}
