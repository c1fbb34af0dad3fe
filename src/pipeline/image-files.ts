// Where a post's local images are on disk, and their sizes, for the width and height attributes
// markdown gives them (markdown/plugins/image-sizes.ts). A relative image is the file post-assets
// copies beside the page (beside the post, or in its asset folder); a root-relative one (written
// with or without the base path) is a file of public/. Each file is read once per size and mtime,
// and every place looked at is stamped, so that a cached body is used only while its images are
// the ones it was measured with (render/bodies.ts). With responsive images on, a raster that takes
// variants is also hashed (the variants' names start with its content hash).
import fs from 'node:fs';
import path from 'node:path';
import type { ImageFileStamp, MeasureImage, MeasuredImage } from '../markdown/renderer.js';
import { takesVariants } from '../images/raster.js';
import { imageVariants, type ImageVariants } from '../images/variants.js';
import type { ResolvedConfig } from '../types.js';
import { hashText } from '../util/hash.js';
import { readDimensions, type Dimensions } from '../util/image-dimensions.js';
import { isInside } from '../util/paths.js';
import { assetPlaces, filePart, findAsset } from './post-assets.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** A measurer for the site's images; it keeps each file's size while the file's stamp holds. */
export function createImageMeasurer(config: Pick<ResolvedConfig, 'postsDir' | 'publicDir' | 'basePath' | 'images'>): MeasureImage {
  const sizes = new Map<string, { stamp: string; size: Dimensions | undefined; variants?: ImageVariants }>();
  const variantsOf = (file: string, size: Dimensions | undefined): ImageVariants | undefined => {
    if (!config.images.responsive || !size || !takesVariants(file)) return undefined;
    try {
      return imageVariants(file, hashText(fs.readFileSync(file)), size, config.images, config.basePath);
    } catch {
      return undefined; // gone since it was measured: the next build sees the new stamp
    }
  };
  /** The files looked at, and the size of `found` among them. */
  const measured = (files: ImageFileStamp[], found: string | undefined): MeasuredImage => {
    const stamp = files.find((f) => f.file === found)?.stamp ?? '';
    if (found === undefined || stamp === '') return { files };
    let known = sizes.get(found);
    if (known?.stamp !== stamp) {
      const size = readDimensions(found);
      known = { stamp, size, variants: variantsOf(found, size) };
      sizes.set(found, known);
    }
    return { size: known.size, files, ...(known.variants && { variants: known.variants }) };
  };
  return (url, postFile) => {
    if (url === '' || url.startsWith('#') || url.startsWith('?') || url.startsWith('//') || SCHEME.test(url)) return undefined;
    if (url.startsWith('/')) {
      const file = publicFile(url, config);
      return file === undefined ? undefined : measured([{ file, stamp: stampOf(file) }], file);
    }
    const rel = filePart(url);
    if (rel === undefined) return undefined;
    const files = assetPlaces(postFile, rel, config.postsDir).candidates.map((file) => ({ file, stamp: stampOf(file) }));
    // The file post-assets copies: none through a symbolic link out of the posts folder. Where
    // no place has a file, there is nothing to look for again.
    const found = files.some((f) => f.stamp !== '') ? findAsset(postFile, rel, config.postsDir) : undefined;
    return measured(files, typeof found === 'string' ? found : undefined);
  };
}

/** The public/ file a root-relative URL names, or undefined when it names none (a bad escape, a path out of public/). */
function publicFile(url: string, config: Pick<ResolvedConfig, 'publicDir' | 'basePath'>): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.replace(/[?#].*$/, '')).normalize('NFC');
  } catch {
    return undefined;
  }
  // Authors may write the base path or leave it to base-path.ts.
  const base = config.basePath.replace(/\/+$/, '');
  if (base !== '' && (pathname === base || pathname.startsWith(`${base}/`))) pathname = pathname.slice(base.length) || '/';
  const file = path.join(config.publicDir, pathname);
  return isInside(file, config.publicDir) && file !== config.publicDir ? file : undefined;
}

/** Whether a file is an image a page may show (by its name), and so one whose size a body may show. */
export function isImageFile(file: string): boolean {
  return /\.(?:png|jpe?g|gif|webp|avif|svg|bmp|ico|tiff?)$/i.test(file);
}

/** `size:mtimeMs` of the file, or '' when there is none. */
export function stampOf(file: string): string {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? `${stat.size}:${stat.mtimeMs}` : '';
  } catch {
    return '';
  }
}

/**
 * Whether every file is as stamped. `stamps` keeps the stamps taken in this run: many posts show
 * the same public/ image.
 */
export function imageFilesUnchanged(files: readonly ImageFileStamp[], stamps: Map<string, string>): boolean {
  for (const { file, stamp } of files) {
    let now = stamps.get(file);
    if (now === undefined) {
      now = stampOf(file);
      stamps.set(file, now);
    }
    if (now !== stamp) return false;
  }
  return true;
}
