// Which local images get variants: rasters sharp makes smaller without losing anything a reader
// sees. SVG is already sharp at every size, and a GIF, an APNG or an animated WebP or AVIF would
// lose its animation, so those are shown as they are.
import fs from 'node:fs';

const RASTER = /\.(?:png|jpe?g|webp|avif)$/i;

/** Bytes read to look for an animation: PNG's acTL comes before its image data, WebP's and AVIF's marks in their first bytes. */
const HEAD_BYTES = 64 * 1024;

/** Whether the image `file` gets variants: a PNG, JPEG, WebP or AVIF that is not animated. */
export function takesVariants(file: string): boolean {
  if (!RASTER.test(file)) return false;
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(HEAD_BYTES);
      head = head.subarray(0, fs.readSync(fd, head, 0, HEAD_BYTES, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
  return !isAnimated(head);
}

/** Whether an image's first bytes say it is animated (APNG, animated WebP, AVIF image sequence). */
export function isAnimated(head: Buffer): boolean {
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return pngHasAnimation(head);
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 16) === 'WEBPVP8X') return ((head[20] ?? 0) & 0x02) !== 0;
  // An AVIF sequence's file-type box names the brand `avis`.
  if (head.toString('latin1', 4, 8) === 'ftyp') {
    const size = Math.min(head.readUInt32BE(0), head.length);
    return head.toString('latin1', 8, size).includes('avis');
  }
  return false;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An APNG has an `acTL` chunk before its first `IDAT`. */
function pngHasAnimation(head: Buffer): boolean {
  for (let at = 8; at + 8 <= head.length; ) {
    const length = head.readUInt32BE(at);
    const type = head.toString('latin1', at + 4, at + 8);
    if (type === 'acTL') return true;
    if (type === 'IDAT') return false;
    at += 12 + length;
  }
  return false;
}
