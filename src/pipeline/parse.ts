// Stage 2: SourceFile → Post, or the diagnostics that explain why not. Pure per file, apart from
// the lazily read git dates and the list of layouts, which the caller provides.
import path from 'node:path';
import { creditOf, type AuthorsFile } from '../content/authors.js';
import { checkDate, dateFromFileName, onLaterDay, type DateCheck } from '../content/dates.js';
import { excerpt } from '../content/excerpt.js';
import { firstKey, readCategories, readImage, readImageAlt, readList, readPaths, readText } from '../content/fields.js';
import { readFrontMatter } from '../content/front-matter.js';
import { detectLanguage } from '../content/language.js';
import { normalizePermalink } from '../content/permalink.js';
import { PIN_KEYS, readPin, readSeries } from '../content/pins-and-series.js';
import { dashTranslation, inDraftsFolder, isJekyllPostsFolder } from '../content/post-files.js';
import { readingMinutes } from '../content/reading-time.js';
import { findSourceTextBlock } from '../content/source-text-block.js';
import { reservedSegment } from '../content/reserved-names.js';
import { slugFromFileName, slugify } from '../content/slug.js';
import { writtenTitle } from '../content/title.js';
import { error, hasErrors, warning, type Diagnostic } from '../diagnostics.js';
import type { DateSource, ParseResult, Post, ResolvedConfig, SourceFile } from '../types.js';
import type { GitDates } from '../util/git-dates.js';
import { hashText } from '../util/hash.js';
import { prune, type PipelineCache } from './cache.js';
import type { SinceLastRun } from './since-last-run.js';

export interface ParseContext {
  config: ResolvedConfig;
  /** Layout names that exist in the template folders. */
  layouts: ReadonlySet<string>;
  /** First and last commit dates of a file (absolute NFC path), when the posts live in a git repository. */
  git(sourcePath: string): GitDates | undefined;
  /** Whether a post file with this id was loaded (for `x-en.md` beside `x.md`); none when unknown. */
  hasFile?(id: string): boolean;
  /** The blog's authors file (`_data/authors.yml`), when there is one. */
  authors?: AuthorsFile;
}

const UPDATED_KEYS = ['updated', 'last_modified_at', 'lastmod', 'modified'] as const;
const MERMAID_FENCE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*mermaid\b/m;

