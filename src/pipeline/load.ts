// Stage 1: walk posts/ → SourceFile[]. Reads and normalizes text; parses nothing.
import fs from 'node:fs';
import path from 'node:path';
import {
  DRAFTS_FOLDER, POST_EXTENSIONS, draftsBeside, incompleteDateReason, isBundleIndex, isJekyllPostsFolder, skipFileReason, skipFolderReason,
  type SkippedFile,
} from '../content/post-files.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../types.js';
import { prune, type PipelineCache } from './cache.js';
import type { SinceLastRun } from './since-last-run.js';
import { hashText } from '../util/hash.js';
import { isInside } from '../util/paths.js';
import { describeLink, linkTarget, realFolder, staysInside, type LinkTarget } from '../util/symlinks.js';
import type { PostArea, PostFileEntry, PostListing } from './post-listing.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface LoadResult {
  files: SourceFile[];
  diagnostics: Diagnostic[];
  /** Markdown files and folders that are not posts (READMEs, `_index.md`, `_`-folders…). */
  skipped: SkippedFile[];
}

/**
 * Every post file under `postsDir`, sorted by id (see findPostFiles for what is not a post).
 * With a `cache`, a file whose mtime and size are unchanged is not read again. With `since` (dev
 * server), the folder is walked only when it has no listing to trust, and a cached file is reused
 * without a stat: the watcher has told rebuild.ts which entries to drop.
 */
export function loadPosts(
  postsDir: string,
  cache?: PipelineCache['load'],
  languages: readonly string[] = [],
  since?: SinceLastRun,
): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  if (!fs.existsSync(postsDir)) {
    cache?.clear();
    since?.listed(undefined);
    return { files, diagnostics, skipped: [] };
  }
  const trusted = since?.listing();
  const found = trusted ?? findPostFiles(postsDir, languages);
  since?.listed(found);
  diagnostics.push(...found.diagnostics);
  for (const { sourcePath, id, area } of found.files) {
    let stat: fs.Stats | undefined;
    if (cache) {
      seen.add(sourcePath);
      const cached = cache.get(sourcePath);
      if (cached && trusted) {
        files.push(cached.file);
        continue;
      }
      stat = safeStat(sourcePath);
      if (cached && stat && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
        files.push(cached.file);
        continue;
      }
      cache.delete(sourcePath);
    }
    // Stat before reading: a save in between then shows as a newer mtime next time, never as
    // old text under a new mtime.
    stat ??= fs.statSync(sourcePath);
    // The dev server's listing may be older than the file: one that became a link out of the folder since is not read.
    const link = fs.lstatSync(sourcePath).isSymbolicLink() ? linkTarget(sourcePath) : undefined;
    if (link && !staysInside(link, area.realRoot)) {
      diagnostics.push(linkOutside(sourcePath, link, area, 'file'));
      continue;
    }
    const bytes = fs.readFileSync(sourcePath);
    let raw: string;
    try {
      raw = utf8.decode(bytes);
    } catch {
      diagnostics.push(error(sourcePath, 'the file is not valid UTF-8', { hint: 'save it as UTF-8 in your editor' }));
      continue;
    }
    const text = normalizeText(raw);
    const file: SourceFile = { id, sourcePath, text, hash: hashText(text), mtime: stat.mtime };
    files.push(file);
    cache?.set(sourcePath, { mtimeMs: stat.mtimeMs, size: stat.size, file });
  }
  if (cache) prune(cache, seen);
  files.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { files, diagnostics, skipped: found.skipped };
}

/**
 * The post files of a posts folder, as Jekyll, Hexo and Hugo lay them out: every `*.md` /
 * `*.markdown` at any depth, except READMEs, Hugo's `_index.md`, files and folders starting with
 * `.` or `_` (but `_drafts/`, whose posts are drafts), the other Markdown files of a page bundle
 * (a folder holding `index.md`), and an `index.md` at the top of the posts folder or of a
 * language folder (a section's home page, not a post). When the posts folder is a `_posts`
 * folder, the `_drafts/` beside it (Jekyll's `_drafts`, Hexo's `source/_drafts`) is read too;
 * its files get ids under `_drafts/`. In Jekyll's `_posts` (not Hexo's `source/_posts`), a name
 * with an incomplete date prefix (`2023-10-title.md`) is not a post, as for Jekyll.
 *
 * Symbolic links are followed only while they stay inside the folder being read (an error names
 * any other), and every folder is walked once by its real path: a link to a folder read already
 * (a loop such as `a -> .`, or a second name for a folder) is a warning and is not followed.
 * Links to folders are followed after every real folder, so posts keep the ids of where they are.
 */
