// math: TeX math typeset at build time with KaTeX (math/typeset.ts): `$…$`, `\(…\)`, inline
// `$$…$$`, `$$…$$` and `\[…\]` blocks (math-syntax.ts) and ```` ```math ```` fences. A formula
// KaTeX cannot read is shown as code, with KaTeX's message as a warning at its line (code `math`);
// what KaTeX's strict mode notices is a warning too (code `math-strict`). The build goes on.
//
// KaTeX's markup (MathML, SVG, inline styles) is more than raw HTML in posts may have, and it is
// made by KaTeX with trust off, never by the author: it is left out of the sanitizer, not let
// through it. Each formula renders as a placeholder that no post can write (a private-use
// character and a per-process nonce) and placeMath puts the markup there once the body has been
// sanitized. Needs: env.math for the formulas; the renderer calls placeMath after sanitizing.
import { randomBytes } from 'node:crypto';
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { warning } from '../../diagnostics.js';
import { typeset } from '../../math/typeset.js';
import { escapeHtml } from '../../util/html-escape.js';
import { type MarkdownEnv, countNewlines, envOf, fileLine, forEachBlock } from '../env.js';
import { blockRule, dollarInline, parenInline } from './math-syntax.js';

const HINT =
  'the formula is shown as its TeX source; KaTeX reads LaTeX math commands but no packages or text-mode commands. ' +
  'If the dollar signs are not math, escape one: \\$';
const STRICT_HINT = 'KaTeX shows it anyway, but LaTeX would not; text inside math belongs in \\text{…}';

const NONCE = randomBytes(9).toString('base64url');
const PLACEHOLDER = new RegExp(`\u{E000}${NONCE}(\\d+)\u{E001}`, 'gu');

/** Closing delimiter of each opening one, for showing a formula that failed as written. */
const CLOSE: Record<string, string> = { $: '$', $$: '$$', '\\(': '\\)', '\\[': '\\]' };

export function mathPlugin(md: MarkdownIt): void {
  // `\(` before the escape rule, which would take `\(` as an escaped parenthesis; `$` after it,
  // so that `\$` stays a dollar. Both before backticks: a code span opens only where math does not.
  md.inline.ruler.before('escape', 'math_paren', parenInline);
  md.inline.ruler.after('escape', 'math_dollar', dollarInline);
  const alt = { alt: ['paragraph', 'reference', 'blockquote', 'list'] };
  md.block.ruler.after('blockquote', 'math_block_dollar', blockRule('$$', '$$'), alt);
  md.block.ruler.after('blockquote', 'math_block_bracket', blockRule('\\[', '\\]'), alt);
  md.core.ruler.after('inline', 'math_lines', mathLines);
  md.renderer.rules.math_inline = (tokens, idx, _options, env) => renderFormula(tokens[idx]!, envOf(env), false);
  md.renderer.rules.math_block = (tokens, idx, _options, env) => `${renderFormula(tokens[idx]!, envOf(env), true)}\n`;
}

/** The body HTML with every formula's markup in its placeholder's place. */
export function placeMath(html: string, formulas: readonly string[] | undefined): string {
  if (!formulas || formulas.length === 0) return html;
  return html.replace(PLACEHOLDER, (whole, index: string) => formulas[Number(index)] ?? whole);
}

/**
 * ```` ```math ```` fences become display math (a core rule, not a fence renderer: whatever renders
 * other fences never sees them), and inline formulas get their file line, which only the
 * paragraph holding them knows.
 */
function mathLines(state: StateCore): void {
  const env = envOf(state.env);
  forEachBlock(state.tokens, (token, line) => {
    if (token.type === 'fence' && token.info.trim().split(/\s+/, 1)[0]!.toLowerCase() === 'math') {
      token.type = 'math_block';
      token.markup = '';
      token.meta = { contentLine: 1 };
    } else if (env.math && token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'math_inline') child.meta.line = fileLine(env, line) + countNewlines(token.content, child.meta.offset as number);
      }
    }
  });
}

function renderFormula(token: Token, env: MarkdownEnv, display: boolean): string {
  const line = display ? fileLine(env, (token.map?.[0] ?? 0) + ((token.meta?.contentLine as number) ?? 0)) : ((token.meta?.line as number) ?? env.bodyLine);
  const result = typeset(token.content, display);
  if ('error' in result) {
    // An error at the end of the input is on the formula's last line, not after its newline.
    const at = line + countNewlines(token.content, Math.min(result.position ?? 0, token.content.trimEnd().length));
    env.diagnostics.push(warning(env.file, `TeX formula not typeset: ${result.error}`, { line: at, code: 'math', hint: HINT }));
    const source = escapeHtml(`${token.markup}${token.content}${CLOSE[token.markup] ?? ''}`);
    return display ? `<pre class="math-error"><code>${source}</code></pre>` : `<code class="math-error">${source}</code>`;
  }
  if (result.warning) env.diagnostics.push(warning(env.file, `TeX formula: ${result.warning}`, { line, code: 'math-strict', hint: STRICT_HINT }));
  const formulas = (env.math ??= []);
  formulas.push(result.html);
  return `\u{E000}${NONCE}${formulas.length - 1}\u{E001}`;
}
