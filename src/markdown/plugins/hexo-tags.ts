// hexo-tags: the Hexo tags posts use most, rendered the way Hexo (and its NexT theme) would.
//   {% note [type] [title] %} … {% endnote %}      → a callout (callouts.ts; NexT's types mapped), the title on top
//   {% blockquote [author[, source]] [link] [link title] %} … {% endblockquote %}
//                                                  → <blockquote> with <footer><cite>
//   {% codeblock [title] [lang:x] [url] [link text] [mark:…] [line_number:…] [first_line:…] %}
//   … {% endcodeblock %} (also {% code %}), and Jekyll's {% highlight x [linenos] %} …
//   {% endhighlight %}                             → a code block like a fence in that language
//   {% img [class…] url [width] [height] ['"title" "alt"'] %}  → an image
//   {% asset_img [class…] name [width] [height] [title [alt]] %} → that image of the post's asset
//                                                    folder (copied beside the page by the render stage)
//   {% asset_link name [title] %}                   → a link to that file of the asset folder
//   {% post_link name [text] [escape] %}            → a link to that post (error when there is none)
//   [text]({% post_path name %})                    → the same, as a Markdown link's destination
//   [text]({% asset_path name %}), {% asset_path name %} → that file's URL (relative to the page)
// Block tags stand on lines of their own; their content is Markdown (code for codeblock).
// Other tags stay text and are reported by liquid-tags. Tags in code are never read: the fence
// and code rules take those lines first, and inline rules never see code spans.
// Needs: env.lookup (post_link), env.id; callouts renders notes; run before liquid-tags.
import type MarkdownIt from 'markdown-it';
import type { StateBlock, StateCore, StateInline } from 'markdown-it';
import { error, warning } from '../../diagnostics.js';
import { InlineBuilder, closingLine, pushTagText, lineText, mayOpen, pushFence, rewriteTagDestinations, useTagText, tokenizeBetween } from '../block-tags.js';
import { type CodeOptions, hexoOptions, jekyllOptions } from '../code/code-options.js';
import { envOf } from '../env.js';
import { shortValue } from '../html-policy.js';
import { resolvePostRef } from '../post-lookup.js';
import { type TagArg, splitArgs } from '../tag-args.js';
import { UNSAFE_URL_HINT, isSafeUrl } from '../url-policy.js';
import { type CalloutType, knownCalloutType } from './callouts.js';

const BLOCK_OPEN = /^\{%-?\s*(note|blockquote|codeblock|code|highlight)(?:\s+([\s\S]*?))?\s*-?%\}\s*$/;
const INLINE = /^\{%-?\s*(img|image|asset_img|asset_image|asset_link|asset_path|post_link)\s+([\s\S]*?)\s*-?%\}/;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:|\/|\.\.?\/)|\.[a-z0-9]{2,5}(?:[?#].*)?$/i;
const SIZE = /^\d+(?:\.\d+)?(?:%|px)?$/;
const DESTINATION = /\]\(\s*\{%-?\s*(post_path|asset_path)\s+([^\n%]*?)\s*-?%\}\s*\)/;

export function hexoTagsPlugin(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'hexo_block_tags', blockTag, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.core.ruler.after('block', 'hexo_post_path', postPathDestinations);
  md.inline.ruler.before('emphasis', 'hexo_inline_tags', inlineTag);
  useTagText(md);
}

function blockTag(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (!mayOpen(state, startLine)) return false;
  const open = BLOCK_OPEN.exec(lineText(state, startLine));
  if (!open) return false;
  const name = open[1]!;
  const end = name === 'codeblock' || name === 'code' ? '(?:endcodeblock|endcode)' : `end${name}`;
  const opens = new RegExp(`^\\{%-?\\s*${name}\\b`);
  const closeLine = closingLine(state, startLine, endLine, opens, new RegExp(`^\\{%-?\\s*${end}\\s*-?%\\}\\s*$`));
  // Unclosed: left as text, so liquid-tags reports it.
  if (closeLine === undefined) return false;
  if (silent) return true;
  const args = open[2] ?? '';
  const map: [number, number] = [startLine, closeLine + 1];
  if (name === 'note') {
    const note = parseNote(args);
    tokenizeBetween(state, startLine + 1, closeLine, () => {
      const token = state.push('callout_open', 'div', 1);
      token.block = true;
      token.map = map;
      token.meta = { callout: note.type };
      if (note.title) pushNoteTitle(state, note.title, map);
    }, () => {
      state.push('callout_close', 'div', -1).block = true;
    });
  } else if (name === 'blockquote') {
    const footer = parseQuoteFooter(args);
    tokenizeBetween(state, startLine + 1, closeLine, () => {
      const token = state.push('blockquote_open', 'blockquote', 1);
      token.markup = '{%';
      token.map = map;
    }, () => {
      if (footer) pushQuoteFooter(state, footer, map);
      state.push('blockquote_close', 'blockquote', -1);
    });
  } else {
    const code = name === 'highlight' ? parseHighlight(args) : parseCodeblock(args);
    const caption = code.title || code.url ? code : undefined;
    if (caption) pushCodeCaption(state, caption, map);
    pushFence(state, startLine, closeLine, code.lang).meta = { code: code.options };
    if (caption) state.push('hexo_code_close', 'figure', -1).block = true;
  }
  state.line = closeLine + 1;
  return true;
}

function inlineTag(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b /* { */ || state.src.charCodeAt(state.pos + 1) !== 0x25 /* % */) return false;
  const match = INLINE.exec(state.src.slice(state.pos));
  if (!match) return false;
  if (!silent) {
    const name = match[1]!;
    const args = splitArgs(match[2]!);
    if (name === 'post_link') pushPostLink(state, args.map((a) => a.value), match[0]);
    else if (name === 'asset_link' || name === 'asset_path') pushAssetLink(state, args.map((a) => a.value), name === 'asset_path');
    else if (!pushImage(state, args, name.startsWith('asset'))) return false;
  } else if (/^(?:img|image|asset_img|asset_image)$/.test(match[1]!) && imageSource(splitArgs(match[2]!).map((a) => a.value), match[1]!.startsWith('asset')) === undefined) {
    return false;
  }
  state.pos += match[0].length;
  return true;
}

