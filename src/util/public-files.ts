// The files of public/ as output paths: what `build` copies into the output as is.
import fs from 'node:fs';
import path from 'node:path';
import { toPosix } from './paths.js';

/** Every entry of `publicDir` that is not a folder, as a `/`-separated NFC path (`img/a.png`); empty when there is none. */
export function listPublicFiles(publicDir: string): Set<string> {
  const files = new Set<string>();
  if (!fs.existsSync(publicDir)) return files;
  for (const entry of fs.readdirSync(publicDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isDirectory()) files.add(toPosix(path.relative(publicDir, path.join(entry.parentPath, entry.name))));
  }
  return files;
}
