// The build cache on disk (`.omnipress-cache/build/`): the same PipelineCache the dev server keeps
// in memory, saved after a successful `build` and read by the next one, so that a build with
// nothing changed skips parsing, markdown and templates, and one edited post re-renders only what
// shows it. Output stays what a cold build writes: entries are keyed on content, and the whole
// cache on what every entry silently depends on:
//
//   omnipress itself   its version and a hash of its running code: another omnipress, another cache
//   the config         all of it (`now` aside, which only the model stage reads, and it always runs)
//   the templates      layouts, partials, i18n; a change keeps parsed posts and bodies, drops pages
//   git history        HEAD: posts' dates may come from it; another HEAD drops parsed posts
//
// Feeds are kept whole (a few hundred KB a language, however big the site): a warm build would
// otherwise rebuild them every time, a noticeable part of a build that changes nothing.
//
// Pages are not kept in the file (the output folder holds them): an entry remembers the size and
// mtime of the file it wrote, and a page that is unchanged is taken from that file, and linked
// rather than rewritten (write.ts), as long as the file is still the one written.
//
// A cache that cannot be read, is of another format, or another omnipress, is ignored; one that is
// damaged (a segment's checksum does not match, or the file is cut short) is ignored with a note.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { diskSearchCache } from '../search/cache.js';
import { info, type Diagnostic } from '../diagnostics.js';
import type { OutputFile, ResolvedConfig } from '../types.js';
import { seal, unseal } from '../util/checksum.js';
import { hashText } from '../util/hash.js';
import { packageVersion } from '../util/package-version.js';
import { PipelineCache, type PageEntry } from './cache.js';

/** Bump when what is stored changes shape. */
const FORMAT = 6;

interface StoredHeader {
  format: number;
  code: string;
  config: string;
  templates: string;
  git: string;
  parseLayouts: string;
}

interface Stored extends StoredHeader {
  parse: PipelineCache['parse'];
  markdown: PipelineCache['markdown'];
  pages: PipelineCache['pages'];
  feeds: PipelineCache['feeds'];
}

/** The keys the cache holds for: what a stored cache must match to be used. */
interface CacheKeys {
  code: string;
  config: string;
  templates: string;
  git: string;
}

function storeFile(config: ResolvedConfig): string {
  return path.join(config.cacheDir, 'build', 'pipeline.bin');
}

/**
 * The pipeline cache for a build of `config`: what the last build saved, or an empty one.
 * `notes` says what was found damaged and ignored, now (the saved file) and later (search parts).
 */
export function openBuildCache(config: ResolvedConfig, notes: Diagnostic[] = []): PipelineCache {
  const cache = new PipelineCache();
  const searchDir = path.join(config.cacheDir, 'search');
  cache.search = diskSearchCache(searchDir, (file) => notes.push(damagedSearchPart(file)));
  cache.previousPage = (outputPath, entry) => previousPage(config.outDir, outputPath, entry);
  const keys = cacheKeys(config);
  const file = storeFile(config);
  const stored = readStored(file);
  if (stored === 'damaged') {
    notes.push(info(file, 'the build cache is damaged (a checksum does not match) and was ignored: this build redoes everything'));
    return cache;
  }
  if (!stored || stored.code !== keys.code || stored.config !== keys.config) return cache;
  const unchanged = stored.git === keys.git && stored.templates === keys.templates;
  if (stored.git === keys.git) {
    cache.parse = new TrackedMap(stored.parse);
    cache.parseLayouts = stored.parseLayouts;
  }
  cache.markdown = new TrackedMap(stored.markdown);
  // Feeds are built without templates: the config and the posts they show (their key) are all they depend on.
  cache.feeds = new TrackedMap(stored.feeds);
  if (stored.templates === keys.templates) cache.pages = new TrackedMap(stored.pages);
  if (unchanged) loaded.add(cache);
  return cache;
}

/** Caches read whole from disk: saving one whose maps saw no change can be skipped. */
const loaded = new WeakSet<PipelineCache>();

/** A Map that notes whether anything was set or deleted since it was made. */
class TrackedMap<K, V> extends Map<K, V> {
  changed = false;
  constructor(entries: Iterable<readonly [K, V]>) {
    super(entries);
    this.changed = false;
  }
  override set(key: K, value: V): this {
    this.changed = true;
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.changed = true;
    return super.delete(key);
  }
  override clear(): void {
    this.changed = true;
    super.clear();
  }
}

/** True when nothing in `cache` changed since it was read: the file on disk still says it all. */
function unchangedSinceRead(cache: PipelineCache): boolean {
  const maps = [cache.parse, cache.markdown, cache.pages, cache.feeds];
  return loaded.has(cache) && maps.every((map) => map instanceof TrackedMap && !map.changed);
}

/**
 * After a successful build: note the size and mtime of every page file written (so that the next
 * build knows they are its own), and save the cache. Failing to save only costs the next build time.
 */