function postPathDestinations(state: StateCore): void {
  if (!state.src.includes('_path')) return;
  const env = envOf(state.env);
  rewriteTagDestinations(state, DESTINATION, (match, line) => {
    const name = splitArgs(match[2]!)[0]?.value ?? '';
    // A file of the asset folder: relative to the page, where the render stage copies it.
    if (match[1] === 'asset_path') {
      const url = name.replace(/^\/+/, '');
      if (isSafeUrl(url)) return url;
      env.diagnostics.push(warning(env.file, `{% asset_path ${shortValue(name)} %} is not a safe URL and was not linked`, { line, code: 'unsafe-url', hint: UNSAFE_URL_HINT }));
      return undefined;
    }
    const target = resolvePostRef(env.lookup, name, env.id, env.lang);
    if (!target) {
      env.diagnostics.push(error(env.file, `{% post_path ${name} %} names no post`, { line, code: 'post-link', hint: POST_LINK_HINT }));
    }
    return target?.url;
  });
}

const POST_LINK_HINT =
  "post_link and post_path take the linked post's file name without extension (2024-05-14-hello.md → hello or 2024-05-14-hello); " +
  'drafts and future posts are only there when the build includes them (--drafts, --future)';

function pushPostLink(state: StateInline, args: string[], written: string): void {
  const env = envOf(state.env);
  const [name = '', ...rest] = args;
  // A trailing true/false is Hexo's "escape the title" flag; titles are always escaped here.
  if (rest.length > 0 && /^(?:true|false)$/.test(rest[rest.length - 1]!)) rest.pop();
  const target = resolvePostRef(env.lookup, name, env.id, env.lang);
  if (!target) {
    pushTagText(state, rest.join(' ') || name, {
      severity: 'error',
      code: 'post-link',
      message: `${written} links to "${name}", but no post has that file name or slug`,
      hint: POST_LINK_HINT,
    });
    return;
  }
  const open = state.push('link_open', 'a', 1);
  open.attrSet('href', state.md.normalizeLink(target.url));
  state.push('text', '', 0).content = rest.join(' ') || target.title;
  state.push('link_close', 'a', -1);
}

