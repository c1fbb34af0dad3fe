// image-sizes: every local image — beside the post, in its asset folder or bundle, or under
// public/ — gets the `width` and `height` of its file, so that the browser reserves its box before
// it loads and nothing below it moves (the theme's `max-width: 100%; height: auto` keeps it
// responsive: the attributes then only give the aspect ratio). An image whose author set one of
// the two (`{: w="700" }`, Hexo's `{% img a.png 700 %}`) gets the other in proportion; one with
// both, a remote one, or one whose size cannot be read is left as it is. Every file looked at is
// recorded in env.imageFiles: the rendered body depends on them (render/bodies.ts). With
// responsive images on, a raster also gets its variants' <source> in token.meta.picture (drawn by
// responsive-images.ts) and is recorded in env.pictures, with its line, for the render stage.
// Needs: env.measureImage. Pushed after media-subpath and safe-links, so it measures the URLs
// the page will have.
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { sizesFor, type ImageVariants, type PictureSource } from '../../images/variants.js';
import type { Dimensions } from '../../util/image-dimensions.js';
import { type MarkdownEnv, type MeasuredImage, childLines, envOf, fileLine, forEachBlock } from '../env.js';

export function imageSizesPlugin(md: MarkdownIt): void {
  md.core.ruler.push('image_sizes', sizeImages);
}

function sizeImages(state: StateCore): void {
  const env = envOf(state.env);
  if (!env.measureImage) return;
  forEachBlock(state.tokens, (token, line) => {
    if (!token.children?.some((child) => child.type === 'image')) return;
    const lines = childLines(token, line);
    token.children.forEach((child, i) => {
      if (child.type === 'image') sizeImage(env, child, fileLine(env, lines[i] ?? line));
    });
  });
}

function sizeImage(env: MarkdownEnv, image: Token, line: number): void {
  const width = image.attrGet('width');
  const height = image.attrGet('height');
  const measured = measure(env, image.attrGet('src') ?? '');
  if (!measured?.size) return;
  const attributes = completeSize(width ?? undefined, height ?? undefined, measured.size);
  if (attributes) {
    image.attrSet('width', attributes.width);
    image.attrSet('height', attributes.height);
  }
  // responsive-images.ts renders the <picture>; an author's own srcset is left as written.
  if (measured.variants && image.attrGet('srcset') === null) {
    const authorWidth = width !== null || height !== null ? image.attrGet('width') : null;
    image.meta = { ...image.meta, picture: picture(env, measured.variants, authorWidth, line) };
  }
}

/** The size (and variants) of the image at `url`, recording the files looked at; undefined when not a readable local image. */
export function measure(env: MarkdownEnv, url: string): Omit<MeasuredImage, 'files'> | undefined {
  const measured = url === '' ? undefined : env.measureImage?.(url, env.file);
  if (!measured) return undefined;
  env.imageFiles.push(...measured.files);
  return measured.size && { size: measured.size, ...(measured.variants && { variants: measured.variants }) };
}

/**
 * The `<source>` of an image shown through its variants, recorded in env.pictures with its line
 * (the render stage makes and publishes them). `width`: the width the author gave it, if any.
 */
export function picture(env: MarkdownEnv, variants: ImageVariants, width: string | null | undefined, line: number, cover = false): PictureSource {
  env.pictures.push({ source: variants.source, hash: variants.hash, widths: variants.widths, line, ...(cover && { cover: true as const }) });
  return { ...variants.picture, sizes: sizesFor(width, variants.picture.sizes) };
}
/**
 * The width and height attributes an image gets from its file's `size`, given those the author
 * set: both when neither is set, the missing one in proportion when one is set in pixels, nothing
 * otherwise (both set, or a size in other units).
 */
export function completeSize(width: string | undefined, height: string | undefined, size: Dimensions): { width: string; height: string } | undefined {
  if (width === undefined && height === undefined) return { width: String(size.width), height: String(size.height) };
  if (width !== undefined && height !== undefined) return undefined;
  const given = Number((width ?? height)!.replace(/px$/i, ''));
  if (!Number.isFinite(given) || given <= 0) return undefined;
  if (width !== undefined) return { width, height: String(Math.max(1, Math.round((given * size.height) / size.width))) };
  return { width: String(Math.max(1, Math.round((given * size.width) / size.height))), height: height! };
}
