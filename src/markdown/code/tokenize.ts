// Tokenizing code with highlight.js, at build time. Loaded on the first code block a run renders
// that names a language: a build whose bodies all come from the cache loads none of it.
//
// highlight.js scopes (hljs-keyword, hljs-title function_…) become a dozen categories (keyword,
// string, comment…), which the page's stylesheet colours for light and dark: the markup does not
// depend on the highlighter, and a theme restyles code with a few CSS variables.
import { decodeHTML } from 'entities';
import type { HLJSApi } from 'highlight.js';
import { onFirstUse } from '../../util/on-first-use.js';

/** A run of code text and its category (`keyword`, `string`…), undefined for plain text. */
export interface CodeToken {
  text: string;
  kind?: string;
}

/** highlight.js with all its languages (each compiles on its first block). */
export const highlighter = onFirstUse<HLJSApi>('highlight.js');

/** highlight.js scope → category; scopes not listed are plain text, or take their parent's. */
const KINDS: Readonly<Record<string, string>> = {
  keyword: 'keyword', type: 'keyword', doctag: 'keyword', 'selector-tag': 'keyword', section: 'keyword',
  operator: 'keyword', meta: 'keyword', 'template-tag': 'keyword',
  built_in: 'function', title: 'function', attribute: 'function', 'selector-id': 'function', 'selector-class': 'function',
  params: 'parameter',
  string: 'string-expression', regexp: 'string-expression', name: 'string-expression', code: 'string',
  number: 'constant', literal: 'constant', symbol: 'constant', bullet: 'constant', variable: 'constant',
  'template-variable': 'constant', attr: 'constant', property: 'constant', 'selector-attr': 'constant', 'selector-pseudo': 'constant', formula: 'constant',
  comment: 'comment', quote: 'comment',
  punctuation: 'punctuation', link: 'link',
  addition: 'inserted', deletion: 'deleted',
};

/** Scopes that are code inside another scope (`${x}` in a string): plain text. */
const PLAIN = new Set(['subst']);

const MARKUP = /<span class="([^"]*)">|<\/span>|([^<]+)/g;

/** `code` split into lines of tokens by the highlight.js language `language`. */
export function tokenize(code: string, language: string): CodeToken[][] {
  const { value } = highlighter().highlight(code, { language, ignoreIllegals: true });
  // highlight.js returns HTML made of escaped text and nested spans only: read back as runs of
  // text, each with the innermost scope that has a category.
  const lines: CodeToken[][] = [[]];
  const kinds: Array<string | undefined> = [];
  for (const [, classes, text] of value.matchAll(MARKUP)) {
    if (classes !== undefined) {
      const scope = /^hljs-([\w-]+)/.exec(classes)?.[1];
      kinds.push(scope && PLAIN.has(scope) ? undefined : ((scope && KINDS[scope]) ?? kinds[kinds.length - 1]));
    } else if (text === undefined) kinds.pop();
    else {
      const kind = kinds[kinds.length - 1];
      const parts = decodeHTML(text).split('\n');
      parts.forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part !== '') lines[lines.length - 1]!.push({ text: part, kind });
      });
    }
  }
  return lines;
}
