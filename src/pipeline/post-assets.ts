// Files that posts reference by a relative path — images (`./img/a.png`, `img/a.png`, Hexo's
// asset folder `my-post/a.png` or plain `a.png`, a Hugo leaf bundle's `a.png` beside its
// index.md) and linked files such as `./slides.pdf` — are copied next to the post's page, at the
// same relative path, so the link works unchanged: on the site, under a base path, and in feeds
// (which make it absolute). Only files a post references are copied; they never become posts.
// A referenced image that is not there is a warning naming the post's line (code
// `missing-image`); a linked file that is not there is left to `omnipress check` (a dead link).
// A file that is there but may not be published — a type that could run code on the site, a
// host's configuration file (post-asset-types.ts), a symbolic link out of the posts folder, a
// file that would take the place of a generated one or of another post's different file — is an
// error at the link's line (code `post-asset`), one per link, and is not copied. Collisions with
// pages, redirects and public/ are found when the outputs are made (output-claims.ts).
import fs from 'node:fs';
import path from 'node:path';
import { draftsBeside } from '../content/post-files.js';
import { displayPath, error, warning, type Diagnostic } from '../diagnostics.js';
import type { LinkRef } from '../markdown/renderer.js';
import type { OutputFile, OutputOrigin, Post, Site } from '../types.js';
import { isInside } from '../util/paths.js';
import { generatedOwner, outputKey } from '../urls/generated-paths.js';
import { outputPathOf, postSitePath } from '../urls/site-paths.js';
import { refuseAsset } from './post-asset-types.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

// A link to a folder or to another post's Markdown file is a page, never a file to copy. Other
// relative links (`slides.pdf`, `page.html`, `CNAME`) are files when there is one of that name:
// copied if it may be published, else reported, never skipped in silence.
const NOT_A_FILE = /(?:\.(?:md|markdown)|\/)$/i;

/** A post's images and linked files with a relative URL (neither absolute nor root-relative). */
export function relativeAssets(links: readonly LinkRef[]): LinkRef[] {
  return links.filter((link) => isRelative(link.url) && (link.kind === 'image' || !NOT_A_FILE.test(link.url.replace(/[?#].*$/, ''))));
}

export function isRelative(url: string): boolean {
  return url !== '' && !url.startsWith('/') && !url.startsWith('#') && !url.startsWith('?') && !SCHEME.test(url);
}

export interface PostAssets {
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
}

/** A file copied for some post: a second link to the same place must be to the same file. */
interface Copied {
  output: OutputFile & { content: Buffer; origin: OutputOrigin };
  /** Absolute path of the file copied. */
  source: string;
}

/** The files to copy for every post's relative images and linked files, and a diagnostic for each one that is not copied. */
export function postAssets(site: Site, assetsOf: (post: Post) => readonly LinkRef[]): PostAssets {
  const { config } = site;
  const copied = new Map<string, Copied>();
  const diagnostics: Diagnostic[] = [];
  // In id order, so which of two posts linking different files to one place is reported does not depend on dates.
  for (const post of [...site.posts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const assets = assetsOf(post);
    if (assets.length === 0) continue;
    const pageDir = path.posix.dirname(outputPathOf(site.postUrls.get(post.id) ?? postSitePath(post, site.config)));
    for (const asset of assets) {
      const rel = filePart(asset.url);
      const found = rel === undefined ? undefined : findAsset(post.sourcePath, rel, config.postsDir);
      if (rel === undefined || found === undefined) {
        if (asset.kind === 'image') diagnostics.push(missing(post, asset, rel));
        continue;
      }
      const what = `${asset.kind === 'image' ? 'image' : 'file'} ${safeDecode(asset.url)}`;
      const refuse = (reason: string, hint: string) =>
        diagnostics.push(error(post.sourcePath, `${what} is not copied: ${reason}`, { line: asset.line, code: 'post-asset', hint }));
      if (found === OUTSIDE) {
        refuse('it is a symbolic link to a file outside the posts folder', 'put the file itself beside the post');
        continue;
      }
      const refusal = refuseAsset(rel, asset.kind, config.trustedAssets);
      if (refusal) {
        refuse(refusal.reason, refusal.hint);
        continue;
      }
      const out = path.posix.join(pageDir, rel);
      const generated = generatedOwner(out, config);
      if (generated) {
        refuse(`it would be written to /${out}, in ${generated}`, 'give the post another permalink, or put the file in a folder of its own');
        continue;
      }
      const key = outputKey(out);
      const other = copied.get(key);
      if (other?.source === found) continue;
      const content = fs.readFileSync(found);
      if (!other) {
        const origin = { file: post.sourcePath, line: asset.line, what: `${what} of ${displayPath(post.sourcePath, config.root)}:${asset.line}` };
        copied.set(key, { source: found, output: { path: out, content, origin } });
      } else if (!other.output.content.equals(content)) {
        refuse(`it would be written to /${out}, where the different ${other.output.origin.what} goes`, 'give one of the two files another name');
      }
    }
  }
  return { outputs: [...copied.values()].map((file) => file.output), diagnostics };
}

/** The URL's path, decoded and normalized (`./img/a%20b.png?x` → `img/a b.png`); undefined when it leaves the page's folder. */
export function filePart(url: string): string | undefined {
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

/** findAsset: the file is there, but only through a symbolic link that leads out of the posts folder. */
export const OUTSIDE = Symbol('outside the posts folder');

/**
 * Where the file is: beside the post (a Hugo leaf bundle, `img/a.png`, Hexo's `my-post/a.png`),
 * else in the post's asset folder, named like the post file without its extension (Hexo's
 * `post_asset_folder`). Only files inside the folder the post was read from are taken: the posts
 * folder, or the `_drafts/` beside a `_posts` folder (Hexo drafts keep their asset folder there).
 */
export function findAsset(sourcePath: string, rel: string, postsDir: string): string | typeof OUTSIDE | undefined {
  const { root, candidates } = assetPlaces(sourcePath, rel, postsDir);
  let outside = false;
  for (const candidate of candidates) {
    try {
      if (!fs.statSync(candidate).isFile()) continue;
      // A symlink may not smuggle a file from elsewhere on the machine into the site.
      if (isInside(fs.realpathSync(candidate), fs.realpathSync(root))) return candidate;
      outside = true;
    } catch {
      // not there; try the next place
    }
  }
  return outside ? OUTSIDE : undefined;
}

/** The places findAsset looks for `rel`, in order, all inside `root` (the folder the post was read from). */
export function assetPlaces(sourcePath: string, rel: string, postsDir: string): { root: string; candidates: string[] } {
  const drafts = draftsBeside(postsDir);
  const root = drafts && isInside(sourcePath, drafts) ? drafts : postsDir;
  const assetFolder = sourcePath.replace(/\.(md|markdown)$/i, '');
  const candidates = [path.join(path.dirname(sourcePath), rel), path.join(assetFolder, rel)].filter((candidate) => isInside(candidate, root));
  return { root, candidates };
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
