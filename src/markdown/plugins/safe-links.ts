// safe-links: one URL policy (url-policy.ts) for every link and image of a post, whoever made it.
//   - validateLink: Markdown links, autolinks and linkified URLs refuse `javascript:`, `vbscript:`,
//     `file:`, `data:` except raster images, unknown schemes — also when hidden behind entities,
//     case or whitespace. A refused Markdown link stays visible as text (markdown-it's way).
//   - a core rule, once every plugin has made its tokens (Hexo tags, Hugo shortcodes, kramdown
//     attribute lists, media_subpath): every URL attribute of every token passes the same policy.
//     An unsafe link loses its link and keeps its text, an unsafe image is dropped, any other
//     unsafe URL attribute is removed; each with a warning (code unsafe-url) naming the line.
// Plugins therefore put URLs in tokens, never in HTML strings; the sanitizer checks the rendered
// HTML with the same policy again. Needs: pushed after media-subpath (it prefixes image URLs) and
// before link-refs (which records — and post-assets copies — only what is left).
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { warning } from '../../diagnostics.js';
import { type MarkdownEnv, childLines, envOf, fileLine, forEachBlock } from '../env.js';
import { isSafeAttributeValue, isUrlAttribute, shortValue } from '../html-policy.js';
import { UNSAFE_URL_HINT, isSafeUrl } from '../url-policy.js';

export function safeLinksPlugin(md: MarkdownIt): void {
  md.validateLink = isSafeUrl;
  md.core.ruler.push('safe_links', dropUnsafeUrls);
}

function dropUnsafeUrls(state: StateCore): void {
  const env = envOf(state.env);
  forEachBlock(state.tokens, (token, line) => {
    removeUnsafeAttributes(env, token, line);
    if (token.type === 'inline' && token.children) token.children = safeChildren(env, token, line);
  });
}

/** The inline's children without unsafe images, and unsafe links reduced to their text. */
function safeChildren(env: MarkdownEnv, inline: Token, line: number): Token[] {
  const lines = childLines(inline, line);
  const kept: Token[] = [];
  // Per open link: was it dropped? (Its link_close goes with it.)
  const links: boolean[] = [];
  inline.children!.forEach((child, i) => {
    const at = lines[i] ?? line;
    if (child.type === 'link_close') {
      if (links.pop() !== true) kept.push(child);
      return;
    }
    const href = child.type === 'link_open' ? child.attrGet('href') : null;
    const src = child.type === 'image' ? child.attrGet('src') : null;
    if (href !== null && !isSafeUrl(href)) {
      links.push(true);
      report(env, at, `Link to "${shortValue(href)}" is not allowed: its text is kept, without the link`);
      return;
    }
    if (child.type === 'link_open') links.push(false);
    if (src !== null && !isSafeUrl(src)) {
      report(env, at, `Image "${shortValue(src)}" is not allowed and was dropped`);
      return;
    }
    removeUnsafeAttributes(env, child, at);
    kept.push(child);
  });
  return kept;
}

function removeUnsafeAttributes(env: MarkdownEnv, token: Token, line: number): void {
  if (!token.attrs) return;
  token.attrs = token.attrs.filter(([name, value]) => {
    if (!isUrlAttribute(name) || isSafeAttributeValue(name, value)) return true;
    report(env, line, `Unsafe URL in ${name}="${shortValue(value)}" was removed`);
    return false;
  });
}

function report(env: MarkdownEnv, line: number, message: string): void {
  env.diagnostics.push(warning(env.file, message, { line: fileLine(env, line), code: 'unsafe-url', hint: UNSAFE_URL_HINT }));
}
