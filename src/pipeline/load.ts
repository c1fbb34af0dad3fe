// Stage 1: walk posts/ → SourceFile[]. Reads and normalizes text; parses nothing.
import fs from 'node:fs';
import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../types.js';
import { prune, type PipelineCache } from './cache.js';
import { hashText } from '../util/hash.js';
import { toPosix } from '../util/paths.js';

const POST_EXTENSIONS = /\.(md|markdown)$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface LoadResult {
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

/**
 * Every `*.md` / `*.markdown` under `postsDir` (hidden files and folders skipped), sorted by id.
 * With a `cache` (dev server), a file whose mtime and size are unchanged is not read again.
 */
export function loadPosts(postsDir: string, cache?: PipelineCache['load']): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  if (!fs.existsSync(postsDir)) {
    cache?.clear();
    return { files, diagnostics };
  }
  for (const absPath of walk(postsDir)) {
    if (cache) {
      seen.add(absPath);
      const stat = safeStat(absPath);
      const cached = cache.get(absPath);
      if (cached && stat && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
        files.push(cached.file);
        continue;
      }
      cache.delete(absPath);
    }
    const bytes = fs.readFileSync(absPath);
    let raw: string;
    try {
      raw = utf8.decode(bytes);
    } catch {
      diagnostics.push(error(absPath, 'the file is not valid UTF-8', { hint: 'save it as UTF-8 in your editor' }));
      continue;
    }
    const text = normalizeText(raw);
    const stat = fs.statSync(absPath);
    const file: SourceFile = { id: toPosix(path.relative(postsDir, absPath)), absPath, text, hash: hashText(text), mtime: stat.mtime };
    files.push(file);
    cache?.set(absPath, { mtimeMs: stat.mtimeMs, size: stat.size, file });
  }
  if (cache) prune(cache, seen);
  files.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { files, diagnostics };
}

/**
 * BOM stripped, CRLF and lone CR → LF, NFC: Windows editors add the first two, macOS file
 * systems and some IMEs produce decomposed Hangul, and every later stage assumes neither.
 */
export function normalizeText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

function* walk(dir: string): Generator<string> {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && safeStat(full)?.isDirectory());
    if (isDir) yield* walk(full);
    else if (POST_EXTENSIONS.test(entry.name) && (entry.isFile() || safeStat(full)?.isFile())) yield full;
  }
}

function safeStat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
