// The render stage's image step, with responsive images on: every image the bodies show through a
// <picture> (and every cover) gets its variants, taken from the image cache or made there with
// sharp, and published under assets/images/. An original sharp cannot read is one warning per
// place that shows it, naming the post's line; its pictures are taken apart in the final bodies
// (the original, copied as ever, is shown as it is) and the build goes on.
import fs from 'node:fs';
import path from 'node:path';
import { readConfigFile } from '../../config/reader.js';
import { displayPath, error, warning, type Diagnostic } from '../../diagnostics.js';
import { makeVariants, type VariantJob } from '../../images/make-variants.js';
import { VariantCache, failureName, variantCacheDir } from '../../images/variant-cache.js';
import { VARIANT_FOLDER, variantName, withoutPictures, type ImageUse } from '../../images/variants.js';
import type { OutputFile, OutputOrigin, Post, ResolvedConfig, Site } from '../../types.js';
import type { Bodies } from './bodies.js';

/** What the image step did: `build --verbose` prints it, the tests assert on it, `build` prunes the cache to `used`. */
export interface ImageStats {
  /** Variants made with sharp in this run. */
  made: number;
  /** Variants taken from the image cache. */
  cached: number;
  /** Originals that could not be read. */
  failed: number;
  /** Milliseconds the step took. */
  ms: number;
  /** Names of the cache files this run used (variants and failure records). */
  used: Set<string>;
}

export interface ImageStepResult {
  diagnostics: Diagnostic[];
  /** The variants to publish, in a fixed order. */
  outputs: OutputFile[];
  /** Undefined when responsive images are off. */
  stats?: ImageStats;
}

/** One original, the widths of it some page shows, and the first place that shows it. */
interface Original {
  source: string;
  hash: string;
  widths: Set<number>;
  origin: OutputOrigin;
}

/** Make or take every variant the bodies show; bodies whose originals cannot be read lose their pictures. */
export async function publishImageVariants(site: Site, bodies: Bodies): Promise<ImageStepResult> {
  const { config } = site;
  const { images } = config;
  if (!images.responsive) return { diagnostics: [], outputs: [] };
  const start = performance.now();
  const cache = new VariantCache(variantCacheDir(config.cacheDir));
  const uses: Array<{ post: Post; use: ImageUse }> = site.posts.flatMap((post) => (bodies.markdown.get(post.id)?.pictures ?? []).map((use) => ({ post, use })));
  const originals = new Map<string, Original>();
  for (const { post, use } of uses) {
    let original = originals.get(use.hash);
    if (!original) {
      const what = `variants of image ${displayPath(use.source, config.root)}, shown by ${displayPath(post.sourcePath, config.root)}:${use.line}`;
      original = { source: use.source, hash: use.hash, widths: new Set(), origin: { file: post.sourcePath, line: use.line, what } };
      originals.set(use.hash, original);
    }
    for (const width of use.widths) original.widths.add(width);
  }

  const failed = new Map<string, string>();
  const jobs: VariantJob[] = [];
  let cached = 0;
  for (const original of originals.values()) {
    const failure = cache.failure(original.hash, images.format);
    if (failure !== undefined) {
      failed.set(original.hash, failure);
      continue;
    }
    const missing = [...original.widths].filter((width) => !cache.has(variantName(original.hash, width, images)));
    cached += original.widths.size - missing.length;
    if (missing.length > 0) jobs.push({ source: original.source, hash: original.hash, widths: missing });
  }
  const made = await makeVariants(jobs, images, cache);
  if ('unavailable' in made) return { diagnostics: [sharpUnavailable(config, made.unavailable)], outputs: [] };
  for (const [hash, message] of made.failed) failed.set(hash, message);

  const diagnostics = uses.filter(({ use }) => failed.has(use.hash)).map(({ post, use }) => unreadable(config, post, use, failed.get(use.hash)!));
  dropPictures(site.posts, bodies, new Set(failed.keys()));
  const used = new Set<string>();
  const outputs: OutputFile[] = [];
  for (const original of originals.values()) {
    if (failed.has(original.hash)) {
      used.add(failureName(original.hash, images.format));
      continue;
    }
    for (const width of [...original.widths].sort((a, b) => a - b)) {
      const name = variantName(original.hash, width, images);
      used.add(name);
      outputs.push(variantFile(cache.path(name), name, original.origin));
    }
  }
  const stats = { made: made.made, cached, failed: failed.size, ms: performance.now() - start, used };
  return { diagnostics, outputs, stats };
}

/** The final bodies (and covers) of posts showing an original of `hashes` without their pictures. */
function dropPictures(posts: readonly Post[], bodies: Bodies, hashes: ReadonlySet<string>): void {
  if (hashes.size === 0) return;
  for (const post of posts) {
    const pictures = bodies.markdown.get(post.id)?.pictures ?? [];
    if (!pictures.some((use) => hashes.has(use.hash))) continue;
    const body = bodies.final.get(post.id)!;
    body.html = withoutPictures(body.html, hashes);
    if (body.cover?.picture && pictures.some((use) => use.cover && hashes.has(use.hash))) delete body.cover.picture;
  }
}

/** A variant as an output: linked from the cache by the staging folder, read only if something asks. */
function variantFile(file: string, name: string, origin: OutputOrigin): OutputFile {
  let content: Buffer | undefined;
  return {
    path: `${VARIANT_FOLDER}/${name}`,
    get content() {
      content ??= fs.readFileSync(file);
      return content;
    },
    previous: file,
    origin,
  };
}

function unreadable(config: ResolvedConfig, post: Post, use: ImageUse, message: string): Diagnostic {
  return warning(post.sourcePath, `image ${displayPath(use.source, config.root)} cannot be read to make its smaller versions (${message}): it is published as it is`, {
    line: use.line,
    code: 'image-variants',
    hint: 'the file may be cut short or damaged: open it in an image viewer, and export it again',
  });
}

/** sharp is missing or has no binary for this machine: one error at the switch that asked for it. */
function sharpUnavailable(config: ResolvedConfig, reason: string): Diagnostic {
  const file = config.configFile ?? path.join(config.root, 'omnipress.yml');
  const lines = config.configFile ? readConfigFile(config.configFile, []).lines : {};
  return error(file, `images.responsive is on, but sharp, which makes the smaller images, cannot be loaded: ${reason}`, {
    line: lines['images.responsive'] ?? lines.images,
    code: 'sharp-unavailable',
    hint: 'install it beside omnipress (npm install sharp), or set images.responsive: false',
  });
}