export function parsePost(file: SourceFile, ctx: ParseContext): ParseResult {
  const { config } = ctx;
  const fm = readFrontMatter(file.text, file.sourcePath);
  const diagnostics = [...fm.diagnostics];
  if (hasErrors(diagnostics)) return { diagnostics };
  const data = fm.data;
  const at = (key: string) => ({ line: fm.keyLines[key] ?? 1 });
  const problem = (key: string, message: string, hint?: string) =>
    diagnostics.push(error(file.sourcePath, message, { ...at(key), hint }));

  // Title: front matter (a first heading repeating it not shown twice) → first `# H1` (then not
  // rendered twice) → file name.
  if (data.title !== undefined && data.title !== null && readText(data.title) === undefined) problem('title', 'title must be text');
  const written = writtenTitle(data.title, fm.body);
  // The original kept for a translator (`new --translate`) is never part of what readers get.
  const sourceText = findSourceTextBlock(written.body);
  const body = sourceText ? written.body.slice(0, sourceText.start) + written.body.slice(sourceText.end) : written.body;
  const baseName = path.posix.basename(file.id).replace(/\.(md|markdown)$/i, '');
  const title = written.title || baseName.replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '');

  const codes = config.languages.map((l) => l.code);
  // `x-en.md` beside `x.md`: the English version of `x`, with its slug.
  const dashed = ctx.hasFile ? dashTranslation(file.id, codes, ctx.hasFile) : undefined;
  const inDrafts = inDraftsFolder(file.id);
  const language = detectLanguage({
    nameLang: dashed?.lang,
    frontMatterLang: data.lang ?? data.language,
    id: file.id,
    body,
    title: written.title,
    languages: config.languages,
    defaultLang: config.defaultLang,
  });
  if ('error' in language) problem(data.lang !== undefined ? 'lang' : 'language', language.error, language.hint);

  const updatedKey = firstKey(data, UPDATED_KEYS);
  // `updated` written as the very value of `date` (Hexo's scaffold writes both) is one value:
  // one report, at `date`, naming both keys.
  const sameValue = updatedKey !== undefined && data.date !== undefined && sameText(data.date, data[updatedKey]);
  const dateKeys = sameValue ? `date and ${updatedKey}` : 'date';
  const dated = postDate(file, data, ctx, baseName, dateKeys);
  if ('error' in dated) problem('date', dated.error, dated.hint);
  // Jekyll's drafts carry no date by design: they are dated when published.
  if ('warning' in dated && dated.warning && !inDrafts) diagnostics.push(warning(file.sourcePath, dated.warning, { code: 'date-from-mtime' }));
  if ('rolledOver' in dated && dated.rolledOver) diagnostics.push(rolledOverWarning(file.sourcePath, dateKeys, dated.rolledOver, at('date')));

  // An update readers are told of: one the front matter states, or a commit that changed the post
  // after the one that added it (a post committed once, or a shallow clone, has none); and only on
  // a later day than publication, since a same-day fix is not news.
  let updated: Date | undefined;
  if (updatedKey && sameValue) {
    if (!('error' in dated)) updated = dated.date;
  } else if (updatedKey) {
    const checked = checkDate(data[updatedKey], config.timeZone);
    if (checked.date) updated = checked.date;
    else problem(updatedKey, `${updatedKey}: ${checked.error ?? 'not a date'}`);
    if (checked.warning) diagnostics.push(rolledOverWarning(file.sourcePath, updatedKey, checked, at(updatedKey)));
  } else if (config.gitDates && !('error' in dated)) {
    const history = ctx.git(file.sourcePath.normalize('NFC'));
    if (history && history.commits > 1) updated = history.last;
  }
  if (updated && !('error' in dated) && !onLaterDay(updated, dated.date, config.timeZone)) updated = undefined;

  const tags = readList(data.tags ?? data.tag);
  if (!tags) problem('tags', 'tags must be a list of words, e.g. tags: [gpt-4o, openai]');
  const categories = readCategories(data.categories ?? data.category);
  if (!categories) problem(data.categories !== undefined ? 'categories' : 'category', 'categories must be a list of words');

  const layout = data.layout === undefined || data.layout === null ? 'post' : readText(data.layout);
  if (!layout || !/^[\w-]+$/.test(layout)) problem('layout', `layout must be a plain name such as post`);
  else if (!ctx.layouts.has(layout)) {
    problem('layout', `unknown layout "${layout}"`, `available layouts: ${[...ctx.layouts].sort().join(', ')} (templates/layouts/<name>.njk)`);
  }

  let permalink: string | undefined;
  if (data.permalink !== undefined && data.permalink !== null) {
    const normalized = typeof data.permalink === 'string' ? normalizePermalink(data.permalink) : { error: 'permalink must be text' };
    if ('error' in normalized) problem('permalink', normalized.error, 'use a site path such as /news/gpt-4o/');
    else permalink = normalized.path;
  }

  const slugSource = data.slug === undefined || data.slug === null ? undefined : readText(data.slug);
  // A slug the author wrote that cleans up to nothing (`..`, `/`, `!!!`) must not quietly become
  // the file name's: the author meant some address, and would not find the post at it.
  if (data.slug !== undefined && data.slug !== null && slugSource === undefined) problem('slug', 'slug must be text');
  else if (slugSource !== undefined && !slugify(slugSource)) {
    problem('slug', `slug ${JSON.stringify(slugSource)} has no letter or digit left for a URL`, 'write the slug with letters or digits (Hangul and Han are kept), e.g. slug: gpt-4o-voice');
  }
  const slug =
    (slugSource && slugify(slugSource)) ||
    slugFromFileName(dashed?.baseId ?? file.id, codes) ||
    slugify(title) ||
    `post-${hashText(file.id).slice(0, 8)}`;
  // The slug names the post's folder in the output (reserved-names.ts), unless a permalink does.
  const reservedSlug = permalink === undefined ? reservedSegment(slug) : undefined;
  if (reservedSlug) {
    problem('slug', `slug "${slug}" cannot name the post's folder: ${reservedSlug}`, 'set another `slug:` (or a `permalink:`) in the front matter');
  }

  const authorKey = firstKey(data, ['author', 'authors']) ?? 'author';
  const credit = creditOf(data[authorKey], ctx.authors, isJekyllPostsFolder(config.postsDir), 'lang' in language ? language.lang : '');
  if (credit.unknownIds.length > 0) diagnostics.push(unknownAuthors(file.sourcePath, authorKey, credit.unknownIds, at(authorKey), ctx.authors));

  const redirectKey = firstKey(data, ['aliases', 'redirect_from']) ?? 'aliases';
  const redirectFrom = readPaths(data[redirectKey]);
  if (!redirectFrom) problem(redirectKey, `${redirectKey} must be a list of site paths, e.g. ${redirectKey}: [/2024/05/old-name/]`);

  // A pin the old generator read differently is not worth failing the build over: it is reported
  // and the post is listed in its place by date.
  const pinKey = firstKey(data, PIN_KEYS);
  const pin = pinKey === undefined ? { pinned: 0 } : readPin(data[pinKey]);
  if ('problem' in pin) diagnostics.push(warning(file.sourcePath, `${pinKey}: ${pin.problem}; the post is not pinned`, at(pinKey!)));
  const series = readSeries(data.series);
  if ('problem' in series) problem('series', series.problem);
  const draft = data.draft === true || data.published === false || inDrafts;
  if (sourceText && !draft) {
    diagnostics.push(
      error(file.sourcePath, 'the original text that `omnipress new --translate` kept for the translator is still in this post, which is not a draft', {
        line: fm.bodyLine - 1 + (findSourceTextBlock(fm.body)?.line ?? 1),
        hint: 'delete the block from <!-- omnipress:source-text to omnipress:end-of-source-text --> once the translation is written, or keep draft: true until then',
      }),
    );
  }

  if (hasErrors(diagnostics) || 'error' in language || 'error' in dated) return { diagnostics };

  const translationKey = readText(data.translationKey ?? data.translation_key) || slug;
  const post: Post = {
    id: file.id,
    sourcePath: file.sourcePath,
    hash: file.hash,
    lang: language.lang,
    slug,
    translationKey,
    title,
    date: dated.date,
    dateSource: dated.source,
    updated,
    tags: tags ?? [],
    categories: categories ?? [],
    layout: layout ?? 'post',
    draft,
    mermaid: data.mermaid === true || MERMAID_FENCE.test(body),
    pinned: 'pinned' in pin ? pin.pinned : 0,
    series: 'series' in series ? series.series : undefined,
    permalink,
    description: readText(data.description ?? data.summary ?? data.excerpt) || undefined,
    excerpt: excerpt(body),
    image: coverImage(data),
    imageAlt: readImageAlt(data.image),
    mediaPath: readText(data.media_subpath ?? data.img_path) || undefined,
    redirectFrom: redirectFrom ?? [],
    author: credit.name,
    authorUrl: credit.url,
    authors: credit.authors,
    readingMinutes: readingMinutes(body),
    body,
    bodyLine: fm.bodyLine,
    keyLines: fm.keyLines,
    data,
  };
  return { post, diagnostics };
}

