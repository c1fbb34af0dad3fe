// The outputs the dev server serves: kept in memory, never on disk, replaced whole by each good
// build. Knowing which paths changed is what lets the browsers be told only about real changes.
import type { OutputFile } from '../../types.js';

/**
 * `write` replaces the whole set and returns the paths whose content changed (added, edited or
 * gone). Pages the page cache reused are the very same strings, so the comparison is mostly a
 * pointer check.
 */
export class ServedFiles {
  readonly files = new Map<string, string | Uint8Array>();

  write(outputs: readonly OutputFile[]): string[] {
    const changed: string[] = [];
    // In place: after a one-post edit, thousands of pages are the very same strings as before.
    for (const { path: file, content } of outputs) {
      const previous = this.files.get(file);
      if (previous !== undefined && sameContent(previous, content)) continue;
      changed.push(file);
      this.files.set(file, content);
    }
    // Files the outputs no longer have.
    const next = new Set(outputs.map((file) => file.path));
    if (this.files.size > next.size) {
      for (const file of this.files.keys()) {
        if (next.has(file)) continue;
        changed.push(file);
        this.files.delete(file);
      }
    }
    return changed.sort();
  }
}

function sameContent(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
