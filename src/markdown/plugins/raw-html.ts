// raw-html: finds raw HTML in the post (html_block / html_inline tokens) and reports, with its
// source line, each thing the sanitizer will remove: disallowed elements (<script>, <iframe>,
// <form>…), prose that looks like a tag (`<port>`, `-l <LOGIN>`; code tag-like-text, once per
// name and post), attributes (onerror, onclick…), unsafe URLs (javascript:, also as
// `jav&#x61;script:`; code unsafe-url, as for tags) and styles that load something or cover the
// page (url(), position: fixed; code unsafe-style). Parsing is htmlparser2's, as in
// sanitize-html, and the policy is html-policy.ts, so reports match removals. Raw HTML nested more
// than MAX_DEPTH elements deep is an error, and the post's raw HTML is dropped before the sanitizer
// sees it: htmlparser2 (here and in sanitize-html) spends time proportional to the depth on every
// tag, so time would grow with the square of the nesting; browsers stop nesting at 512 levels anyway.
// Needs: not installed with trustedHtml. Runs after inline parsing.
import { Parser } from 'htmlparser2';
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { error, warning } from '../../diagnostics.js';
import { DISALLOWED_HTML_ELEMENTS } from '../../util/html-elements.js';
import { type Removal, removalsOf, shortValue } from '../html-policy.js';
import { type MarkdownEnv, childLines, countNewlines, envOf, fileLine, forEachBlock } from '../env.js';

const HINT =
  'Posts may contain HTML but not run code: scripts, styles, frames, plugins, forms and event handlers are removed, ' +
  'and so are style attributes with url(), image-set(), @import or position: fixed. ' +
  'Set trustedHtml: true in the site config only if every author is trusted.';

/** Open elements raw HTML may nest (as Chromium's parser: kMaximumHTMLParserDOMTreeDepth). */
const MAX_DEPTH = 512;

export function rawHtmlPlugin(md: MarkdownIt): void {
  md.core.ruler.push('raw_html', scanRawHtml);
}

function scanRawHtml(state: StateCore): void {
  if (!state.src.includes('<')) return;
  const env = envOf(state.env);
  // One scanner for the whole post, which the sanitizer also sees whole: an element opened in one
  // block and closed in a later one holds everything between.
  const scanner = new HtmlScanner(env);
  const raw: Token[] = [];
  forEachBlock(state.tokens, (token, line) => {
    if (token.type === 'html_block') {
      raw.push(token);
      scanner.write(token.content, line);
    } else if (token.type === 'inline' && token.content.includes('<') && token.children) {
      // `<svg>` and its `<path>`s are separate html_inline tokens.
      const lines = childLines(token, line);
      token.children.forEach((child, i) => {
        if (child.type !== 'html_inline') return;
        raw.push(child);
        scanner.write(child.content, lines[i] ?? line);
      });
    }
  });
  scanner.end();
  // The post fails to build; what is left of its HTML need not cost the sanitizer its time.
  if (scanner.tooDeep) for (const token of raw) token.content = '';
}

/**
 * Reports removals in a stream of HTML chunks with their body lines. A disallowed element inside
 * a disallowed element (the `<path>` of an `<svg>`, the `<input>` of a `<form>`) goes with its
 * parent and is not reported again. Stops at an element nested deeper than MAX_DEPTH.
 */
class HtmlScanner {
  readonly #parser: Parser;
  /** Per open element: was it a removed element? */
  readonly #removed: boolean[] = [];
  /** How many of `#removed` are true. */
  #openRemoved = 0;
  #chunk = '';
  #chunkStart = 0;
  #line = 0;
  /** Newlines in `#chunk` before offset `#countedTo`: tags come in order, so each is counted once. */
  #countedTo = 0;
  #newlines = 0;
  /** Names of prose placeholders reported already (`port`, `login`). */
  readonly #proseTags = new Set<string>();
  tooDeep = false;

