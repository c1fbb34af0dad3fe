// The markdown-it `env` of one render: plugins record what they find here (headings, mermaid,
// raw HTML, diagnostics) instead of in module or renderer state, so one renderer can be reused
// for thousands of posts and concurrent renders never see each other's findings.
import type GithubSlugger from 'github-slugger';
import type { Token } from 'markdown-it';
import type { Diagnostic } from '../diagnostics.js';
import type { ImageUse, ImageVariants } from '../images/variants.js';
import type { Dimensions } from '../util/image-dimensions.js';
import type { PostLookup } from './post-lookup.js';

/** A heading of the rendered post, for a table of contents. */
export interface Heading {
  /** 1 for `#`, … 6 for `######`. */
  level: number;
  /** The `id` attribute given to the heading; unique within the post. */
  id: string;
  /** The heading as plain text (no markup). */
  text: string;
}

/** A mermaid diagram of a post: its source and the file line of its fence. */
export interface Diagram {
  source: string;
  line: number;
}

/** A link or image of a post: Markdown (link-refs), or raw HTML marked `html`. */
export interface LinkRef {
  kind: 'link' | 'image';
  /** href / src as markdown-it normalized it (non-ASCII percent-encoded). */
  url: string;
  /** The image's alt text as plain text ('' when missing). */
  alt?: string;
  /** 1-based line in the source file. */
  line: number;
  /**
   * Written as raw HTML: an `<a href>` (raw-html-links), or an `<img>` from another site
   * (raw-html-images; recorded for the hosts a site hot-links), whose `alt` is undefined when the
   * tag has none (`alt=""` there marks a decorative image). Its URL is as written.
   */
  html?: true;
}

/**
 * A file an image's size was read from, or looked for: what the rendered body depends on besides
 * the post, so that a cached body is used only while every such file is as it was.
 */
export interface ImageFileStamp {
  /** Absolute path. */
  file: string;
  /** The file's size and mtime (`size:mtimeMs`) when measured; '' when it was not there. */
  stamp: string;
}

/** What measuring an image's URL found: its size, when known, and the files looked at. */
export interface MeasuredImage {
  size?: Dimensions;
  files: ImageFileStamp[];
  /** Its smaller copies, when responsive images are on and it is a raster that takes them (images/raster.ts). */
  variants?: ImageVariants;
}

/**
 * Measures the local image `url` (as in the token, before the base path) of the post whose file
 * is `postFile`; undefined for URLs that are no local file (other sites, `data:`, fragments).
 */
export type MeasureImage = (url: string, postFile: string) => MeasuredImage | undefined;

/** Everything plugins read and write during one render. */
export interface MarkdownEnv {
  /** Absolute path of the post, for diagnostics. */
  file: string;
  /** 1-based file line where the body starts; added to every 0-based `token.map` line. */
  bodyLine: number;
  /** Headings in document order (heading-ids). */
  headings: Heading[];
  /** A ```` ```mermaid ```` fence was rendered (mermaid-fence). */
  hasMermaid: boolean;
  /** Every mermaid fence in document order, with its source-file line (mermaid-fence). */
  diagrams: Diagram[];
  /** A code block was rendered (highlight): the page gets the copy button. */
  hasCode: boolean;
  /** Every Markdown link and image, in document order, footnotes last (link-refs). */
  links: LinkRef[];
  /** Warnings found while parsing (liquid-tags, raw-html). */
  diagnostics: Diagnostic[];
  /** Per-render id counter, so `-1` suffixes restart for every post (heading-ids). */
  slugger?: GithubSlugger;
  /** 0-based body lines that held only `{% raw %}`/`{% endraw %}` markers (jekyll-raw). */
  rawMarkerLines?: Set<number>;
  /** 0-based inclusive body line ranges between `{% raw %}` and `{% endraw %}` (jekyll-raw). */
  rawRanges?: Array<[number, number]>;
  /** The post's id (path relative to posts/), for references relative to it (hexo-tags, hugo-shortcodes). */
  id: string;
  /** The post's language: callout labels and the preferred target of an ambiguous post reference. */
  lang?: string;
  /** Other posts by path and name, for `{% post_link %}` and `{{< ref >}}`; absent: every reference is an error. */
  lookup?: PostLookup;
  /** UI strings in the post's language (callout labels, the video card's label). */
  strings: Record<string, string>;
  /** Chirpy's `media_subpath` of the post: prefix of its relative images (media-subpath). */
  mediaPath?: string;
  /** Reads local images' sizes (image-sizes, raw-html-images); absent: no image is measured. */
  measureImage?: MeasureImage;
  /** Every file an image size was read from or looked for (image-sizes, raw-html-images). */
  imageFiles: ImageFileStamp[];
  /** The images shown through a `<picture>` of their variants, with their lines (image-sizes, raw-html-images). */
  pictures: ImageUse[];
  /** Set once the post has math: KaTeX's markup of each formula, by placeholder number (math). */
  math?: string[];
}

