// The site model: what each pipeline stage hands to the next.
// load → SourceFile[] → parse → Post[] → model → Site (routes) → render → OutputFile[] → write.
// Relations are stored as ids (a post's `id`), never as object pointers, so that every stage's
// output is plain data that can be cached per file and compared between builds.
import type { Diagnostic } from './diagnostics.js';

/** A language code as it appears in URLs (`ko`, `zh`, `en`, `ja`…). */
export type Lang = string;

/** One language the site publishes in. */
export interface LanguageConfig {
  /** URL prefix and the value of `lang:` in front matter, e.g. `zh`. */
  code: Lang;
  /** BCP 47 tag for `<html lang>` and `hreflang`, e.g. `zh-Hans`. */
  tag: string;
  /** The language's own name, shown in the language switcher, e.g. `中文`. */
  name: string;
  /** The site title in this language. */
  title: string;
  /** The site description in this language (meta description of indexes). */
  description: string;
}

/** Mermaid diagrams: rendered in the reader's browser (`client`) or to SVG at build time (`build`). */
export interface MermaidConfig {
  mode: 'client' | 'build';
  /** Chromium used in build mode (config `mermaid.chromium`, else OMNIPRESS_CHROMIUM, else /usr/bin/chromium). */
  chromium: string;
}

/** Smaller copies of local images in a modern format, for `srcset` (config `images`). */
export interface ImagesConfig {
  /** Make the copies and give pages `<picture>` with `srcset` and `sizes` (config `images.responsive`, default off). */
  responsive: boolean;
  /** Widths in pixels to make, ascending; none wider than the original (config `images.widths`). */
  widths: number[];
  /** Format of the copies (config `images.format`). */
  format: 'webp' | 'avif';
  /** Encoder quality, 1–100 (config `images.quality`; default: sharp's for the format). */
  quality: number;
  /** The `sizes` attribute: how wide the theme shows an image (config `images.sizes`). */
  sizes: string;
}

/** What search engines are told a post is: its schema.org `@type` (config `schemaType`). */
export type SchemaType = 'BlogPosting' | 'NewsArticle' | 'Article';

/** A token of a permalink pattern: `:lang`, `:year`… (urls/permalink-pattern.ts expands them). */
export type PermalinkToken =
  | 'lang' | 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'i_month' | 'i_day'
  | 'slug' | 'title' | 'filename' | 'slugified_title' | 'categories' | 'section';

/** A site-wide permalink pattern as the config holds it: plain data, so the config stays comparable and hashable. */
export interface PermalinkPattern {
  /** As written (trimmed): `/:lang/:year/:slug/`. */
  text: string;
  /** Literal text (decoded, NFC) and tokens, in order; the whole starts with `/`. */
  parts: Array<string | { token: PermalinkToken }>;
  /** Set on an old pattern given for one language (`legacyPermalink: { en: … }`): it applies to that language's posts only. */
  lang?: Lang;
}

