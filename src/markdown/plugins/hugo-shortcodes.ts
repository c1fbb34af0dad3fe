// hugo-shortcodes: Hugo's built-in shortcodes that posts use most, both `{{< … >}}` and `{{% … %}}`,
// with positional or named, quoted or bare parameters.
//   {{< figure src=… [alt=…] [caption=…] [title=…] [link=…] [class=…] [width=…] [height=…] >}}
//                                        → <figure> with the image and a <figcaption>
//   {{< youtube id >}} / {{< youtube id=… title=… start=… >}}
//                                        → a link card to the video on youtube.com: no iframe, no
//                                          third-party image or script, nothing loads until clicked
//   {{< highlight go ["linenos=table,hl_lines=2-3"] >}} … {{< /highlight >}}
//                                        → a code block like a fence in that language
//   {{% notice tip %}} … {{% /notice %}}, {{< admonition warning [title] >}} … → a callout
//   [text]({{< ref "x.md" >}}), {{< relref "x" >}}   → the URL of that post (error when none)
//   {{</* figure */>}}                    → shown as `{{< figure >}}` (Hugo's escape)
// Block shortcodes stand on lines of their own. Any other shortcode stays visible as text with
// one warning (code hugo-shortcode); closing `{{< /x >}}` tags of such pairs are not reported
// again. Shortcodes in code are never read. Needs: env.lookup (ref), env.strings (video label).
import type MarkdownIt from 'markdown-it';
import type { StateBlock, StateCore, StateInline, Token } from 'markdown-it';
import { error } from '../../diagnostics.js';
import { InlineBuilder, closingLine, pushTagText, lineText, mayOpen, pushFence, useTagText, rewriteTagDestinations, tokenizeBetween } from '../block-tags.js';
import { hugoOptions } from '../code/code-options.js';
import { envOf, fileLine } from '../env.js';
import { fragmentOf, resolvePostRef } from '../post-lookup.js';
import { type TagArg, splitArgs } from '../tag-args.js';
import { calloutType } from './callouts.js';

/** One shortcode as written. */
interface Shortcode {
  /** Length of the whole `{{< … >}}`. */
  length: number;
  /** `<` or `%`. */
  delimiter: string;
  name: string;
  /** `{{< /name >}}`. */
  closing: boolean;
  // Written with comment marks inside the delimiters (Hugo's escape): shown literally, without them.
  escaped: boolean;
  args: TagArg[];
  /** The shortcode as Hugo would show it literally. */
  literal: string;
}

const BLOCK = new Set(['figure', 'youtube', 'highlight', 'notice', 'admonition']);
const PAIRED = new Set(['highlight', 'notice', 'admonition']);
const DESTINATION = /\]\(\s*\{\{([<%])\s*(?:rel)?ref\s+([^\n]*?)\s*[>%]\}\}\s*\)/;
const VIDEO_ID = /^[\w-]{6,20}$/;

export function hugoShortcodesPlugin(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'hugo_block_shortcodes', blockShortcode, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.core.ruler.after('block', 'hugo_ref_destinations', refDestinations);
  md.inline.ruler.before('emphasis', 'hugo_inline_shortcodes', inlineShortcode);
  useTagText(md);
  md.renderer.rules.hugo_figure_open = (tokens, idx, options, env, self) => `<figure${self.renderAttrs(tokens[idx]!)}>\n`;
  md.renderer.rules.hugo_figure_close = () => '</figure>\n';
  md.renderer.rules.hugo_figcaption_open = (tokens, idx) => {
    const title = tokens[idx]!.meta?.title as string | undefined;
    return `<figcaption>${title ? `<strong class="figure-title">${md.utils.escapeHtml(title)}</strong> ` : ''}`;
  };
  md.renderer.rules.hugo_figcaption_close = () => '</figcaption>\n';
}

/**
 * Reads the shortcode starting at `pos` of `src`, or undefined when there is none there. A
 * shortcode never holds the opening of another (Hugo does not nest them in parameters, quoted or
 * not), so the search for its end stops at the next `{{<` or `{{%`: scanning from every opening
 * of a paragraph to its end made a paragraph of unclosed openings quadratic.
 */
