// kramdown-ial: kramdown's inline attribute lists, as Jekyll (Chirpy) posts use them.
//   > A hint.                  ← a lazy line after a blockquote (or list) applies to that block;
//   {: .prompt-tip }             Chirpy's prompt-tip/info/warning/danger make it a callout.
//   A paragraph.
//   {: #intro .lead }          ← the last line of a paragraph applies to the paragraph;
//   ## Heading                 ← a line of its own right after a heading, fence, table… applies
//   {: .no-toc }                 to that block;
//   ![a](b.png){: w="700" h="400" .shadow }   ← right after an image (or link): to it.
// Attributes pass an allow-list (class, id, width/height — Chirpy's w/h —, title, alt, lang,
// dir, data-*, aria-*, style as raw HTML may have it — no url(), no position: fixed —, and target
// on links); anything else, event handlers first, is dropped with a warning naming the line. The
// IAL text itself never reaches the page.
// Needs: runs right after inline parsing (so link-refs and images see the attributes);
// callouts renders the prompts.
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { warning } from '../../diagnostics.js';
import { isSafeStyle } from '../html-policy.js';
import { type MarkdownEnv, childLines, envOf, fileLine } from '../env.js';
import { splitArgs } from '../tag-args.js';
import { promptType } from './callouts.js';

const IAL = /^\{:(?!:)\s*([^{}]*?)\s*\}/;
const WHOLE_IAL = /^\{:(?!:)\s*([^{}]*?)\s*\}\s*$/;
const GLOBAL = new Set(['class', 'id', 'title', 'lang', 'dir']);
const SIZE = /^\d+(?:\.\d+)?(?:%|px)?$/;
const CONTAINERS = new Set(['blockquote_open', 'bullet_list_open', 'ordered_list_open', 'list_item_open']);

export function kramdownIalPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'kramdown_ial', applyAttributeLists);
}

function applyAttributeLists(state: StateCore): void {
  if (!state.src.includes('{:')) return;
  const env = envOf(state.env);
  const tokens = state.tokens;
  const srcLines = state.src.split('\n');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'inline' || !token.content.includes('{:') || !token.children) continue;
    const line = token.map?.[0] ?? nearestLine(tokens, i);
    spanAttributeLists(env, token, line);
    const whole = WHOLE_IAL.exec(token.content);
    if (whole && tokens[i - 1]?.type === 'paragraph_open' && tokens[i + 1]?.type === 'paragraph_close') {
      // A paragraph of its own: the block right before it (else right after it) takes the attributes.
      const target = blockBefore(tokens, i - 1) ?? blockAfter(tokens, i + 1);
      tokens.splice(i - 1, 3);
      i -= 2;
      if (target) apply(env, target, whole[1]!, line);
      continue;
    }
    if (whole && tokens[i - 1]?.type === 'td_open' && tokens[i - 2]?.type === 'tr_open') {
      // GFM tables run until a blank line, so the IAL line became the table's last row.
      const removed = tableRowList(tokens, i, env, whole[1]!, line);
      if (removed > 0) {
        i -= removed; // the loop goes on with what followed the removed row
        continue;
      }
    }
    const trailing = trailingList(token);
    if (!trailing) continue;
    const paragraph = tokens[i - 1];
    const ialLine = (paragraph?.map?.[1] ?? line + 1) - 1;
    const quoted = /^\s*>/.test(srcLines[ialLine] ?? '');
    const onlyImage = token.children.length === 1 && token.children[0]!.type === 'image' ? token.children[0] : undefined;
    const indent = indentOf(srcLines[ialLine] ?? '');
    const container = quoted ? undefined : outermostContainer(tokens, i, (item) => indent > indentOf(srcLines[item.map?.[0] ?? 0] ?? ''));
    const target = container || onlyImage || (paragraph?.type === 'paragraph_open' ? paragraph : undefined);
    if (target) apply(env, target, trailing, ialLine);
  }
}

/**
 * The last body row of a table holding only an IAL (then empty padding cells) is the IAL of the
 * table: applied to it and the row removed. Returns how many tokens went before `index`.
 */
function tableRowList(tokens: Token[], index: number, env: MarkdownEnv, list: string, line: number): number {
  const rowStart = index - 2;
  let rowEnd = index + 1;
  while (rowEnd < tokens.length && tokens[rowEnd]!.type !== 'tr_close') {
    const cell = tokens[rowEnd]!;
    if (cell.type === 'inline' && cell.content.trim() !== '') return 0;
    rowEnd++;
  }
  if (tokens[rowEnd + 1]?.type !== 'tbody_close') return 0;
  let end = rowEnd + 1;
  let start = rowStart;
  // A table whose only body row was the IAL loses its (now empty) tbody too.
  if (tokens[start - 1]?.type === 'tbody_open') {
    start--;
    end++;
  }
  const table = openerOf(tokens, tokens.findIndex((t, k) => k >= end && t.type === 'table_close'));
  tokens.splice(start, end - start);
  if (table) apply(env, table, list, line);
  return index - start;
}

/** `…text{: .x}` right after an image or link: applied to it, cut from the text. */
function spanAttributeLists(env: MarkdownEnv, inline: Token, line: number): void {
  const children = inline.children!;
  const lines = childLines(inline, line);
  for (let c = 1; c < children.length; c++) {
    const child = children[c]!;
    if (child.type !== 'text') continue;
    const match = IAL.exec(child.content);
    if (!match) continue;
    const previous = children[c - 1]!;
    const target = previous.type === 'image' ? previous : previous.type === 'link_close' ? openerOf(children, c - 1) : undefined;
    if (!target) continue;
    child.content = child.content.slice(match[0].length);
    apply(env, target, match[1]!, lines[c] ?? line);
  }
}

