// base-path: root-relative link and image URLs (`/ko/posts/x/`, `/img/a.png`) get the site's base
// path (`/repo/`), so a post keeps working when the site is published under a sub-path — Jekyll
// and Hugo make authors write `{{ site.baseurl }}` / `relURL` for this. (Raw-HTML href/src get
// the same from the sanitizer.) Needs: the base path (option); wraps link_open and image.
import type MarkdownIt from 'markdown-it';
import { underBasePath } from '../../urls/hrefs.js';

export function basePathPlugin(md: MarkdownIt, options: { basePath: string }): void {
  if (options.basePath === '/') return;
  const rewrite = (attribute: string, rule: 'link_open' | 'image') => {
    const previous = md.renderer.rules[rule];
    md.renderer.rules[rule] = (tokens, idx, opts, env, self) => {
      const token = tokens[idx]!;
      const url = token.attrGet(attribute);
      if (url) token.attrSet(attribute, underBasePath(url, options.basePath));
      return previous ? previous(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
    };
  };
  rewrite('href', 'link_open');
  rewrite('src', 'image');
}
