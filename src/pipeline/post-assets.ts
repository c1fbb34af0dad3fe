// Files that posts reference by a relative path — images (`./img/a.png`, `img/a.png`, Hexo's
// asset folder `my-post/a.png` or plain `a.png`, a Hugo leaf bundle's `a.png` beside its
// index.md) and linked files such as `./slides.pdf` — are copied next to the post's page, at the
// same relative path, so the link works unchanged: on the site, under a base path, and in feeds
// (which make it absolute). Only files a post references are copied; they never become posts.
// A referenced image that is not there is a warning naming the post's line (code
// `missing-image`); a linked file that is not there is left to `omnipress check` (a dead link).
import fs from 'node:fs';
import path from 'node:path';
import { draftsBeside } from '../content/post-files.js';
import { warning, type Diagnostic } from '../diagnostics.js';
import type { LinkRef } from '../markdown/create.js';
import type { OutputFile, Post, Site } from '../types.js';
import { isInside, outputPathOf } from '../util/paths.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

// Relative links to pages (other posts' .md files, folders) are not files to copy.
const PAGE_LIKE = /(?:\.(?:md|markdown|html?)|\/)$/i;
const FILE_LIKE = /\.[a-z0-9]{1,8}$/i;

/** A post's images and linked files with a relative URL (neither absolute nor root-relative). */
export function relativeAssets(links: readonly LinkRef[]): LinkRef[] {
  return links.filter((link) => {
    if (!isRelative(link.url)) return false;
    const file = link.url.replace(/[?#].*$/, '');
    return link.kind === 'image' || (FILE_LIKE.test(file) && !PAGE_LIKE.test(file));
  });
}

export function isRelative(url: string): boolean {
  return url !== '' && !url.startsWith('/') && !url.startsWith('#') && !url.startsWith('?') && !SCHEME.test(url);
}

export interface PostAssets {
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
}

/** The files to copy for every post's relative images and linked files, and a warning for each image not found. */
export function postAssets(site: Site, assetsOf: (post: Post) => readonly LinkRef[]): PostAssets {
  const outputs = new Map<string, OutputFile>();
  const diagnostics: Diagnostic[] = [];
  for (const post of site.posts) {
    const assets = assetsOf(post);
    if (assets.length === 0) continue;
    const pageDir = path.posix.dirname(outputPathOf(site.postUrls.get(post.id) ?? `/${post.lang}/posts/${post.slug}/`));
    for (const asset of assets) {
      const rel = filePart(asset.url);
      const file = rel === undefined ? undefined : findAsset(post, rel, site.config.postsDir);
      if (rel === undefined || file === undefined) {
        if (asset.kind === 'image') diagnostics.push(missing(post, asset, rel));
        continue;
      }
      const out = path.posix.join(pageDir, rel);
      if (!outputs.has(out)) outputs.set(out, { path: out, content: fs.readFileSync(file) });
    }
  }
  return { outputs: [...outputs.values()], diagnostics };
}

/** The URL's path, decoded and normalized (`./img/a%20b.png?x` → `img/a b.png`); undefined when it leaves the page's folder. */
function filePart(url: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.replace(/[?#].*$/, ''));
  } catch {
    return undefined;
  }
  const normal = path.posix.normalize(decoded.normalize('NFC'));
  if (normal === '.' || normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal)) return undefined;
  return normal;
}

/**
 * Where the image is: beside the post (a Hugo leaf bundle, `img/a.png`, Hexo's `my-post/a.png`),
 * else in the post's asset folder, named like the post file without its extension (Hexo's
 * `post_asset_folder`). Only files inside the folder the post was read from are taken: the posts
 * folder, or the `_drafts/` beside a `_posts` folder (Hexo drafts keep their asset folder there).
 */
function findAsset(post: Post, rel: string, postsDir: string): string | undefined {
  // Hidden files and folders (.env, .git/) are never published, as load skips them too.
  if (rel.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  const drafts = draftsBeside(postsDir);
  const root = drafts && isInside(post.sourcePath, drafts) ? drafts : postsDir;
  const dir = path.dirname(post.sourcePath);
  const assetFolder = post.sourcePath.replace(/\.(md|markdown)$/i, '');
  for (const candidate of [path.join(dir, rel), path.join(assetFolder, rel)]) {
    if (!isInside(candidate, root)) continue;
    try {
      // A symlink may not smuggle a file from elsewhere on the machine into the site.
      if (fs.statSync(candidate).isFile() && isInside(fs.realpathSync(candidate), fs.realpathSync(root))) return candidate;
    } catch {
      // not there; try the next place
    }
  }
  return undefined;
}

function missing(post: Post, image: LinkRef, rel: string | undefined): Diagnostic {
  const shown = safeDecode(image.url);
  const base = path.basename(post.sourcePath).replace(/\.(md|markdown)$/i, '');
  return warning(
    post.sourcePath,
    rel === undefined ? `image ${shown} is outside the post's folder and is not copied` : `image ${shown} is not found beside the post`,
    {
      line: image.line,
      code: 'missing-image',
      hint:
        rel === undefined
          ? 'put the image beside the post (or in its folder) and link it relatively, or put it under public/ and link it from the site root'
          : `put it at ${rel} beside the post or in the post's asset folder ${base}/; images under public/ are linked from the site root (/images/a.png)`,
    },
  );
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