/** Everything a build needs to know besides the posts themselves; immutable once resolved. */
export interface ResolvedConfig {
  /** Absolute site root (`--root`, default cwd). */
  root: string;
  /** Absolute path of the config file that was read, if any. */
  configFile?: string;
  /** Absolute posts folder (`--posts`, default ROOT/posts). */
  postsDir: string;
  /** Absolute output folder (`--out`, default ROOT/_site). */
  outDir: string;
  /** Template folders searched in order: the site's own `templates/` (if present), then the built-in theme. */
  templateDirs: string[];
  /** Absolute folder copied verbatim into the output (ROOT/public); may not exist. */
  publicDir: string;
  /** Absolute base URL with a trailing slash (`https://example.org/sub/`), or `""` when none is set. */
  baseUrl: string;
  /** Path part of the base URL, always starting and ending with `/` (`/sub/`, or `/`). */
  basePath: string;
  /** The address of every post without a front-matter `permalink` (config `permalink`, default `/:lang/posts/:slug/`). */
  permalink: PermalinkPattern;
  /**
   * The old generator's patterns (config `legacyPermalink`): each post also answers at what they
   * give it (those of its language, when a pattern has one), with a redirect page, and body links
   * to those addresses are rewritten to the post's.
   */
  legacyPermalink: PermalinkPattern[];
  /** Languages in display order; the first entries of the language chain resolve against these. */
  languages: LanguageConfig[];
  /** Language used when nothing else decides a post's language. */
  defaultLang: Lang;
  /** IANA time zone for dates written without an offset, and for displaying dates. */
  timeZone: string;
  /** Posts per page on language indexes. */
  pageSize: number;
  /** Posts per language on the root page. */
  rootPostsPerLang: number;
  /** Include drafts (`draft: true`, `published: false`). */
  drafts: boolean;
  /** Include posts dated after `now`. */
  future: boolean;
  /** `updated` of posts without one from their last git commit (config `gitDates`, default on). */
  gitDates: boolean;
  /** Trust raw HTML in posts (skip the sanitizer). Off by default. */
  trustedHtml: boolean;
  /**
   * Copy any type of file a post links beside its page, HTML and SVG included (config
   * `trustedAssets`, off by default: only types browsers never run, post-asset-types.ts).
   */
  trustedAssets: boolean;
  /** The instant that decides which posts are "future"; fixed per build. */
  now: Date;
  /** Extra UI strings per language from the config, merged over the theme's i18n files. */
  strings: Record<Lang, Record<string, string>>;
  /** How mermaid diagrams reach readers. */
  mermaid: MermaidConfig;
  /** Site search (config `search`, default on): a Pagefind index per language, `/<lang>/search/` pages and a header search box. */
  search: boolean;
  /**
   * Posts per part of a language's search index (config `searchPartSize`, default 1000): a
   * language with more posts is indexed in several parts, which its search page merges.
   */
  searchPartSize: number;
  /** Responsive image variants (config `images`). */
  images: ImagesConfig;
  /**
   * A stale translation's page tells readers so above the article, with a link to the original
   * (config `translations.staleNotice`, default on).
   */
  staleNotice: boolean;
  /** Absolute folder for caches that survive between builds (ROOT/.omnipress-cache). */
  cacheDir: string;
  /** The site's author (config `author`): the author of its feeds; the site title stands in when unset. */
  author?: string;
  /**
   * Jekyll's authors data file, whose ids posts name in `author:` (config `authorsFile`, else
   * `_data/authors.yml` in the folder holding the posts folder or in the site), when there is one.
   */
  authorsFile?: string;
  /** The config's `authors` section: credited authors by id, with name, bio, URL and avatar per language. */
  authors: Record<string, AuthorProfile>;
  /** schema.org `@type` of post pages (config `schemaType`, default BlogPosting). */
  schemaType: SchemaType;
  /**
   * The site's share image (config `image`): an http(s) URL or a site path of a file of public/,
   * for `og:image` and JSON-LD on pages whose post has no image of its own.
   */
  image?: string;
  /** Google News: `/news-sitemap.xml` of the posts of the last two days (config `news`, default off). */
  news: boolean;
  /** Untouched extra config keys (each warned about), available to templates as `site.data`. */
  data: Record<string, unknown>;
  /** The config's `params:`, the site's own data for its templates (`site.params`). */
  params: Record<string, unknown>;
}

/** One author of the config's `authors` section. */
export interface AuthorProfile {
  /** Name per language code, `default` for the others; empty when the entry gives none (its id is shown). */
  name: Record<string, string>;
  /** Short biography per language code, `default` for the others; empty without one. */
  bio: Record<string, string>;
  /** The author's own page elsewhere (http(s)). */
  url?: string;
  /** Picture: a site path of a file of public/ (`/img/kim.jpg`), or an http(s) URL. */
  avatar?: string;
}