export function scanShortcode(src: string, pos: number): Shortcode | undefined {
  if (src.charCodeAt(pos) !== 0x7b || src.charCodeAt(pos + 1) !== 0x7b) return undefined;
  const delimiter = src[pos + 2];
  if (delimiter !== '<' && delimiter !== '%') return undefined;
  const close = `${delimiter === '<' ? '>' : '%'}}}`;
  // Find the closing delimiter outside quoted parameters.
  let i = pos + 3;
  let quote: string | undefined;
  for (; i < src.length; i++) {
    const c = src[i]!;
    if (c === '{' && src[i + 1] === '{' && (src[i + 2] === '<' || src[i + 2] === '%')) return undefined;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '\n' && src[i + 1] === '\n') return undefined;
    else if (src.startsWith(close, i)) break;
  }
  if (i >= src.length) return undefined;
  let inner = src.slice(pos + 3, i).trim();
  const escaped = inner.startsWith('/*') && inner.endsWith('*/');
  if (escaped) inner = inner.slice(2, -2).trim();
  const closing = inner.startsWith('/');
  if (closing) inner = inner.slice(1).trim();
  const name = /^[A-Za-z_][\w./-]*/.exec(inner)?.[0];
  if (!name) return undefined;
  const rest = inner.slice(name.length);
  const literal = `{{${delimiter} ${closing ? '/' : ''}${inner} ${close.slice(0, 1)}}}`;
  return { length: i + 3 - pos, delimiter, name, closing, escaped, args: splitArgs(rest, { named: true }), literal };
}

function blockShortcode(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (!mayOpen(state, startLine)) return false;
  const text = lineText(state, startLine);
  const code = scanShortcode(text, 0);
  if (!code || code.escaped || code.closing || !BLOCK.has(code.name) || text.slice(code.length).trim() !== '') return false;
  let closeLine: number | undefined;
  if (PAIRED.has(code.name)) {
    const name = code.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const opens = new RegExp(`^\\{\\{[<%]\\s*${name}\\b`);
    closeLine = closingLine(state, startLine, endLine, opens, new RegExp(`^\\{\\{[<%]\\s*\\/\\s*${name}\\s*[>%]\\}\\}\\s*$`));
    if (closeLine === undefined) return false;
  }
  if (silent) return true;
  const end = closeLine ?? startLine;
  const map: [number, number] = [startLine, end + 1];
  if (code.name === 'figure') pushFigure(state, code, map);
  else if (code.name === 'youtube') pushYoutube(state, code, map);
  else if (code.name === 'highlight') {
    // Options as the second parameter ("linenos=table,hl_lines=2-3"), also when written unquoted (key=value).
    const named = code.args.filter((a) => a.key !== undefined).map((a) => `${a.key}=${a.value}`);
    const options = hugoOptions([positional(code, 1) ?? '', ...named].join(','));
    pushFence(state, startLine, end, positional(code, 0) ?? '').meta = { code: options };
  }
  else {
    // notice (Learn/Relearn themes: notice type) and admonition (LoveIt/DoIt: admonition type title).
    tokenizeBetween(state, startLine + 1, end, () => {
      const token = state.push('callout_open', 'div', 1);
      token.block = true;
      token.map = map;
      token.meta = { callout: calloutType(named(code, 'type') ?? named(code, 'style') ?? positional(code, 0)) };
    }, () => {
      state.push('callout_close', 'div', -1).block = true;
    });
  }
  state.line = end + 1;
  return true;
}

function positional(code: Shortcode, index: number): string | undefined {
  return code.args.filter((a) => a.key === undefined)[index]?.value;
}

function named(code: Shortcode, key: string): string | undefined {
  return code.args.find((a) => a.key === key)?.value;
}

function pushFigure(state: StateBlock, code: Shortcode, map: [number, number]): void {
  const env = envOf(state.env);
  const src = named(code, 'src') ?? '';
  const figure = state.push('hugo_figure_open', 'figure', 1);
  figure.map = map;
  const className = named(code, 'class');
  if (className) figure.attrSet('class', className);
  if (!src) {
    env.diagnostics.push(error(env.file, `{{< figure >}} needs a src with the image's URL`, { line: fileLine(env, map[0]), code: 'hugo-shortcode' }));
  }
  // Unsafe URLs are kept here: safe-links drops them and says why.
  const children: Token[] = [];
  const link = named(code, 'link');
  if (link) {
    const open = new state.Token('link_open', 'a', 1);
    open.attrSet('href', state.md.normalizeLink(link));
    const target = named(code, 'target');
    if (target === '_blank') open.attrs!.push(['target', '_blank'], ['rel', 'noopener']);
    children.push(open);
  }
  if (src) {
    const alt = named(code, 'alt') ?? '';
    const image = new state.Token('image', 'img', 0);
    image.attrs = [['src', state.md.normalizeLink(src)], ['alt', '']];
    image.content = alt;
    const altText = new state.Token('text', '', 0);
    altText.content = alt;
    image.children = [altText];
    for (const attribute of ['width', 'height'] as const) {
      const value = named(code, attribute);
      if (value && /^\d+%?$/.test(value)) image.attrSet(attribute, value);
    }
    children.push(image);
  }
  if (children[0]?.type === 'link_open') children.push(new state.Token('link_close', 'a', -1));
  const body = state.push('inline', '', 0);
  body.content = '';
  body.map = map;
  body.children = children;
  const caption = named(code, 'caption');
  const title = named(code, 'title');
  if (caption || title) {
    state.push('hugo_figcaption_open', 'figcaption', 1).meta = { title };
    const text = state.push('inline', '', 0);
    text.content = caption ?? '';
    text.map = map;
    text.children = [];
    state.push('hugo_figcaption_close', 'figcaption', -1);
  }
  state.push('hugo_figure_close', 'figure', -1);
}

