// The table of contents' browser side: client/toc.js marks the section being read in the side
// table of contents of a wide screen (plain JavaScript, no build step). Shipped only when some
// post has a table of contents, and loaded only by the pages that have one.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OutputFile } from '../../types.js';

/** Site path of the script. */
export const TOC_SCRIPT_PATH = 'assets/omnipress/toc.js';

/** A post gets a table of contents from this many headings on: a shorter one says little. */
export const MIN_TOC_HEADINGS = 3;

const SOURCE = fileURLToPath(new URL('../../../client/toc.js', import.meta.url));

let cached: OutputFile[] | undefined;

/** The script, read once per process. */
export function tocClientFiles(): OutputFile[] {
  cached ??= [{ path: TOC_SCRIPT_PATH, content: fs.readFileSync(SOURCE), origin: { what: 'the table of contents script' } }];
  return cached;
}
