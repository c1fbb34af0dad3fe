// Indexed parts kept between builds. Pagefind's files for a part of a language's index depend only
// on the post pages handed to it (and Pagefind's version), so a part whose pages are byte for byte
// the same is not indexed again: a warm build skips Pagefind, and one edited post re-indexes only
// its part. Entries are keyed on content; a stale one can never be hit.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { OutputFile } from '../types.js';
import { seal, unseal } from '../util/checksum.js';

/** What one part of a language's index produced: Pagefind's files and how many pages went in. */
export interface IndexedPart {
  /** Paths relative to the part's folder, as Pagefind names them (`pagefind-entry.json`, `index/…`). */
  files: OutputFile[];
  pages: number;
}

export interface SearchCache {
  /** True when it holds no entry at all: nothing can come from it. */
  empty(): boolean;
  read(key: string): IndexedPart | undefined;
  write(key: string, entry: IndexedPart): void;
  /** Forget every entry but these keys (called after each indexing run). */
  keep(keys: ReadonlySet<string>): void;
}

/** Entries in memory only (the dev server keeps one for its lifetime). */
export function memorySearchCache(): SearchCache {
  const entries = new Map<string, IndexedPart>();
  return {
    empty: () => entries.size === 0,
    read: (key) => entries.get(key),
    write: (key, entry) => void entries.set(key, entry),
    keep(keys) {
      for (const key of entries.keys()) if (!keys.has(key)) entries.delete(key);
    },
  };
}

/**
 * Entries as files in `dir` (`.omnipress-cache/search/`), one per indexed part, each sealed with
 * a checksum (its files are published as they are). A file that cannot be read or decoded
 * (another omnipress) counts as a miss; one whose checksum does not match also goes to `onDamaged`.
 */
export function diskSearchCache(dir: string, onDamaged: (file: string) => void = () => {}): SearchCache {
  const file = (key: string) => path.join(dir, `${key}.bin`);
  return {
    empty() {
      try {
        return !fs.readdirSync(dir).some((name) => name.endsWith('.bin'));
      } catch {
        return true;
      }
    },
    read(key) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file(key));
      } catch {
        return undefined;
      }
      const unsealed = unseal(bytes);
      if (!unsealed.ok) {
        if (unsealed.reason === 'damaged') onDamaged(file(key));
        return undefined;
      }
      try {
        const entry = v8.deserialize(unsealed.payload) as IndexedPart;
        return Array.isArray(entry?.files) && typeof entry.pages === 'number' ? entry : undefined;
      } catch {
        return undefined;
      }
    },
    write(key, entry) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        // Written aside and renamed, so that a killed build never leaves half a file under the key.
        const temp = `${file(key)}.${process.pid}.tmp`;
        fs.writeFileSync(temp, seal(v8.serialize(entry)));
        fs.renameSync(temp, file(key));
      } catch {
        // A cache that cannot be written only costs the next build time.
      }
    },
    keep(keys) {
      if (!fs.existsSync(dir)) return;
      for (const name of fs.readdirSync(dir)) {
        if (!keys.has(name.replace(/\.bin$/, ''))) fs.rmSync(path.join(dir, name), { force: true });
      }
    },
  };
}
