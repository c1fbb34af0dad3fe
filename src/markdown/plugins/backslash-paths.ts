// backslash-paths: a local link or image written with Windows separators
// (`![x](\assets\img\a.png)`, `[notes](.\files\notes.pdf)`) is read with forward slashes, as
// browsers read `\` in such a URL, with one warning per path and post (code backslash-path) that
// says how to write it. markdown-it keeps `\` before a letter and percent-encodes it (`%5C`),
// which browsers do not read as a separator: the image would not show.
// Needs: nothing. Runs right after inline parsing, before every rule that looks at URLs
// (media-subpath, safe-links, link-refs, image-sizes, base-path).
import type MarkdownIt from 'markdown-it';
import type { StateCore } from 'markdown-it';
import { warning } from '../../diagnostics.js';
import { childLines, envOf, fileLine, forEachBlock } from '../env.js';

/** A URL with a scheme (`https:`, `mailto:`) or protocol-relative: not a local path. */
const ELSEWHERE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|%5C%5C)/i;
const BACKSLASH = /%5C/i;

export function backslashPathsPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'backslash_paths', (state: StateCore) => {
    if (!state.src.includes('\\')) return;
    const env = envOf(state.env);
    const reported = new Set<string>();
    forEachBlock(state.tokens, (token, line) => {
      if (token.type !== 'inline' || !token.children) return;
      const lines = childLines(token, line);
      token.children.forEach((child, i) => {
        const attribute = child.type === 'image' ? 'src' : child.type === 'link_open' ? 'href' : undefined;
        const url = attribute && child.attrGet(attribute);
        if (!url || !BACKSLASH.test(url) || ELSEWHERE.test(url)) return;
        // `\` is a separator to a browser however many are written in a row.
        const fixed = url.replace(/(?:%5C)+/gi, '/');
        child.attrSet(attribute!, fixed);
        if (reported.has(url)) return;
        reported.add(url);
        const written = readable(url);
        const wanted = readable(fixed);
        env.diagnostics.push(
          warning(env.file, `the path ${written} is written with backslashes (a Windows path); read as ${wanted}`, {
            line: fileLine(env, lines[i] ?? line),
            code: 'backslash-path',
            hint: `write it with forward slashes: ${child.type === 'image' ? '![…]' : '[…]'}(${wanted})`,
          }),
        );
      });
    });
  });
}

/** A normalized URL as the post wrote it: percent-escapes decoded where they decode. */
function readable(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url.replace(/%5C/gi, '\\');
  }
}