  constructor(env: MarkdownEnv) {
    this.#parser = new Parser(
      {
        onopentag: (name, attributes) => {
          const at = fileLine(env, this.#line + this.#newlinesBefore(this.#parser.startIndex - this.#chunkStart));
          if (this.#removed.length >= MAX_DEPTH) {
            this.tooDeep = true;
            this.#parser.pause();
            env.diagnostics.push(
              error(env.file, `raw HTML nests elements more than ${MAX_DEPTH} deep`, {
                line: at,
                hint: `browsers stop nesting at ${MAX_DEPTH} levels; close the elements you open (a missing </div>?)`,
              }),
            );
            return;
          }
          const insideRemoved = this.#openRemoved > 0;
          const removals = removalsOf(name, attributes);
          // Prose that looks like a tag (`<LOGIN>`) is never closed: it must not hide what follows.
          const removed = removals[0]?.kind === 'tag' && DISALLOWED_HTML_ELEMENTS.includes(name);
          this.#removed.push(removed);
          if (removed) this.#openRemoved++;
          for (const removal of removals) {
            if (removal.kind === 'tag' && insideRemoved) continue;
            if (removal.kind === 'tag' && !removed) {
              // Prose: one warning per placeholder and post, however often the post uses it.
              if (this.#proseTags.has(name)) continue;
              this.#proseTags.add(name);
              const written = this.#writtenTag(this.#parser.startIndex - this.#chunkStart);
              env.diagnostics.push(warning(env.file, `${written} looks like a tag but is no HTML element, and was removed from the text`, { line: at, hint: proseHint(written), code: 'tag-like-text' }));
              continue;
            }
            env.diagnostics.push(warning(env.file, describe(removal), { line: at, hint: HINT, code: CODES[removal.kind] }));
          }
        },
        onclosetag: () => {
          if (this.#removed.pop()) this.#openRemoved--;
        },
      },
      { decodeEntities: true },
    );
  }

  write(html: string, line: number): void {
    if (this.tooDeep) return;
    this.#chunkStart += this.#chunk.length;
    this.#chunk = html;
    this.#line = line;
    this.#countedTo = 0;
    this.#newlines = 0;
    this.#parser.write(html);
  }

  end(): void {
    if (!this.tooDeep) this.#parser.end();
  }

  /** The tag as the post writes it (`<LOGIN>`, not the parser's `login`), from `offset` in the current chunk. */
  #writtenTag(offset: number): string {
    const end = this.#chunk.indexOf('>', offset);
    return shortValue(end === -1 ? this.#chunk.slice(offset) : this.#chunk.slice(offset, end + 1));
  }

  #newlinesBefore(offset: number): number {
    if (offset < this.#countedTo) return countNewlines(this.#chunk, offset);
    for (let i = this.#chunk.indexOf('\n', this.#countedTo); i !== -1 && i < offset; i = this.#chunk.indexOf('\n', i + 1)) this.#newlines++;
    this.#countedTo = offset;
    return this.#newlines;
  }
}

const CODES: Record<Removal['kind'], string> = { tag: 'raw-html', attribute: 'raw-html', url: 'unsafe-url', style: 'unsafe-style' };

/** Prose that only looks like a tag (`<port>`, `-l <LOGIN>`) wants backticks, not a lesson in what HTML may do. */
function proseHint(written: string): string {
  return `if ${written} is meant as text (a placeholder such as <port> or -l <LOGIN>), put it in backticks: \`${written}\`, or write ${written.replace('<', '&lt;').replace(/>$/, '&gt;')}`;
}

function describe(removal: Removal): string {
  switch (removal.kind) {
    case 'tag':
      return `Raw HTML <${removal.tag}> is not allowed in posts and was removed`;
    case 'attribute':
      return /^on/i.test(removal.attribute)
        ? `Event handler ${removal.attribute} on <${removal.tag}> is not allowed in posts and was removed`
        : `Attribute ${removal.attribute} on <${removal.tag}> is not allowed in posts and was removed`;
    case 'url':
      return `Unsafe URL in ${removal.attribute}="${shortValue(removal.value)}" on <${removal.tag}> was removed`;
    case 'style':
      return `Style "${shortValue(removal.value)}" on <${removal.tag}> loads something or covers the page and was removed`;
  }
}