/**
 * Where blogs keep a post's cover: `image` (Chirpy's `{ path, alt }` too), then the Hexo themes'
 * keys: `cover` (Butterfly, Icarus), `thumbnail` (Icarus, NexT plugins), `index_img` and
 * `banner_img` (Fluid's list thumbnail and page banner).
 */
const COVER_KEYS = ['image', 'cover', 'thumbnail', 'index_img', 'banner_img'] as const;

/**
 * The first of COVER_KEYS. A relative path goes under Chirpy's
 * `media_subpath` (`img_path` before Chirpy 7), which prefixes a post's media.
 */
function coverImage(data: Record<string, unknown>): string | undefined {
  const image = COVER_KEYS.map((key) => readImage(data[key])).find((found) => found !== undefined);
  const prefix = readText(data.media_subpath ?? data.img_path);
  if (!image || !prefix || /^([a-z][a-z0-9+.-]*:|\/)/i.test(image)) return image;
  return `${prefix.replace(/\/+$/, '')}/${image.replace(/^\.\//, '')}`;
}

/** Ids of an authors file that is not there, or that it lacks: not shown; reported once a site (parsePosts). */
function unknownAuthors(file: string, key: string, ids: string[], where: { line: number }, authors: AuthorsFile | undefined): Diagnostic {
  const list = ids.map((id) => `"${id}"`).join(', ');
  return warning(file, authors
    ? `${key}: ${list} is not an author of ${path.basename(authors.file)}, and is not shown`
    : `${key}: ${list} names an entry of _data/authors.yml, which is not there: no author is shown`, {
    ...where,
    code: AUTHOR_ID,
    hint: authors
      ? `add the id to ${path.basename(authors.file)}, or write the author's name`
      : "copy the blog's _data/authors.yml beside the posts folder's parent folder, or set authorsFile in omnipress.yml",
  });
}

const AUTHOR_ID = 'author-id';

type DateResult =
  | { date: Date; source: DateSource; warning?: string; rolledOver?: DateCheck }
  | { error: string; hint?: string };

/** Two front-matter values that read as the same text (`date` and `updated` written alike). */
function sameText(a: unknown, b: unknown): boolean {
  return (typeof a === 'string' || typeof a === 'number') && String(a).trim() === String(b).trim() && typeof a === typeof b;
}

/** A time out of range, read as the old generator read it: once per value, at its key's line. */
function rolledOverWarning(file: string, keys: string, checked: DateCheck, where: { line: number }): Diagnostic {
  return warning(file, `${keys}: ${checked.warning}`, {
    ...where,
    code: 'time-out-of-range',
    hint: `write the time that was meant, e.g. ${keys.split(' ')[0]}: ${checked.corrected}`,
  });
}

