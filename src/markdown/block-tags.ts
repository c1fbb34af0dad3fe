// Helpers shared by the Hexo tag and Hugo shortcode plugins: paired block tags that stand on
// lines of their own (`{% note %}` … `{% endnote %}`, `{{< highlight go >}}` … `{{< /highlight >}}`),
// inline tags whose problems are reported once their line is known, and replacing text outside
// code spans. Tags inside fences and indented code never reach these: markdown-it's code rules
// run first and take those lines.
import type MarkdownIt from 'markdown-it';
import type { StateBlock, StateCore, StateInline, Token } from 'markdown-it';
import type { Diagnostic } from '../diagnostics.js';
import { childLines, envOf, fileLine, forEachBlock } from './env.js';

/** The text of one line inside the current container, indentation stripped. */
export function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
}

/** Whether a line may open a block tag here (not indented code). */
export function mayOpen(state: StateBlock, line: number): boolean {
  return state.sCount[line]! - state.blkIndent < 4;
}

/**
 * The line closing a paired tag opened on `startLine` (nested pairs of the same name counted),
 * or undefined when it is not closed inside the current container.
 */
export function closingLine(state: StateBlock, startLine: number, endLine: number, opens: RegExp, closes: RegExp): number | undefined {
  let depth = 1;
  for (let line = startLine + 1; line < endLine; line++) {
    const text = lineText(state, line);
    if (text !== '' && state.sCount[line]! < state.blkIndent) return undefined;
    if (opens.test(text)) depth++;
    else if (closes.test(text) && --depth === 0) return line;
  }
  return undefined;
}

/** Block-parse lines `[from, to)` as Markdown between an opening and a closing token. */
export function tokenizeBetween(state: StateBlock, from: number, to: number, open: () => void, close: () => void): void {
  const parentType = state.parentType;
  const lineMax = state.lineMax;
  // As markdown-it-container does: a parent type no core rule tests for.
  state.parentType = 'container' as typeof state.parentType;
  state.lineMax = to;
  open();
  state.md.block.tokenize(state, from, to);
  close();
  state.parentType = parentType;
  state.lineMax = lineMax;
}

/** A fence token, as if the code had been written between ``` lines with `lang`. */
export function pushFence(state: StateBlock, startLine: number, closeLine: number, lang: string): Token {
  const token = state.push('fence', 'code', 0);
  token.info = lang;
  token.content = state.getLines(startLine + 1, closeLine, state.sCount[startLine]!, true);
  token.markup = '```';
  token.map = [startLine, closeLine + 1];
  return token;
}

/**
 * Markup a tag builds itself (a caption, a quote's footer, a video card) as tokens, not as an HTML
 * string: links and images in it then pass the URL policy (safe-links), the base path and
 * rel="noopener" like every other link. `text` is shown as written, never read as Markdown.
 */
export class InlineBuilder {
  readonly children: Token[] = [];
  #level = 0;

  constructor(private readonly state: StateBlock) {}

  open(tag: string, attrs: Array<[string, string]> = [], type = `${tag}_open`): this {
    const token = this.#add(type, tag, 1);
    if (attrs.length > 0) token.attrs = attrs;
    this.#level++;
    return this;
  }

  close(tag: string, type = `${tag}_close`): this {
    this.#level--;
    this.#add(type, tag, -1);
    return this;
  }

  text(content: string): this {
    if (content !== '') this.#add('text', '', 0).content = content;
    return this;
  }

  /** Pushes the children as one inline token of the block being parsed. */
  push(map: [number, number]): Token {
    const inline = this.state.push('inline', '', 0);
    // Empty content: markdown-it's inline rule then adds nothing to the ready-made children.
    inline.content = '';
    inline.map = map;
    inline.children = this.children;
    return inline;
  }

  #add(type: string, tag: string, nesting: 1 | 0 | -1): Token {
    const token = new this.state.Token(type, tag, nesting);
    token.level = this.#level;
    this.children.push(token);
    return token;
  }
}

/**
 * Pushes a tag shown as text, with the problem to report about it (its line is known only once
 * the inline is placed: reportInlineTagProblems adds it). A token type of its own, because
 * markdown-it joins adjacent `text` tokens and would lose the problem.
 */
export function pushTagText(state: StateInline, content: string, problem?: Omit<Diagnostic, 'file' | 'line'>): Token {
  const token = state.push('tag_text', '', 0);
  token.content = content;
  if (problem) token.meta = { diagnostic: problem };
  return token;
}

/** Installs the tag_text renderer and reportInlineTagProblems once, however many plugins ask. */
export function useTagText(md: MarkdownIt): void {
  if (md.core.ruler.getRules('').includes(reportInlineTagProblems)) return;
  md.core.ruler.push('inline_tag_problems', reportInlineTagProblems);
  md.renderer.rules.tag_text = (tokens, idx) => md.utils.escapeHtml(tokens[idx]!.content);
}

/** Core rule: every inline token carrying a deferred problem becomes a diagnostic with its file line. */
function reportInlineTagProblems(state: StateCore): void {
  const env = envOf(state.env);
  forEachBlock(state.tokens, (token, line) => {
    if (token.type !== 'inline' || !token.children) return;
    const lines = childLines(token, line);
    token.children.forEach((child, i) => {
      const problem = child.meta?.diagnostic as Omit<Diagnostic, 'file' | 'line'> | undefined;
      if (problem) env.diagnostics.push({ ...problem, file: env.file, line: fileLine(env, lines[i] ?? line) });
    });
  });
}

const CODE_SPAN = /(`+)[\s\S]*?[^`]\1(?!`)|(`+)\2(?!`)/g;

/**
 * `text` with `pattern`'s matches replaced, except inside code spans (`` `…` ``), where tags stay
 * literal. `replace` gets the match and the 0-based line offset of the match inside `text`.
 */
export function replaceOutsideCode(text: string, pattern: RegExp, replace: (match: RegExpExecArray, lineOffset: number) => string): string {
  const spans: Array<[number, number]> = [];
  for (const span of text.matchAll(CODE_SPAN)) spans.push([span.index, span.index + span[0].length]);
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return text.replace(global, (...args) => {
    const offset = args[args.length - 2] as number;
    if (spans.some(([start, end]) => offset >= start && offset < end)) return args[0] as string;
    const match = Object.assign([...args.slice(0, -2)] as string[], { index: offset, input: text }) as unknown as RegExpExecArray;
    return replace(match, countLines(text, offset));
  });
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Core rule body: in every inline token, a link destination that is a tag (`[t]({{< ref "x" >}})`,
 * `[t]({% post_path x %})`) is replaced by the site path `resolve` gives, before inline parsing, so
 * that markdown-it's own link rule, base-path and link-refs handle the result like any link.
 * `resolve` returns undefined (and reports the problem) when there is no such post.
 */
export function rewriteTagDestinations(
  state: StateCore,
  pattern: RegExp,
  resolve: (match: RegExpExecArray, fileLine: number) => string | undefined,
): void {
  const env = envOf(state.env);
  for (const token of state.tokens) {
    if (token.type !== 'inline' || !pattern.test(token.content)) continue;
    const line = token.map?.[0] ?? 0;
    token.content = replaceOutsideCode(token.content, pattern, (match, offset) => {
      const url = resolve(match, fileLine(env, line + offset));
      return `](<${url ?? '#'}>)`;
    });
  }
}
