// The bodies of the render stage: each published post's Markdown once through markdown-it (or
// from the cache, keyed on everything the renderer is given), then the post's final body as the
// pages see it, after the build-mode diagram step may have replaced its HTML.
import type { Diagnostic } from '../../diagnostics.js';
import type { LinkRef, MarkdownRenderer, PostLookup } from '../../markdown/renderer.js';
import { buildPostLookup, referencesPosts } from '../../markdown/post-lookup.js';
import type { MarkdownStrings } from '../../markdown/strings.js';
import { firstPerLanguage } from '../../markdown/plugins/highlight.js';
import { needsMermaidRuntime } from '../../mermaid/diagram-step.js';
import type { RenderedBody } from '../../nunjucks/views.js';
import { oldAddresses, rewriteOldLinks } from '../../redirects/old-links.js';
import type { Post, Site } from '../../types.js';
import { hashText } from '../../util/hash.js';
import { prune, type MarkdownEntry, type PipelineCache, type RenderCounts, type RenderTools } from '../cache.js';
import { imageFilesUnchanged } from '../image-files.js';
import { relativeAssets } from '../post-assets.js';

/** Every published post's body, as markdown rendered it and as its page shows it. */
export interface Bodies {
  /** Post id → markdown's own result (rendered now or from the cache). */
  markdown: Map<string, MarkdownEntry>;
  /**
   * Post id → the body its page shows: a copy of markdown's, with links to old addresses
   * rewritten, which the build-mode diagram step (mermaid/build-mode.ts) changes in place.
   */
  final: Map<string, RenderedBody>;
  /** Hash of a post's final body HTML; asked only once the diagram step is done. */
  hash(id: string): string;
  /** Whether some final body still has a diagram for the browser to render (the mermaid runtime ships then). */
  needMermaidRuntime(): boolean;
  /** Whether some body has a code block (the copy button's script ships then). */
  haveCode(): boolean;
  /** Post id → the Markdown links and images of its body. */
  links(): Map<string, LinkRef[]>;
}

