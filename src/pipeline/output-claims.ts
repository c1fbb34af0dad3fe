// Every output path has one source. The model refuses pages and redirects in each other's places
// or in a generated file's; this checks every file actually made — pages, post assets, feeds,
// sitemap, theme files, the diagrams runtime, the search index — against the others and against
// public/, so that nothing replaces anything unnoticed, whatever made it. A collision is an error
// at the post that caused it (its `permalink:` or aliases line, or the line of the link), naming
// the other side; the later file is not written. Only a generated file over a public/ one is
// allowed: the generated file wins and `build` warns (write.ts), as the site's own choice.
import path from 'node:path';
import { displayPath, error, type Diagnostic } from '../diagnostics.js';
import type { OutputFile, OutputOrigin, Post, Redirect, Route, Site } from '../types.js';
import { outputKey } from './generated-paths.js';

/**
 * What took an output path first: a public/ file, an output with an origin, or (its path) any
 * other output. Never the output itself, which `build` must not keep in memory.
 */
type Claim = { public: true; path: string } | { public?: false; path: string; origin: OutputOrigin } | string;

/** A side of a collision as a message names it; `file` set when it is a post (or template) at fault. */
interface Side {
  what: string;
  file?: string;
  line?: number;
}

export class OutputClaims {
  /** Public/ files and outputs that are not pages of the model, by folded path. */
  private readonly claims = new Map<string, Claim>();
  private readonly found: Diagnostic[] = [];
  private readonly pages: PageIndex;
  /** 1 at the index of each route whose page was admitted. */
  private readonly pagesMade: Uint8Array;
  private redirects?: Map<string, Redirect>;

  /** `publicFiles`: public/ as output paths (`img/a.png`). */
  constructor(
    private readonly site: Site,
    publicFiles: Iterable<string>,
  ) {
    this.pages = pageIndex(site.routes);
    this.pagesMade = new Uint8Array(site.routes.length);
    for (const file of publicFiles) this.claims.set(outputKey(file), { public: true, path: file });
  }

  /** True when `file` may be written; false when another output or a public/ file has its path (an error is noted). */
  admit(file: OutputFile): boolean {
    const claim: Claim = file.origin ? { path: file.path, origin: file.origin } : file.path;
    // A page of the model (the model stage checked pages against each other): only the others can
    // be in its way. (A post's file is never a page, and a page comes once: a second file at the
    // same path takes the long way, and meets the page there.)
    const page = file.origin ? undefined : this.pages.at.get(file.path);
    if (page !== undefined && this.pagesMade[page] === 0) {
      this.pagesMade[page] = 1;
      const first = this.claims.get(this.pages.keys[page]!);
      return first === undefined || this.collide(first, claim, file.path);
    }
    const key = outputKey(file.path);
    const first = this.pages.byKey.get(key)?.outputPath ?? this.claims.get(key);
    if (first === undefined) {
      this.claims.set(key, claim);
      return true;
    }
    return this.collide(first, claim, file.path);
  }

  /** The collisions found since the last call. */
  take(): Diagnostic[] {
    return this.found.splice(0);
  }

  /** `later` wants the place `earlier` has: true when it may have it anyway (a generated file over public/), else an error is noted. */
  private collide(earlier: Claim, later: Claim, outputPath: string): boolean {
    const first = this.side(earlier);
    const second = this.side(later);
    // The site's own public/ file under a generated one: the generated file wins (write.ts warns).
    if (typeof earlier !== 'string' && earlier.public && second.file === undefined) return true;
    const culprit = second.file !== undefined ? second : first.file !== undefined ? first : undefined;
    const other = culprit === second ? first : second;
    const { config } = this.site;
    this.found.push(
      error(
        culprit?.file ?? config.configFile ?? path.join(config.root, 'omnipress.yml'),
        `two files would be written to ${outputPath}: ${culprit?.what ?? first.what} and ${other.what}`,
        { line: culprit?.line, hint: 'change the permalink, the address or the file name on this side' },
      ),
    );
    return false;
  }

  private side(claim: Claim): Side {
    const { config } = this.site;
    if (typeof claim !== 'string') {
      return claim.public ? { what: `the file public/${claim.path}` } : { what: claim.origin.what, file: claim.origin.file, line: claim.origin.line };
    }
    const route = this.pages.byKey.get(outputKey(claim));
    const post = route?.kind === 'post' ? this.site.postsById.get(route.postIds[0]!) : undefined;
    if (post) {
      const key = post.permalink !== undefined ? 'permalink' : 'slug';
      const line = post.keyLines[key];
      return { what: `the page of ${where(post, config.root, line)}`, file: post.sourcePath, line };
    }
    if (route) return { what: `the generated page ${route.url}` };
    this.redirects ??= new Map(this.site.redirects.map((redirect) => [redirect.outputPath, redirect]));
    const redirect = this.redirects.get(claim);
    const from = redirect && this.site.postsById.get(redirect.postId);
    if (redirect && from) {
      const line = from.keyLines[Object.hasOwn(from.data, 'aliases') ? 'aliases' : 'redirect_from'];
      return { what: `the redirect page ${redirect.from} of ${where(from, config.root, line)}`, file: from.sourcePath, line };
    }
    return { what: `the generated file /${claim}` };
  }
}

/** The pages of a model by folded output path, and each route's index by its exact one. */
interface PageIndex {
  byKey: Map<string, Route>;
  /** Route index by output path. */
  at: Map<string, number>;
  /** Folded output path by route index. */
  keys: string[];
}

/**
 * Built once per model: the dev server's patched models keep their routes, so a rebuild after an
 * edit looks each page up by the very path string it had, instead of folding thousands again.
 */
function pageIndex(routes: readonly Route[]): PageIndex {
  let index = pageIndexes.get(routes);
  if (!index) {
    index = { byKey: new Map(), at: new Map(), keys: [] };
    for (const [at, route] of routes.entries()) {
      const key = outputKey(route.outputPath);
      // Two routes in one place are the model's to report; the first one stands for the place.
      if (!index.byKey.has(key)) index.byKey.set(key, route);
      index.at.set(route.outputPath, at);
      index.keys.push(key);
    }
    pageIndexes.set(routes, index);
  }
  return index;
}
const pageIndexes = new WeakMap<readonly Route[], PageIndex>();

function where(post: Post, root: string, line: number | undefined): string {
  return `${displayPath(post.sourcePath, root)}${line === undefined ? '' : `:${line}`}`;
}
