// Which widths of a local image are made, and what they are called. A variant's name holds the
// content hash of its original, its width and its quality, and its extension the format: the same
// picture shown by several posts (or from public/ and beside a post) is made and published once,
// a changed picture gets new names (so hosts may cache variants for good), and no variant can
// take the place of an author's file. They live in one folder of the output, `assets/images/`,
// which omnipress fills itself, so their URLs do not depend on where a post's page is.
import type { ImagesConfig } from '../types.js';
import type { Dimensions } from '../util/image-dimensions.js';
import { escapeHtml } from '../util/html-escape.js';

/** Output folder of every variant (inside the generated folder `assets/`). */
export const VARIANT_FOLDER = 'assets/images';

/** What a page needs to offer an image's variants: a `<source>` of a `<picture>`. */
export interface PictureSource {
  /** MIME type of the variants (`image/webp`): browsers that cannot show it take the original. */
  type: string;
  /** Each variant's URL (under the base path) and width: `/blog/assets/images/3fa9…-800w-q80.webp 800w, …`. */
  srcset: string;
  /** How wide the page shows the image (config `images.sizes`, or the author's width). */
  sizes: string;
}

/** A local image a page shows through its variants: what the render stage makes and publishes. */
export interface ImageUse {
  /** Absolute path of the original. */
  source: string;
  /** Content hash of the original. */
  hash: string;
  /** Widths of its variants, ascending. */
  widths: number[];
  /** 1-based line of the post file that shows it (the image, or the cover's front-matter key). */
  line: number;
  /** The post's cover, shown by its layout rather than its body. */
  cover?: true;
}

/** A local image's variants as measuring found them: what to make, and the `<source>` to show them. */
export interface ImageVariants {
  source: string;
  hash: string;
  widths: number[];
  picture: PictureSource;
}

/**
 * The widths made of an image `width` pixels wide: the configured ones narrower than it, and the
 * image's own width when no configured one is wider (the largest is then the original, in the
 * smaller format), so nothing is ever enlarged and a phone never gets more than it needs.
 */
export function variantWidths(width: number, widths: readonly number[]): number[] {
  const narrower = widths.filter((w) => w < width);
  return widths.some((w) => w >= width) ? [...narrower, width] : narrower;
}

/** File name of one variant: `3fa9c0d1e2b4a5f6-800w-q80.webp`. */
export function variantName(hash: string, width: number, images: Pick<ImagesConfig, 'format' | 'quality'>): string {
  return `${hash}-${width}w-q${images.quality}.${images.format}`;
}

/** The variants of the image at `source` (content hash `hash`, laid out at `size`). */
export function imageVariants(source: string, hash: string, size: Dimensions, images: ImagesConfig, basePath: string): ImageVariants {
  const widths = variantWidths(size.width, images.widths);
  const folder = `${basePath.replace(/\/*$/, '/')}${VARIANT_FOLDER}/`;
  const srcset = widths.map((w) => `${folder}${variantName(hash, w, images)} ${w}w`).join(', ');
  return { source, hash, widths, picture: { type: `image/${images.format}`, srcset, sizes: images.sizes } };
}

/**
 * `sizes` for an image the author gave a width in pixels (`{: w="350" }`, `<img width="350">`):
 * it is never shown wider, so a wide screen needs no more than that width; else `sizes`.
 */
export function sizesFor(width: string | null | undefined, sizes: string): string {
  const px = width ? /^(\d+)(?:px)?$/i.exec(width.trim()) : null;
  return px ? `(max-width: ${px[1]}px) 100vw, ${px[1]}px` : sizes;
}

/** `<source type srcset sizes>`: goes right before the `<img>`, inside its `<picture>`. */
export function sourceTag(picture: PictureSource): string {
  return `<source type="${escapeHtml(picture.type)}" srcset="${escapeHtml(picture.srcset)}" sizes="${escapeHtml(picture.sizes)}">`;
}

const TAG_REST = `(?:[^>"']|"[^"]*"|'[^']*')*>`;
/** A `<picture>` as sourceTag and the plugins write it: one `<source>`, then the `<img>`. */
const PICTURE = new RegExp(`<picture>(<source\\b${TAG_REST})(?:</source>)?(<img\\b${TAG_REST})</picture>`, 'gi');

/**
 * `html` with the `<picture>` of every image whose original has one of the `hashes` (its
 * variants could not be made) taken apart: only its `<img>`, the original, stays.
 */
export function withoutPictures(html: string, hashes: ReadonlySet<string>): string {
  if (hashes.size === 0 || !html.includes('<picture>')) return html;
  return html.replace(PICTURE, (whole: string, source: string, img: string) => {
    const names = /srcset="([^"]*)"/i.exec(source)?.[1] ?? '';
    return [...hashes].some((hash) => names.includes(`${VARIANT_FOLDER}/${hash}-`)) ? img : whole;
  });
}
