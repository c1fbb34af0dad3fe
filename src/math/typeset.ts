// One TeX formula typeset with KaTeX at build time: HTML for the eye and MathML for screen
// readers and feed readers, so readers run no JavaScript. KaTeX is loaded by the first formula a
// build typesets: a build whose bodies all come from the cache never loads it.
import type Katex from 'katex';
import { onFirstUse } from '../util/on-first-use.js';
import { finishKatexHtml } from './markup.js';

const katex = onFirstUse<typeof Katex>('katex');

/** A typeset formula, or why it could not be typeset. */
export type Typeset =
  | {
      /** KaTeX's markup: MathML, then the visual HTML (aria-hidden, not indexed by search). */
      html: string;
      /** What KaTeX's strict mode noticed (non-LaTeX input it rendered anyway), at most one. */
      warning?: string;
    }
  | {
      /** KaTeX's message without its "KaTeX parse error:" prefix. */
      error: string;
      /** Offset in the TeX source where KaTeX stopped, when it says. */
      position?: number;
    };

export function typeset(tex: string, display: boolean): Typeset {
  let warning: string | undefined;
  try {
    const html = katex().renderToString(tex, {
      displayMode: display,
      output: 'htmlAndMathml',
      // Errors are caught below and reported with the post's line; KaTeX's own red error
      // rendering would hide them in the page.
      throwOnError: true,
      // No \href, \url, \includegraphics, \htmlClass, \htmlStyle…: formulas never bring links,
      // images or styles of their own.
      trust: false,
      // Non-LaTeX input (Unicode text in math mode, a lone % at the end…) is still rendered; the
      // author hears about it once per formula.
      strict: (_code: string, message: string) => {
        warning ??= message;
        return 'ignore';
      },
    });
    return { html: finishKatexHtml(html), warning };
  } catch (caught) {
    // KaTeX throws ParseError for every problem of the source (and for too many macro
    // expansions); anything else is still a formula that cannot be shown, not a failed build.
    const error = caught as { rawMessage?: unknown; message?: unknown; position?: unknown };
    const message = typeof error.rawMessage === 'string' ? error.rawMessage : String(error.message ?? caught);
    return { error: message, position: typeof error.position === 'number' ? error.position : undefined };
  }
}