/** A post file as read from disk, before any parsing. */
export interface SourceFile {
  /**
   * Path relative to the posts folder, `/`-separated and NFC-normalized; the key every cache uses.
   * Files of the `_drafts/` folder beside a `_posts` posts folder get ids under `_drafts/`.
   */
  id: string;
  /** Absolute path on disk (as the file system spells it; may be NFD on macOS). */
  sourcePath: string;
  /** File text: UTF-8, BOM stripped, CRLF/CR turned into LF, NFC-normalized. */
  text: string;
  /** Content hash of `text`. */
  hash: string;
  /** Last modification time, the last resort for a post's date. */
  mtime: Date;
}

/** An author as a post credits them. */
export interface PostAuthor {
  /** The author's id (authors file or config `authors`), else the slug of the name as written. */
  key: string;
  /** The name, in the post's language. */
  name: string;
  /** The author's own page elsewhere, from their entry (authors file `url`, config `authors.<id>.url`). */
  url?: string;
}

/** Where a post's date came from (the date chain, first match wins). */
export type DateSource = 'front-matter' | 'file-name' | 'git' | 'mtime';

/** A post after parsing: everything later stages need, nothing they must re-derive. */
export interface Post {
  /** Source path relative to posts/, NFC (same as `SourceFile.id`). */
  id: string;
  /** Absolute source path, for diagnostics. */
  sourcePath: string;
  /** Hash of the source text; caches of later stages key on it. */
  hash: string;
  /** Language code (URL prefix). */
  lang: Lang;
  /** URL slug, unique within the language. */
  slug: string;
  /** Posts sharing this key are translations of one story (front matter `translationKey`, else the slug). */
  translationKey: string;
  /** Title: front matter, else the first `# H1` of the body, else the file name. */
  title: string;
  /** Publication date. */
  date: Date;
  /** Where `date` came from. */
  dateSource: DateSource;
  /** Last update (`updated` / `last_modified_at` / `lastmod`), if given. */
  updated?: Date;
  /** Tags, in front-matter order, duplicates removed. */
  tags: string[];
  /** Categories, in front-matter order, duplicates removed. */
  categories: string[];
  /** Layout name: `templates/layouts/<layout>.njk`. */
  layout: string;
  /** `draft: true` or `published: false`. */
  draft: boolean;
  /**
   * Place among the posts pinned to the top of its language's home page: 0 for none; `pin: true`
   * (Chirpy), `featured: true` and `sticky: true` are 1, Hexo's `top: <n>` and `sticky: <n>` are n
   * (the higher, the earlier).
   */
  pinned: number;
  /** The `series` it is a part of (Hugo's `series: [name]` gives its first name), as written. */
  series?: string;
  /** True when the post has a mermaid fence or `mermaid: true`. */
  mermaid: boolean;
  /** Site path from front matter `permalink`, normalized (`/news/gpt-4o/`), when given. */
  permalink?: string;
  /** `description` / `summary` (Hugo) / `excerpt` from front matter. */
  description?: string;
  /** Plain-text excerpt: before `<!--more-->`, else the first paragraph. */
  excerpt: string;
  /**
   * Cover and social image URL from front matter (`image`, Chirpy's `image.path`, Hexo's `cover`),
   * as written, or under Chirpy's `media_subpath` / `img_path` when relative.
   */
  image?: string;
  /** Alt text of the image (Chirpy's `image.alt`). */
  imageAlt?: string;
  /** Chirpy's `media_subpath` / `img_path`, as written: the prefix of the body's relative images. */
  mediaPath?: string;
  /**
   * Old addresses that should lead here (Hugo `aliases`, Jekyll `redirect_from`), as written;
   * the model stage resolves and checks them into `Site.redirects`.
   */
  redirectFrom?: string[];
  /**
   * Author name(s) from front matter (`author`, `authors`), ids of the authors file
   * (`_data/authors.yml`) read as their names.
   */
  author?: string;
  /** The author's page, from the authors file, when the post has one author with a `url`. */
  authorUrl?: string;
  /**
   * Every credited author, in front-matter order: `key` is the id of an authors-file or config
   * entry, or the slug of a name written as is; it names the author's page `/<lang>/authors/<key>/`.
   */
  authors: PostAuthor[];
  /** Estimated reading time in minutes (CJK characters and Latin words counted separately). */
  readingMinutes: number;
  /** Markdown without front matter (and without the title H1 when the title came from it). */
  body: string;
  /** 1-based line in the source file where `body` starts; added to markdown-it token lines. */
  bodyLine: number;
  /** 1-based source lines of the front-matter keys, for diagnostics in later stages. */
  keyLines: Record<string, number>;
  /** Untouched extra front matter for templates (known keys included, never prototype keys). */
  data: Record<string, unknown>;
}

