// Making image variants with sharp (libvips), loaded only when a build has a variant to make: a
// site with `images.responsive` off, or whose variants are all in the cache, never loads it. sharp
// is an optional dependency (its prebuilt libvips is some 20 MB, and most sites never turn the
// switch on), so it may be missing, or have no binary for the platform: that is one clear error,
// not a stack trace.
import fs from 'node:fs';
import type { Sharp } from 'sharp';
import type { ImagesConfig } from '../types.js';
import type { VariantCache } from './variant-cache.js';
import { variantName } from './variants.js';

/** One original and the widths of it still to make. */
export interface VariantJob {
  source: string;
  hash: string;
  widths: number[];
}

export type MakeResult =
  | {
      /** Variants made. */
      made: number;
      /** Content hash → sharp's message, for originals that could not be read. */
      failed: Map<string, string>;
    }
  | {
      /** sharp could not be loaded: why, in a line. */
      unavailable: string;
    };

type SharpFactory = (input: Buffer) => Sharp;

/** Originals worked on at once: libvips already spreads one image over the cores. */
const AT_ONCE = 2;

/** Make every job's variants into `cache`; an original that cannot be read is recorded there as failed. */
export async function makeVariants(jobs: readonly VariantJob[], images: ImagesConfig, cache: VariantCache): Promise<MakeResult> {
  if (jobs.length === 0) return { made: 0, failed: new Map() };
  let sharp: SharpFactory;
  try {
    sharp = (await import('sharp')).default;
  } catch (cause) {
    return { unavailable: firstLine(cause) };
  }
  let made = 0;
  const failed = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      try {
        const count = await makeJob(sharp, job, images, cache);
        made += count;
      } catch (cause) {
        const message = firstLine(cause);
        failed.set(job.hash, message);
        cache.putFailure(job.hash, images.format, message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, jobs.length) }, worker));
  return { made, failed };
}

async function makeJob(sharp: SharpFactory, job: VariantJob, images: ImagesConfig, cache: VariantCache): Promise<number> {
  const input = await fs.promises.readFile(job.source);
  for (const width of job.widths) {
    // Turned as its EXIF orientation says (as browsers show the original, and as it was measured),
    // and stripped of metadata (sharp's default): the same original gives the same bytes.
    const image = sharp(input).autoOrient().resize({ width, withoutEnlargement: true });
    const bytes = await (images.format === 'avif' ? image.avif({ quality: images.quality }) : image.webp({ quality: images.quality })).toBuffer();
    cache.put(variantName(job.hash, width, images), bytes);
  }
  return job.widths.length;
}

function firstLine(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}