/** What a render knows about the post besides its body; all plain data. */
export interface RenderSource {
  /** Absolute path of the post file, for diagnostics. */
  file: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** Path relative to the posts folder (`Post.id`); defaults to the file name. */
  id?: string;
  lang?: string;
  lookup?: PostLookup;
  /** Prefix of the post's relative images (`Post.mediaPath`). */
  mediaPath?: string;
  /** The post's cover image URL (`Post.image`), measured with the body's images. */
  image?: string;
  /** 1-based file line of the cover's front-matter key, for a warning about its file. */
  imageLine?: number;
}

export function createEnv(source: RenderSource, strings: Record<string, string> = {}, measureImage?: MeasureImage): MarkdownEnv {
  const { file, bodyLine } = source;
  return {
    file,
    bodyLine,
    headings: [],
    hasMermaid: false,
    diagrams: [],
    hasCode: false,
    links: [],
    diagnostics: [],
    id: source.id ?? file.split('/').pop() ?? file,
    lang: source.lang,
    lookup: source.lookup,
    strings,
    mediaPath: source.mediaPath,
    measureImage,
    imageFiles: [],
    pictures: [],
  };
}

/** markdown-it types `env` as `any`; every plugin goes through this one cast. */
export function envOf(env: unknown): MarkdownEnv {
  return env as MarkdownEnv;
}

/** The source-file line of a 0-based body line. */
export function fileLine(env: MarkdownEnv, bodyLine0: number): number {
  return env.bodyLine + bodyLine0;
}

/**
 * Visits every block-level token with its 0-based body line. Tokens without a map (table cells'
 * inline tokens, closing tokens) get the line of the nearest preceding token that has one — for
 * a table cell that is its row. Inline footnotes (`^[…]`) have no line at all; they get the line
 * of their reference.
 */
export function forEachBlock(tokens: readonly Token[], visit: (token: Token, line: number) => void): void {
  let line = 0;
  let footnoteLines: Map<number, number> | undefined;
  for (const token of tokens) {
    if (token.map) line = token.map[0];
    else if (token.type === 'footnote_open') {
      footnoteLines ??= footnoteRefLines(tokens);
      line = footnoteLines.get(token.meta?.id as number) ?? line;
    }
    visit(token, line);
  }
}

/** Footnote id → line of its first reference (markdown-it-footnote's `footnote_ref` tokens). */
function footnoteRefLines(tokens: readonly Token[]): Map<number, number> {
  const lines = new Map<number, number>();
  let line = 0;
  for (const token of tokens) {
    if (token.map) line = token.map[0];
    if (token.type !== 'inline' || !token.children) continue;
    const childLine = childLines(token, line);
    token.children.forEach((child, i) => {
      const id = child.type === 'footnote_ref' ? (child.meta?.id as number) : undefined;
      if (id !== undefined && !lines.has(id)) lines.set(id, childLine[i] ?? line);
    });
  }
  return lines;
}

/**
 * The 0-based body line of each child of an inline token, counting soft/hard breaks and the
 * newlines inside raw HTML tags. (Newlines inside code spans are lost by markdown-it; a tag after
 * a multi-line code span is reported a line early.)
 */
export function childLines(inline: Token, line: number): number[] {
  const lines: number[] = [];
  for (const child of inline.children ?? []) {
    lines.push(line);
    if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
    else if (child.type === 'html_inline') line += countNewlines(child.content, child.content.length);
  }
  return lines;
}

export function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
