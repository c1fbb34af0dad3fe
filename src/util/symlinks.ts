// Symbolic links under a folder whose files get published (posts/, public/). A link is followed
// only while it stays inside that folder: a post named `env.md` linking to /proc/self/environ, or
// a folder linking to `/`, must not put the machine's files on the site.
import fs from 'node:fs';
import { isInside } from './paths.js';

/** Where a symbolic link leads: what it says (`../../.git/config`) and the real path it resolves to. */
export interface LinkTarget {
  /** The link's own text, as `ls -l` shows it. */
  text: string;
  /** The fully resolved path; undefined when the link leads nowhere (dangling, or a loop of links). */
  real?: string;
}

export function linkTarget(link: string): LinkTarget {
  let text: string;
  try {
    text = fs.readlinkSync(link);
  } catch {
    text = '?';
  }
  try {
    return { text, real: fs.realpathSync.native(link) };
  } catch {
    return { text };
  }
}

/** The real path of a folder (links in its own path resolved), or the path itself when it does not exist. */
export function realFolder(dir: string): string {
  try {
    return fs.realpathSync.native(dir);
  } catch {
    return dir;
  }
}

/** True when `target` resolves to somewhere inside the folder whose real path is `realRoot`. */
export function staysInside(target: LinkTarget, realRoot: string): target is LinkTarget & { real: string } {
  return target.real !== undefined && isInside(target.real, realRoot);
}

/** `posts/a.md links to /proc/self/environ` (with the resolved path when it says more). */
export function describeLink(target: LinkTarget): string {
  return target.real === undefined || target.real === target.text ? target.text : `${target.text} (${target.real})`;
}
