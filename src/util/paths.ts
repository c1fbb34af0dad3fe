// File-system path helpers shared by the stages (site paths and URLs are src/urls/'s). Ids and
// cache keys are always `/`-separated and NFC; file-system paths go through node:path.
import path from 'node:path';

/** `a\b` → `a/b`, NFC: the form every id and cache key uses. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/').normalize('NFC');
}

/** True when `child` is `parent` or inside it (both absolute). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

