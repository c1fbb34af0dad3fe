// The variants made so far, in `.omnipress-cache/images/`: one file per variant under its output
// name (variants.ts variantName), so the name is the key: the original's content hash, the width,
// the quality and the format. A build links them into the output rather than making them again,
// so a warm build (and the dev server) does no image work. An original sharp cannot read leaves a
// `<hash>.<format>.failed` file holding sharp's message: the next build warns again without
// loading sharp. Files are written whole and then renamed, so a killed build leaves no half file;
// `build` prunes the folder to what it used, so variants of deleted images do not pile up.
import fs from 'node:fs';
import path from 'node:path';

/** The cache folder of image variants, inside the site's cache folder. */
export function variantCacheDir(cacheDir: string): string {
  return path.join(cacheDir, 'images');
}

export class VariantCache {
  constructor(readonly dir: string) {}

  /** Absolute path of the variant called `name` (made or not). */
  path(name: string): string {
    return path.join(this.dir, name);
  }

  has(name: string): boolean {
    return fs.existsSync(this.path(name));
  }

  /** Why the original with content hash `hash` could not be made into `format` variants, when a build found it could not. */
  failure(hash: string, format: string): string | undefined {
    try {
      return fs.readFileSync(this.path(failureName(hash, format)), 'utf8');
    } catch {
      return undefined;
    }
  }

  put(name: string, bytes: Uint8Array): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const temp = `${this.path(name)}.${process.pid}.tmp`;
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, this.path(name));
  }

  putFailure(hash: string, format: string, message: string): void {
    this.put(failureName(hash, format), Buffer.from(message));
  }
}

/** Name of the file that records a failure (kept while the original is used, pruned with the variants). */
export function failureName(hash: string, format: string): string {
  return `${hash}.${format}.failed`;
}

/**
 * Remove every file of the cache folder that is not in `used` (names), and the folder itself
 * when nothing is left; returns how many files went. Only `build` prunes, under its lock: the dev
 * server may show drafts whose variants a build of the same site does not use.
 */
export function pruneVariantCache(dir: string, used: ReadonlySet<string>): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    // Another process's file being written: its rename will come.
    if (used.has(name) || name.endsWith('.tmp')) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  if (removed === names.length) fs.rmSync(dir, { recursive: true, force: true });
  return removed;
}
