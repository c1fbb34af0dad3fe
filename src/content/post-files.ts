// Which Markdown files under the posts folder are posts. Blogs moved from Jekyll (Chirpy), Hexo
// and Hugo keep files beside their posts that are not posts, and use their file and folder names
// to say things (drafts, languages, page bundles). Pure functions of names; load.ts walks the
// folders and parse.ts reads the conventions, both through these.
import path from 'node:path';

export const POST_EXTENSIONS = /\.(md|markdown)$/i;

/** Jekyll's and Hexo's drafts folder: its posts are drafts, shown only with `--drafts`. */
export const DRAFTS_FOLDER = '_drafts';

/** A Markdown file or a folder that is not walked into posts, and why (shown by migrate-check). */
export interface SkippedFile {
  sourcePath: string;
  reason: string;
}

/** Why a folder is not walked, or undefined when it is (drafts folders are walked). */
export function skipFolderReason(name: string): string | undefined {
  if (name.startsWith('.') || name === 'node_modules') return 'hidden folder';
  if (name.startsWith('_') && name !== DRAFTS_FOLDER) return 'folder name starts with _ (Jekyll, Hexo and Hugo keep non-posts there)';
  return undefined;
}

/** Why a Markdown file is not a post, judged by its name alone; undefined when it may be one. */
export function skipFileReason(name: string): string | undefined {
  if (name.startsWith('.')) return 'hidden file';
  if (/^readme(\.[\w-]+)?\.(md|markdown)$/i.test(name)) return 'README';
  if (/^_index(\.[\w-]+)?\.(md|markdown)$/i.test(name)) return 'Hugo section page (_index.md)';
  if (name.startsWith('_')) return 'file name starts with _';
  return undefined;
}

/**
 * Jekyll's `_posts` folder (not Hexo's `source/_posts`, which takes any name): Jekyll publishes
 * only files named `YYYY-MM-DD-title` there, and skips the others without a word.
 */
export function isJekyllPostsFolder(postsDir: string): boolean {
  return path.basename(postsDir) === '_posts' && path.basename(path.dirname(postsDir)) !== 'source';
}

/**
 * Why a file of Jekyll's `_posts` is not a post: its name starts like a date but not a whole one
 * (`2023-10-title.md`), so Jekyll never published it. Names without a date at all stay posts
 * (omnipress dates them from their front matter), as do whole dates.
 */
export function incompleteDateReason(name: string): string | undefined {
  const prefix = /^\d{4}-\d{1,2}-(?!\d)/.exec(name);
  if (!prefix) return undefined;
  return `incomplete date prefix "${prefix[0]}": Jekyll reads only YYYY-MM-DD-title names in _posts and never published it (rename it to add the day)`;
}

/** `index.md`, `index.en.md`, `index.markdown`: the page of a Hugo leaf bundle (or its translation). */
export function isBundleIndex(name: string): boolean {
  return /^index(\.[\w-]+)?\.(md|markdown)$/i.test(name);
}

/**
 * Jekyll keeps drafts in `_drafts/` beside `_posts/`, Hexo in `source/_drafts/` beside
 * `source/_posts/`: when the posts folder is a `_posts` folder, that sibling is read too.
 */
export function draftsBeside(postsDir: string): string | undefined {
  return path.basename(postsDir) === '_posts' ? path.join(path.dirname(postsDir), DRAFTS_FOLDER) : undefined;
}

/** True when the post came from a drafts folder (`_drafts/…`, or the `_drafts/` beside a `_posts` folder). */
export function inDraftsFolder(id: string): boolean {
  return id.split('/').slice(0, -1).includes(DRAFTS_FOLDER);
}

/**
 * `x-en.md` (or `2024-05-14-x-en.md`) beside `x.md` is the `en` translation of `x.md`, when `en` is
 * a configured language and the base file exists in the same folder. Returns that language and
 * the base file's id, whose slug the translation shares; undefined otherwise (`my-en.md` alone is
 * just a post called "my-en").
 */
export function dashTranslation(
  id: string,
  languages: readonly string[],
  hasFile: (id: string) => boolean,
): { lang: string; baseId: string } | undefined {
  const slash = id.lastIndexOf('/');
  const dir = id.slice(0, slash + 1);
  const file = id.slice(slash + 1);
  const ext = POST_EXTENSIONS.exec(file)?.[0];
  if (!ext) return undefined;
  const name = file.slice(0, -ext.length);
  for (const code of languages) {
    const suffix = `-${code.toLowerCase()}`;
    if (!name.toLowerCase().endsWith(suffix) || name.length === suffix.length) continue;
    const base = name.slice(0, -suffix.length);
    const baseId = ['.md', '.markdown', ext].map((e) => `${dir}${base}${e}`).find(hasFile);
    if (baseId) return { lang: code, baseId };
  }
  return undefined;
}
