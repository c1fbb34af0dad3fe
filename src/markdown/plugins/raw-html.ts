// raw-html: finds raw HTML in the post (html_block / html_inline tokens) and reports, with its
// source line, each thing the sanitizer will remove: disallowed elements (<script>, <iframe>,
// <form>…), attributes (onerror, onclick…), unsafe URLs (javascript:, also as
// `jav&#x61;script:`; code unsafe-url, as for tags) and styles that load something or cover the
// page (url(), position: fixed; code unsafe-style). Parsing is htmlparser2's, as in
// sanitize-html, and the policy is html-policy.ts, so reports match removals.
// Needs: not installed with trustedHtml. Runs after inline parsing.
import { Parser } from 'htmlparser2';
import type MarkdownIt from 'markdown-it';
import type { StateCore } from 'markdown-it';
import { warning } from '../../diagnostics.js';
import { DISALLOWED_HTML_ELEMENTS } from '../../util/html-elements.js';
import { type Removal, removalsOf, shortValue } from '../html-policy.js';
import { type MarkdownEnv, childLines, countNewlines, envOf, fileLine, forEachBlock } from '../env.js';

const HINT =
  'Posts may contain HTML but not run code: scripts, styles, frames, plugins, forms and event handlers are removed, ' +
  'and so are style attributes with url(), image-set(), @import or position: fixed. ' +
  'Set trustedHtml: true in the site config only if every author is trusted.';

export function rawHtmlPlugin(md: MarkdownIt): void {
  md.core.ruler.push('raw_html', scanRawHtml);
}

function scanRawHtml(state: StateCore): void {
  if (!state.src.includes('<')) return;
  const env = envOf(state.env);
  forEachBlock(state.tokens, (token, line) => {
    if (token.type === 'html_block') {
      const scanner = new HtmlScanner(env);
      scanner.write(token.content, line);
      scanner.end();
    } else if (token.type === 'inline' && token.content.includes('<') && token.children) {
      // One scanner per paragraph: `<svg>` and its `<path>`s are separate html_inline tokens.
      let scanner: HtmlScanner | undefined;
      const lines = childLines(token, line);
      token.children.forEach((child, i) => {
        if (child.type !== 'html_inline') return;
        scanner ??= new HtmlScanner(env);
        scanner.write(child.content, lines[i] ?? line);
      });
      scanner?.end();
    }
  });
}

/**
 * Reports removals in a stream of HTML chunks with their body lines. A disallowed element inside
 * a disallowed element (the `<path>` of an `<svg>`, the `<input>` of a `<form>`) goes with its
 * parent and is not reported again.
 */
class HtmlScanner {
  readonly #parser: Parser;
  /** Per open element: was it a removed element? */
  readonly #removed: boolean[] = [];
  #chunk = '';
  #chunkStart = 0;
  #line = 0;

  constructor(env: MarkdownEnv) {
    this.#parser = new Parser(
      {
        onopentag: (name, attributes) => {
          const at = fileLine(env, this.#line + countNewlines(this.#chunk, this.#parser.startIndex - this.#chunkStart));
          const insideRemoved = this.#removed.includes(true);
          const removals = removalsOf(name, attributes);
          this.#removed.push(removals[0]?.kind === 'tag');
          for (const removal of removals) {
            if (removal.kind === 'tag' && insideRemoved) continue;
            env.diagnostics.push(warning(env.file, describe(removal), { line: at, hint: hintFor(removal), code: CODES[removal.kind] }));
          }
        },
        onclosetag: () => {
          this.#removed.pop();
        },
      },
      { decodeEntities: true },
    );
  }

  write(html: string, line: number): void {
    this.#chunkStart += this.#chunk.length;
    this.#chunk = html;
    this.#line = line;
    this.#parser.write(html);
  }

  end(): void {
    this.#parser.end();
  }
}

const CODES: Record<Removal['kind'], string> = { tag: 'raw-html', attribute: 'raw-html', url: 'unsafe-url', style: 'unsafe-style' };

/** Prose that only looks like a tag (`<port>`, `-l <LOGIN>`) wants backticks, not a lesson in what HTML may do. */
function hintFor(removal: Removal): string {
  if (removal.kind !== 'tag' || DISALLOWED_HTML_ELEMENTS.includes(removal.tag)) return HINT;
  return `if <${removal.tag}> is meant as text (a placeholder such as <port> or -l <LOGIN>), put it in backticks: \`<${removal.tag}>\`, or write &lt;${removal.tag}&gt;`;
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
