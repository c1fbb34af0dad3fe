// The search page's browser side: omnipress's small results renderer (client/search.js, plain
// JavaScript, no build step), shipped only when search is on and loaded only by search pages.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OutputFile } from '../types.js';

/** Site path of the search page script (it imports `/pagefind/pagefind.js` relative to itself). */
export const SEARCH_SCRIPT_PATH = 'assets/omnipress/search.js';

const SOURCE = fileURLToPath(new URL('../../client/search.js', import.meta.url));

let cached: OutputFile[] | undefined;

/** The search page script, read once per process. */
export function searchClientFiles(): OutputFile[] {
  cached ??= [{ path: SEARCH_SCRIPT_PATH, content: fs.readFileSync(SOURCE) }];
  return cached;
}
