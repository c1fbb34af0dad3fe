// heading-ids: gives every heading an `id` from github-slugger, which keeps Hangul and Han
// (`## 모델 기능` → `id="모델-기능"`), unique within the post (`x`, `x-1`, `x-2`), and records
// {level, id, text} in env.headings for a table of contents. The slugger lives in env, so the
// suffixes restart for every post. Needs: nothing; runs last among core rules (after text_join).
import GithubSlugger, { slug } from 'github-slugger';
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { envOf } from '../env.js';

// For headings with nothing sluggable left (emoji only, punctuation only).
const FALLBACK_ID = 'heading';

export function headingIdsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('heading_ids', addHeadingIds);
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
