import { describe, expect, it } from 'vitest';
import { isAnimated } from '../../../src/images/raster.js';
import { imageVariants, sizesFor, variantWidths, withoutPictures } from '../../../src/images/variants.js';
import { png, webp } from '../../helpers/images.js';

const IMAGES = { responsive: true, widths: [480, 800, 1200, 1600], format: 'webp' as const, quality: 80, sizes: '(min-width: 46rem) 42rem, 100vw' };

describe('variantWidths', () => {
  it('makes the widths narrower than the image, and its own width when a listed one is wider: never wider than the original', () => {
    expect(variantWidths(1600, IMAGES.widths)).toEqual([480, 800, 1200, 1600]);
    expect(variantWidths(1000, IMAGES.widths)).toEqual([480, 800, 1000]);
    expect(variantWidths(300, IMAGES.widths)).toEqual([300]);
    // A photo from a camera: the largest listed width is enough for any screen the theme serves.
    expect(variantWidths(6000, IMAGES.widths)).toEqual([480, 800, 1200, 1600]);
  });
});

describe('imageVariants', () => {
  it('names copies by content hash, width and quality, under the base path', () => {
    const variants = imageVariants('/site/posts/a.png', '0123456789abcdef', { width: 900, height: 600 }, IMAGES, '/repo/');
    expect(variants.picture).toEqual({
      type: 'image/webp',
      srcset: '/repo/assets/images/0123456789abcdef-480w-q80.webp 480w, /repo/assets/images/0123456789abcdef-800w-q80.webp 800w, /repo/assets/images/0123456789abcdef-900w-q80.webp 900w',
      sizes: IMAGES.sizes,
    });
  });
});

describe('sizesFor', () => {
  it('caps sizes at a width the author set in pixels', () => {
    expect(sizesFor('350', IMAGES.sizes)).toBe('(max-width: 350px) 100vw, 350px');
    expect(sizesFor('350px', IMAGES.sizes)).toBe('(max-width: 350px) 100vw, 350px');
    expect(sizesFor('50%', IMAGES.sizes)).toBe(IMAGES.sizes);
    expect(sizesFor(undefined, IMAGES.sizes)).toBe(IMAGES.sizes);
  });
});

describe('withoutPictures', () => {
  const picture = (hash: string, alt: string) =>
    `<picture><source type="image/webp" srcset="/assets/images/${hash}-480w-q80.webp 480w" sizes="100vw"><img src="a.png" alt="${alt}"></picture>`;

  it('takes apart only the pictures of the originals named, keeping their <img>', () => {
    const html = `<p>${picture('aaaaaaaaaaaaaaaa', 'a > b')}</p><p>${picture('bbbbbbbbbbbbbbbb', 'b')}</p>`;
    expect(withoutPictures(html, new Set(['aaaaaaaaaaaaaaaa']))).toBe(`<p><img src="a.png" alt="a > b"></p><p>${picture('bbbbbbbbbbbbbbbb', 'b')}</p>`);
    expect(withoutPictures(html, new Set())).toBe(html);
  });
});

describe('isAnimated', () => {
  it('tells an APNG and an animated WebP from still images', () => {
    const still = png(4, 4);
    // acTL right after IHDR (8 + 25 bytes): an APNG.
    const acTL = Buffer.from([0, 0, 0, 8, 0x61, 0x63, 0x54, 0x4c, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const apng = Buffer.concat([still.subarray(0, 33), acTL, still.subarray(33)]);
    expect(isAnimated(still)).toBe(false);
    expect(isAnimated(apng)).toBe(true);
    const animatedWebp = webp(10, 10);
    animatedWebp[20] = 0x02;
    expect(isAnimated(webp(10, 10))).toBe(false);
    expect(isAnimated(animatedWebp)).toBe(true);
  });
});
