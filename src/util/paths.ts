// Path helpers shared by the stages. Site paths (`/ko/posts/slug/`) are always `/`-separated and
// NFC; file-system paths go through node:path.
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

/** Output path of a site path: `/ko/posts/x/` → `ko/posts/x/index.html`, `/etc/x` → `etc/x/index.html`. */
export function outputPathOf(sitePath: string): string {
  const trimmed = sitePath.replace(/^\/+/, '');
  if (trimmed === '') return 'index.html';
  if (/\.[a-z0-9]+$/i.test(trimmed) && !trimmed.endsWith('/')) return trimmed;
  return `${trimmed.replace(/\/+$/, '')}/index.html`;
}

/**
 * Percent-encode a site path for use in an href, keeping `/`: `/ko/posts/모델/` →
 * `/ko/posts/%EB%AA%A8%EB%8D%B8/`. Hangul and Han stay readable in the file system and
 * address bar, but links are ASCII so every host and tool handles them.
 */
export function encodeSitePath(sitePath: string): string {
  // Most paths need no escaping at all (ASCII slugs); testing costs far less than splitting.
  if (NOTHING_TO_ENCODE.test(sitePath)) return sitePath;
  return sitePath
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** Characters encodeURIComponent leaves as they are, and `/`. */
const NOTHING_TO_ENCODE = /^[A-Za-z0-9\-_.!~*'()/]*$/;

/** Join a base path (`/` or `/sub/`) and a site path (`/ko/`) into an href (`/sub/ko/`). */
export function withBase(basePath: string, sitePath: string): string {
  return basePath.replace(/\/+$/, '') + encodeSitePath(sitePath.startsWith('/') ? sitePath : `/${sitePath}`);
}
