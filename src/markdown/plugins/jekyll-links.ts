// jekyll-links: Jekyll's links to other posts, as Markdown link destinations:
//   [text]({% post_url 2024-05-14-hello %}), [text]({% link _posts/2024-05-14-hello.md %}),
//   also behind {{ site.baseurl }} / {{ site.url }}{{ site.baseurl }} (base-path adds the base).
// They become the post's site path; a name no post has is an error naming the line (code
// `post-link`). Anywhere else these tags stay text and liquid-tags reports them. Tags in code
// spans are never read (fences and indented code never reach inline tokens).
// Needs: env.lookup; runs before inline parsing.
import type MarkdownIt from 'markdown-it';
import type { StateCore } from 'markdown-it';
import { error } from '../../diagnostics.js';
import { rewriteTagDestinations } from '../block-tags.js';
import { envOf } from '../env.js';
import { fragmentOf, resolvePostRef } from '../post-lookup.js';

const DESTINATION =
  /\]\(\s*(?:\{\{-?\s*site\.url\s*-?\}\})?(?:\{\{-?\s*site\.baseurl\s*-?\}\})?\/?\{%-?\s*(post_url|link)\s+([^\s%]+)\s*-?%\}(#[^\s)]*)?\s*\)/;

export function jekyllLinksPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'jekyll_links', postUrls);
}

function postUrls(state: StateCore): void {
  if (!state.src.includes('{%')) return;
  const env = envOf(state.env);
  rewriteTagDestinations(state, DESTINATION, (match, line) => {
    const [, tag, name = '', anchor = ''] = match;
    // `{% link %}` names the file from the site root (`_posts/…`); the posts folder is that `_posts`.
    const ref = tag === 'link' ? name.replace(/^\/?_posts\//, '') : name;
    const target = resolvePostRef(env.lookup, ref, env.id, env.lang);
    if (!target) {
      env.diagnostics.push(
        error(env.file, `{% ${tag} ${name} %} names no post`, {
          line,
          code: 'post-link',
          hint: `${tag} takes the linked post's file name (2024-05-14-hello) or its path under _posts/; drafts and future posts are only there when the build includes them (--drafts, --future)`,
        }),
      );
    }
    return target && target.url + (anchor || fragmentOf(name));
  });
}
