// highlight: renders every code fence and indented code block — and the Hexo/Jekyll/Hugo code
// blocks, which are fences too — highlighted at build time (markdown/code/): the language from
// the fence's info string, the options from its meta (`{2,4-5}`, `title="x.py"`), from the tag or shortcode that made it
// (token.meta.code), or from a kramdown `{: file="x" }` under it (the data-file attribute). An
// unknown language is plain text with a warning (once per language per build: render/bodies.ts).
// Sets env.hasCode, so that only pages with code get the copy button's script.
// Needs: to be installed before mermaid-fence (and any other plugin that takes some fences for
// itself), which wraps this renderer and passes it the fences it does not take.
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { type Diagnostic, warning } from '../../diagnostics.js';
import { codeBlockHtml, plainLines, withoutFinalNewline } from '../code/code-html.js';
import { type CodeOptions, fenceOptions } from '../code/code-options.js';
import { grammarId, isPlainLanguage } from '../code/languages.js';
import { tokenize } from '../code/tokenize.js';
import { envOf, fileLine } from '../env.js';
import { shortValue } from '../html-policy.js';

/** The diagnostic code of an unknown language; the render stage keeps one per language. */
export const UNKNOWN_LANGUAGE = 'code-language';

/**
 * A filter keeping, of the unknown-language warnings of a whole run, the first for each
 * language; other diagnostics pass.
 */
export function firstPerLanguage(): (diagnostic: Diagnostic) => boolean {
  const seen = new Set<string>();
  return (diagnostic) => {
    if (diagnostic.code !== UNKNOWN_LANGUAGE) return true;
    if (seen.has(diagnostic.message)) return false;
    seen.add(diagnostic.message);
    return true;
  };
}

export function highlightPlugin(md: MarkdownIt): void {
  md.renderer.rules.fence = (tokens, idx, _options, env, self) => {
    const token = tokens[idx]!;
    return codeBlock(md, token, optionsOf(token, md.utils.unescapeAll(token.info)), env, self);
  };
  // Indented code is a code block like a fence without info; kramdown gives it a language with
  // `{: .language-ruby }` under it (Jekyll posts), which arrives here as a class.
  md.renderer.rules.code_block = (tokens, idx, _options, env, self) => {
    const token = tokens[idx]!;
    const lang = /(?:^|\s)language-(\S+)/.exec(token.attrGet('class') ?? '')?.[1] ?? '';
    return codeBlock(md, token, { ...optionsOf(token, ''), lang }, env, self);
  };
}

/** A code block's HTML: highlighted when its language is known, plain text otherwise. */
function codeBlock(md: MarkdownIt, token: Token, options: CodeOptions, env: unknown, self: MarkdownIt['renderer']): string {
  const state = envOf(env);
  const id = grammarId(options.lang);
  if (!id && !isPlainLanguage(options.lang)) {
    state.diagnostics.push(
      warning(state.file, `no highlighting for the code language "${shortValue(options.lang)}": the block is shown as plain text`, {
        line: fileLine(state, token.map?.[0] ?? 0),
        code: UNKNOWN_LANGUAGE,
        hint: 'use a language name highlight.js knows (python, bash, ts, yaml…), or text for plain text',
      }),
    );
  }
  state.hasCode = true;
  const code = withoutFinalNewline(token.content);
  let lines = code === '' ? [] : plainLines(code);
  if (id && code !== '') {
    try {
      lines = tokenize(code, id);
    } catch (error) {
      state.diagnostics.push(
        warning(state.file, `highlight.js could not highlight this ${id} block, shown as plain text: ${(error as Error).message}`, {
          line: fileLine(state, token.map?.[0] ?? 0),
          code: UNKNOWN_LANGUAGE,
        }),
      );
    }
  }
  return codeBlockHtml({ lines, options, codeAttributes: codeAttributes(token, options.lang, self) }, md.utils.escapeHtml);
}

/** The fence's own options, then those of the tag that made it, then a kramdown file name. */
function optionsOf(token: Token, info: string): CodeOptions {
  const options = { ...fenceOptions(info), ...(token.meta?.code as Partial<CodeOptions> | undefined) };
  const file = token.attrGet('data-file');
  if (file && !options.title) options.title = file;
  return options;
}

/** The attributes of `<code>`, as markdown-it gives them: the token's own, and `language-<lang>` in its class. */
function codeAttributes(token: Token, lang: string, self: MarkdownIt['renderer']): string {
  if (!lang) return self.renderAttrs(token);
  const attrs: Array<[string, string]> = (token.attrs ?? []).map(([name, value]) => [name, value]);
  const langClass = `language-${lang}`;
  const at = attrs.findIndex(([name]) => name === 'class');
  if (at === -1) attrs.push(['class', langClass]);
  else if (!attrs[at]![1].split(/\s+/).includes(langClass)) attrs[at] = ['class', `${attrs[at]![1]} ${langClass}`];
  return self.renderAttrs({ attrs } as Token);
}
