// The translation desk: for every story (posts sharing a translationKey), which post is the
// original, which languages are missing, and which translations are stale, because their
// source's words changed after them. Pure: the caller hands it the posts and when each post's
// content last changed (git, util/git-content-history.ts).
import { checkDate } from '../content/dates.js';
import type { Lang, Post, ResolvedConfig } from '../types.js';

/** Where one language of a story stands. */
export type TranslationStatus = 'source' | 'current' | 'stale' | 'draft' | 'missing';

/** When a post's words last changed, and the commit that changed them (when git knows it). */
export interface ContentRevision {
  date: Date;
  commit?: string;
}

/** One language of a story. */
export interface StoryLanguage {
  lang: Lang;
  status: TranslationStatus;
  /** The post in this language; none when missing. */
  post?: Post;
  /** Its last content change (git's last commit changing body or title, or front matter `updated`). */
  changed?: ContentRevision;
  /** The source revision a translation follows: its `translatedFrom`, else its own last change. */
  follows?: Date;
  /** Stale: whole days between what the translation follows and the source's last change. */
  daysBehind?: number;
}

/** One story: its original and every configured language (in config order). */
export interface Story {
  key: string;
  source: Post;
  sourceChanged: ContentRevision;
  languages: StoryLanguage[];
}

/** One language's share of the site's stories. */
export interface LanguageSummary {
  lang: Lang;
  /** Published (not draft) posts in the language. */
  posts: number;
  /** Stories with a published post in the language, and their share of all stories (0–100). */
  translated: number;
  percent: number;
  missing: number;
  stale: number;
  /** Stories whose post in the language is still a draft. */
  drafts: number;
  /** Of this language's posts, how many exist in each other language. */
  into: Array<{ lang: Lang; count: number; percent: number }>;
}

export interface TranslationsReport {
  /** Stories with a published post. */
  stories: number;
  languages: LanguageSummary[];
  /** Stories with something to do in the languages asked about (missing, stale or draft), newest first. */
  todo: Story[];
}

export interface DeskOptions {
  /** Languages to report on (default: every configured one). */
  langs?: readonly Lang[];
  /** A source change less than this many days after a translation's is not stale. */
  staleAfterDays?: number;
  /** Last content change of a post file (absolute NFC path), when git knows it. */
  lastChange(sourcePath: string): ContentRevision | undefined;
  /** First commit of a post file, when git knows it: of posts dated the same, the first committed is the original. */
  firstChange(sourcePath: string): Date | undefined;
  /** Date of a commit named in `translatedFrom` (full or abbreviated hash), when git knows it. */
  commitDate(rev: string): Date | undefined;
}

const DAY = 86_400_000;
const UPDATED_KEYS = ['updated', 'last_modified_at', 'lastmod', 'modified'];

