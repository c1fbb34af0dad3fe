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
import { doubleClose, singleClose } from '../../math/delimiters.js';

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

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
  const tick = nextIndex(state, '`', start + 2);
  for (let close = nextIndex(state, '\\)', start + 2); close !== -1 && close < max; close = src.indexOf('\\)', close + 2)) {
    if (tick !== -1 && tick < close) return false;
    // `\\)` is TeX's line break and a parenthesis: the backslash before `)` must be unescaped.
    let slashes = 1;
    while (src.charCodeAt(close - slashes) === BACKSLASH && close - slashes >= start + 2) slashes++;
    if (slashes % 2 === 0) continue;
    const content = src.slice(start + 2, close);
    if (content.trim() === '') return false;
    if (!silent) pushInline(state, content, '\\(', start);
    state.pos = close + 2;
    return true;
  }
  return false;
}

/**
 * `src.indexOf(text, from)`, remembered per paragraph: a paragraph of many `\(` and no `\)`
 * looks for the same `\)` once, not once per `\(` (time would grow with the square of them).
 */
const nextFound = new WeakMap<StateInline, Map<string, { from: number; at: number }>>();
function nextIndex(state: StateInline, text: string, from: number): number {
  let found = nextFound.get(state);
  if (!found) nextFound.set(state, (found = new Map()));
  const known = found.get(text);
  // Found from an earlier offset and not before this one: the first from here too.
  if (known && known.from <= from && (known.at === -1 || known.at >= from)) return known.at;
  const at = state.src.indexOf(text, from);
  found.set(text, { from, at });
  return at;
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
    // Asked of every line of every paragraph: answer most of them without copying the line.
    if (!mayOpen(state, startLine) || !state.src.startsWith(open, state.bMarks[startLine]! + state.tShift[startLine]!)) return false;
    const first = lineText(state, startLine).trimEnd();
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
      const found = closingLine(state, startLine, endLine, close);
      // Not closed before the paragraph or its container ends: text, not the rest of the post.
      if (found === undefined) return false;
      closeLine = found;
      last = lineText(state, closeLine).trimEnd().slice(0, -close.length);
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

/** Lines a display formula may span. */
const MAX_LINES = 200;

/**
 * Per parse, by delimiter and container: lines after `from` and before `to` end no formula;
 * `ended`: the paragraph or container ends at `to`.
 */
const unclosed = new WeakMap<StateBlock, Map<string, { from: number; to: number; ended: boolean }>>();

/**
 * The line after `startLine` ending with `close`, in the same paragraph and container and at most
 * MAX_LINES on. Every line of a paragraph asks whether it opens a block, so what a search passed
 * is remembered and not searched again: a paragraph of many `$$` lines costs its length, not the
 * square of it.
 */
function closingLine(state: StateBlock, startLine: number, endLine: number, close: string): number | undefined {
  const key = `${close}\0${endLine}\0${state.blkIndent}`;
  let searched = unclosed.get(state);
  if (!searched) unclosed.set(state, (searched = new Map()));
  const known = searched.get(key);
  let line = startLine + 1;
  if (known && known.from < startLine && startLine < known.to) {
    if (known.ended) return undefined;
    line = known.to;
  }
  for (; line - startLine <= MAX_LINES; line++) {
    if (line >= endLine || state.isEmpty(line) || state.sCount[line]! < state.blkIndent) {
      searched.set(key, { from: startLine, to: line, ended: true });
      return undefined;
    }
    if (endsWith(state, line, close)) return line;
  }
  searched.set(key, { from: startLine, to: line, ended: false });
  return undefined;
}

/** Whether a line ends with `text`, trailing spaces aside (without copying the line). */
function endsWith(state: StateBlock, line: number, text: string): boolean {
  const start = state.bMarks[line]! + state.tShift[line]!;
  const end = state.skipSpacesBack(state.eMarks[line]!, start);
  return end - start >= text.length && state.src.startsWith(text, end - text.length);
}