/** A link card to the video: no iframe, no third-party image or script; nothing loads until clicked. */
function pushYoutube(state: StateBlock, code: Shortcode, map: [number, number]): void {
  const env = envOf(state.env);
  const id = named(code, 'id') ?? positional(code, 0) ?? '';
  if (!VIDEO_ID.test(id)) {
    env.diagnostics.push(error(env.file, `{{< youtube ${id} >}} is not a YouTube video id`, { line: fileLine(env, map[0]), code: 'hugo-shortcode' }));
    return;
  }
  const title = named(code, 'title');
  const start = named(code, 'start');
  const time = start && /^\d+$/.test(start) ? `&t=${start}s` : '';
  const label = env.strings.videoOnYoutube ?? 'Watch on YouTube';
  const card = new InlineBuilder(state)
    .open('a', [['href', `https://www.youtube.com/watch?v=${encodeURIComponent(id)}${time}`], ['rel', 'noopener']], 'link_open')
    .open('span', [['class', 'video-card-play'], ['aria-hidden', 'true']])
    .text('▶')
    .close('span')
    .text(' ')
    .open('span', [['class', 'video-card-title']])
    .text(title || label)
    .close('span')
    .text(' ')
    .open('span', [['class', 'video-card-site']])
    .text(title ? label : 'youtube.com')
    .close('span')
    .close('a', 'link_close');
  const open = state.push('hugo_video_open', 'p', 1);
  open.attrSet('class', 'video-card');
  open.block = true;
  open.map = map;
  card.push(map);
  state.push('hugo_video_close', 'p', -1).block = true;
}

function refDestinations(state: StateCore): void {
  if (!state.src.includes('{{')) return;
  const env = envOf(state.env);
  rewriteTagDestinations(state, DESTINATION, (match, line) => {
    const args = splitArgs(match[2]!, { named: true });
    const ref = args.find((a) => a.key === 'path')?.value ?? args.find((a) => a.key === undefined)?.value ?? '';
    const lang = args.find((a) => a.key === 'lang')?.value ?? args.filter((a) => a.key === undefined)[1]?.value ?? env.lang;
    const target = resolvePostRef(env.lookup, ref, env.id, lang);
    if (!target) env.diagnostics.push(refError(env.file, ref, line));
    return target && target.url + fragmentOf(ref);
  });
}

const REF_HINT =
  'ref takes the linked post\'s path in the posts folder ("posts/x.md"), relative to this post, or its file name; ' +
  'drafts and future posts are only there when the build includes them (--drafts, --future)';

function refError(file: string, ref: string, line: number) {
  return error(file, `{{< ref "${ref}" >}} names no post`, { line, code: 'hugo-ref', hint: REF_HINT });
}

function inlineShortcode(state: StateInline, silent: boolean): boolean {
  const code = scanShortcode(state.src, state.pos);
  if (!code) return false;
  if (!silent) {
    const env = envOf(state.env);
    if (!code.escaped && !code.closing && (code.name === 'ref' || code.name === 'relref')) {
      const ref = named(code, 'path') ?? positional(code, 0) ?? '';
      // Hugo's second positional parameter (or lang=) names the language of the target.
      const target = resolvePostRef(env.lookup, ref, env.id, named(code, 'lang') ?? positional(code, 1) ?? env.lang);
      if (target) {
        const open = state.push('link_open', 'a', 1);
        open.attrSet('href', state.md.normalizeLink(target.url + fragmentOf(ref)));
        state.push('text', '', 0).content = target.title;
        state.push('link_close', 'a', -1);
      } else {
        pushTagText(state, ref, { severity: 'error', code: 'hugo-ref', message: `{{< ${code.name} "${ref}" >}} names no post`, hint: REF_HINT });
      }
    } else {
      const content = code.escaped ? code.literal : state.src.slice(state.pos, state.pos + code.length);
      const block = BLOCK.has(code.name);
      pushTagText(state, content, code.escaped || code.closing ? undefined : {
          severity: 'warning',
          code: 'hugo-shortcode',
          message: block
            ? `Hugo shortcode {{< ${code.name} >}} must stand on a line of its own; it is shown as text`
            : `Hugo shortcode {{< ${code.name} >}} is not supported and is shown as text`,
          hint: block ? 'put the shortcode on a line by itself' : 'replace it with Markdown or HTML',
        });
    }
  }
  state.pos += code.length;
  return true;
}
