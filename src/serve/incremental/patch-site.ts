// The dev server's model shortcut: after an edit that leaves every post's place in the site as it
// was, the previous site with the edited posts swapped in is the very site buildSite would build,
// at a fraction of its cost in a site of thousands of posts.
import type { Diagnostic } from '../../diagnostics.js';
import { addressShape, isPublished, modelShape } from '../../pipeline/model.js';
import type { PatchedModel } from '../../pipeline/since-last-run.js';
import type { Post, ResolvedConfig, Site } from '../../types.js';

/** A built site, with the posts it was built from: what `patchSite` starts from. */
export interface ModelMemo {
  allPosts: readonly Post[];
  site: Site;
  diagnostics: Diagnostic[];
}

/**
 * The dev server's model stage after an edit: when the same files parsed into posts that each
 * have the model fields they had before (and publication, which `now` can change, is the same),
 * the previous site is reused with the edited posts swapped in, instead of building the model of
 * thousands of posts again. `changed` holds the ids of the published posts that differ (by
 * object: the parse cache hands back the very same post for an unchanged file). Undefined when
 * the site's structure may have changed: the caller builds it afresh.
 */
export function patchSite(
  previous: ModelMemo,
  allPosts: readonly Post[],
  config: ResolvedConfig,
): PatchedModel | undefined {
  if (allPosts.length !== previous.allPosts.length) return undefined;
  const swapped = new Map<string, Post>();
  for (const [i, post] of allPosts.entries()) {
    const before = previous.allPosts[i]!;
    if (post.id !== before.id) return undefined;
    const published = isPublished(post, config);
    if (published !== previous.site.postsById.has(post.id)) return undefined;
    if (post === before) continue;
    const shape = modelShape(post);
    if (shape === undefined || shape !== modelShape(before)) return undefined;
    // The site's permalink patterns may read what the model fields leave out (`:slugified_title`).
    if (addressShape(post, config) !== addressShape(before, config)) return undefined;
    if (published) swapped.set(post.id, post);
  }
  const swap = (post: Post) => swapped.get(post.id) ?? post;
  const { site } = previous;
  const postsById = new Map(site.postsById);
  for (const [id, post] of swapped) postsById.set(id, post);
  return {
    site: {
      ...site,
      config,
      posts: swapped.size > 0 ? site.posts.map(swap) : site.posts,
      postsById,
      byLang: swapped.size > 0 ? new Map([...site.byLang].map(([lang, list]) => [lang, list.map(swap)])) : site.byLang,
    },
    diagnostics: previous.diagnostics,
    changed: new Set(swapped.keys()),
  };
}