export function translationDesk(allPosts: readonly Post[], config: ResolvedConfig, options: DeskOptions): TranslationsReport {
  const codes = config.languages.map((l) => l.code);
  const asked = options.langs ?? codes;
  const groups = new Map<string, Map<Lang, Post>>();
  for (const post of [...allPosts].sort((a, b) => a.id.localeCompare(b.id))) {
    const group = groups.get(post.translationKey) ?? new Map<Lang, Post>();
    groups.set(post.translationKey, group);
    if (!group.has(post.lang)) group.set(post.lang, post);
  }
  const stories: Story[] = [];
  for (const [key, group] of groups) {
    const source = sourceOf(group, codes, config, options);
    if (!source) continue; // every post of it is a draft: nothing to translate yet
    const sourceChanged = contentRevision(source, config, options.lastChange);
    const languages = codes.map((lang): StoryLanguage => {
      const post = group.get(lang);
      if (!post) return { lang, status: 'missing' };
      if (post === source) return { lang, status: 'source', post, changed: sourceChanged };
      const changed = contentRevision(post, config, options.lastChange);
      if (post.draft) return { lang, status: 'draft', post, changed };
      const follows = followedRevision(post, options, config) ?? changed.date;
      const behind = sourceChanged.date.getTime() - follows.getTime();
      const stale = behind > 0 && behind >= (options.staleAfterDays ?? 0) * DAY;
      return stale
        ? { lang, status: 'stale', post, changed, follows, daysBehind: Math.floor(behind / DAY) }
        : { lang, status: 'current', post, changed, follows };
    });
    stories.push({ key, source, sourceChanged, languages });
  }
  stories.sort((a, b) => b.source.date.getTime() - a.source.date.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const published = (s: Story, lang: Lang) => s.languages.find((l) => l.lang === lang && l.post && l.status !== 'draft');
  const share = (n: number, of: number) => (of === 0 ? 100 : Math.floor((n * 100) / of));
  const languages = asked.map((lang): LanguageSummary => {
    const count = (status: TranslationStatus) => stories.filter((s) => s.languages.some((l) => l.lang === lang && l.status === status)).length;
    const own = stories.filter((s) => published(s, lang));
    return {
      lang,
      posts: allPosts.filter((p) => p.lang === lang && !p.draft).length,
      translated: own.length,
      percent: share(own.length, stories.length),
      missing: count('missing'),
      stale: count('stale'),
      drafts: count('draft'),
      into: codes.filter((other) => other !== lang).map((other) => {
        const both = own.filter((s) => published(s, other)).length;
        return { lang: other, count: both, percent: share(both, own.length) };
      }),
    };
  });
  const todo = stories.filter((s) => s.languages.some((l) => asked.includes(l.lang) && (l.status === 'missing' || l.status === 'stale' || l.status === 'draft')));
  return { stories: stories.length, languages, todo };
}

/**
 * The original of a story: the post marked `original: true`, else the one another post names in
 * `translationOf`, else the one published first (of the same date, the first committed, then
 * config language order). Drafts never are.
 */
function sourceOf(group: Map<Lang, Post>, codes: readonly Lang[], config: ResolvedConfig, options: DeskOptions): Post | undefined {
  const candidates = [...group.values()].filter((p) => !p.draft);
  const marked = candidates.find((p) => p.data.original === true);
  if (marked) return marked;
  for (const post of group.values()) {
    const named = post.data.translationOf;
    if (typeof named !== 'string' || !named.trim()) continue;
    const found = candidates.find((p) => p !== post && names(p, config).includes(named.trim().normalize('NFC')));
    if (found) return found;
  }
  const order = (p: Post) => codes.indexOf(p.lang);
  // Translations usually carry the original's date: the first committed is the original then.
  const committed = (p: Post) => options.firstChange(p.sourcePath.normalize('NFC'))?.getTime() ?? Infinity;
  return candidates.sort((a, b) => a.date.getTime() - b.date.getTime() || committed(a) - committed(b) || order(a) - order(b))[0];
}

/** What `translationOf` may say to name a post: its path in the posts folder or the site, its file name, its slug or its language. */
function names(post: Post, config: ResolvedConfig): string[] {
  const fromRoot = post.sourcePath.slice(config.root.length + 1).split('\\').join('/').normalize('NFC');
  const file = post.id.slice(post.id.lastIndexOf('/') + 1);
  return [post.id, fromRoot, file, file.replace(/\.(md|markdown)$/i, ''), post.slug, post.lang];
}

/** The later of git's last content change and front matter `updated`; the post's date when neither is known. */
export function contentRevision(post: Post, config: ResolvedConfig, lastChange: DeskOptions['lastChange']): ContentRevision {
  const git = lastChange(post.sourcePath.normalize('NFC'));
  const key = UPDATED_KEYS.find((k) => post.keyLines[k] !== undefined);
  const written = key ? checkDate(post.data[key], config.timeZone).date : undefined;
  if (git && (!written || git.date >= written)) return git;
  return { date: written ?? post.date };
}

/** `translatedFrom: 2024-06-01` or `translatedFrom: <commit>`: the source revision the translation follows. */
function followedRevision(post: Post, options: DeskOptions, config: ResolvedConfig): Date | undefined {
  const value = post.data.translatedFrom;
  if (value instanceof Date) return value;
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const text = value.trim();
  if (/^[0-9a-f]{7,40}$/i.test(text) && !/^\d{8}$/.test(text)) {
    const date = options.commitDate(text.toLowerCase());
    if (date) return date;
  }
  return checkDate(text, config.timeZone).date;
}
