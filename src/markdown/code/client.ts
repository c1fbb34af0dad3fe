// The code blocks' browser side: the copy button (client/code-copy.js, plain JavaScript, no build
// step), shipped only when some post has a code block and loaded only by pages that have one.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OutputFile } from '../../types.js';

/** Site path of the copy button's script. */
export const COPY_SCRIPT_PATH = 'assets/omnipress/code-copy.js';

const SOURCE = fileURLToPath(new URL('../../../client/code-copy.js', import.meta.url));

let cached: OutputFile[] | undefined;

/** The copy button's script, read once per process. */
export function codeClientFiles(): OutputFile[] {
  cached ??= [{ path: COPY_SCRIPT_PATH, content: fs.readFileSync(SOURCE), origin: { what: 'the copy button for code blocks' } }];
  return cached;
}
