// The Mermaid runtime, self-hosted: copied from the installed `mermaid` package into the output
// (never loaded from a CDN), plus omnipress's small loader that imports it lazily.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutputFile } from '../types.js';
import { toPosix } from '../util/paths.js';

const require = createRequire(import.meta.url);
const MERMAID_DIST = path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist');

/** Version of the installed mermaid: client and build mode always use this one. */
export const MERMAID_VERSION = (JSON.parse(fs.readFileSync(path.join(MERMAID_DIST, '../package.json'), 'utf8')) as { version: string }).version;

/** Site paths of the loader (included by pages with diagrams) and of the runtime it imports. */
export const LOADER_PATH = 'assets/omnipress/mermaid-loader.js';
export const RUNTIME_PATH = 'assets/mermaid/mermaid.esm.min.mjs';

/** The browser-side loader shipped with the package (plain JS, no build step). */
const LOADER_SOURCE = fileURLToPath(new URL('../../client/mermaid-loader.js', import.meta.url));

/** UMD build for build mode: one script tag in a blank page defines `window.mermaid`. */
export const MERMAID_UMD = path.join(MERMAID_DIST, 'mermaid.min.js');

let cached: OutputFile[] | undefined;

/** The ES-module build and its chunks (no source maps), and the loader. Read once per process. */
export function mermaidRuntimeFiles(): OutputFile[] {
  if (cached) return cached;
  const origin = { what: 'the diagrams runtime' };
  const files: OutputFile[] = [{ path: LOADER_PATH, content: fs.readFileSync(LOADER_SOURCE), origin }];
  files.push({ path: RUNTIME_PATH, content: fs.readFileSync(path.join(MERMAID_DIST, 'mermaid.esm.min.mjs')), origin });
  const chunks = path.join(MERMAID_DIST, 'chunks', 'mermaid.esm.min');
  for (const name of fs.readdirSync(chunks).sort()) {
    if (!name.endsWith('.mjs')) continue;
    files.push({ path: `assets/mermaid/chunks/mermaid.esm.min/${toPosix(name)}`, content: fs.readFileSync(path.join(chunks, name)), origin });
  }
  cached = files;
  return files;
}

/**
 * The accessible name of a diagram: its `accTitle` and `accDescr` when the author wrote them,
 * else `fallback` (a generic label in the page's language).
 */
export function diagramLabel(source: string, fallback: string): string {
  const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(source)?.[1]?.trim();
  const description =
    /^\s*accDescr\s*:\s*(.+)$/m.exec(source)?.[1]?.trim() ??
    /^\s*accDescr\s*\{([\s\S]*?)\}/m.exec(source)?.[1]?.replace(/\s+/g, ' ').trim();
  return [title, description].filter(Boolean).join(': ') || fallback;
}
