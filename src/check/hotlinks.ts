// Images a site shows from other sites' servers ("hot-linked"): they stay remote (no network at
// build time), so each host is one the site's readers depend on and tell nothing (the images are
// sent no referrer). `omnipress check` lists every such host once, with how many images it
// serves and where the first one is, so an editor can decide to copy them into the site.
import { displayPath, info, type Diagnostic } from '../diagnostics.js';
import type { LinkRef } from '../markdown/renderer.js';
import { externalLinkTest } from '../markdown/url-policy.js';
import type { Site } from '../types.js';
import { plural } from '../util/plural.js';

/** One note per host the published posts' images come from. */
export function hotlinkedHosts(site: Site, links: ReadonlyMap<string, readonly LinkRef[]>): Diagnostic[] {
  const { config } = site;
  const isExternal = externalLinkTest(config.baseUrl ? new URL(config.baseUrl).origin : '');
  const hosts = new Map<string, { count: number; first: string }>();
  for (const post of site.posts) {
    for (const link of links.get(post.id) ?? []) {
      if (link.kind !== 'image' || !isExternal(link.url)) continue;
      const host = hostOf(link.url);
      if (host === undefined) continue;
      const known = hosts.get(host);
      if (known) known.count++;
      else hosts.set(host, { count: 1, first: `${displayPath(post.sourcePath, config.root)}:${link.line}` });
    }
  }
  return [...hosts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([host, { count, first }]) =>
      info(config.root, `${plural(count, 'image')} hot-linked from ${host}`, {
        hint: `first in ${first}; they load from that host, not from the site: copy them into public/ (or beside the post) to keep them if it changes or goes away`,
      }),
    );
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url, 'https://site.invalid').host || undefined;
  } catch {
    return undefined;
  }
}
