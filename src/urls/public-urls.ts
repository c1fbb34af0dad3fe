// The URLs a page, feed or sitemap publishes. With a base URL (`https://example.org/sub/`) they
// are absolute, as search engines and feed readers need; without one they cannot be, so they
// fall back to hrefs under the base path (`/sub/ko/`) — still correct on the site itself.
import type { ResolvedConfig } from '../types.js';
import { underBasePath, withBase } from './hrefs.js';

/**
 * Stands in for the missing origin when there is no base URL: `new URL()` (and the feed library)
 * only take absolute URLs. The `.invalid` TLD is reserved (RFC 2606) and never resolves, and
 * `stripPlaceholder` removes it from the finished text again.
 */
export const PLACEHOLDER_ORIGIN = 'https://omnipress-relative.invalid';

export interface PublicUrls {
  /** Whether `full()` gives absolute URLs (a base URL is set). */
  absolute: boolean;
  /** Site path → href under the base path, percent-encoded: `/ko/posts/글/` → `/sub/ko/posts/%EA%B8%80/`. */
  href(sitePath: string): string;
  /** Site path → absolute URL when a base URL is set, else `href(sitePath)`. */
  full(sitePath: string): string;
  /**
   * A URL an author wrote (front-matter `image`, an href in a post) → absolute when possible.
   * Root-relative URLs get the base path first (unless they carry it already); path-relative
   * ones resolve against the page at `pageSitePath`; URLs with a scheme, protocol-relative and
   * fragment-only URLs are returned unchanged.
   */
  resolve(url: string, pageSitePath: string): string;
}

/**
 * `keepPlaceholder`: without a base URL, return URLs on PLACEHOLDER_ORIGIN instead of relative
 * ones, for code that insists on absolute URLs (the feed library); strip it from the result.
 */
export function publicUrls(config: Pick<ResolvedConfig, 'baseUrl' | 'basePath'>, options: { keepPlaceholder?: boolean } = {}): PublicUrls {
  const origin = config.baseUrl ? new URL(config.baseUrl).origin : PLACEHOLDER_ORIGIN;
  const finish = (url: string) => (config.baseUrl || options.keepPlaceholder ? url : stripPlaceholder(url));
  const href = (sitePath: string) => withBase(config.basePath, sitePath);
  return {
    absolute: config.baseUrl !== '',
    href,
    full: (sitePath) => finish(origin + href(sitePath)),
    resolve(url, pageSitePath) {
      const trimmed = url.trim();
      if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
      const rooted = trimmed.startsWith('/') ? underBasePath(trimmed, config.basePath) : trimmed;
      try {
        return finish(new URL(rooted, origin + href(pageSitePath)).href);
      } catch {
        return trimmed;
      }
    },
  };
}

/** `https://omnipress-relative.invalid/sub/ko/` → `/sub/ko/`, everywhere in a finished text. */
export function stripPlaceholder(text: string): string {
  return text.split(PLACEHOLDER_ORIGIN).join('');
}
