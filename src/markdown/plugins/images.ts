// images: every Markdown image gets `loading="lazy"` and `decoding="async"`, so long posts do not
// fetch all images up front; one from another site also gets `referrerpolicy="no-referrer"`, so
// that hot-linked hosts do not learn which post a reader is on (and hosts that refuse foreign
// referrers still show the image). Raw-HTML <img> get the same from the sanitizer's transform
// and raw-html-images.ts. Alt text keeps code spans and formulas of the description, as their
// source (markdown-it's plain text would drop them: "the  function"). Needs: the site origin
// (option); wraps the image renderer and the renderer's plain text.
import type MarkdownIt from 'markdown-it';
import { externalLinkTest } from '../url-policy.js';

export function imagesPlugin(md: MarkdownIt, options: { siteOrigin: string }): void {
  const isExternal = externalLinkTest(options.siteOrigin);
  const asText = md.renderer.renderInlineAsText.bind(md.renderer);
  md.renderer.renderInlineAsText = (tokens, opts, env) =>
    tokens.map((token) => (token.type === 'code_inline' || token.type === 'math_inline' ? token.content : asText([token], opts, env))).join('');
  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, opts, env, self) => {
    const token = tokens[idx]!;
    token.attrSet('loading', 'lazy');
    token.attrSet('decoding', 'async');
    if (isExternal(token.attrGet('src') ?? '') && token.attrGet('referrerpolicy') === null) token.attrSet('referrerpolicy', 'no-referrer');
    return image(tokens, idx, opts, env, self);
  };
}