export function saveBuildCache(config: ResolvedConfig, cache: PipelineCache): void {
  // Pages that were not re-rendered were linked, so their size and mtime are as recorded.
  if (unchangedSinceRead(cache)) return;
  const pages: PipelineCache['pages'] = new Map();
  for (const [outputPath, entry] of cache.pages) {
    const stat = statOrUndefined(path.join(config.outDir, outputPath));
    if (stat) pages.set(outputPath, { inputs: entry.inputs, body: entry.body, key: entry.key, htmlHash: entry.htmlHash, written: { size: stat.size, mtimeMs: stat.mtimeMs } });
  }
  const header: StoredHeader = { format: FORMAT, ...cacheKeys(config), parseLayouts: cache.parseLayouts };
  const file = storeFile(config);
  const temp = `${file}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fd = fs.openSync(temp, 'w');
    writeSegment(fd, header);
    const maps: [MapName, ReadonlyMap<string, unknown>][] = [['parse', cache.parse], ['markdown', cache.markdown], ['pages', pages], ['feeds', cache.feeds]];
    for (const [name, map] of maps) {
      for (const entries of chunks(map)) writeSegment(fd, { map: name, entries });
    }
    writeSegment(fd, { end: true });
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
  } catch {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
  }
}

// The file is a series of segments, each a 4-byte length and a sealed (checksummed, util/checksum.ts)
// v8-serialized value: the header, then every map in chunks of entries, then an end mark. Written
// and read one chunk at a time, so that saving or reading the cache of a big site never holds the
// whole of it serialized at once. Any segment that fails its checksum discards the whole file:
// parse, markdown and page entries are read together, and a build from scratch is always right.

/** Entries per segment. */
const CHUNK = 512;

type MapName = 'parse' | 'markdown' | 'pages' | 'feeds';
type Segment = { map: MapName; entries: [string, unknown][] } | { end: true };

function* chunks<V>(map: ReadonlyMap<string, V>): Generator<[string, V][]> {
  let chunk: [string, V][] = [];
  for (const entry of map) {
    chunk.push(entry);
    if (chunk.length === CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

function writeSegment(fd: number, value: unknown): void {
  const body = seal(v8.serialize(value));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.byteLength);
  fs.writeSync(fd, length);
  fs.writeSync(fd, body);
}

/** Thrown when the file is not what was saved (not when it is of another format). */
class DamagedCache extends Error {}

/** The next segment's value; undefined for a first segment that is of another format. */
function readSegment(fd: number, size: number, first: boolean): unknown {
  const length = Buffer.alloc(4);
  // A segment claiming more bytes than the file has is damaged (and is not allocated).
  if (fs.readSync(fd, length, 0, 4, null) !== 4 || length.readUInt32LE() > size) throw new DamagedCache();
  const body = Buffer.alloc(length.readUInt32LE());
  if (fs.readSync(fd, body, 0, body.byteLength, null) !== body.byteLength) throw new DamagedCache();
  const unsealed = unseal(body);
  if (unsealed.ok) return v8.deserialize(unsealed.payload);
  if (first && unsealed.reason === 'foreign') return undefined;
  throw new DamagedCache();
}

function readStored(file: string): Stored | 'damaged' | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const { size } = fs.fstatSync(fd);
    const header = readSegment(fd, size, true) as StoredHeader | undefined;
    if (header?.format !== FORMAT) return undefined;
    const stored: Stored = { ...header, parse: new Map(), markdown: new Map(), pages: new Map(), feeds: new Map() };
    for (;;) {
      const segment = readSegment(fd, size, false) as Segment;
      if ('end' in segment) return stored;
      const map = stored[segment.map] as Map<string, unknown>;
      for (const [key, value] of segment.entries) map.set(key, value);
    }
  } catch (cause) {
    return cause instanceof DamagedCache ? 'damaged' : undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function damagedSearchPart(file: string): Diagnostic {
  return info(file, 'a part of the search index in the build cache is damaged (a checksum does not match) and was indexed again');
}

/**
 * The previous build's file for an unchanged page, if it is still the one that build wrote; its
 * content is read only when something asks for it (search indexing a language anew), since a
 * warm build otherwise only links the file (write.ts).
 */
function previousPage(outDir: string, outputPath: string, entry: PageEntry): OutputFile | undefined {
  const file = path.join(outDir, outputPath);
  const stat = statOrUndefined(file);
  if (!stat || !entry.written || stat.size !== entry.written.size || stat.mtimeMs !== entry.written.mtimeMs) return undefined;
  let content: string | undefined;
  return {
    path: outputPath,
    get content() {
      content ??= fs.readFileSync(file, 'utf8');
      return content;
    },
    previous: file,
  };
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------------------------------------------ keys

/** The folder of the running code (dist/, or src/ under the tests): its files and version. */
const CODE_DIR = fileURLToPath(new URL('..', import.meta.url));
let codeKey: string | undefined;

function cacheKeys(config: ResolvedConfig): CacheKeys {
  codeKey ??= hashText(`${packageVersion()}\0${FORMAT}\0${hashFiles(CODE_DIR, (name) => /\.(js|ts)$/.test(name) && !name.endsWith('.d.ts'))}`);
  const { now: _now, ...rest } = config;
  return {
    code: codeKey,
    config: hashText(JSON.stringify(rest)),
    // Theme assets are copied on every build and change no page.
    templates: hashText(config.templateDirs.map((dir) => hashFiles(dir, (_name, rel) => !rel.startsWith('assets/'))).join('\0')),
    git: gitHead(config.postsDir),
  };
}

/** A hash of every file under `dir` that `include` accepts: relative paths and contents, in a fixed order. */
function hashFiles(dir: string, include: (name: string, rel: string) => boolean): string {
  if (!fs.existsSync(dir)) return '';
  const parts: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full).split(path.sep).join('/');
    if (include(entry.name, rel)) parts.push(`${rel}\0${hashText(fs.readFileSync(full))}`);
  }
  return hashText(parts.sort().join('\n'));
}

/** The commit checked out where the posts are ('' outside git): dates from git follow it. */
function gitHead(dir: string): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}
