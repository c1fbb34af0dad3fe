// product-names: text is rendered with names like "GPT-4o" kept on one line (util/no-break.ts).
// Only the rendering of text tokens changes: heading ids, the table of contents, excerpts and
// search read the text as written.
import type MarkdownIt from 'markdown-it';
import { escapeHtml } from '../../util/html-escape.js';
import { keepNamesWhole } from '../../util/no-break.js';

export function productNamesPlugin(md: MarkdownIt): void {
  md.renderer.rules.text = (tokens, idx) => keepNamesWhole(escapeHtml(tokens[idx]!.content));
}