export function findPostFiles(postsDir: string, languages: readonly string[] = []): PostListing {
  const files: PostFileEntry[] = [];
  const skipped: SkippedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const codes = new Set(languages.map((code) => code.toLowerCase()));
  const walked = new Set<string>();
  const linkedFolders: Array<{ link: string; target: LinkTarget & { real: string }; id: string; from: string; area: PostArea }> = [];

  // Jekyll's `_posts`, not its `_drafts/` beside it (drafts carry no date by design).
  const jekyllPosts = isJekyllPostsFolder(postsDir) ? realFolder(postsDir) : undefined;
  const walk = (dir: string, realDir: string, idPrefix: string, top: boolean, area: PostArea): void => {
    if (walked.has(realDir)) return;
    walked.add(realDir);
    const entries = fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((entry) => resolveEntry(dir, entry));
    // A folder directly in the posts folder named after a language (`ko/`) is a language folder,
    // not a page bundle, even with an index.md.
    const sectionHome = top || (idPrefix.split('/').length === 2 && codes.has(path.basename(dir).toLowerCase()));
    const bundle = !sectionHome && entries.some((e) => isBundleIndex(e.name) && e.kind === 'file');
    for (const { name, kind, link } of entries) {
      const full = path.join(dir, name);
      const id = `${idPrefix}${name}`.normalize('NFC');
      if (kind === 'folder') {
        // Everything inside a page bundle belongs to its page (images, notes), like Hugo's leaf bundles.
        if (bundle) continue;
        const reason = skipFolderReason(name);
        if (reason) {
          if (!name.startsWith('.') && name !== 'node_modules') skipped.push({ sourcePath: full, reason });
          continue;
        }
        if (!link) walk(full, path.join(realDir, name), `${id}/`, false, area);
        else if (staysInside(link, area.realRoot)) linkedFolders.push({ link: full, target: link, id, from: realDir, area });
        else diagnostics.push(linkOutside(full, link, area, 'folder'));
        continue;
      }
      if (!POST_EXTENSIONS.test(name) || kind !== 'file') continue;
      const reason =
        skipFileReason(name) ??
        (bundle && !isBundleIndex(name) ? `part of the page bundle ${path.basename(dir)}/ (only its index.md is a post)` : undefined) ??
        (sectionHome && isBundleIndex(name) ? 'index page of the posts folder or of a language folder' : undefined) ??
        (area.realRoot === jekyllPosts ? incompleteDateReason(name) : undefined);
      if (reason) skipped.push({ sourcePath: full, reason });
      else if (link && !staysInside(link, area.realRoot)) diagnostics.push(linkOutside(full, link, area, 'file'));
      else files.push({ sourcePath: full, id, area });
    }
  };

  walk(postsDir, realFolder(postsDir), '', true, { realRoot: realFolder(postsDir), name: 'the posts folder' });
  const siblingDrafts = draftsBeside(postsDir);
  if (siblingDrafts && safeStat(siblingDrafts)?.isDirectory()) {
    const realDrafts = realFolder(siblingDrafts);
    const drafts: PostArea = { realRoot: realDrafts, name: `the ${DRAFTS_FOLDER} folder` };
    // The _drafts/ beside _posts is read without being named: it may not lead away from the site either.
    if (isInside(realDrafts, realFolder(path.dirname(postsDir)))) walk(siblingDrafts, realDrafts, `${DRAFTS_FOLDER}/`, false, drafts);
    else diagnostics.push(linkOutside(siblingDrafts, linkTarget(siblingDrafts), { ...drafts, name: `the folder holding ${path.basename(postsDir)}/` }, 'folder'));
  }
  // Grows while it is walked: a linked folder may hold links too.
  for (const { link, target, id, from, area } of linkedFolders) {
    if (walked.has(target.real)) diagnostics.push(linkReadAlready(link, target, isInside(from, target.real)));
    else walk(link, target.real, `${id}/`, false, area);
  }
  return { files, skipped, diagnostics };
}

/** A folder entry with links resolved: what it leads to, and where when it is a link. */
function resolveEntry(dir: string, entry: fs.Dirent): { name: string; kind?: 'file' | 'folder'; link?: LinkTarget } {
  const { name } = entry;
  if (!entry.isSymbolicLink()) return { name, kind: entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined };
  const full = path.join(dir, name);
  const stat = safeStat(full);
  // A dangling link is nothing at all, as an empty name would be.
  return { name, kind: stat?.isDirectory() ? 'folder' : stat?.isFile() ? 'file' : undefined, link: linkTarget(full) };
}

function linkOutside(link: string, target: LinkTarget, area: PostArea, kind: 'file' | 'folder'): Diagnostic {
  return error(
    link,
    `a symbolic link to ${describeLink(target)}, outside ${area.name}: ${kind === 'file' ? 'it is' : 'nothing in it is'} not read`,
    {
      hint: `put the ${kind} itself in ${area.name}; links may lead only to files inside it, so that no file from elsewhere on the machine is published`,
      code: 'symlink-outside',
    },
  );
}

function linkReadAlready(link: string, target: LinkTarget, loop: boolean): Diagnostic {
  return warning(
    link,
    loop
      ? `a symbolic link to ${target.text}, a folder that holds the link itself: the loop is not followed`
      : `a symbolic link to the folder ${target.text}, whose posts are read already: they are read once, from there`,
    { hint: 'remove the link', code: 'symlink-loop' },
  );
}

/**
 * BOM stripped, CRLF and lone CR → LF, NFC: Windows editors add the first two, macOS file
 * systems and some IMEs produce decomposed Hangul, and every later stage assumes neither.
 */
export function normalizeText(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // Most files have no CR at all; looking costs far less than a replace that finds nothing.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text.normalize('NFC');
}

function safeStat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
