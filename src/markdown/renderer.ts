// The markdown stage: one markdown-it instance per renderer, configured once and reused for
// every post. Plugins record their findings in the per-render env (env.ts), never in shared
// state, so renders are independent and the renderer can serve a whole build.
import type MarkdownIt from 'markdown-it';
import type { PluginSimple } from 'markdown-it';
import { type Diagnostic } from '../diagnostics.js';
import { type Diagram, type Heading, type ImageFileStamp, type LinkRef, type MarkdownEnv, type MeasureImage, type RenderSource, createEnv, envOf } from './env.js';
import type { ImageUse, PictureSource } from '../images/variants.js';
import { calloutsPlugin } from './plugins/callouts.js';
import { hexoTagsPlugin } from './plugins/hexo-tags.js';
import { hugoShortcodesPlugin } from './plugins/hugo-shortcodes.js';
import { jekyllLinksPlugin } from './plugins/jekyll-links.js';
import { kramdownIalPlugin } from './plugins/kramdown-ial.js';
import { headingIdsPlugin } from './plugins/heading-ids.js';
import { highlightPlugin } from './plugins/highlight.js';
import { backslashPathsPlugin } from './plugins/backslash-paths.js';
import { basePathPlugin } from './plugins/base-path.js';
import { imageCaptionsPlugin } from './plugins/image-captions.js';
import { imageSizesPlugin, measure, picture } from './plugins/image-sizes.js';
import { imagesPlugin } from './plugins/images.js';
import { footnoteTailPlugin } from './plugins/footnote-tail.js';
import { jekyllRawPlugin } from './plugins/jekyll-raw.js';
import { linkifyWwwPlugin } from './plugins/linkify-www.js';
import { linkRefsPlugin } from './plugins/link-refs.js';
import { mediaSubpathPlugin } from './plugins/media-subpath.js';
import { linksPlugin } from './plugins/links.js';
import { liquidTagsPlugin } from './plugins/liquid-tags.js';
import { mathPlugin, placeMath } from './plugins/math.js';
import { mermaidFencePlugin } from './plugins/mermaid-fence.js';
import { nestingLimitPlugin } from './plugins/nesting-limit.js';
import { productNamesPlugin } from './plugins/product-names.js';
import { rawHtmlPlugin } from './plugins/raw-html.js';
import { rawHtmlImagesPlugin } from './plugins/raw-html-images.js';
import { rawHtmlLinksPlugin } from './plugins/raw-html-links.js';
import { responsiveImagesPlugin } from './plugins/responsive-images.js';
import { safeLinksPlugin } from './plugins/safe-links.js';
import { createSanitizer } from './sanitize.js';
import type { MarkdownStrings } from './strings.js';
import type { Dimensions } from '../util/image-dimensions.js';
import { onFirstUse } from '../util/on-first-use.js';

export type { Diagram, Heading, ImageFileStamp, LinkRef, MeasureImage, MeasuredImage, RenderSource } from './env.js';
export type { PostLookup } from './post-lookup.js';

// Loaded on the first render (util/on-first-use.ts). @types/markdown-it-footnote describes the
// plugin against the CommonJS typings of markdown-it; the function is the same.
const markdownIt = onFirstUse<typeof MarkdownIt>('markdown-it');
const footnote = onFirstUse<PluginSimple>('markdown-it-footnote');

export interface MarkdownOptions {
  /** Skip the raw-HTML sanitizer (and its warnings): every author may run code on the site. */
  trustedHtml: boolean;
  /** Origin of the site, e.g. `https://example.org`, or `''`; links elsewhere get rel="noopener". */
  siteOrigin: string;
  /** Base path of the site (`/` or `/repo/`): root-relative URLs in posts are moved under it. */
  basePath?: string;
  /** UI strings per language that bodies show themselves (callout and video labels); a language without a table uses `en`'s. */
  strings?: MarkdownStrings;
  /** Reads local images' sizes for their width and height attributes; without it images get none. */
  measureImage?: MeasureImage;
}

/** One post body rendered to HTML, with what the templates and the build need to know about it. */
export interface RenderedMarkdown {
  /** The body as HTML (sanitized unless trustedHtml). */
  html: string;
  /** Headings in document order, with their unique ids, for a table of contents. */
  headings: Heading[];
  /** The body has a mermaid diagram: the page needs the mermaid script. */
  hasMermaid: boolean;
  /** The mermaid fences, in document order, with their source-file lines. */
  diagrams: Diagram[];
  /** The body has a code block: the page gets the copy button's script. */
  hasCode: boolean;
  /** Every Markdown link and image with its source-file line (for `omnipress check`). */
  links: LinkRef[];
  /** Warnings with source-file lines (removed HTML, unsupported Liquid/Hexo tags), by line. */
  diagnostics: Diagnostic[];
  /** Size of the post's cover image (`RenderSource.image`), when it is a local file that could be read, and its variants' `<source>`. */
  cover?: Dimensions & { picture?: PictureSource };
  /** Every image file measured or looked for (the cover's too): the result holds while they are as stamped. */
  imageFiles: ImageFileStamp[];
  /** The images (the cover too) shown through their variants: what the render stage makes and publishes. */
  pictures: ImageUse[];
}