/** What parsing one source file gives: its post, unless an error stops it, and every problem found. */
export interface ParseResult {
  post?: Post;
  diagnostics: Diagnostic[];
}

/**
 * What kind of page a route produces. `taxonomy`: the (paginated) posts of one category or tag of
 * one language; `terms`: the overview of one taxonomy of one language (every term, with counts);
 * `search`: a language's search page (only when search is on); `archive`: every post of one
 * language, by year and month; `series`: the parts of one series of one language, in order;
 * `author`: the (paginated) posts of one author in one language.
 */
export type RouteKind = 'post' | 'index' | 'root' | 'not-found' | 'taxonomy' | 'terms' | 'search' | 'archive' | 'series' | 'author';

/** The two taxonomies; also the URL segment (`/<lang>/categories/…`, `/<lang>/tags/…`). */
export type TaxonomyKind = 'categories' | 'tags';

/** One category or tag of one language, as the model stage groups the posts. */
export interface Term {
  /** Display name: the first spelling met, posts taken oldest first (so new posts never rename a term). */
  name: string;
  /** Identity: the name folded for case, width (NFKC) and spacing; variants share one term. */
  key: string;
  /** URL segment: slugify(name) (Hangul/Han kept), a short hash when that is empty, a hash suffix when taken or a reserved name (`con`); unique per taxonomy and language. */
  segment: string;
  /** Site path of its first page (`/ko/tags/인공지능/`). Not percent-encoded. */
  url: string;
  /** Its posts, newest first (ids). */
  postIds: string[];
}

/** One author's posts in one language, as the model stage groups them. */
export interface AuthorGroup {
  /** `PostAuthor.key`. */
  key: string;
  /** The name the language's posts give them (the oldest post's, so new posts never rename a page). */
  name: string;
  /** Site path of their page's first page (`/ko/authors/minjun/`). Not percent-encoded. */
  url: string;
  /** Their posts, newest first (ids). */
  postIds: string[];
}

/** A link to a term page, as a post lists its categories and tags. */
export interface TermLink {
  /** The term's display name. */
  name: string;
  /** Site path of the term's first page. Not percent-encoded. */
  url: string;
}

/** Pagination state of an index page. */
export interface Pagination {
  /** 1-based page number. */
  page: number;
  /** Number of pages. */
  total: number;
  /** Site path of the first page; page n > 1 is at `${firstPath}page/n/`. */
  firstPath: string;
  /** Site path of the newer page, if any. */
  newerPath?: string;
  /** Site path of the older page, if any. */
  olderPath?: string;
}

/** One page of the output, decided by the model stage and rendered by the render stage. */
export interface Route {
  kind: RouteKind;
  /** Site path, starting with `/`, without the base path (`/ko/posts/slug/`). Not percent-encoded. */
  sitePath: string;
  /** Output path relative to the output folder, `/`-separated (`ko/posts/slug/index.html`). */
  outputPath: string;
  /** Layout rendering it. */
  layout: string;
  /** Language of the page; undefined for language-neutral pages (root). */
  lang?: Lang;
  /** Posts the page shows, in display order (ids). */
  postIds: string[];
  /** Set on paginated index pages. */
  pagination?: Pagination;
  /** Set on `taxonomy` and `terms` pages: which taxonomy. */
  taxonomy?: TaxonomyKind;
  /** Set on `taxonomy` pages: the term's display name (`Term.name`). */
  term?: string;
  /** Set on `author` pages: the author's key (`PostAuthor.key`). */
  author?: string;
  /** Set on `series` pages: the series' name (`Series.name`). */
  series?: string;
}

