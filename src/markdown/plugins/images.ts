// images: every Markdown image gets `loading="lazy"` and `decoding="async"`, so long posts do not
// fetch all images up front. (Raw-HTML <img> get the same from the sanitizer's transform.)
// Needs: nothing; wraps the image renderer.
import type MarkdownIt from 'markdown-it';

export function imagesPlugin(md: MarkdownIt): void {
  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    token.attrSet('loading', 'lazy');
    token.attrSet('decoding', 'async');
    return image(tokens, idx, options, env, self);
  };
}
