// Links and images in post bodies, checked against the pages the build would write: a Markdown
// link to a site path that is no page (`/ko/posts/missing/`, `../other-post/`) is an error, a
// local image that is not there or has no alt text is a warning. Lines come from the markdown
// stage (link-refs plugin), so they point into the source file.
import path from 'node:path';
import { displayPath, error, info, warning, type Diagnostic } from '../diagnostics.js';
import type { LinkRef } from '../markdown/renderer.js';
import { oldTarget, type OldAddresses } from '../redirects/old-links.js';
import type { Post, Site } from '../types.js';
import { DEFAULT_PERMALINK } from '../urls/permalink-pattern.js';
import { outputPathOf, postSitePath } from '../urls/site-paths.js';
import { isRelative } from '../pipeline/post-assets.js';

/** What a link may point at: every file of the output (pages, feeds, assets) and of public/. */
export interface LinkTargets {
  /** Output paths relative to the output folder, `/`-separated, NFC (`ko/posts/x/index.html`). */
  files: ReadonlySet<string>;
  /** Posts the build leaves out (drafts, scheduled): their would-be site path → the post. */
  unpublished: ReadonlyMap<string, Post>;
  /** Posts' old addresses under `legacyPermalink` (redirects/old-links.ts), which the build rewrites links to; none when absent. */
  oldAddresses?: OldAddresses;
}

/** The code of the note on each link to an old address (check.ts sums them up in text). */
export const OLD_ADDRESS_LINK = 'old-address-link';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const ORIGIN = 'https://site.invalid';

/** Diagnostics for the links and images of one published post. */
export function checkPostLinks(post: Post, links: readonly LinkRef[], site: Site, targets: LinkTargets): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const pageUrl = site.postUrls.get(post.id) ?? postSitePath(post, site.config);
  for (const link of links) {
    const shown = readable(link.url);
    // A raw-HTML <img alt=""> says on purpose that the image is decorative; Markdown cannot.
    if (link.kind === 'image' && !link.html && link.alt?.trim() === '') {
      diagnostics.push(
        warning(post.sourcePath, `image ${shown || '(no URL)'} has no alt text`, {
          line: link.line,
          hint:
            'describe what it shows, e.g. ![a chart of response times](…); screen readers and search engines read it. ' +
            'An image that is only decoration can be written <img src="…" alt="">',
        }),
      );
    }
    const target = sitePathOf(link.url, pageUrl, site.config.basePath);
    if (target === undefined) continue;
    const now = targets.oldAddresses && link.kind === 'link' && link.url.startsWith('/') ? oldTarget(target, targets.oldAddresses, '/') : undefined;
    if (now !== undefined) {
      diagnostics.push(
        info(post.sourcePath, `link to ${shown} uses an old address; the build makes it ${now}`, {
          line: link.line,
          code: OLD_ADDRESS_LINK,
          hint: `write ${now} in the post, so the link stays right without legacyPermalink`,
        }),
      );
      continue;
    }
    if (exists(target, targets.files)) continue;
    const where = target === shown ? shown : `${shown} (${target})`;
    if (link.kind === 'image') {
      // A relative image is the build's to copy; it already warns (missing-image) when it cannot.
      if (isRelative(link.url)) continue;
      diagnostics.push(
        warning(post.sourcePath, `image ${where} is not a file of the site`, {
          line: link.line,
          hint: 'put the image under public/ and link it from the site root, e.g. /images/chart.png',
        }),
      );
    } else {
      diagnostics.push(
        error(post.sourcePath, `link to ${where} points nowhere: no page of the site has that path`, {
          line: link.line,
          hint: deadLinkHint(link.url, target, post, site, targets),
        }),
      );
    }
  }
  return diagnostics;
}

/**
 * The site path (decoded, NFC, without the base path) a link leads to, or undefined for what is
 * not checked: other sites and schemes, fragments of the same page, empty links.
 */
export function sitePathOf(url: string, pageUrl: string, basePath: string): string | undefined {
  if (url === '' || url.startsWith('#') || url.startsWith('?') || url.startsWith('//') || SCHEME.test(url)) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, new URL(pageUrl, ORIGIN)).pathname);
  } catch {
    return url; // broken percent-encoding: no page has that path
  }
  const base = basePath.replace(/\/+$/, '');
  // Authors may write links with the base path or without it (base-path.ts adds it when missing).
  if (base !== '' && url.startsWith('/') && (pathname === base || pathname.startsWith(`${base}/`))) {
    pathname = pathname.slice(base.length) || '/';
  }
  return pathname.normalize('NFC');
}

/** `/ko/posts/x/`, `/ko/posts/x` (hosts redirect it) and `/ko/posts/x/index.html` all reach the page. */
function exists(sitePath: string, files: ReadonlySet<string>): boolean {
  const rel = sitePath.replace(/^\/+/, '');
  return files.has(rel) || files.has(outputPathOf(sitePath));
}

function deadLinkHint(url: string, target: string, post: Post, site: Site, targets: LinkTargets): string {
  const unpublished = targets.unpublished.get(target) ?? targets.unpublished.get(`${target}/`);
  if (unpublished) {
    return unpublished.draft
      ? `it is the draft ${displayPath(unpublished.sourcePath, site.config.root)}, which is not published (remove its draft: true, or build with --drafts)`
      : `it is ${displayPath(unpublished.sourcePath, site.config.root)}, scheduled for later and not published yet (build with --future to include it)`;
  }
  // `[other](../zh/2024-05-14-other.md)` works on GitHub but not on the site: name the page's URL.
  if (/\.(md|markdown)$/i.test(target)) {
    const file = safeDecode(url.split(/[?#]/)[0] ?? '');
    const source = path.posix.normalize(path.posix.join(path.posix.dirname(post.id), file)).normalize('NFC');
    const linked = site.posts.find((p) => p.id === source);
    if (linked) return `link to the page of that post instead: ${site.postUrls.get(linked.id)}`;
  }
  const segment = target.replace(/\/+$/, '').split('/').pop() ?? '';
  const sameSlug = site.posts.filter((p) => p.slug === segment && p.id !== post.id).map((p) => site.postUrls.get(p.id));
  if (sameSlug.length > 0) return `did you mean ${sameSlug.join(' or ')}?`;
  const pattern = site.config.permalink.text;
  if (pattern === DEFAULT_PERMALINK) return 'post pages are /<lang>/posts/<slug>/; check the slug (file name without the date) and the language';
  return `post pages are at ${pattern} (the config's permalink); check the slug, the date and the language`;
}

/** The URL as the author wrote it, Hangul and Han readable again. */
function readable(url: string): string {
  return safeDecode(url);
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/**
 * `diagnostics` with the notes on links to old addresses summed up in one note on the site: a
 * migrated blog can have hundreds, and each is the build's to fix. (`--verbose` and the JSON and
 * GitHub formats list every one, with its file and line, for the editor who fixes the sources.)
 */
export function sumUpOldAddressLinks(diagnostics: readonly Diagnostic[], root: string): Diagnostic[] {
  const count = diagnostics.filter((d) => d.code === OLD_ADDRESS_LINK).length;
  if (count === 0) return [...diagnostics];
  const note = info(root, `${count === 1 ? '1 link uses an old address' : `${count} links use old addresses`} (legacyPermalink); the build rewrites them`, {
    code: OLD_ADDRESS_LINK,
    hint: 'omnipress check --verbose lists each with its file and line, to fix in the posts',
  });
  return [...diagnostics.filter((d) => d.code !== OLD_ADDRESS_LINK), note];
}