/** The posts of one language sharing a `series` value. */
export interface Series {
  /** The name, as its oldest part writes it. */
  name: string;
  /** Site path of its page (`/ko/series/gpt-4o-해설/`). Not percent-encoded. */
  url: string;
  /** Its parts, oldest first (ids). */
  postIds: string[];
}

/** The whole site, as the model stage builds it from the parsed posts. */
export interface Site {
  config: ResolvedConfig;
  /** Every published post, newest first (ties broken by id, so the order is stable). */
  posts: Post[];
  /** Posts by id. */
  postsById: Map<string, Post>;
  /** Published posts per language, newest first; every configured language has an entry. */
  byLang: Map<Lang, Post[]>;
  /** Post id → ids of its translations in other languages (ordered as the configured languages). */
  translations: Map<string, string[]>;
  /**
   * Stale translation's id → its original's id: the original's title or body changed after the
   * translation (translations/desk.ts). Filled from git after the model, when `staleNotice` is on.
   */
  staleTranslations?: Map<string, string>;
  /** Post id → its site path. */
  postUrls: Map<string, string>;
  /** Categories and tags of every configured language, each list in overview order (most posts first, then by name). */
  taxonomies: Map<Lang, Record<TaxonomyKind, Term[]>>;
  /** Post id → its categories and tags as term links, in front-matter order (merged variants once). */
  postTerms: Map<string, Record<TaxonomyKind, TermLink[]>>;
  /** Post id → up to RELATED_COUNT posts of its language sharing the most categories and tags (ids, best first). */
  related: Map<string, string[]>;
  /** Series of every language, by language, oldest first. */
  series: Map<Lang, Series[]>;
  /** Post id → the series it is a part of. */
  seriesOf: Map<string, Series>;
  /** Every credited author of each language, by key, with their posts there. */
  authors: Map<Lang, Map<string, AuthorGroup>>;
  /** Every page to render. */
  routes: Route[];
  /**
   * Pages at old addresses that send readers to a post (no route: they are not pages of the
   * site): the posts' `aliases`, then the addresses the config's `legacyPermalink` gives them.
   */
  redirects: Redirect[];
}

/** A small page at a post's old address that sends readers on to the post. */
export interface Redirect {
  /** Old site path, normalized (`/2024/05/old-name/`), without the base path. */
  from: string;
  /** Output path relative to the output folder (`2024/05/old-name/index.html`). */
  outputPath: string;
  /** The post it leads to (id). */
  postId: string;
  /**
   * Set when the address comes from the old generator's pattern (config `legacyPermalink`) rather
   * than from the post's `aliases`: body links to it are rewritten to the post's address.
   */
  legacy?: true;
}

/** A file to write into the output folder. */
export interface OutputFile {
  /** Path relative to the output folder, `/`-separated. */
  path: string;
  /** File content. */
  content: string | Uint8Array;
  /**
   * A file that holds exactly this content (absolute path): the file the previous build wrote at
   * this path, or an image variant in the cache. The writer links it instead of writing it again
   * (`content` is then read only if asked for).
   */
  previous?: string;
  /** Who asked for the file, when it is not a page of the model (a post's linked file, a theme file): collision reports name it. */
  origin?: OutputOrigin;
}

/** The source of an output file, for a report naming both sides of a collision. */
export interface OutputOrigin {
  /** Absolute path of the post that asked for the file (none for omnipress's own files). */
  file?: string;
  /** 1-based line in it (the link). */
  line?: number;
  /** What it is, for a message: `image logo.png`. */
  what: string;
}
