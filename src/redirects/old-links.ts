// Links in post bodies to a post's old address (config `legacyPermalink`) → the post's address.
// Migrated posts link each other the old way (`/2024/05/14/gpt-4o/`); the redirect page would
// catch such a link, but a reader should not pass through it, nor a search engine count it.
//
// The rewrite runs on each body's HTML after markdown, every build, so Markdown links and raw
// HTML alike are rewritten, and the markdown cache keeps bodies as written: a rewritten link can
// never be stale when the post it leads to moves.
import { decodeHTML } from 'entities';
import type { Site } from '../types.js';
import { withBase } from '../urls/hrefs.js';

/** Old addresses, compared as `oldAddressKey` makes them, → the site path of the post each now leads to. */
export type OldAddresses = ReadonlyMap<string, string>;

/** Every old address a redirect page is written for under `legacyPermalink`; empty without the key. */
export function oldAddresses(site: Site): OldAddresses {
  const found = new Map<string, string>();
  for (const redirect of site.redirects) {
    if (redirect.legacy) found.set(oldAddressKey(redirect.from), site.postUrls.get(redirect.postId)!);
  }
  return found;
}

/**
 * A site path (decoded, without the base path) as old addresses are compared: with or without
 * the trailing slash or `index.html`, all lead to one page.
 */
export function oldAddressKey(sitePath: string): string {
  return sitePath.normalize('NFC').replace(/\/index\.html$/i, '/').replace(/\/+$/, '') || '/';
}

/**
 * The href to write instead of `href` (as the page has it: percent-encoded, maybe under the base
 * path, maybe with `?query` or `#fragment`, which are kept), or undefined when it is no old address.
 */
export function newHref(href: string, addresses: OldAddresses, basePath: string, host = ''): string | undefined {
  const path = host ? onSite(href, host) : href;
  if (path === undefined || !path.startsWith('/') || path.startsWith('//')) return undefined;
  const cut = path.search(/[?#]/);
  const target = oldTarget(cut === -1 ? path : path.slice(0, cut), addresses, basePath);
  return target === undefined ? undefined : withBase(basePath, target) + (cut === -1 ? '' : path.slice(cut));
}

/**
 * A link to the site's own host written in full (`https://me.github.io/2024/05/14/x/`: blogs that
 * kept their domain) as the path it is on the site; other links as they are.
 */
function onSite(href: string, host: string): string | undefined {
  const full = /^https?:\/\/([^/?#]+)(.*)$/i.exec(href);
  if (!full) return href;
  return full[1]!.toLowerCase() === host && (full[2] === '' || full[2]!.startsWith('/')) ? full[2] || '/' : undefined;
}

/** The site path now behind an old address, given as a site path with or without the base path. */
export function oldTarget(path: string, addresses: OldAddresses, basePath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const base = basePath.replace(/\/+$/, '');
  const found = addresses.get(oldAddressKey(decoded));
  if (found !== undefined || base === '' || !(decoded === base || decoded.startsWith(`${base}/`))) return found;
  return addresses.get(oldAddressKey(decoded.slice(base.length) || '/'));
}

// The href of an <a> tag: double-quoted (markdown-it, the sanitizer), single-quoted or bare (raw HTML under trustedHtml).
const ANCHOR_HREF = /(<a\s(?:[^>"']|"[^"]*"|'[^']*')*?\bhref\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/**
 * `html` with every <a href> to an old address leading to the post's address instead; `host`
 * (the site's, from baseUrl) lets links written in full with it count too.
 */
export function rewriteOldLinks(html: string, addresses: OldAddresses, basePath: string, host = ''): string {
  if (addresses.size === 0 || !html.includes('href')) return html;
  return html.replace(ANCHOR_HREF, (whole, start: string, double?: string, single?: string, bare?: string) => {
    const raw = double ?? single ?? bare ?? '';
    const href = raw.includes('&') ? decodeHTML(raw) : raw;
    const next = newHref(href, addresses, basePath, host);
    if (next === undefined) return whole;
    // The new path is percent-encoded; only the kept query and fragment can hold `&` or quotes.
    const quote = single !== undefined ? "'" : '"';
    const escaped = next.replace(/&/g, '&amp;').replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&#39;');
    return `${start}${quote}${escaped}${quote}`;
  });
}