export interface MarkdownRenderer {
  /**
   * Renders a post body. `file` is the post's absolute path and `bodyLine` the 1-based line of
   * the file where `body` starts (both for diagnostics); `id`, `lang` and `lookup` resolve
   * references to other posts (`{% post_link %}`, `{{< ref >}}`) and pick label languages. The
   * result depends on nothing else than these, the options, and the image files it lists in
   * `imageFiles`.
   */
  render(body: string, source: RenderSource): RenderedMarkdown;
}

export function createMarkdown(options: MarkdownOptions): MarkdownRenderer {
  // Configured on the first render: a build whose bodies all come from the cache needs none.
  let md: MarkdownIt | undefined;
  const sanitize = options.trustedHtml ? undefined : createSanitizer(options.siteOrigin, options.basePath ?? '/');
  return {
    render(body, source) {
      md ??= configure(options);
      const strings = options.strings?.[source.lang ?? ''] ?? options.strings?.en ?? {};
      const env = createEnv(source, strings, options.measureImage);
      const tokens = md.parse(body, env);
      const rendered = md.renderer.render(tokens, md.options, env);
      // Every body, not only those with raw HTML: plugins write markup too, and the sanitizer is
      // what guarantees that none of it can run code, whichever plugin wrote it.
      // Formulas go in after the sanitizer: their markup is KaTeX's, not the author's (math.ts).
      const html = placeMath(sanitize ? sanitize(rendered) : rendered, env.math);
      const diagnostics = env.diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      const cover = source.image ? coverOf(envOf(env), source.image, source.imageLine ?? source.bodyLine) : undefined;
      return { html, headings: env.headings, hasMermaid: env.hasMermaid, diagrams: env.diagrams, hasCode: env.hasCode, links: env.links, diagnostics, imageFiles: env.imageFiles, pictures: env.pictures, ...(cover && { cover }) };
    },
  };
}

/** The cover's size and, with responsive images, its variants (recorded with the body's, marked as the cover). */
function coverOf(env: MarkdownEnv, url: string, line: number): RenderedMarkdown['cover'] {
  const measured = measure(env, url);
  if (!measured?.size) return undefined;
  const { width, height } = measured.size;
  if (!measured.variants) return { width, height };
  return { width, height, picture: picture(env, measured.variants, undefined, line, true) };
}

function configure(options: MarkdownOptions): MarkdownIt {
  const md = markdownIt()({ html: true, linkify: true, typographer: false });

  // Order matters only where noted. Core rules added with `push` (heading-ids, liquid-tags,
  // media-subpath, safe-links, link-refs, image-sizes, image-captions, raw-html-images, raw-html)
  // run in this order after markdown-it's own and
  // the footnote plugin's footnote_tail, so they see final text tokens and footnote content at the
  // end of the token stream.
  md.use(jekyllRawPlugin) // edits the source before block parsing; liquid-tags reads its ranges
    .use(nestingLimitPlugin)
    .use(footnote())
    .use(footnoteTailPlugin) // replaces the footnote plugin's quadratic footnote_tail
    // Block rules before paragraph, inline rules before emphasis; code rules come first, so tags
    // in fences, indented code and code spans stay literal. Before liquid-tags, which reports
    // only the tags these leave as text.
    .use(jekyllLinksPlugin)
    .use(hexoTagsPlugin)
    .use(hugoShortcodesPlugin)
    .use(kramdownIalPlugin) // right after inline parsing: images, links and heading ids see its attributes
    .use(backslashPathsPlugin) // right after inline parsing too: every rule that reads a URL sees it with `/`
    .use(calloutsPlugin) // renders Hexo notes, Hugo notices and Chirpy prompts
    .use(linkifyWwwPlugin)
    .use(headingIdsPlugin)
    .use(productNamesPlugin) // renders text tokens: no other plugin may replace that rule
    .use(liquidTagsPlugin) // after jekyll-raw
    .use(highlightPlugin) // replaces markdown-it's fence renderer
    .use(mermaidFencePlugin) // wraps highlight's: mermaid fences never reach it
    .use(mathPlugin) // inline rules before code spans; ```math fences become math before any fence renderer
    .use(mediaSubpathPlugin) // before link-refs, which records (and assets copy) the prefixed URL
    // validateLink for links, autolinks and linkify; then every URL any plugin made, once the
    // tokens are final (after media-subpath), before link-refs records them.
    .use(safeLinksPlugin)
    .use(linkRefsPlugin) // records only; after footnotes so footnote links have their lines
    .use(imageSizesPlugin) // after media-subpath and safe-links: measures the URLs the page has
    .use(imageCaptionsPlugin) // after kramdown-ial, whose paragraph attributes go to the figure
    .use(rawHtmlImagesPlugin, { siteOrigin: options.siteOrigin })
    .use(rawHtmlLinksPlugin)
    .use(imagesPlugin, { siteOrigin: options.siteOrigin })
    .use(linksPlugin, { siteOrigin: options.siteOrigin })
    .use(basePathPlugin, { basePath: options.basePath ?? '/' }) // wraps the rules images/links installed
    .use(responsiveImagesPlugin); // wraps the whole <img>, base path included, in its <picture>
  if (!options.trustedHtml) md.use(rawHtmlPlugin);
  return md;
}
