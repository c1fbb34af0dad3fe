// link-refs: records every Markdown link and image of the post — its URL as written, the image's
// alt text, and the source-file line — in env.links, so `omnipress check` can report links that
// point nowhere and images without alt text on the right line. Records only; changes no output.
// Needs: nothing; runs after inline parsing, linkify and footnotes (pushed after their core rules).
import type MarkdownIt from 'markdown-it';
import type { StateCore } from 'markdown-it';
import { childLines, envOf, fileLine, forEachBlock } from '../env.js';

export function linkRefsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('link_refs', recordLinks);
}

function recordLinks(state: StateCore): void {
  const env = envOf(state.env);
  forEachBlock(state.tokens, (token, line) => {
    if (token.type !== 'inline' || !token.children) return;
    const lines = childLines(token, line);
    token.children.forEach((child, i) => {
      const at = fileLine(env, lines[i] ?? line);
      if (child.type === 'link_open') {
        // Autolinks and linkified text are absolute URLs by construction; they are recorded too.
        env.links.push({ kind: 'link', url: child.attrGet('href') ?? '', line: at });
      } else if (child.type === 'image') {
        env.links.push({ kind: 'image', url: child.attrGet('src') ?? '', alt: child.content, line: at });
      }
    });
  });
}
