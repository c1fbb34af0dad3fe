// The allow-list for raw HTML in posts. Editors may write HTML, not run code: no scripts, styles,
// frames, plugins, forms or event handlers, and no `style` that loads something or covers the
// page. The sanitizer (sanitize.ts), the scanner that reports removals (plugins/raw-html.ts) and
// kramdown attribute lists (plugins/kramdown-ial.ts) read this file, so what is reported is what
// is removed.
import { isSafeUrl, srcsetUrls } from './url-policy.js';

// Elements removed with their content (sanitize-html's nonTextTags) are in util/html-elements.ts,
// which excerpts read too, so that their text is in neither.
export { DROPPED_WITH_CONTENT } from '../util/html-elements.js';

/** Elements kept. sanitize-html's defaults plus media, disclosure and legacy presentational tags. */
export const ALLOWED_TAGS: readonly string[] = [
  // sectioning and text blocks
  'address', 'article', 'aside', 'footer', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup',
  'main', 'nav', 'section', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'hr',
  'li', 'menu', 'ol', 'p', 'pre', 'ul', 'details', 'summary', 'center',
  // inline text
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark',
  'q', 'rb', 'rp', 'rt', 'rtc', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup',
  'time', 'u', 'var', 'wbr', 'del', 'ins', 'strike', 'big', 'tt', 'font',
  // tables
  'caption', 'col', 'colgroup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
  // media
  'img', 'picture', 'source', 'video', 'audio', 'track',
];

/** Attributes kept, per element; `*` applies to all. `data-*`/`aria-*` are prefix globs. */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  '*': ['class', 'id', 'title', 'lang', 'dir', 'style', 'role', 'align', 'hidden', 'translate', 'data-*', 'aria-*'],
  a: ['href', 'name', 'target', 'rel', 'hreflang'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding', 'referrerpolicy'],
  source: ['src', 'srcset', 'sizes', 'type', 'media', 'width', 'height'],
  video: ['src', 'poster', 'controls', 'autoplay', 'muted', 'loop', 'playsinline', 'preload', 'width', 'height'],
  audio: ['src', 'controls', 'autoplay', 'muted', 'loop', 'preload'],
  track: ['src', 'kind', 'srclang', 'label', 'default'],
  table: ['width', 'border', 'cellpadding', 'cellspacing'],
  td: ['colspan', 'rowspan', 'valign', 'width'],
  th: ['colspan', 'rowspan', 'valign', 'width', 'scope'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  ol: ['start', 'type', 'reversed'],
  // Code blocks that scroll sideways are focusable, so that keyboards can scroll them.
  pre: ['tabindex'],
  ul: ['type'],
  li: ['value'],
  details: ['open'],
  time: ['datetime'],
  data: ['value'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  font: ['color', 'face', 'size'],
};

/** Attributes holding a URL among the allowed ones; checked with isSafeUrl. */
export const URL_ATTRIBUTES: readonly string[] = ['href', 'src', 'cite', 'poster'];

const tagSet = new Set(ALLOWED_TAGS);
const GLOBAL = new Set(ALLOWED_ATTRIBUTES['*']);
const VALID_NAME = /^[^\0\t\n\f\r /<=>]+$/; // as sanitize-html: anything else is dropped

export function isAllowedTag(tag: string): boolean {
  return tagSet.has(tag);
}

export function isAllowedAttribute(tag: string, attribute: string): boolean {
  if (!VALID_NAME.test(attribute)) return false;
  if (GLOBAL.has(attribute) || ALLOWED_ATTRIBUTES[tag]?.includes(attribute)) return true;
  return /^(?:data|aria)-/.test(attribute);
}

/** Whether an attribute holds URLs (href, src, srcset…), which the URL policy checks. */
export function isUrlAttribute(attribute: string): boolean {
  return URL_ATTRIBUTES.includes(attribute) || attribute === 'srcset';
}

/** Whether an allowed attribute's value is safe: URLs by the URL policy, `style` by the style policy. */
export function isSafeAttributeValue(attribute: string, value: string): boolean {
  if (URL_ATTRIBUTES.includes(attribute)) return isSafeUrl(value);
  if (attribute === 'srcset') return srcsetUrls(value).every(isSafeUrl);
  if (attribute === 'style') return isSafeStyle(value);
  return true;
}

// Loading anything (the site promises readers no third-party requests): url() and the functions
// that take a bare string as an image; running anything (old IE's expression() and behavior,
// Firefox's -moz-binding); covering the page (position: fixed puts an element over everything,
// wherever it is in the post; sticky and absolute stay inside the post's layout).
const UNSAFE_CSS = /url\(|image-set\(|image\(|cross-fade\(|element\(|expression\(|(?:^|[;{])behaviou?r:|-moz-binding|@import|javascript:|vbscript:|(?:^|[;{])position:fixed/i;

/**
 * Whether a `style` value (entity-decoded) is allowed. CSS escapes (`u\rl(`, `\75 rl(`) and
 * comments inside a word are undone and whitespace removed first, so that what is tested is what
 * a browser reads — or more: a value that only looks unsafe once read that way is refused too.
 */
export function isSafeStyle(css: string): boolean {
  return !UNSAFE_CSS.test(readCss(css).replace(/\s+/g, ''));
}

/** CSS source with comments removed and escapes decoded (CSS Syntax §4.3.7). */
function readCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '')
    .replace(/\\(?:([0-9a-f]{1,6})[ \t\n\f\r]?|\r\n|([\s\S]))/gi, (_, hex?: string, char?: string) => {
      if (hex === undefined) return char === undefined || char === '\n' || char === '\f' || char === '\r' ? '' : char;
      const code = parseInt(hex, 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
    });
}

/** One thing the sanitizer will remove from a raw HTML tag. */
export type Removal =
  | { kind: 'tag'; tag: string }
  | { kind: 'attribute'; tag: string; attribute: string }
  | { kind: 'url'; tag: string; attribute: string; value: string }
  | { kind: 'style'; tag: string; value: string };

/** A value as a warning quotes it: on one line, control characters shown as spaces, at most 40 characters. */
export function shortValue(value: string): string {
  const flat = value.replace(/[\s\x00-\x1f\x7f]+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** What the sanitizer removes from one opening tag, in attribute order. */
export function removalsOf(tag: string, attributes: Record<string, string>): Removal[] {
  if (!isAllowedTag(tag)) return [{ kind: 'tag', tag }];
  const removals: Removal[] = [];
  for (const [attribute, value] of Object.entries(attributes)) {
    if (!isAllowedAttribute(tag, attribute)) removals.push({ kind: 'attribute', tag, attribute });
    else if (attribute === 'style' && !isSafeStyle(value)) removals.push({ kind: 'style', tag, value });
    else if (!isSafeAttributeValue(attribute, value)) removals.push({ kind: 'url', tag, attribute, value });
  }
  return removals;
}
