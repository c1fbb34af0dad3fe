// raw-html-links: `<a href>` written as raw HTML is recorded in env.links (marked `html`), as
// link-refs records Markdown links, so that `omnipress check` also finds a raw-HTML link that
// points nowhere or to an old address, and migrate-check counts it. The HTML is not touched.
// Needs: runs after inline parsing.
import type MarkdownIt from 'markdown-it';
import type { StateCore } from 'markdown-it';
import { type MarkdownEnv, childLines, countNewlines, envOf, fileLine, forEachBlock } from '../env.js';
import { readAttributes, TEXT_ELEMENT } from './raw-html-images.js';

/** An `<a>` start tag; quoted values may hold `>`. */
const A_TAG = /<a((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi;

export function rawHtmlLinksPlugin(md: MarkdownIt): void {
  md.core.ruler.push('raw_html_links', (state: StateCore) => {
    if (!/<a\s/i.test(state.src)) return;
    const env = envOf(state.env);
    forEachBlock(state.tokens, (token, line) => {
      if (token.type === 'html_block') {
        if (!TEXT_ELEMENT.test(token.content)) record(md, env, token.content, line);
      } else if (token.type === 'inline' && token.children && token.content.includes('<')) {
        const lines = childLines(token, line);
        let inText = false;
        token.children.forEach((child, i) => {
          if (child.type !== 'html_inline') return;
          if (TEXT_ELEMENT.test(child.content)) inText = !/^<\//.test(child.content);
          else if (!inText) record(md, env, child.content, lines[i] ?? line);
        });
      }
    });
  });
}

function record(md: MarkdownIt, env: MarkdownEnv, html: string, line: number): void {
  for (const match of html.matchAll(A_TAG)) {
    const href = readAttributes(match[1]!).get('href');
    if (href === undefined) continue;
    env.links.push({ kind: 'link', url: md.utils.unescapeAll(href).trim(), line: fileLine(env, line + countNewlines(html, match.index)), html: true });
  }
}
