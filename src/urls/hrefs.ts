// Site paths as the hrefs pages link them with: under the site's base path (`/repo/` when it is
// published at https://user.github.io/repo/) and percent-encoded.

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

/**
 * A root-relative URL (`/ko/posts/x/`, `/img/a.png`) moved under the site's base path (`/repo/`),
 * so that links authors write keep working when the site is published under a sub-path. Other
 * URLs, and ones already under the base path, are returned as they are.
 */
export function underBasePath(url: string, basePath: string): string {
  if (basePath === '/' || !url.startsWith('/') || url.startsWith('//')) return url;
  const base = basePath.replace(/\/+$/, '');
  return url === base || url.startsWith(`${base}/`) ? url : `${base}${url}`;
}
