// The HTML of one code block: `<pre class="code"><code>` holding exactly the block's text, the
// tokens as `<span class="tok-keyword">`… for the stylesheet to colour. Line numbers are drawn
// by CSS counters and highlighted lines by a class, so that selecting the block and copying it
// gives the source, nothing more. A title becomes a caption, as Hexo's codeblock titles are.
import { type CodeOptions, inRanges } from './code-options.js';
import type { CodeToken } from './tokenize.js';

/** The block's tokens (one array per line, without the final newline), its options, and the rendered attributes of its `<code>`. */
export interface CodeBlock {
  lines: CodeToken[][];
  options: CodeOptions;
  codeAttributes: string;
}

/** Lines of plain text, as the tokenizer would give them for a language without a grammar. */
export function plainLines(code: string): CodeToken[][] {
  return code.split('\n').map((text) => [{ text }]);
}

/** `code` without its one final newline (every fence's content ends with one). */
export function withoutFinalNewline(code: string): string {
  return code.endsWith('\n') ? code.slice(0, -1) : code;
}

export function codeBlockHtml({ lines, options, codeAttributes }: CodeBlock, escape: (text: string) => string): string {
  const numbered = options.lineNumbers === true;
  const perLine = numbered || (options.marked?.length ?? 0) > 0;
  const body = lines
    .map((tokens, i) => {
      const text = tokensHtml(tokens, escape);
      if (!perLine) return text;
      return `<span class="${inRanges(options.marked, i + 1) ? 'line marked' : 'line'}">${text}</span>`;
    })
    .join('\n');
  const start = numbered ? lineNumberStyle(options.firstLine ?? 1, lines.length) : '';
  // tabindex: a block that scrolls sideways must be reachable from the keyboard.
  const pre = `<pre class="${numbered ? 'code line-numbers' : 'code'}" tabindex="0"${start}><code${codeAttributes}>${body}${lines.length > 0 ? '\n' : ''}</code></pre>\n`;
  if (!options.title) return pre;
  return `<figure class="code-block">\n<figcaption><span class="code-title">${escape(options.title)}</span></figcaption>\n${pre}</figure>\n`;
}

/**
 * The counter counts up from its reset value, so the first line shows `firstLine`; a gutter wider
 * than two digits is asked for only when the last number needs it, so that numbers stay aligned.
 */
function lineNumberStyle(firstLine: number, lineCount: number): string {
  const rules: string[] = [];
  if (firstLine !== 1) rules.push(`counter-reset: line ${firstLine - 1}`);
  const digits = String(firstLine + lineCount - 1).length;
  if (digits > 2) rules.push(`--line-digits: ${digits}`);
  return rules.length > 0 ? ` style="${rules.join('; ')}"` : '';
}

/** Neighbouring tokens of one kind are one span; plain text is not wrapped. */
function tokensHtml(tokens: readonly CodeToken[], escape: (text: string) => string): string {
  let html = '';
  let kind: string | undefined;
  let text = '';
  const flush = () => {
    if (text !== '') html += kind ? `<span class="tok-${kind}">${escape(text)}</span>` : escape(text);
    text = '';
  };
  for (const token of tokens) {
    // Whitespace takes the kind of what surrounds it rather than opening a span of its own.
    const tokenKind = token.text.trim() === '' && text !== '' ? kind : token.kind;
    if (tokenKind !== kind) {
      flush();
      kind = tokenKind;
    }
    text += token.text;
  }
  flush();
  return html;
}
