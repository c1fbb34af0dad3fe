// The size an image file is laid out at, read from its header (image-size), so that pages can
// give every <img> its width and height and reserve its box before it loads. Only the start of
// the file is read: dimensions sit in the first bytes of PNG, GIF and WebP, in the first frame
// header of a JPEG (after its EXIF and colour profile), and in an SVG's root element.
import fs from 'node:fs';
import type { imageSize } from 'image-size';
import { onFirstUse } from './on-first-use.js';

// Loaded with the first image measured: a build whose bodies all come from the cache needs none.
const imageSizeModule = onFirstUse<{ imageSize: typeof imageSize }>('image-size');

/** An image's intrinsic size in CSS pixels. */
export interface Dimensions {
  width: number;
  height: number;
}

/** Bytes read from the start of a file: image-size's own limit for files (`imageSizeFromFile`). */
const HEAD_BYTES = 512 * 1024;

// Reads are synchronous (markdown rendering is), so one buffer serves every read.
let head: Buffer | undefined;

/**
 * Width and height of the image in `file`, or undefined when it is no file, no image image-size
 * knows, or an image whose size it cannot tell (an SVG with neither viewBox nor width and
 * height, a JPEG whose frame header is past the bytes read). A JPEG turned by its EXIF
 * orientation (5–8: a quarter turn) is laid out turned, as browsers show it.
 */
export function readDimensions(file: string): Dimensions | undefined {
  let bytes: Buffer;
  try {
    bytes = readHead(file);
  } catch {
    return undefined;
  }
  if (bytes.length === 0) return undefined;
  let result: ReturnType<typeof imageSize>;
  try {
    result = imageSizeModule().imageSize(bytes);
  } catch {
    return undefined;
  }
  const { width, height, orientation } = result;
  if (!isPixelCount(width) || !isPixelCount(height)) return undefined;
  return orientation !== undefined && orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
}

/**
 * The first HEAD_BYTES of a regular file. Never a FIFO or a device: opening a FIFO blocks until
 * someone writes to it, and a device's read may never end.
 */
function readHead(file: string): Buffer {
  if (!fs.statSync(file).isFile()) return Buffer.alloc(0);
  const fd = fs.openSync(file, 'r');
  try {
    head ??= Buffer.allocUnsafe(HEAD_BYTES);
    const read = fs.readSync(fd, head, 0, HEAD_BYTES, 0);
    return head.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function isPixelCount(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value > 0 && value < 1_000_000;
}
