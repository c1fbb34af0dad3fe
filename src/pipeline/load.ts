// Stage 1: walk posts/ → SourceFile[]. Reads and normalizes text; parses nothing.
import fs from 'node:fs';
import path from 'node:path';
import {
  DRAFTS_FOLDER, POST_EXTENSIONS, draftsBeside, isBundleIndex, skipFileReason, skipFolderReason, type SkippedFile,
} from '../content/post-files.js';
import { error, type Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../types.js';
import { prune, type PipelineCache, type ServeShortcuts } from './cache.js';
import { hashText } from '../util/hash.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface LoadResult {
  files: SourceFile[];
  diagnostics: Diagnostic[];
  /** Markdown files and folders that are not posts (READMEs, `_index.md`, `_`-folders…). */
  skipped: SkippedFile[];
}

/** The post files of a posts folder and the Markdown files that are not posts (findPostFiles). */
export type PostListing = ReturnType<typeof findPostFiles>;

/**
 * Every post file under `postsDir`, sorted by id (see findPostFiles for what is not a post).
 * With a `cache` (dev server), a file whose mtime and size are unchanged is not read again.
 * With `serve` (dev server), the folder is walked only when `serve.listing` is empty, and a cached
 * file is reused without a stat: the watcher has told rebuild.ts which entries to drop.
 */
export function loadPosts(
  postsDir: string,
  cache?: PipelineCache['load'],
  languages: readonly string[] = [],
  serve?: ServeShortcuts,
): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  if (!fs.existsSync(postsDir)) {
    cache?.clear();
    if (serve) serve.listing = undefined;
    return { files, diagnostics, skipped: [] };
  }
  const trusted = serve?.listing;
  const found = trusted ?? findPostFiles(postsDir, languages);
  if (serve) serve.listing = found;
  for (const { absPath, id } of found.files) {
    let stat: fs.Stats | undefined;
    if (cache) {
      seen.add(absPath);
      const cached = cache.get(absPath);
      if (cached && trusted) {
        files.push(cached.file);
        continue;
      }
      stat = safeStat(absPath);
      if (cached && stat && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
        files.push(cached.file);
        continue;
      }
      cache.delete(absPath);
    }
    // Stat before reading: a save in between then shows as a newer mtime next time, never as
    // old text under a new mtime.
    stat ??= fs.statSync(absPath);
    const bytes = fs.readFileSync(absPath);
    let raw: string;
    try {
      raw = utf8.decode(bytes);
    } catch {
      diagnostics.push(error(absPath, 'the file is not valid UTF-8', { hint: 'save it as UTF-8 in your editor' }));
      continue;
    }
    const text = normalizeText(raw);
    const file: SourceFile = { id, absPath, text, hash: hashText(text), mtime: stat.mtime };
    files.push(file);
    cache?.set(absPath, { mtimeMs: stat.mtimeMs, size: stat.size, file });
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
 * its files get ids under `_drafts/`.
 */
export function findPostFiles(postsDir: string, languages: readonly string[] = []): { files: Array<{ absPath: string; id: string }>; skipped: SkippedFile[] } {
  const files: Array<{ absPath: string; id: string }> = [];
  const skipped: SkippedFile[] = [];
  const codes = new Set(languages.map((code) => code.toLowerCase()));
  const walk = (dir: string, idPrefix: string, top: boolean): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    const isDir = (entry: fs.Dirent) => entry.isDirectory() || (entry.isSymbolicLink() && safeStat(path.join(dir, entry.name))?.isDirectory());
    const isFile = (entry: fs.Dirent) => entry.isFile() || (entry.isSymbolicLink() && safeStat(path.join(dir, entry.name))?.isFile());
    // A folder directly in the posts folder named after a language (`ko/`) is a language folder,
    // not a page bundle, even with an index.md.
    const sectionHome = top || (idPrefix.split('/').length === 2 && codes.has(path.basename(dir).toLowerCase()));
    const bundle = !sectionHome && entries.some((e) => isBundleIndex(e.name) && isFile(e));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const id = `${idPrefix}${entry.name}`.normalize('NFC');
      if (isDir(entry)) {
        // Everything inside a page bundle belongs to its page (images, notes), like Hugo's leaf bundles.
        if (bundle) continue;
        const reason = skipFolderReason(entry.name);
        if (reason) {
          if (!entry.name.startsWith('.') && entry.name !== 'node_modules') skipped.push({ absPath: full, reason });
          continue;
        }
        walk(full, `${id}/`, false);
        continue;
      }
      if (!POST_EXTENSIONS.test(entry.name) || !isFile(entry)) continue;
      const reason =
        skipFileReason(entry.name) ??
        (bundle && !isBundleIndex(entry.name) ? `part of the page bundle ${path.basename(dir)}/ (only its index.md is a post)` : undefined) ??
        (sectionHome && isBundleIndex(entry.name) ? 'index page of the posts folder or of a language folder' : undefined);
      if (reason) skipped.push({ absPath: full, reason });
      else files.push({ absPath: full, id });
    }
  };
  walk(postsDir, '', true);
  const siblingDrafts = draftsBeside(postsDir);
  if (siblingDrafts && safeStat(siblingDrafts)?.isDirectory()) walk(siblingDrafts, `${DRAFTS_FOLDER}/`, false);
  return { files, skipped };
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
