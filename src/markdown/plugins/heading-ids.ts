// heading-ids: gives every heading an `id` from github-slugger, which keeps Hangul and Han
// (`## 모델 기능` → `id="모델-기능"`), unique within the post (`x`, `x-1`, `x-2`), and records
// {level, id, text} in env.headings for a table of contents. The slugger lives in env, so the
// suffixes restart for every post. Sections (h2–h4) end with an empty link to themselves, for
// sharing a section: the theme draws its `#` (so the heading's text, in search, excerpts and a
// copy, stays the author's) and shows it on hover and focus; the UI string `headingLink` names
// it for screen readers.
// Needs: env.strings; runs last among core rules (after text_join).
import GithubSlugger, { slug } from 'github-slugger';
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { escapeHtml } from '../../util/html-escape.js';
import { envOf } from '../env.js';

// For headings with nothing sluggable left (emoji only, punctuation only).
const FALLBACK_ID = 'heading';

/** The link a section heading ends with, as rendered here (feeds take it out). */
export const HEADING_ANCHOR = /<a class="heading-anchor" href="[^"]*" aria-label="[^"]*"><\/a>/g;

/** The heading levels that get a link to themselves: sections, not the title or small print. */
const LINKED = new Set(['h2', 'h3', 'h4']);

export function headingIdsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('heading_ids', addHeadingIds);
  md.renderer.rules.heading_close = (tokens, idx, options, env, self) => {
    const close = tokens[idx]!;
    const open = tokens[idx - 2];
    const id = open?.type === 'heading_open' ? open.attrGet('id') : null;
    if (!id || !LINKED.has(close.tag)) return self.renderToken(tokens, idx, options);
    const label = envOf(env).strings.headingLink || 'Link to this section';
    return `<a class="heading-anchor" href="#${escapeHtml(id)}" aria-label="${escapeHtml(label)}"></a>${self.renderToken(tokens, idx, options)}`;
  };
}

function addHeadingIds(state: StateCore): void {
  const env = envOf(state.env);
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== 'heading_open') continue;
    const text = plainText(tokens[i + 1]);
    env.slugger ??= new GithubSlugger();
    // Slugging a slug changes nothing, so the slugger only adds the uniqueness suffix. An id the
    // author gave (kramdown's `{: #id }`, kramdown-ial) wins over the one made from the text.
    const id = env.slugger.slug(open.attrGet('id') || slug(text) || FALLBACK_ID);
    open.attrSet('id', id);
    env.headings.push({ level: Number(open.tag.slice(1)), id, text });
  }
}

function plainText(inline: Token | undefined): string {
  let text = '';
  for (const child of inline?.children ?? []) {
    // A formula counts as its TeX source (math-syntax).
    if (child.type === 'text' || child.type === 'code_inline' || child.type === 'image' || child.type === 'math_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
  }
  return text.trim();
}
