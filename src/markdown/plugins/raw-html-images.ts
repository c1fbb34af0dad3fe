// raw-html-images: `<img>` written as raw HTML gets what Markdown images get. A local one without
// width and height (public/ or beside the post) gets its file's, as image-sizes gives them; one
// from another site gets `referrerpolicy="no-referrer"` (as images.ts), and is recorded in
// env.links (marked `html`) so that `omnipress check` counts the hosts a site hot-links. Only the
// opening tag's attributes are added to; the rest of the HTML stays as written, for the
// sanitizer (or, with trustedHtml, the page) to read. With responsive images on, a local raster
// is wrapped in a <picture> with its variants' <source>, as Markdown images are
// (responsive-images.ts), unless it has a srcset or is in a <picture> already: the author's own.
// Needs: env.measureImage for sizes; the site origin (option). Runs after inline parsing.
import type MarkdownIt from 'markdown-it';
import type { StateCore } from 'markdown-it';
import { type MarkdownEnv, childLines, countNewlines, envOf, fileLine, forEachBlock } from '../env.js';
import { externalLinkTest } from '../url-policy.js';
import { sourceTag } from '../../images/variants.js';
import { completeSize, measure, picture } from './image-sizes.js';

/** An `<img>` start tag; quoted values may hold `>`. */
const IMG_TAG = /<img((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi;
// Inside these an `<img …>` is text (a script's string, a textarea's value), not an image: HTML
// holding one is left as it is.
export const TEXT_ELEMENT = /<\/?(?:script|style|textarea|template|xmp|noscript)\b/i;
const PICTURE_ELEMENT = /<\/?picture\b/i;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function rawHtmlImagesPlugin(md: MarkdownIt, options: { siteOrigin: string }): void {
  const isExternal = externalLinkTest(options.siteOrigin);
  md.core.ruler.push('raw_html_images', (state: StateCore) => {
    if (!state.src.includes('<')) return;
    const env = envOf(state.env);
    const rewrite = (html: string, line: number, inPicture: boolean) => rewriteImages(md, env, isExternal, html, line, inPicture);
    forEachBlock(state.tokens, (token, line) => {
      if (token.type === 'html_block') {
        if (!TEXT_ELEMENT.test(token.content)) token.content = rewrite(token.content, line, PICTURE_ELEMENT.test(token.content));
      } else if (token.type === 'inline' && token.children && token.content.includes('<')) {
        const lines = childLines(token, line);
        let inText = false;
        let inPicture = false;
        token.children.forEach((child, i) => {
          if (child.type !== 'html_inline') return;
          if (TEXT_ELEMENT.test(child.content)) inText = !/^<\//.test(child.content);
          else if (PICTURE_ELEMENT.test(child.content)) inPicture = !/^<\//.test(child.content);
          else if (!inText) child.content = rewrite(child.content, lines[i] ?? line, inPicture);
        });
      }
    });
  });
}

function rewriteImages(md: MarkdownIt, env: MarkdownEnv, isExternal: (url: string) => boolean, html: string, line: number, inPicture: boolean): string {
  if (!/<img/i.test(html)) return html;
  return html.replace(IMG_TAG, (tag: string, attributeText: string, at: number) => {
    const attributes = readAttributes(attributeText);
    const src = md.utils.unescapeAll(attributes.get('src') ?? '').trim();
    const added: string[] = [];
    const tagLine = () => fileLine(env, line + countNewlines(html, at));
    let source = '';
    if (isExternal(src)) {
      if (!attributes.has('referrerpolicy')) added.push('referrerpolicy="no-referrer"');
      env.links.push({ kind: 'image', url: src, alt: attributes.get('alt'), line: tagLine(), html: true });
    } else {
      const measured = measure(env, src);
      const completed = measured?.size && completeSize(attributes.get('width'), attributes.get('height'), measured.size);
      if (completed && !attributes.has('width')) added.push(`width="${completed.width}"`);
      if (completed && !attributes.has('height')) added.push(`height="${completed.height}"`);
      if (measured?.variants && !inPicture && !attributes.has('srcset')) {
        const authorWidth = attributes.has('width') || attributes.has('height') ? (attributes.get('width') ?? completed?.width) : undefined;
        source = sourceTag(picture(env, measured.variants, authorWidth, tagLine()));
      }
    }
    const img = added.length === 0 ? tag : `<img ${added.join(' ')}${tag.slice(4)}`;
    return source ? `<picture>${source}${img}</picture>` : img;
  });
}

/** Attribute name (lower case) → value ('' when it has none); the first of a repeated name wins, as in browsers. */
export function readAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}
