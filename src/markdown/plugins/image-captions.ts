// image-captions: an image alone in its paragraph (or alone in a link) becomes a <figure> with a
// <figcaption> when it has a caption, written either way peers write one:
//   ![alt](a.png "caption")        the title, as Hugo's figure shows it (the title attribute goes:
//                                   the caption says it, and a tooltip would say it again)
//   ![alt](a.png)                  an italic line right below, Chirpy's caption (its
//   _caption_                      formatting and links kept)
// An image sharing its paragraph with text keeps its title as a title, and so do images of Hexo
// tags. Attributes the paragraph has go to the figure.
// Needs: pushed after kramdown-ial (image attributes and the paragraph's are set by then).
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';

export function imageCaptionsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('image_captions', (state: StateCore) => {
    const { tokens } = state;
    for (let i = 0; i + 2 < tokens.length; i++) {
      const open = tokens[i]!;
      const inline = tokens[i + 1]!;
      if (open.type !== 'paragraph_open' || open.hidden || inline.type !== 'inline' || tokens[i + 2]!.type !== 'paragraph_close') continue;
      // Markdown images only: Hexo's `{% img url "title" %}` shows its title as a tooltip, as in Hexo.
      if (!/^\[?!\[/.test(inline.content)) continue;
      const children = figureChildren(state, inline.children ?? []);
      if (!children) continue;
      inline.children = children;
      tokens[i] = blockToken(state, 'figure_open', 1, open);
      tokens[i + 2] = blockToken(state, 'figure_close', -1, tokens[i + 2]!);
    }
  });
}

/** The inline children of the figure (image, then caption), or undefined when the paragraph is not a captioned image. */
function figureChildren(state: StateCore, all: readonly Token[]): Token[] | undefined {
  // Blank text between tokens is no content (a line's trailing spaces); inside the caption it is kept.
  const children = all.filter((token) => token.type !== 'text' || token.content.trim() !== '');
  const linked = children[0]?.type === 'link_open' && children[2]?.type === 'link_close';
  const picture = linked ? children.slice(0, 3) : children.slice(0, 1);
  const image = picture[linked ? 1 : 0];
  if (image?.type !== 'image') return undefined;
  if (children.length === picture.length) {
    const title = image.attrGet('title')?.trim();
    if (!title) return undefined;
    image.attrs = image.attrs!.filter(([name]) => name !== 'title');
    const text = new state.Token('text', '', 0);
    text.content = title;
    return [...picture, ...caption(state, [text])];
  }
  const line = captionLine(children.slice(picture.length), all);
  return line && [...picture, ...caption(state, line)];
}

/**
 * The inside of a Chirpy caption line (`rest`: the tokens after the image, without blank text):
 * a break, then one emphasis holding everything after it. Its tokens are taken from `all`.
 */
function captionLine(rest: readonly Token[], all: readonly Token[]): Token[] | undefined {
  const [brk, emOpen] = rest;
  const emClose = rest[rest.length - 1];
  if ((brk?.type !== 'softbreak' && brk?.type !== 'hardbreak') || emOpen?.type !== 'em_open' || emClose?.type !== 'em_close' || rest.length < 4) return undefined;
  const inside = all.slice(all.indexOf(emOpen) + 1, all.lastIndexOf(emClose));
  // `_a_ b _c_` is two emphases, not one caption: the first em_open must close last.
  let depth = 0;
  for (const token of inside) {
    if (token.type === 'em_open') depth++;
    else if (token.type === 'em_close' && --depth < 0) return undefined;
  }
  return inside;
}

function caption(state: StateCore, inside: Token[]): Token[] {
  return [new state.Token('figcaption_open', 'figcaption', 1), ...inside, new state.Token('figcaption_close', 'figcaption', -1)];
}

/** The figure's open or close token in the place of the paragraph's, with its line and attributes. */
function blockToken(state: StateCore, type: string, nesting: 1 | -1, paragraph: Token): Token {
  const token = new state.Token(type, 'figure', nesting);
  token.block = true;
  token.map = paragraph.map;
  token.attrs = paragraph.attrs;
  token.level = paragraph.level;
  return token;
}