/** `{% asset_link name [title] %}` → a link to the file (copied beside the page); `asset_path` → its URL as text. */
function pushAssetLink(state: StateInline, args: string[], pathOnly: boolean): void {
  const [name = '', ...rest] = args;
  if (rest.length > 0 && /^(?:true|false)$/.test(rest[rest.length - 1]!)) rest.pop();
  const href = state.md.normalizeLink(name.replace(/^\/+/, ''));
  if (pathOnly) {
    state.push('text', '', 0).content = href;
    return;
  }
  state.push('link_open', 'a', 1).attrSet('href', href);
  state.push('text', '', 0).content = rest.join(' ') || name;
  state.push('link_close', 'a', -1);
}

/**
 * Index of the image URL among the arguments; undefined when there is none (the tag stays text).
 * An unsafe URL is still the image's: safe-links drops the image and says why.
 */
function imageSource(args: string[], asset: boolean): number | undefined {
  const at = args.findIndex((arg) => URL_LIKE.test(arg));
  const srcIndex = at === -1 ? (asset ? 0 : -1) : at;
  return args[srcIndex] === undefined ? undefined : srcIndex;
}

/** Pushes the image; false when the tag names no image, and then stays text for liquid-tags to report. */
function pushImage(state: StateInline, tagArgs: TagArg[], asset: boolean): boolean {
  const args = tagArgs.map((a) => a.value);
  const srcIndex = imageSource(args, asset);
  if (srcIndex === undefined) return false;
  const src = args[srcIndex]!;
  const classes = args.slice(0, srcIndex);
  const rest = tagArgs.slice(srcIndex + 1);
  const sizes: string[] = [];
  while (sizes.length < 2 && rest[0] !== undefined && SIZE.test(rest[0].value)) sizes.push(rest.shift()!.value.replace(/px$/, ''));
  const { title, alt } = imageMeta(rest);
  // An asset is a file of the post's asset folder: a path relative to the page, where the render
  // stage copies it.
  const url = asset ? src.replace(/^\/+/, '') : src;
  const image = state.push('image', 'img', 0);
  image.attrs = [['src', state.md.normalizeLink(url)], ['alt', '']];
  image.content = alt ?? '';
  const altText = new state.Token('text', '', 0);
  altText.content = alt ?? '';
  image.children = [altText];
  if (classes.length > 0) image.attrSet('class', classes.join(' '));
  if (sizes[0]) image.attrSet('width', sizes[0]);
  if (sizes[1]) image.attrSet('height', sizes[1]);
  if (title) image.attrSet('title', title);
  return true;
}

/**
 * Title and alt text after an image's size, the ways Hexo's tag and its popular replacement
 * (hexo-tag-img) take them: `'"title" "alt"'` (one argument holding both, as Hexo documents it),
 * `"title" "alt"` (each quoted), or words (`A title`: the title). Without an alt, the title is
 * the alt text too, so that the image is never without one.
 */
function imageMeta(rest: TagArg[]): { title?: string; alt?: string } {
  if (rest.length === 0) return {};
  const both = rest.length === 1 ? HEXO_META.exec(rest[0]!.value) : null;
  if (both) return { title: both[1], alt: both[2] ?? both[1] };
  if (rest.length >= 2 && rest.every((arg) => arg.quoted)) return { title: rest[0]!.value, alt: rest.slice(1).map((a) => a.value).join(' ') };
  const words = rest.map((a) => a.value).join(' ');
  return { title: words, alt: words };
}

/** `"title text" "alt text"` (either quote) inside the one argument Hexo's documentation quotes with the other. */
const HEXO_META = /^\s*["']([^"']*)["']\s*(?:["']([^"']*)["'])?\s*$/;

/**
 * `{% note [type] [no-icon] [summary] %}` (NexT), also with Butterfly's style word
 * (`simple`, `modern`, `flat`, `disabled`) and Font Awesome icon classes: the callout type, and
 * the words left, which NexT shows as the note's title.
 */
function parseNote(args: string): { type: CalloutType; title: string } {
  const words = splitArgs(args).map((a) => a.value);
  const named = knownCalloutType(words[0]);
  if (named) words.shift();
  const title = words.filter((word) => !NOTE_OPTION.test(word)).join(' ').trim();
  return { type: named ?? 'note', title };
}

const NOTE_OPTION = /^(?:no-icon|simple|modern|flat|disabled|fa[srlbd]?|fa-[\w-]+)$/;

