// media-subpath: Chirpy's `media_subpath` (`img_path` before Chirpy 7) front matter prefixes every
// relative image of the post, so `![a](cam.png)` with `media_subpath: /assets/img/posts/` shows
// `/assets/img/posts/cam.png`. Without it, such images would be looked for beside the post, be
// reported missing, and break. Root-relative and absolute URLs are left alone, as in Chirpy.
// Needs: env.mediaPath. Runs after inline parsing and kramdown-ial (pushed before link-refs, so
// the recorded image URL, the copied assets and `omnipress check` all see the prefixed URL;
// base-path then moves a root-relative result under the site's base path).
import type MarkdownIt from 'markdown-it';
import type { StateCore } from 'markdown-it';
import { envOf } from '../env.js';

const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i;

export function mediaSubpathPlugin(md: MarkdownIt): void {
  md.core.ruler.push('media_subpath', (state: StateCore) => {
    const prefix = envOf(state.env).mediaPath;
    if (!prefix) return;
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        if (child.type !== 'image') continue;
        const src = child.attrGet('src');
        if (src && !ABSOLUTE.test(src)) child.attrSet('src', underPrefix(prefix, src, md));
      }
    }
  });
}

/** `/assets/img/` + `./cam.png` → `/assets/img/cam.png`; the prefix is normalized like a Markdown URL. */
function underPrefix(prefix: string, src: string, md: MarkdownIt): string {
  return `${md.normalizeLink(prefix.trim()).replace(/\/+$/, '')}/${src.replace(/^(?:\.\/)+/, '')}`;
}
