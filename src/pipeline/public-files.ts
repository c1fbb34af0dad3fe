// public/ as the output gets it: every file at its path under public/. Static hosts serve no
// symbolic links, so a link is copied as the file or folder it leads to, but only while that is
// inside public/: a link out of it (`public/passwd.txt` → `/etc/passwd`) would publish a file of
// the machine, and is an error naming it. `serve` reads public/ under the same rule (server.ts).
import fs from 'node:fs';
import path from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { isInside } from '../util/paths.js';
import { describeLink, linkTarget, realFolder, staysInside } from '../util/symlinks.js';

/** A file to publish: `rel` in the output, read from `source` (a path under public/). */
export interface PublicFile {
  /** `/`-separated path under public/ and in the output (`img/a.png`). */
  rel: string;
  source: string;
}

export interface PublicListing {
  files: PublicFile[];
  /** Every folder (`/`-separated), empty ones included, parents before children. */
  folders: string[];
  /** Links refused (out of public/, or leading nowhere) and link loops not followed. */
  diagnostics: Diagnostic[];
}

/**
 * The files and folders of public/, in a fixed order. A link to a folder that holds it (a loop)
 * is not followed; any other link inside public/ is, so one folder may be published under two
 * names, as `serve` serves it.
 */
export function listPublicFiles(publicDir: string): PublicListing {
  const listing: PublicListing = { files: [], folders: [], diagnostics: [] };
  if (!fs.existsSync(publicDir)) return listing;
  const realRoot = realFolder(publicDir);
  // `open`: the real paths of the folders being walked, from public/ down, so that a loop ends.
  const walk = (dir: string, rel: string, open: readonly string[]): void => {
    const names = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of names) {
      const full = path.join(dir, entry.name);
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let real = path.join(open.at(-1)!, entry.name);
      if (entry.isSymbolicLink()) {
        const target = linkTarget(full);
        if (target.real === undefined) {
          listing.diagnostics.push(warning(full, `a symbolic link to ${target.text}, which does not exist: it is not copied`, { hint: 'fix or remove the link', code: 'symlink-dangling' }));
          continue;
        }
        if (!staysInside(target, realRoot)) {
          listing.diagnostics.push(
            error(full, `a symbolic link to ${describeLink(target)}, outside public/: it is not copied`, {
              hint: 'put the file itself in public/; links may lead only to files inside it, so that no file from elsewhere on the machine is published',
              code: 'symlink-outside',
            }),
          );
          continue;
        }
        real = target.real;
      }
      const stat = entry.isSymbolicLink() ? fs.statSync(full) : entry;
      if (stat.isDirectory()) {
        if (open.some((folder) => isInside(folder, real))) {
          listing.diagnostics.push(warning(full, `a symbolic link to a folder that holds it: the loop is not followed`, { hint: 'remove the link', code: 'symlink-loop' }));
          continue;
        }
        listing.folders.push(relPath);
        walk(full, relPath, [...open, real]);
      } else if (stat.isFile()) {
        listing.files.push({ rel: relPath, source: full });
      }
      // Sockets, pipes and devices are no files to publish.
    }
  };
  walk(publicDir, '', [realRoot]);
  return listing;
}

/** Copy the listed files into `dir` (the staging folder), under the names they have; returns their output paths, NFC. */
export function copyPublicFiles(listing: PublicListing, dir: string): Set<string> {
  for (const folder of listing.folders) fs.mkdirSync(path.join(dir, ...folder.split('/')), { recursive: true });
  const copied = new Set<string>();
  for (const file of listing.files) {
    fs.copyFileSync(file.source, path.join(dir, ...file.rel.split('/')));
    copied.add(file.rel.normalize('NFC'));
  }
  return copied;
}
