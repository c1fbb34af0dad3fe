// Make the URLs inside a post's HTML absolute, for feeds: a feed reader shows the content away
// from the site, where `/sub/img/a.png` or `../a.png` would point nowhere. Only the attribute
// values are spliced; everything else stays byte for byte as the page has it (no re-serializing).
// htmlparser2's tokenizer finds them, so `<script>`/`<style>` text and comments are never touched.
import { Tokenizer, QuoteType, type TokenizerCallbacks } from 'htmlparser2';
import { decodeHTMLAttribute, escapeAttribute } from 'entities';
import { srcsetUrls } from '../markdown/url-policy.js';

/** Attributes that hold one URL (`srcset` holds several and is handled on its own). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'data']);

/** Splice `resolve(url)` into every href/src/srcset/poster/cite/data attribute of `html`. */
export function absolutizeHtml(html: string, resolve: (url: string) => string): string {
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let name = '';
  let value: { start: number; end: number } | undefined;
  const noop = () => {};
  const callbacks: TokenizerCallbacks = {
    onattribname(start, end) {
      name = html.slice(start, end).toLowerCase();
      value = undefined;
    },
    onattribdata(start, end) {
      // Without entity decoding the whole value arrives in one piece; be safe if it does not.
      value = value ? { start: value.start, end } : { start, end };
    },
    onattribend(quote) {
      if (!value || quote === QuoteType.NoValue || (name !== 'srcset' && !URL_ATTRIBUTES.has(name))) return;
      const raw = decodeHTMLAttribute(html.slice(value.start, value.end));
      const next = name === 'srcset' ? rewriteSrcset(raw, resolve) : resolve(raw);
      if (next === raw) return;
      // Quoted values are replaced with their quotes, so every rewritten value ends up "double-quoted".
      const quoted = quote === QuoteType.Double || quote === QuoteType.Single;
      edits.push({ start: quoted ? value.start - 1 : value.start, end: quoted ? value.end + 1 : value.end, text: `"${escapeAttribute(next)}"` });
    },
    onattribentity: noop,
    oncdata: noop,
    onclosetag: noop,
    oncomment: noop,
    ondeclaration: noop,
    onend: noop,
    onopentagend: noop,
    onopentagname: noop,
    onprocessinginstruction: noop,
    onselfclosingtag: noop,
    ontext: noop,
    ontextentity: noop,
  };
  const tokenizer = new Tokenizer({ decodeEntities: false }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += html.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + html.slice(at);
}

/** `a.png 1x, b.png 2x` → each URL resolved, descriptors kept. */
function rewriteSrcset(srcset: string, resolve: (url: string) => string): string {
  const urls = new Set(srcsetUrls(srcset));
  return srcset
    .split(',')
    .map((candidate) => candidate.replace(/\S+/, (url) => (urls.has(url) ? resolve(url) : url)))
    .join(',');
}