/** The IAL on the last line of a multi-line inline, removed from it; undefined if there is none. */
function trailingList(inline: Token): string | undefined {
  const children = inline.children!;
  const last = children[children.length - 1];
  const before = children[children.length - 2];
  if (!last || last.type !== 'text' || !before || (before.type !== 'softbreak' && before.type !== 'hardbreak')) return undefined;
  const match = WHOLE_IAL.exec(last.content);
  if (!match) return undefined;
  children.splice(children.length - 2, 2);
  inline.content = inline.content.replace(/\n[^\n]*$/, '');
  return match[1]!;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

/**
 * The outermost blockquote or list the inline at `index` sits in, through blockquotes and lists
 * only, and not past a list item the IAL line is indented into (`- item` / `  > q` / `  {: … }`
 * stays with the quote inside the item).
 */
function outermostContainer(tokens: Token[], index: number, insideItem: (item: Token) => boolean): Token | undefined {
  const stack: Token[] = [];
  for (let i = 0; i < index; i++) {
    const token = tokens[i]!;
    if (token.nesting === 1) stack.push(token);
    else if (token.nesting === -1) stack.pop();
  }
  stack.pop(); // the paragraph itself
  let target: Token | undefined;
  for (let s = stack.length - 1; s >= 0 && CONTAINERS.has(stack[s]!.type); s--) {
    if (stack[s]!.type === 'list_item_open') {
      if (insideItem(stack[s]!)) break;
    } else target = stack[s];
  }
  return target;
}

function blockBefore(tokens: Token[], index: number): Token | undefined {
  const previous = tokens[index - 1];
  if (!previous || previous.type === 'inline') return undefined;
  if (previous.nesting === 0) return previous.block ? previous : undefined;
  if (previous.nesting === 1) return undefined; // first in its container
  return openerOf(tokens, index - 1);
}

function blockAfter(tokens: Token[], index: number): Token | undefined {
  const next = tokens[index + 1];
  return next && next.nesting !== -1 && next.type !== 'inline' ? next : undefined;
}

/** The opening token that the closing token at `index` closes. */
function openerOf(tokens: Token[], index: number): Token | undefined {
  let depth = 0;
  for (let i = index; i >= 0; i--) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return tokens[i];
  }
  return undefined;
}

function nearestLine(tokens: Token[], index: number): number {
  for (let i = index; i >= 0; i--) if (tokens[i]!.map) return tokens[i]!.map![0];
  return 0;
}

/** Apply one attribute list to a token, keeping only allowed attributes. */
function apply(env: MarkdownEnv, target: Token, list: string, line: number): void {
  for (const arg of splitArgs(list, { named: true })) {
    if (arg.key === undefined) {
      if (arg.value.startsWith('.') && arg.value.length > 1) addClass(target, arg.value.slice(1));
      else if (arg.value.startsWith('#') && arg.value.length > 1) target.attrSet('id', arg.value.slice(1));
      // A bare name refers to an attribute list definition (`{:toc}`), which has no meaning here.
      continue;
    }
    const name = arg.key === 'w' ? 'width' : arg.key === 'h' ? 'height' : arg.key;
    const refusal = refuse(name, arg.value, target);
    if (refusal) {
      env.diagnostics.push(
        warning(env.file, `kramdown attribute ${arg.key}="${arg.value.slice(0, 40)}" ${refusal} and was dropped`, {
          line: fileLine(env, line),
          code: 'kramdown-ial',
          hint: 'attribute lists may set class, id, width/height (w/h), title, alt, lang, dir, data-*, aria-* and style without url() or position: fixed',
        }),
      );
      continue;
    }
    if (name === 'class') for (const c of arg.value.split(/\s+/).filter(Boolean)) addClass(target, c);
    else if (name === 'alt' && target.type === 'image') setAlt(target, arg.value);
    // Chirpy's `{: file="_config.yml" }` under a code block names the file; kept for themes as data-file.
    else if (name === 'file') target.attrSet('data-file', arg.value);
    else target.attrSet(name, name === 'width' || name === 'height' ? arg.value.replace(/px$/, '') : arg.value);
    if (name === 'target') target.attrSet('rel', 'noopener');
  }
}

/** Why an attribute may not be set, or undefined when it may. */
function refuse(name: string, value: string, target: Token): string | undefined {
  if (/^on/i.test(name)) return 'is an event handler, which posts may not use,';
  if (name === 'file') return target.type === 'fence' ? undefined : 'only applies to code blocks';
  if (name === 'width' || name === 'height') return SIZE.test(value) ? undefined : 'is not a size';
  if (name === 'style') return isSafeStyle(value) ? undefined : 'loads or runs something, or covers the page,';
  if (name === 'target') return target.type === 'link_open' ? undefined : 'only applies to links';
  if (name === 'alt') return target.type === 'image' ? undefined : 'only applies to images';
  if (GLOBAL.has(name) || /^(?:data|aria)-[\w-]+$/.test(name)) return undefined;
  return 'is not allowed';
}

/** The image renderer reads alt from the image's children, not its content. */
function setAlt(image: Token, alt: string): void {
  const TokenClass = image.constructor as new (type: string, tag: string, nesting: number) => Token;
  const text = new TokenClass('text', '', 0);
  text.content = alt;
  image.content = alt;
  image.children = [text];
}

function addClass(target: Token, name: string): void {
  const classes = (target.attrGet('class') ?? '').split(/\s+/).filter(Boolean);
  if (!classes.includes(name)) classes.push(name);
  target.attrSet('class', classes.join(' '));
  const callout = promptType(name);
  if (callout && target.type === 'blockquote_open') target.meta = { ...(target.meta ?? {}), callout };
}
