// math-syntax: where TeX math is in a post, as `math_inline` and `math_block` tokens (math.ts
// typesets them). Inline: `$…$` by Pandoc's rule (no space after the opening `$`, none before the
// closing one, the closing one not followed by a digit: `$5 and $10`, `$HOME` stay text), `\(…\)`,
// and `$$…$$` inside a paragraph, which kramdown (Jekyll, Chirpy) reads as inline math. Block:
// `$$…$$` and `\[…\]` opening a line and closed by the end of a line of the same paragraph; an
// unclosed one is text. Nothing in code is read: fences and indented code never reach these
// rules, and inline math never runs across a backtick, so a code span keeps its `$`.
// Inline tokens keep their offset in the paragraph (meta.offset), blocks the 0-based line of
// their content relative to token.map (meta.contentLine), for diagnostics.
import type { StateBlock, StateInline } from 'markdown-it';
import { lineText, mayOpen } from '../block-tags.js';
import { envOf } from '../env.js';

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;
const BACKTICK = 0x60;

/** `$…$` and inline `$$…$$`. A run of three or more dollars is text. */
export function dollarInline(state: StateInline, silent: boolean): boolean {
  const { src, pos: start, posMax: max } = state;
  if (src.charCodeAt(start) !== DOLLAR) return false;
  let run = start;
  while (src.charCodeAt(run) === DOLLAR) run++;
  const open = run - start;
  const close = open === 1 ? singleClose(src, run, max) : open === 2 ? doubleClose(src, run, max) : undefined;
  if (close === undefined) {
    // The whole run is text, so the second `$` of `$$` cannot open math on its own.
    if (!silent) state.pending += src.slice(start, run);
    state.pos = run;
    return true;
  }
  if (!silent) pushInline(state, src.slice(run, close), '$'.repeat(open), start);
  state.pos = close + open;
  return true;
}

/** `\(…\)`; `\\(` is an escaped backslash and never gets here (the escape rule takes it). */
export function parenInline(state: StateInline, silent: boolean): boolean {
  const { src, pos: start, posMax: max } = state;
  if (src.charCodeAt(start) !== BACKSLASH || src.charCodeAt(start + 1) !== 0x28) return false;
  for (let i = start + 2; i < max; i++) {
    const c = src.charCodeAt(i);
    if (c === BACKTICK) return false;
    if (c !== BACKSLASH) continue;
    if (src.charCodeAt(i + 1) !== 0x29) {
      i++; // a TeX command or escaped character: `\\)` does not close
      continue;
    }
    const content = src.slice(start + 2, i);
    if (content.trim() === '') return false;
    if (!silent) pushInline(state, content, '\\(', start);
    state.pos = i + 2;
    return true;
  }
  return false;
}

/** Offset of the `$` closing a `$` opened just before `from`, by Pandoc's rule; the first `$` decides. */
function singleClose(src: string, from: number, max: number): number | undefined {
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
function doubleClose(src: string, from: number, max: number): number | undefined {
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

function pushInline(state: StateInline, content: string, markup: string, offset: number): void {
  const token = state.push('math_inline', 'math', 0);
  token.content = content;
  token.markup = markup;
  token.meta = { offset };
  // Tells the math plugin's core rule that this post has inline math to give lines to.
  envOf(state.env).math ??= [];
}

/** Block math from `open` to `close`: on one line, or from an opening line to a line ending with `close`. */
export function blockRule(open: string, close: string) {
  return (state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean => {
    if (!mayOpen(state, startLine)) return false;
    const first = lineText(state, startLine).trimEnd();
    if (!first.startsWith(open)) return false;
    const rest = first.slice(open.length);
    let closeLine = startLine;
    let last = '';
    if (rest.endsWith(close)) {
      last = rest.slice(0, -close.length);
      // `$$a$$ and $$b$$` is a paragraph with two inline formulas; `$$$$` is nothing.
      if (last.includes(open) || last.includes(close) || last.trim() === '') return false;
    } else {
      // `$$a$$ in a sentence` is a paragraph with inline math.
      if (rest.includes(close)) return false;
      let found = false;
      while (!found) {
        closeLine++;
        // Not closed before the paragraph or its container ends: text, not the rest of the post.
        if (closeLine >= endLine || state.isEmpty(closeLine) || state.sCount[closeLine]! < state.blkIndent) return false;
        const text = lineText(state, closeLine).trimEnd();
        found = text.endsWith(close);
        if (found) last = text.slice(0, -close.length);
      }
    }
    if (silent) return true;
    const token = state.push('math_block', 'math', 0);
    token.block = true;
    token.markup = open;
    token.map = [startLine, closeLine + 1];
    if (closeLine === startLine) {
      token.content = `${last.trim()}\n`;
      token.meta = { contentLine: 0 };
    } else {
      const middle = state.getLines(startLine + 1, closeLine, state.sCount[startLine]!, true);
      token.content = (rest.trim() ? `${rest.trim()}\n` : '') + middle + (last.trim() ? `${last}\n` : '');
      token.meta = { contentLine: rest.trim() ? 0 : 1 };
    }
    state.line = closeLine + 1;
    return true;
  };
}

/** Whitespace around a `$`, the no-break and ideographic spaces included; NaN is the edge of the text. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x3000 || Number.isNaN(code);
}