/**
 * Date chain, first match wins: front matter → `YYYY-MM-DD-` file name → first git commit → mtime.
 * `keys` names the front-matter keys holding the date's value in messages (`date`, or `date and
 * updated` when both hold it).
 */
function postDate(file: SourceFile, data: Record<string, unknown>, ctx: ParseContext, baseName: string, keys: string): DateResult {
  const tz = ctx.config.timeZone;
  if (data.date !== undefined && data.date !== null) {
    const checked = checkDate(data.date, tz);
    if (checked.date) return { date: checked.date, source: 'front-matter', ...(checked.warning && { rolledOver: checked }) };
    return {
      error: `${keys}: ${checked.error ?? 'not a date'}`,
      hint: 'write it like 2024-05-14, 2024-05-14 10:00:00 +0900 or 2024-05-14T10:00:00+09:00',
    };
  }
  const fromName = dateFromFileName(baseName, tz);
  if (fromName) return { date: fromName, source: 'file-name' };
  const fromGit = ctx.git(file.sourcePath.normalize('NFC'))?.first;
  if (fromGit) return { date: fromGit, source: 'git' };
  return {
    date: file.mtime,
    source: 'mtime',
    warning: 'no date in front matter, file name or git history; using the file modification time',
  };
}

/**
 * Every file → Post, collecting all diagnostics so one build reports every problem. With a
 * `cache`, a file whose text and mtime are unchanged is not parsed again; with `since` (dev
 * server), a file load handed out last time is not even looked up in the cache.
 */
export function parsePosts(
  files: readonly SourceFile[],
  tick: (done: number) => void,
  ctx: ParseContext,
  cache?: PipelineCache,
  since?: SinceLastRun,
): { posts: Post[]; diagnostics: Diagnostic[] } {
  const posts: Post[] = [];
  const diagnostics: Diagnostic[] = [];
  // A layout added or removed changes which `layout:` values are valid.
  // …and so does another authors file.
  const layouts = `${[...ctx.layouts].sort().join('\0')}\0\0${ctx.authors?.hash ?? ''}`;
  const layoutsChanged = cache !== undefined && cache.parseLayouts !== layouts;
  if (cache && layoutsChanged) {
    cache.parse.clear();
    cache.parseLayouts = layouts;
  }
  const used = new Set<string>();
  const ids = new Set(files.map((file) => file.id));
  const withFiles: ParseContext = { ...ctx, hasFile: (id) => ids.has(id) };
  const codes = ctx.config.languages.map((l) => l.code);
  // Dev server: a file object load handed out last time parses as it did then.
  const memo = since?.parsing(layoutsChanged);
  for (const [i, file] of files.entries()) {
    tick(i + 1);
    const same = memo?.known(file);
    if (same) {
      memo!.note(file, same);
      used.add(file.id);
      if (same.post) posts.push(same.post);
      diagnostics.push(...same.diagnostics);
      continue;
    }
    // A `x-en.md` means something else once `x.md` appears or goes.
    const base = dashTranslation(file.id, codes, withFiles.hasFile!)?.baseId ?? '';
    const mtimeMs = file.mtime.getTime();
    const entry = cache?.parse.get(file.id);
    let result = entry && entry.hash === file.hash && entry.mtimeMs === mtimeMs && entry.base === base ? entry.result : undefined;
    if (!result) {
      result = parsePost(file, withFiles);
      cache?.parse.set(file.id, { hash: file.hash, mtimeMs, base, result });
    }
    used.add(file.id);
    memo?.note(file, result);
    if (result.post) posts.push(result.post);
    diagnostics.push(...result.diagnostics);
  }
  if (cache) prune(cache.parse, used);
  return { posts, diagnostics: oncePerSite(diagnostics, AUTHOR_ID) };
}

/**
 * The first diagnostic of `code` only, saying how many posts share it: one missing authors file
 * is one problem, however many posts name an author.
 */
function oncePerSite(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  const all = diagnostics.filter((d) => d.code === code);
  if (all.length < 2) return diagnostics;
  const first = all.reduce((a, b) => (b.file < a.file || (b.file === a.file && (b.line ?? 0) < (a.line ?? 0)) ? b : a));
  const others = new Set(all.map((d) => d.file)).size - 1;
  const summary = others > 0 ? { ...first, message: `${first.message} (and in ${others} more ${others === 1 ? 'post' : 'posts'})` } : first;
  return diagnostics.filter((d) => d.code !== code || d === first).map((d) => (d === first ? summary : d));
}
