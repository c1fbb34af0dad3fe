// KaTeX's stylesheet and fonts, self-hosted: copied from the installed `katex` package into the
// output (never loaded from a CDN) when some page has a formula, and linked only from those pages.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OutputFile } from '../types.js';

const require = createRequire(import.meta.url);

/** Site path of the stylesheet; its fonts are in `fonts/` beside it, linked relatively. */
export const KATEX_CSS_PATH = 'assets/katex/katex.min.css';
const FONTS_PATH = 'assets/katex/fonts';

// Resolving does not load KaTeX: only its file name is needed here.
const katexDist = () => path.dirname(require.resolve('katex'));

/** A `src:` list entry for a WOFF or TrueType file, after the WOFF2 one each font lists first. */
const OLDER_FORMATS = /,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g;

let cached: OutputFile[] | undefined;

/**
 * The stylesheet and its WOFF2 fonts. Every browser that can lay out KaTeX's HTML reads WOFF2, so
 * the stylesheet is trimmed to name only those and the WOFF and TrueType copies are not shipped.
 * Read once per process.
 */
export function katexFiles(): OutputFile[] {
  if (cached) return cached;
  const dist = katexDist();
  const origin = { what: 'the math stylesheet and fonts' };
  const css = fs.readFileSync(path.join(dist, 'katex.min.css'), 'utf8').replace(OLDER_FORMATS, '');
  const files: OutputFile[] = [{ path: KATEX_CSS_PATH, content: css, origin }];
  for (const name of fs.readdirSync(path.join(dist, 'fonts')).sort()) {
    if (name.endsWith('.woff2')) files.push({ path: `${FONTS_PATH}/${name}`, content: fs.readFileSync(path.join(dist, 'fonts', name)), origin });
  }
  cached = files;
  return files;
}
