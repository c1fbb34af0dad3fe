// Where inline TeX math ends, by the rules the Markdown reader uses (markdown/plugins/math-syntax.ts),
// and the plain text of a line of prose that holds some: each formula as its TeX source without
// delimiters (excerpts, meta descriptions, image alt text), which a reader can still follow.

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;
const BACKTICK = 0x60;

/** Offset of the `$` closing a `$` opened just before `from`, by Pandoc's rule; the first `$` decides. */
export function singleClose(src: string, from: number, max: number): number | undefined {
  if (from >= max || isSpace(src.charCodeAt(from))) return undefined;
  for (let i = from; i < max; i++) {
    const c = src.charCodeAt(i);
    if (c === BACKTICK) return undefined;
    if (c === BACKSLASH) i++;
    else if (c === DOLLAR) {
      const next = src.charCodeAt(i + 1);
      return !isSpace(src.charCodeAt(i - 1)) && !(next >= 0x30 && next <= 0x39) ? i : undefined;
    }
  }
  return undefined;
}

/** Offset of the `$$` closing an inline `$$` opened just before `from` (kramdown: spaces allowed). */
export function doubleClose(src: string, from: number, max: number): number | undefined {
  for (let i = from; i < max; i++) {
    const c = src.charCodeAt(i);
    if (c === BACKTICK) return undefined;
    if (c === BACKSLASH) i++;
    else if (c === DOLLAR && src.charCodeAt(i + 1) === DOLLAR) {
      return src.charCodeAt(i + 2) !== DOLLAR && src.slice(from, i).trim() !== '' ? i : undefined;
    }
  }
  return undefined;
}

/** Offset of the `\)` closing a `\(` opened just before `from`, not past a backtick. */
function parenClose(src: string, from: number): number | undefined {
  for (let i = from; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === BACKTICK) return undefined;
    if (c !== BACKSLASH) continue;
    if (src.charCodeAt(i + 1) === 0x29) return src.slice(from, i).trim() === '' ? undefined : i;
    i++; // an escaped character, `\\` included
  }
  return undefined;
}

/**
 * Prose (no code spans in it) with each inline formula replaced by its TeX source:
 * `costs $O(n^2)$ in \(n\)` → `costs O(n^2) in n`; `$5 and $10` stays as it is.
 */
export function inlineMathAsText(prose: string): string {
  if (!prose.includes('$') && !prose.includes('\\(')) return prose;
  let out = '';
  let i = 0;
  while (i < prose.length) {
    const c = prose.charCodeAt(i);
    if (c === BACKSLASH) {
      const close = prose.charCodeAt(i + 1) === 0x28 ? parenClose(prose, i + 2) : undefined;
      if (close !== undefined) {
        out += prose.slice(i + 2, close).trim();
        i = close + 2;
      } else {
        out += prose.slice(i, i + 2);
        i += 2;
      }
      continue;
    }
    if (c !== DOLLAR) {
      out += prose[i];
      i++;
      continue;
    }
    let run = i;
    while (prose.charCodeAt(run) === DOLLAR) run++;
    const open = run - i;
    const close = open === 1 ? singleClose(prose, run, prose.length) : open === 2 ? doubleClose(prose, run, prose.length) : undefined;
    if (close === undefined) {
      out += prose.slice(i, run);
      i = run;
    } else {
      out += prose.slice(run, close).trim();
      i = close + open;
    }
  }
  return out;
}

/** Whitespace around a `$`, the no-break and ideographic spaces included; NaN is the edge of the text. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x3000 || Number.isNaN(code);
}
