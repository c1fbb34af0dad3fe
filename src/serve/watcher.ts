// chokidar → debounced ChangeSet. Watches the site root, but descends only into posts/,
// templates/ and public/ and looks only at the config file besides them, so the output and cache
// folders (and node_modules) are never watched. Each change is classified before anything is
// rebuilt (Zola's ChangeKind), and rebuild.ts picks the cheapest correct rebuild for the set.
import fs from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { CONFIG_FILES } from '../config.js';
import { draftsBeside } from '../content/post-files.js';
import type { ResolvedConfig } from '../types.js';
import { isInside } from '../util/paths.js';
import { outwardLinks } from './outward-links.js';

/** What a change touches, which decides what is rebuilt. */
export type ChangeKind = 'post' | 'template' | 'public' | 'config';

export type ChangeEvent = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';

/** One file-system change under the site. */
export interface Change {
  kind: ChangeKind;
  event: ChangeEvent;
  /** Absolute path. */
  path: string;
}

/** Changes that arrived together (within the debounce window), in arrival order. */
export type ChangeSet = Change[];

export interface SiteWatcher {
  /** Settles once the initial scan is done: changes made after it are reported. */
  ready: Promise<void>;
  /** Whether no change is waiting to be reported: no batch in its debounce window, no recheck due. */
  quiet(): boolean;
  /** Settles when quiet() holds. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Editors' swap, backup and lock files: never content (`.#post.md`, `post.md~`, `.post.md.swp`, vim's `4913`). */
const EDITOR_JUNK = /(^\.#|^#.*#$|~$|\.sw[a-p]$|^4913$|\.tmp$|\.crdownload$)/i;

/** The kind of a change at `file`, or undefined when it does not matter to the site. */
export function classify(file: string, config: ResolvedConfig): ChangeKind | undefined {
  const name = path.basename(file);
  if (EDITOR_JUNK.test(name)) return undefined;
  if (config.configFile === file || (path.dirname(file) === config.root && (CONFIG_FILES as readonly string[]).includes(name))) return 'config';
  if (isInside(file, config.outDir) || isInside(file, config.cacheDir)) return undefined;
  const drafts = draftsBeside(config.postsDir);
  if (isInside(file, config.postsDir) || (drafts && isInside(file, drafts))) return name.startsWith('.') ? undefined : 'post';
  if (isInside(file, path.join(config.root, 'templates'))) return name.startsWith('.') ? undefined : 'template';
  // public/ is copied as is, dot files (.well-known/, .nojekyll) included.
  if (isInside(file, config.publicDir)) return 'public';
  return undefined;
}

/** How long chokidar suppresses further `change` events of a file after reporting one. */
const CHOKIDAR_CHANGE_THROTTLE_MS = 50;

/** Size and mtime of a file, or '' when it cannot be read. */
function stampOf(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return '';
  }
}

/**
 * Watch the site and call `onChanges` with each debounced ChangeSet: `debounceMs` after the last
 * event (an editor's atomic save is a write to a temporary file, a rename and sometimes a delete,
 * all within a millisecond or two; a save split across two batches still ends in the right pages,
 * as the second batch's build follows the first), but at most `maxWaitMs` after the first, so a
 * stream of events cannot starve the rebuild. The window is short because it is part of the wait
 * between saving and seeing the page.
 */
export function watchSite(
  config: ResolvedConfig,
  onChanges: (changes: ChangeSet) => void,
  options: { debounceMs?: number; maxWaitMs?: number; onError?(error: Error): void } = {},
): SiteWatcher {
  const { debounceMs = 20, maxWaitMs = 500 } = options;
  const watched = [config.postsDir, draftsBeside(config.postsDir), path.join(config.root, 'templates'), config.publicDir].filter(
    (dir): dir is string => dir !== undefined,
  );
  // Only what can hold a watched path is descended into: the root, and the folders on the way down.
  const relevant = (file: string) =>
    file === config.root ||
    watched.some((dir) => isInside(file, dir) || isInside(dir, file)) ||
    classify(file, config) === 'config';
  const linksOut = outwardLinks(config);
  // Posts given with --posts may live outside the site folder (an existing blog's `_posts/`).
  const outside = watched.filter((dir) => !isInside(dir, config.root) && fs.existsSync(dir));
  const watcher: FSWatcher = watch([config.root, ...outside], {
    ignoreInitial: true,
    ignored: (file) => {
      const abs = path.resolve(file);
      return !relevant(abs) || linksOut.ignores(abs);
    },
  });

  let pending: ChangeSet = [];
  let timer: NodeJS.Timeout | undefined;
  let firstAt = 0;
  const recheckTimers = new Set<NodeJS.Timeout>();
  let waiting: Array<() => void> = [];
  const quiet = () => timer === undefined && recheckTimers.size === 0;
  const wakeIfQuiet = () => {
    if (!quiet()) return;
    const wake = waiting;
    waiting = [];
    for (const resolve of wake) resolve();
  };
  const flush = () => {
    timer = undefined;
    const changes = pending;
    pending = [];
    if (changes.length > 0) {
      onChanges(changes);
      recheckLater(changes);
    }
    wakeIfQuiet();
  };
  const push = (change: Change) => {
    if (pending.length === 0) firstAt = Date.now();
    pending.push(change);
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - Date.now())));
  };
  /**
   * chokidar drops a file's `change` events for 50 ms after one it reported, with no event at the
   * end of that window: a second save in quick succession (a formatter on save, a script) would
   * never be seen. So each changed file is looked at again once that window is over, and a size or
   * mtime other than at the flush counts as a change of its own.
   */
  const recheckLater = (changes: ChangeSet) => {
    const seen = new Map<string, Change & { stamp: string }>();
    for (const change of changes) if (change.event === 'change') seen.set(change.path, { ...change, stamp: stampOf(change.path) });
    if (seen.size === 0) return;
    const recheck = setTimeout(() => {
      recheckTimers.delete(recheck);
      for (const change of seen.values()) {
        const { stamp, ...rest } = change;
        if (stampOf(change.path) !== stamp) push(rest);
      }
      wakeIfQuiet();
    }, CHOKIDAR_CHANGE_THROTTLE_MS + 10);
    recheckTimers.add(recheck);
  };
  watcher.on('all', (event, file) => {
    const abs = path.resolve(file);
    const kind = classify(abs, config);
    if (!kind) return;
    push({ kind, event: event as ChangeEvent, path: abs });
  });
  // chokidar reports nothing of the links it ignores; a raw event of their folder names them.
  watcher.on('raw', (_event, name, details) => {
    const folder = (details as { watchedPath?: string }).watchedPath;
    if (typeof name !== 'string' || name === '' || folder === undefined) return;
    const abs = path.resolve(folder, name);
    const event = linksOut.eventFor(abs);
    const kind = event && classify(abs, config);
    if (event && kind) push({ kind, event, path: abs });
  });

  // An unwatchable folder (permissions, too many watches) must not take the server down.
  watcher.on('error', (error) => options.onError?.(error instanceof Error ? error : new Error(String(error))));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    quiet,
    settled: () => (quiet() ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    async close() {
      clearTimeout(timer);
      timer = undefined;
      for (const recheck of recheckTimers) clearTimeout(recheck);
      recheckTimers.clear();
      wakeIfQuiet();
      await watcher.close();
    },
  };
}
