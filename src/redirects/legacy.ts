// The old generator's addresses of every post (config `legacyPermalink`) → redirect pages, decided
// in the model stage beside the posts' own `aliases`. Unlike an alias, such an address is no line
// anyone wrote: one that another page, another post's old address or an alias already has is a
// warning naming both files, and no page is written there, since which post a reader meant is
// unknown. An old address that is the post's own new one needs no page.
import { displayPath, warning, type Diagnostic } from '../diagnostics.js';
import type { Post, Redirect, ResolvedConfig, Route } from '../types.js';
import { generatedOwner, outputKey } from '../urls/generated-paths.js';
import { expandedPathProblem, expandPermalink } from '../urls/permalink-pattern.js';
import { outputPathOf } from '../urls/site-paths.js';

const CODE = 'legacy-permalink';

/**
 * `posts` are the published posts, `postUrls` their site paths, `routes` every page of the site
 * and `aliases` the redirects the posts' front matter asks for (redirects/plan.ts).
 */
export function planLegacyRedirects(
  posts: readonly Post[],
  postUrls: ReadonlyMap<string, string>,
  routes: readonly Route[],
  aliases: readonly Redirect[],
  config: ResolvedConfig,
): { redirects: Redirect[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const redirects: Redirect[] = [];
  if (config.legacyPermalink.length === 0) return { redirects, diagnostics };
  const file = (post: Post) => displayPath(post.sourcePath, config.root);
  const byId = new Map(posts.map((post) => [post.id, post]));

  // Old address → the posts it would lead to, in id order (so reports do not depend on dates).
  const wanted = new Map<string, Array<{ post: Post; from: string; outputPath: string }>>();
  for (const post of [...posts].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const own = outputKey(outputPathOf(postUrls.get(post.id)!));
    for (const pattern of config.legacyPermalink) {
      if (pattern.lang !== undefined && pattern.lang !== post.lang) continue;
      const from = expandPermalink(pattern, post, config);
      const problem = expandedPathProblem(from);
      if (problem) {
        diagnostics.push(warning(post.sourcePath, `legacyPermalink "${pattern.text}" gives this post the old address ${from}, but ${problem}; no redirect is written there`, { code: CODE }));
        continue;
      }
      const outputPath = outputPathOf(from);
      const key = outputKey(outputPath);
      if (key === own) continue;
      const claims = wanted.get(key) ?? [];
      if (!claims.some((claim) => claim.post === post)) claims.push({ post, from, outputPath });
      wanted.set(key, claims);
    }
  }

  const pages = new Map(routes.map((route) => [outputKey(route.outputPath), route]));
  const aliased = new Map(aliases.map((redirect) => [outputKey(redirect.outputPath), redirect]));
  const skip = (post: Post, from: string, other: string) =>
    diagnostics.push(
      warning(post.sourcePath, `the old address ${from} (legacyPermalink) of this post is also ${other}; no redirect is written there`, {
        code: CODE,
        hint: 'links in posts to that address are left as written: point them at the post they mean',
      }),
    );
  /** What already has an output path, as a message names it: a post's page, another page, a generated file, an alias. */
  const ownerOf = (key: string, outputPath: string): string | undefined => {
    const page = pages.get(key);
    if (page?.kind === 'post') return `the address of ${file(byId.get(page.postIds[0]!)!)}`;
    if (page) return `the address of the page ${page.sitePath}`;
    const generated = generatedOwner(outputPath, config);
    if (generated) return generated;
    const alias = aliased.get(key);
    return alias && `an alias of ${file(byId.get(alias.postId)!)}`;
  };
  for (const [key, [first, ...others]] of wanted) {
    const { post, from, outputPath } = first!;
    if (others.length > 0) {
      skip(post, from, `the old address of ${others.map((other) => file(other.post)).join(', ')}`);
      continue;
    }
    const other = ownerOf(key, outputPath);
    if (other) skip(post, from, other);
    else redirects.push({ from, outputPath, postId: post.id, legacy: true });
  }
  return { redirects, diagnostics };
}
