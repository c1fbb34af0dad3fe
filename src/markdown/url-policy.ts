// URL policy shared by Markdown links (validateLink), the raw-HTML scanner and the sanitizer, so
// that all three agree on what is removed — and every removal can be reported.

/** How to fix a URL the policy refuses, for warnings. */
export const UNSAFE_URL_HINT =
  'links and images may use http(s), mailto, tel and relative URLs, and data: only for PNG, JPEG, GIF, WebP or AVIF images; ' +
  'javascript:, vbscript: and file: URLs are never published';

/** Schemes a link or media URL may use; anything else (javascript:, vbscript:, file:…) is refused. */
export const SAFE_SCHEMES: readonly string[] = [
  'http', 'https', 'mailto', 'tel', 'sms', 'ftp', 'magnet', 'irc', 'ircs', 'xmpp', 'geo',
];

// `data:` only for raster images (as markdown-it's own validateLink), plus AVIF.
const SAFE_DATA = /^data:image\/(?:gif|png|jpeg|webp|avif);/i;
const SCHEME = /^([a-z][a-z0-9.+-]*):/i;

/**
 * Whether a URL is safe in href/src. The value must already be entity-decoded (htmlparser2 and
 * markdown-it both do that). Like browsers, and like sanitize-html's check, control characters
 * and whitespace anywhere are ignored, so `java\tscript:` and ` JavaScript:` are caught.
 */
export function isSafeUrl(url: string): boolean {
  const cleaned = stripComments(url.replace(/[\x00-\x20]+/g, ''));
  const scheme = SCHEME.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === undefined) return true; // relative, fragment or protocol-relative
  if (scheme === 'data') return SAFE_DATA.test(cleaned);
  return SAFE_SCHEMES.includes(scheme);
}

/** Each URL of a `srcset` (descriptors such as `2x`/`640w` are skipped). */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+|\s+/)
    .map((part) => part.replace(/,$/, ''))
    .filter((part) => part !== '' && !/^\d+(?:\.\d+)?[wxh]$/i.test(part));
}

/**
 * A test for "links to another site": absolute http(s) or protocol-relative URLs whose origin
 * differs from `siteOrigin` (every absolute URL counts when the site has no origin configured).
 */
export function externalLinkTest(siteOrigin: string): (href: string) => boolean {
  const own = originOf(siteOrigin);
  return (href) => {
    if (!/^(?:https?:)?\/\//i.test(href)) return false;
    const origin = originOf(href);
    return origin === undefined || origin !== own;
  };
}

function originOf(url: string): string | undefined {
  if (url === '') return undefined;
  try {
    return new URL(url, 'https://base.invalid').origin;
  } catch {
    return undefined;
  }
}

// An HTML comment inside an attribute value can hide a scheme from naive checks (sanitize-html
// strips them too).
function stripComments(url: string): string {
  let out = url;
  for (let start = out.indexOf('<!--'); start !== -1; start = out.indexOf('<!--')) {
    const end = out.indexOf('-->', start + 4);
    if (end === -1) break;
    out = out.slice(0, start) + out.slice(end + 3);
  }
  return out;
}
