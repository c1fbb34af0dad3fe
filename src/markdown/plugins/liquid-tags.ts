// liquid-tags: warns (code `liquid-tag`) about Liquid/Hexo `{% … %}` tags outside code that no
// plugin understood (`{% include x.html %}`, `{% pullquote %}`, an unclosed `{% note %}`…).
// They are never evaluated: markdown-it already shows them as literal text, this plugin only
// reports each one with its source line. `{{ … }}` output tags
// are left alone (they read fine as text). Needs: jekyll-raw (raw markers gone, raw ranges in
// env); runs after inline parsing, on the final tokens, so tags that hexo-tags turned into
// callouts, images or links are no longer text and are not reported.
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { warning } from '../../diagnostics.js';
import { type MarkdownEnv, childLines, countNewlines, envOf, fileLine, forEachBlock } from '../env.js';

const TAG = /\{%-?\s*([A-Za-z_][\w-]*)?[\s\S]*?-?%\}/g;
// Stands in for code spans and images so that a tag cannot be stitched together across them.
const OPAQUE = '\uFFFC';

export function liquidTagsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('liquid_tags', reportLiquidTags);
}

function reportLiquidTags(state: StateCore): void {
  if (!state.src.includes('{%')) return;
  const env = envOf(state.env);
  const opened = new Set<string>();
  forEachBlock(state.tokens, (token, line) => {
    if (token.type === 'html_block') scan(env, token.content, line, opened);
    else if (token.type === 'inline' && token.content.includes('{%')) scan(env, plainText(token, line), line, opened);
  });
}

/** The inline's text as the reader sees it, with `\n` wherever the source has a line break. */
function plainText(inline: Token, line: number): string {
  const lines = childLines(inline, line);
  let text = '';
  let current = line;
  (inline.children ?? []).forEach((child, i) => {
    const childLine = lines[i] ?? current;
    text += '\n'.repeat(Math.max(0, childLine - current));
    current = childLine;
    if (child.type === 'text') text += child.content;
    else if (child.type === 'html_inline') {
      text += child.content;
      current += countNewlines(child.content, child.content.length); // a tag may span lines
    } else if (child.type === 'code_inline' || child.type === 'image') text += OPAQUE;
  });
  return text;
}

function scan(env: MarkdownEnv, text: string, firstLine: number, opened: Set<string>): void {
  let line = firstLine;
  let counted = 0;
  for (const match of text.matchAll(TAG)) {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
    counted = match.index;
    if (insideRaw(env, line)) continue;
    const name = match[1] ?? '…';
    // A pair (`{% pullquote %}` … `{% endpullquote %}`) is one construct: one warning, at its start.
    if (name.startsWith('end') && opened.has(name.slice(3))) continue;
    opened.add(name);
    const tag = `{% ${name} %}`;
    env.diagnostics.push(
      warning(env.file, `Liquid/Hexo tag ${tag} is not supported and is shown as text; replace it with Markdown/HTML`, {
        line: fileLine(env, line),
        code: 'liquid-tag',
      }),
    );
  }
}

function insideRaw(env: MarkdownEnv, line: number): boolean {
  return env.rawRanges?.some(([start, end]) => line >= start && line <= end) ?? false;
}
