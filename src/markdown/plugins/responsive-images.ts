// responsive-images: an image that image-sizes gave variants (token.meta.picture) is drawn as
// `<picture><source type srcset sizes><img …></picture>`: a browser that shows the variants' format
// picks the one its screen needs, any other shows the original, and the <img> keeps its src,
// alt, width and height (so nothing shifts), title and loading as every image has them.
// Needs: image-sizes. Used last among the image plugins: it wraps the whole <img> they render.
import type MarkdownIt from 'markdown-it';
import { sourceTag, type PictureSource } from '../../images/variants.js';

export function responsiveImagesPlugin(md: MarkdownIt): void {
  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, opts, env, self) => {
    const html = image(tokens, idx, opts, env, self);
    const picture = tokens[idx]!.meta?.picture as PictureSource | undefined;
    return picture ? `<picture>${sourceTag(picture)}${html}</picture>` : html;
  };
}
