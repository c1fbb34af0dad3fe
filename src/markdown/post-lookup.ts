// The cross-post lookup that Hexo's `{% post_link %}` and Hugo's `{{< ref >}}` / `{{< relref >}}`
// resolve against. It is built once per build from the site model and handed to every render as
// plain, serializable data: a rendered body then depends only on its text, its path, the config
// and this object, so renders can run in workers and be cached by those keys.
import path from 'node:path';
import type { Lang, Site } from '../types.js';
import { postSitePath } from '../urls/site-paths.js';

/** A post as a link target. */
export interface LinkTarget {
  /** Site path, not percent-encoded, without the base path (`/ko/posts/slug/`). */
  url: string;
  title: string;
  lang: Lang;
  /** Source path relative to the posts folder (`Post.id`). */
  id: string;
}

/** Every published post under the names authors use for it. Plain data. */
export interface PostLookup {
  /** `Post.id` (`ko/2024-05-14-hello.md`, `posts/bundle/index.md`) → target. */
  byPath: Record<string, LinkTarget>;
  /**
   * Short names → targets (several when translations share a name): the file name without
   * extension, without a `YYYY-MM-DD-` prefix, a leaf bundle's folder name, and the slug.
   */
  byName: Record<string, LinkTarget[]>;
}

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;
const MARKDOWN = /\.(md|markdown)$/i;

export function buildPostLookup(site: Site): PostLookup {
  const byPath: Record<string, LinkTarget> = {};
  const byName: Record<string, LinkTarget[]> = {};
  const add = (name: string, target: LinkTarget) => {
    const list = (byName[name] ??= []);
    if (!list.includes(target)) list.push(target);
  };
  for (const post of site.posts) {
    const target: LinkTarget = { url: site.postUrls.get(post.id) ?? postSitePath(post, site.config), title: post.title, lang: post.lang, id: post.id };
    byPath[post.id] = target;
    const base = path.posix.basename(post.id).replace(MARKDOWN, '');
    if (base === 'index' || base === '_index') {
      const folder = path.posix.basename(path.posix.dirname(post.id));
      if (folder && folder !== '.') add(folder, target);
    } else {
      add(base, target);
      add(base.replace(DATE_PREFIX, ''), target);
    }
    add(post.slug, target);
  }
  return { byPath, byName };
}

/**
 * The post a reference names, seen from the post `fromId` in language `lang`: first as a path
 * (relative to the referring post's folder, then to the posts folder, with or without `.md`, a
 * bundle folder meaning its `index.md`), then as a short name, preferring the referring post's
 * language when several posts share the name.
 */
export function resolvePostRef(lookup: PostLookup | undefined, ref: string, fromId: string, lang: Lang | undefined): LinkTarget | undefined {
  if (!lookup) return undefined;
  const clean = ref.trim().replace(/#.*$/, '').normalize('NFC');
  if (clean === '') return undefined;
  const dir = path.posix.dirname(fromId);
  const relative = clean.startsWith('/') ? [] : [path.posix.join(dir, clean)];
  for (const candidate of [...relative, clean.replace(/^\/+/, '')]) {
    const normal = path.posix.normalize(candidate).replace(/\/+$/, '');
    for (const id of [normal, `${normal}.md`, `${normal}.markdown`, `${normal}/index.md`, `${normal}/_index.md`]) {
      const hit = lookup.byPath[id];
      if (hit) return hit;
    }
  }
  const name = path.posix.basename(clean.replace(/\/+$/, '')).replace(MARKDOWN, '');
  const named = lookup.byName[name] ?? lookup.byName[name.replace(DATE_PREFIX, '')] ?? [];
  return named.find((target) => target.lang === lang) ?? named[0];
}

/** Whether a body may reference other posts by name (and its HTML then depends on the lookup). */
export function referencesPosts(body: string): boolean {
  return /\{%-?\s*(?:post_(?:link|path|url)|link)\b|\{\{[<%]\s*(?:rel)?ref\b/.test(body);
}

/** The `#anchor` of a reference (`x.md#setup` → `#setup`), kept on the link; '' when none. */
export function fragmentOf(ref: string): string {
  const at = ref.indexOf('#');
  return at === -1 ? '' : ref.slice(at);
}
