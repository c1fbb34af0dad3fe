// links: Markdown links to other sites (absolute http(s) or protocol-relative URLs whose origin
// differs from the site's) get `rel="noopener"`; relative and same-origin links are untouched.
// `noreferrer` is deliberately not added: it would hide the referring post from the sites a
// blog links to. Needs: the site origin (option); wraps link_open.
import type MarkdownIt from 'markdown-it';
import { externalLinkTest } from '../url-policy.js';

export interface LinksOptions {
  /** Origin of the site (`https://example.org`), or `''` when unknown: then every absolute link is external. */
  siteOrigin: string;
}

export function linksPlugin(md: MarkdownIt, options: LinksOptions): void {
  const isExternal = externalLinkTest(options.siteOrigin);
  const linkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
    const token = tokens[idx]!;
    if (isExternal(token.attrGet('href') ?? '')) token.attrSet('rel', 'noopener');
    return linkOpen ? linkOpen(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
  };
}
