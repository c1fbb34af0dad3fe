// Symbolic links under posts/ (with the `_drafts/` beside a `_posts` folder) and public/ that lead
// out of their folder, or nowhere. The build refuses them (load.ts, public-files.ts), and the
// watcher must not follow them either: one may lead to `/`, or into a loop. chokidar is told to
// ignore them, which also hides their own coming and going; the raw event of the folder holding
// one tells that instead, so that deleting a refused link rebuilds the site without its error.
import fs from 'node:fs';
import path from 'node:path';
import { draftsBeside } from '../content/post-files.js';
import type { ResolvedConfig } from '../types.js';
import { isInside } from '../util/paths.js';
import { linkTarget, realFolder, staysInside } from '../util/symlinks.js';

export interface OutwardLinks {
  /** True when `file` is such a link: chokidar must not look behind it. */
  ignores(file: string): boolean;
  /** What happened to `file`, named by a raw event of its folder, when it is or was such a link. */
  eventFor(file: string): 'add' | 'change' | 'unlink' | undefined;
}

export function outwardLinks(config: ResolvedConfig): OutwardLinks {
  const drafts = draftsBeside(config.postsDir);
  const areas = [config.postsDir, drafts, config.publicDir].filter((dir): dir is string => dir !== undefined);
  const leadsOut = (file: string): boolean => {
    const area = areas.find((dir) => isInside(file, dir));
    // The posts and public folders may themselves be links (--posts names one); the _drafts/ beside
    // _posts is read unnamed, so it may not lead out of the folder holding _posts/.
    if (area === undefined || (file === area && area !== drafts)) return false;
    try {
      if (!fs.lstatSync(file).isSymbolicLink()) return false;
    } catch {
      return false;
    }
    return !staysInside(linkTarget(file), realFolder(file === drafts ? path.dirname(config.postsDir) : area));
  };
  const refused = new Set<string>();
  return {
    ignores(file) {
      if (!leadsOut(file)) return false;
      refused.add(file);
      return true;
    },
    eventFor(file) {
      const was = refused.has(file);
      if (leadsOut(file)) {
        refused.add(file);
        return was ? 'change' : 'add';
      }
      if (!was) return undefined;
      refused.delete(file);
      return fs.existsSync(file) ? 'change' : 'unlink';
    },
  };
}
