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

/**
 * Watch the site and call `onChanges` with each debounced ChangeSet: `debounceMs` after the last
 * event (an editor's atomic save is a write to a temporary file, a rename and sometimes a delete),
 * but at most `maxWaitMs` after the first, so a stream of events cannot starve the rebuild.
 */
export function watchSite(
  config: ResolvedConfig,
  onChanges: (changes: ChangeSet) => void,
  options: { debounceMs?: number; maxWaitMs?: number; onError?(error: Error): void } = {},
): SiteWatcher {
  const { debounceMs = 50, maxWaitMs = 500 } = options;
  const watched = [config.postsDir, draftsBeside(config.postsDir), path.join(config.root, 'templates'), config.publicDir].filter(
    (dir): dir is string => dir !== undefined,
  );
  // Only what can hold a watched path is descended into: the root, and the folders on the way down.
  const relevant = (file: string) =>
    file === config.root ||
    watched.some((dir) => isInside(file, dir) || isInside(dir, file)) ||
    classify(file, config) === 'config';
  // Posts given with --posts may live outside the site folder (an existing blog's `_posts/`).
  const outside = watched.filter((dir) => !isInside(dir, config.root) && fs.existsSync(dir));
  const watcher: FSWatcher = watch([config.root, ...outside], {
    ignoreInitial: true,
    ignored: (file) => !relevant(path.resolve(file)),
  });

  let pending: ChangeSet = [];
  let timer: NodeJS.Timeout | undefined;
  let firstAt = 0;
  const flush = () => {
    timer = undefined;
    const changes = pending;
    pending = [];
    if (changes.length > 0) onChanges(changes);
  };
  watcher.on('all', (event, file) => {
    const abs = path.resolve(file);
    const kind = classify(abs, config);
    if (!kind) return;
    if (pending.length === 0) firstAt = Date.now();
    pending.push({ kind, event: event as ChangeEvent, path: abs });
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - Date.now())));
  });

  // An unwatchable folder (permissions, too many watches) must not take the server down.
  watcher.on('error', (error) => options.onError?.(error instanceof Error ? error : new Error(String(error))));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
