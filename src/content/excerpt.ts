// Plain-text excerpts for index pages, feeds and meta descriptions, from Markdown without running
// markdown-it (this runs in the parse stage, per post). Line-based and forgiving: good enough for
// a summary; the rendered page is the source of truth. Only text a reader can see: raw HTML is
// read through visible-text.ts, so nothing inside <script>, <style>, <template> or a `hidden`
// element (or any other element the sanitizer removes with its content) reaches an excerpt.
import { inlineMathAsText } from '../math/delimiters.js';
import { headGraphemes } from './graphemes.js';
import { VisibleText, isTagLine } from './visible-text.js';

const MORE = /<!--\s*more\s*-->/i;

/** The body before `<!--more-->` (Hexo, Jekyll, Hugo all use it to mark the summary). */
export function splitMore(body: string): { before: string; hasMore: boolean } {
  const m = MORE.exec(body);
  return m ? { before: body.slice(0, m.index), hasMore: true } : { before: body, hasMore: false };
}

/**
 * The text before `<!--more-->`, else the first paragraph, as plain text of at most
 * `maxGraphemes` graphemes (plus `…` when cut mid-sentence).
 */
export function excerpt(body: string, maxGraphemes = 140): string {
  const { before, hasMore } = splitMore(body);
  const text = textParagraphs(before, hasMore ? Infinity : 1).join(' ');
  return shorten(text, maxGraphemes);
}

const FENCE = /^ {0,3}(`{3,}|~{3,}|\$\$)/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const SETEXT = /^ {0,3}(=+|-+)\s*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const LIQUID_LINE = /^\s*(\{%.*%\}|\{\{.*\}\})\s*$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$/;
const REFERENCE = /^ {0,3}\[[^\]]+\]:\s/;
const HTML_BLOCK =
  /^ {0,3}<(!--|\/?(address|article|aside|audio|blockquote|body|center|details|dialog|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|html|iframe|main|nav|ol|p|picture|pre|script|section|style|summary|table|textarea|ul|video)(\s|\/?>|$))/i;
// CommonMark's HTML blocks of kind 1 run to their end tag, blank lines and all.
const RAW_BLOCK = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;
const BLANK = /^\s*$/;
const IMAGE = /!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])|<img\b[^>]*>/gi;

/**
 * Up to `limit` paragraphs of prose with visible text, each as plain text; skipping everything
 * that is not prose. HTML blocks are not prose, but their tags open and close elements that may
 * hide the paragraphs between them (`<div hidden>`, blank line, text, blank line, `</div>`).
 */
function textParagraphs(markdown: string, limit: number): string[] {
  const visible = new VisibleText();
  const paragraphs: string[] = [];
  let current: string[] = [];
  let skipUntil: RegExp | undefined; // end of a fence or table
  let html: { lines: string[]; until: RegExp } | undefined; // the HTML block being read
  const flush = () => {
    const text = current.length > 0 ? inlineText(visible.prose(current.join('\n'))) : '';
    if (text !== '') paragraphs.push(text);
    current = [];
  };
  const readHtml = (line: string) => {
    const block = html!;
    const atBlank = block.until === BLANK;
    if (!(atBlank && BLANK.test(line))) block.lines.push(line);
    if (atBlank ? BLANK.test(line) : block.until.test(line)) {
      visible.html(block.lines.join('\n'));
      html = undefined;
    }
  };
  for (const line of markdown.split('\n')) {
    if (paragraphs.length >= limit) break;
    if (html) {
      readHtml(line);
      continue;
    }
    if (skipUntil) {
      if (skipUntil.test(line)) skipUntil = undefined;
      continue;
    }
    const fence = FENCE.exec(line)?.[1];
    if (fence) {
      flush();
      skipUntil = fence === '$$' ? /^\s*\$\$\s*$/ : new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (current.length > 0 && SETEXT.test(line)) {
      current = []; // the paragraph was a setext heading
      continue;
    }
    if (current.length > 0 && TABLE_DELIMITER.test(line)) {
      current = []; // the paragraph was a table header
      skipUntil = /^\s*$/;
      continue;
    }
    const raw = RAW_BLOCK.exec(line)?.[1];
    if (raw || HTML_BLOCK.test(line) || (current.length === 0 && isTagLine(line))) {
      // CommonMark's HTML blocks: comments end with `-->`, <script>/<pre>/<style>/<textarea> at
      // their end tag, others at a blank line; a lone tag of another name cannot interrupt a
      // paragraph.
      flush();
      html = { lines: [], until: raw ? new RegExp(`</${raw}>`, 'i') : /^ {0,3}<!--/.test(line) ? /-->/ : BLANK };
      readHtml(line);
      continue;
    }
    if (HEADING.test(line) || THEMATIC_BREAK.test(line) || LIQUID_LINE.test(line) || REFERENCE.test(line)) {
      flush();
      continue;
    }
    if (/^\s*\|/.test(line)) continue; // table row
    if (current.length === 0 && /^( {4}|\t)/.test(line)) continue; // indented code
    if (line.replace(IMAGE, '').replace(/\[\s*\]\([^)]*\)/g, '').trim() === '') continue; // images only
    current.push(line.replace(/^\s*(>\s?)+/, '').replace(/^\s*([-+*]|\d+[.)])\s+/, ''));
  }
  flush();
  return paragraphs.slice(0, limit);
}

const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Markdown inline syntax → the text a reader sees (raw HTML is already gone: VisibleText). */
function inlineText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    // Liquid tags (Jekyll) and shortcodes (Hugo); a tag never holds the opening of another, and
    // stopping there keeps a paragraph of unclosed `{{<` linear.
    .replace(/\{%(?:(?!\{[{%])[\s\S])*?%\}|\{\{(?:(?!\{[{%])[\s\S])*?\}\}/g, '')
    .replace(IMAGE, '')
    .split(CODE_SPAN)
    // split() keeps the captures: a code span is [ticks, code], between spans is prose.
    .map((part, i) => (i % 3 === 0 ? inlineMathAsText(part) : i % 3 === 2 ? part.trim() : ''))
    .join('')
    .replace(/\[\^[^\]]*\]/g, '') // footnote references
    .replace(/\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity)
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntity(entity: string, name: string): string {
  if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : entity;
}

/** At most `max` graphemes: up to the last sentence end in the second half if any, else cut + `…`. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text; // UTF-16 length ≥ grapheme count
  const parts = headGraphemes(text, max + 1);
  if (parts.length <= max) return text;
  const head = parts.slice(0, max);
  for (let i = max - 1; i >= Math.floor(max / 2); i--) {
    // CJK sentence ends need no space after them; Latin ones do (`3.14`, `GPT-4.5` are not ends).
    const g = head[i] ?? '';
    if (/^[。！？]$/.test(g) || (/^[.!?…]$/.test(g) && /^\s/.test(parts[i + 1] ?? ' '))) {
      return head.slice(0, i + 1).join('');
    }
  }
  let cut = head.join('');
  // Words are not cut in half when a space is near (English, Korean); Chinese and Japanese have none.
  const space = cut.lastIndexOf(' ');
  if (/[\p{L}\p{N}]$/u.test(cut) && /^[\p{L}\p{N}]/u.test(parts[max] ?? '') && space > cut.length - 20 && space > 0) {
    cut = cut.slice(0, space);
  }
  return `${cut.replace(/[\s,;:、，；：]+$/u, '')}…`;
}