/** The note's title, as the first line of the callout: `<p class="callout-title"><strong>…</strong></p>`, never read as Markdown. */
function pushNoteTitle(state: StateBlock, title: string, map: [number, number]): void {
  const paragraph = state.push('paragraph_open', 'p', 1);
  paragraph.attrSet('class', 'callout-title');
  paragraph.map = map;
  new InlineBuilder(state).open('strong').text(title).close('strong').push(map);
  state.push('paragraph_close', 'p', -1);
}

interface QuoteFooter {
  author: string;
  source: string;
  link: string;
  title: string;
}

/** Hexo's reading: `author[, source]`, then a URL, then the link's title. */
function parseQuoteFooter(args: string): QuoteFooter | undefined {
  const words = args.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const urlAt = words.findIndex((word) => /^(?:https?:)?\/\//i.test(word));
  const before = (urlAt === -1 ? words : words.slice(0, urlAt)).join(' ');
  const comma = before.indexOf(',');
  return {
    author: (comma === -1 ? before : before.slice(0, comma)).trim(),
    source: comma === -1 ? '' : before.slice(comma + 1).trim(),
    link: urlAt === -1 ? '' : words[urlAt]!,
    title: urlAt === -1 ? '' : words.slice(urlAt + 1).join(' '),
  };
}

/** `<footer><strong>author</strong>, <cite>source <a href="link">title</a></cite></footer>` */
function pushQuoteFooter(state: StateBlock, { author, source, link, title }: QuoteFooter, map: [number, number]): void {
  const footer = new InlineBuilder(state);
  if (author) footer.open('strong').text(author).close('strong');
  if (source || link) {
    if (author) footer.text(', ');
    footer.open('cite').text(source);
    if (link) {
      if (source) footer.text(' ');
      const text = title || link.replace(/^(?:https?:)?\/\//i, '').replace(/\/$/, '');
      footer.open('a', [['href', state.md.normalizeLink(link)], ['rel', 'noopener']], 'link_open').text(text).close('a', 'link_close');
    }
    footer.close('cite');
  }
  state.push('hexo_quote_footer_open', 'footer', 1).block = true;
  footer.push(map);
  state.push('hexo_quote_footer_close', 'footer', -1).block = true;
}

interface CodeCaption {
  title: string;
  lang: string;
  url: string;
  linkText: string;
  /** Line numbers and marked lines (highlight.ts reads them from the fence's meta). */
  options: Omit<CodeOptions, 'lang'>;
}

/** Jekyll's `{% highlight lang [linenos] [mark_lines="1 2"] %}`. */
function parseHighlight(args: string): CodeCaption {
  const [lang = '', ...rest] = splitArgs(args).map((a) => a.value);
  return { lang, options: jekyllOptions(rest), title: '', url: '', linkText: '' };
}

/** `[title] [lang:x] [url] [link text]` and Hexo's `mark:`, `line_number:` and `first_line:` options. */
function parseCodeblock(args: string): CodeCaption {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const values = new Map<string, string>();
  const rest: string[] = [];
  for (const word of words) {
    const option = /^(lang|line_number|highlight|first_line|mark|wrap|line_threshold):(.*)$/.exec(word);
    if (option) values.set(option[1]!, option[2]!);
    else rest.push(word);
  }
  const urlAt = rest.findIndex((word) => /^(?:https?:)?\/\//i.test(word));
  return {
    options: hexoOptions(values),
    title: (urlAt === -1 ? rest : rest.slice(0, urlAt)).join(' '),
    lang: values.get('lang') ?? '',
    url: urlAt === -1 ? '' : rest[urlAt]!,
    linkText: urlAt === -1 ? '' : rest.slice(urlAt + 1).join(' '),
  };
}

/** `<figure class="code-block"><figcaption><span>title</span> <a href="url">link text</a></figcaption>` */
function pushCodeCaption(state: StateBlock, { title, url, linkText }: CodeCaption, map: [number, number]): void {
  const figure = state.push('hexo_code_open', 'figure', 1);
  figure.attrSet('class', 'code-block');
  figure.block = true;
  figure.map = map;
  const caption = new InlineBuilder(state);
  if (title) caption.open('span').text(title).close('span');
  if (url) {
    if (title) caption.text(' ');
    caption.open('a', [['href', state.md.normalizeLink(url)], ['rel', 'noopener']], 'link_open').text(linkText || 'link').close('a', 'link_close');
  }
  state.push('hexo_caption_open', 'figcaption', 1).block = true;
  caption.push(map);
  state.push('hexo_caption_close', 'figcaption', -1).block = true;
}
