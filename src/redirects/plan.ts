// Old addresses of posts (Hugo `aliases`, Jekyll `redirect_from`) → redirect pages, decided in the
// model stage so that every problem is known before anything is rendered: an address that would
// leave the output folder is refused, and one that another page or redirect already takes is an
// error naming the post and the line of its key.
import { normalizePermalink } from '../content/permalink.js';
import { displayPath, error, type Diagnostic } from '../diagnostics.js';
import type { Post, Redirect, ResolvedConfig, Route } from '../types.js';
import { generatedOwner, outputKey } from '../urls/generated-paths.js';
import { outputPathOf } from '../urls/site-paths.js';

/**
 * `posts` are the published posts, `postUrls` their site paths, `routes` every page of the site.
 * A relative address (`old-name`) is taken relative to the post's own folder (`/ko/posts/`), as
 * Hugo does; an absolute one (`/2024/05/old-name/`) is a site path under the base path.
 */
export function planRedirects(
  posts: readonly Post[],
  postUrls: ReadonlyMap<string, string>,
  routes: readonly Route[],
  config: ResolvedConfig,
): { redirects: Redirect[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const redirects: Redirect[] = [];
  const taken = new Map<string, string>(routes.map((route) => [outputKey(route.outputPath), `the page ${route.sitePath}`]));
  // In id order, so which of two colliding posts is reported does not depend on dates.
  for (const post of [...posts].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const key = Object.hasOwn(post.data, 'aliases') ? 'aliases' : 'redirect_from';
    const fail = (message: string, hint?: string) =>
      diagnostics.push(error(post.sourcePath, message, { line: post.keyLines[key], hint, code: 'redirect' }));
    const target = postUrls.get(post.id)!;
    for (const written of post.redirectFrom ?? []) {
      const folder = target.replace(/[^/]*\/?$/, '');
      const normalized = normalizePermalink(written.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(written) ? written : `${folder}${written}`);
      if ('error' in normalized) {
        fail(`${key}: ${normalized.error.replace(/^permalink/, 'address')}`, 'write an address on this site, such as /2024/05/old-name/');
        continue;
      }
      const from = normalized.path;
      const outputPath = outputPathOf(from);
      const outKey = outputKey(outputPath);
      const owner = taken.get(outKey) ?? generatedOwner(outputPath, config);
      if (owner) {
        fail(`${key}: the old address ${from} is already taken by ${owner}`, 'remove it, or change the address of the other page');
        continue;
      }
      taken.set(outKey, `the redirect from ${displayPath(post.sourcePath, config.root)}`);
      redirects.push({ from, outputPath, postId: post.id });
    }
  }
  return { redirects, diagnostics };
}