/** Markdown once per published post; `tick` after each. */
export function renderBodies(
  site: Site,
  tools: RenderTools,
  options: { cache?: PipelineCache; counts: RenderCounts; diagnostics: Diagnostic[]; tick: () => void },
): Bodies {
  const { cache, counts, diagnostics, tick } = options;
  const markdown = new Map<string, MarkdownEntry>();
  const final = new Map<string, RenderedBody>();
  const used = new Set<string>();
  const inputs = bodyInputs(site, tools.strings);
  const found: Diagnostic[] = [];
  // Links to old addresses are rewritten after markdown, on every build (redirects/old-links.ts).
  const addresses = oldAddresses(site);
  // Links to old addresses written in full with the site's own host count too.
  const host = /^https?:\/\/([^/?#]+)/i.exec(site.config.baseUrl)?.[1]?.toLowerCase() ?? '';
  for (const post of site.posts) {
    const entry = renderBody(tools.markdown, post, found, counts, cache, used, inputs);
    markdown.set(post.id, entry);
    // The cover too is copied: the variants step may drop its picture.
    final.set(post.id, { ...entry.body, html: rewriteOldLinks(entry.body.html, addresses, site.config.basePath, host), ...(entry.body.cover && { cover: { ...entry.body.cover } }) });
    tick();
  }
  // An unknown code language is named once a build, however many posts use it.
  diagnostics.push(...found.filter(firstPerLanguage()));
  if (cache) prune(cache.markdown, used);
  const hashes = new Map<string, string>();
  return {
    markdown,
    final,
    hash(id) {
      let hash = hashes.get(id);
      if (hash === undefined) {
        const html = final.get(id)?.html ?? '';
        const original = markdown.get(id);
        // Markdown's own hash unless a later step (old links, diagrams, image variants) replaced
        // the HTML; the cover's size and variants are shown by the page too.
        hash = original && original.body.html === html ? original.htmlHash : hashText(html);
        const cover = final.get(id)?.cover;
        if (cover) hash += `\0${cover.width}x${cover.height}${cover.picture ? `\0${cover.picture.srcset}\0${cover.picture.sizes}` : ''}`;
        hashes.set(id, hash);
      }
      return hash;
    },
    needMermaidRuntime() {
      // Asked of markdown's own HTML once, when it was rendered; again only where the diagram step replaced it.
      const needs = (id: string, body: RenderedBody) => {
        const original = markdown.get(id);
        return original && original.body.html === body.html ? original.mermaidRuntime : needsMermaidRuntime(body.html);
      };
      return [...final].some(([id, body]) => needs(id, body));
    },
    haveCode: () => [...final.values()].some((body) => body.code === true),
    links: () => new Map([...markdown].map(([id, entry]) => [id, entry.links])),
  };
}

/**
 * Everything the markdown renderer is given for a post besides the config: its text (post.hash),
 * where the file is (diagnostics, relative references), the UI strings it may show and, when it
 * links other posts by name, the cross-post lookup. A new input must join this key, as a hash of
 * what the renderer receives (cache.ts `markdown`).
 */
function markdownKey(post: Post, inputs: BodyInputs, references: boolean): string {
  return `${post.hash}\0${post.sourcePath}\0${inputs.stringsHash}${references ? `\0${inputs.lookupHash()}` : ''}`;
}

/**
 * The markdown key of a body that names no other post, built once per post and UI strings: the
 * dev server hands back the same post for an unchanged file, and the same key string is cheap to
 * look up again (its hash is kept) where thousands of new ones are not.
 */
const ownKeys = new WeakMap<Post, { stringsHash: string; key: string }>();
function ownMarkdownKey(post: Post, inputs: BodyInputs): string {
  let own = ownKeys.get(post);
  if (own?.stringsHash !== inputs.stringsHash) {
    own = { stringsHash: inputs.stringsHash, key: markdownKey(post, inputs, false) };
    ownKeys.set(post, own);
  }
  return own.key;
}

/**
 * referencesPosts of a post's body, once per post: the dev server hands back the same post for an
 * unchanged file, and scanning every body again on every rebuild would cost more than the edit.
 */
const referencing = new WeakMap<Post, boolean>();
function bodyReferencesPosts(post: Post): boolean {
  let references = referencing.get(post);
  if (references === undefined) {
    references = referencesPosts(post.body);
    referencing.set(post, references);
  }
  return references;
}

/** What a body that names no other post is given instead of the lookup (the key above says it cannot use one). */
const NO_LOOKUP: PostLookup = { byPath: {}, byName: {} };

/** One post's body: from the cache when its key is there, else through markdown-it. */
function renderBody(
  markdown: MarkdownRenderer,
  post: Post,
  diagnostics: Diagnostic[],
  counts: RenderCounts,
  cache: PipelineCache | undefined,
  used: Set<string>,
  inputs: BodyInputs,
): MarkdownEntry {
  const references = bodyReferencesPosts(post);
  const key = references ? markdownKey(post, inputs, true) : ownMarkdownKey(post, inputs);
  let entry = cache?.markdown.get(key);
  // The key holds the post's text, not its images: the entry stands only while they are the files it measured.
  if (entry && entry.imageFiles.length > 0 && !imageFilesUnchanged(entry.imageFiles, inputs.stamps)) entry = undefined;
  if (!entry) {
    // With a cache the lookup (every post) is built only for a body that uses it: the key of any
    // other body says it cannot.
    const lookup = cache && !references ? NO_LOOKUP : inputs.lookup();
    const rendered = markdown.render(post.body, {
      file: post.sourcePath,
      bodyLine: post.bodyLine,
      id: post.id,
      lang: post.lang,
      lookup,
      mediaPath: post.mediaPath,
      image: post.image,
      imageLine: post.keyLines.image ?? post.keyLines.cover,
    });
    counts.markdownRenders++;
    entry = {
      body: { html: rendered.html, headings: rendered.headings, diagrams: rendered.diagrams, ...(rendered.hasCode && { code: true }), ...(rendered.cover && { cover: rendered.cover }) },
      diagnostics: rendered.diagnostics,
      links: rendered.links,
      relativeAssets: relativeAssets(rendered.links),
      htmlHash: hashText(rendered.html),
      mermaidRuntime: needsMermaidRuntime(rendered.html),
      imageFiles: rendered.imageFiles,
      pictures: rendered.pictures,
    };
    cache?.markdown.set(key, entry);
  }
  used.add(key);
  diagnostics.push(...entry.diagnostics);
  return entry;
}

/** What a body depends on besides its own text and path: plain data, and hashes for cache keys. */
interface BodyInputs {
  /** Other posts by path and name ({% post_link %}, {{< ref >}}), built on first use. */
  lookup: () => PostLookup;
  /** Its hash, computed only if some post links others by name. */
  lookupHash: () => string;
  /** Hash of the UI strings bodies show (callout and video labels). */
  stringsHash: string;
  /** Image files' stamps taken in this run (image-files.ts imageFilesUnchanged). */
  stamps: Map<string, string>;
}

function bodyInputs(site: Site, strings: MarkdownStrings): BodyInputs {
  let lookup: PostLookup | undefined;
  let hash: string | undefined;
  const lookupOf = () => (lookup ??= buildPostLookup(site));
  return {
    lookup: lookupOf,
    lookupHash: () => (hash ??= hashText(JSON.stringify(lookupOf()))),
    stringsHash: hashText(JSON.stringify(strings)),
    stamps: new Map(),
  };
}

