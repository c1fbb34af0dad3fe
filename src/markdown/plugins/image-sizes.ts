// image-sizes: every local image — beside the post, in its asset folder or bundle, or under
// public/ — gets the `width` and `height` of its file, so that the browser reserves its box before
// it loads and nothing below it moves (the theme's `max-width: 100%; height: auto` keeps it
// responsive: the attributes then only give the aspect ratio). An image whose author set one of
// the two (`{: w="700" }`, Hexo's `{% img a.png 700 %}`) gets the other in proportion; one with
// both, a remote one, or one whose size cannot be read is left as it is. Every file looked at is
// recorded in env.imageFiles: the rendered body depends on them (render/bodies.ts).
// Needs: env.measureImage. Pushed after media-subpath and safe-links, so it measures the URLs
// the page will have.
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import type { Dimensions } from '../../util/image-dimensions.js';
import { type MarkdownEnv, envOf } from '../env.js';

export function imageSizesPlugin(md: MarkdownIt): void {
  md.core.ruler.push('image_sizes', sizeImages);
}

function sizeImages(state: StateCore): void {
  const env = envOf(state.env);
  if (!env.measureImage) return;
  for (const token of state.tokens) {
    for (const child of token.children ?? []) if (child.type === 'image') sizeImage(env, child);
  }
}

function sizeImage(env: MarkdownEnv, image: Token): void {
  const width = image.attrGet('width');
  const height = image.attrGet('height');
  if (width !== null && height !== null) return;
  const size = measure(env, image.attrGet('src') ?? '');
  const attributes = size && completeSize(width ?? undefined, height ?? undefined, size);
  if (!attributes) return;
  image.attrSet('width', attributes.width);
  image.attrSet('height', attributes.height);
}

/** The size of the image at `url`, recording the files looked at; undefined when not a readable local image. */
export function measure(env: MarkdownEnv, url: string): Dimensions | undefined {
  const measured = url === '' ? undefined : env.measureImage?.(url, env.file);
  if (!measured) return undefined;
  env.imageFiles.push(...measured.files);
  return measured.size;
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
