// Every output path has one source. The model refuses pages and redirects in each other's places
// or in a generated file's; this checks every file actually made — pages, post assets, feeds,
// sitemap, theme files, the diagrams runtime, the search index — against the others and against
// public/, so that nothing replaces anything unnoticed, whatever made it: neither a file in
// another file's place, nor a file where another one needs a folder (`about` beside
// `about/index.html`, which no file system can hold). A collision is an error at the post that
// caused it (its `permalink:` or aliases line, or the line of the link), naming the other side;
// the later file is not written. Only a generated file over a public/ one is allowed: the
// generated file wins and `build` warns (write.ts), as the site's own choice.
import path from 'node:path';
import { displayPath, error, type Diagnostic } from '../diagnostics.js';
import type { OutputFile, OutputOrigin, Post, Redirect, Route, Site } from '../types.js';
import { foldersOf, outputKey } from '../urls/generated-paths.js';

/**
 * What took an output path first: a public/ file, an output with an origin, or (its path) any
 * other output. Never the output itself, which `build` must not keep in memory.
 */
type Claim = { public: true; path: string } | { public?: false; path: string; origin: OutputOrigin } | string;

/** A side of a collision as a message names it; `file` set when it is a post at fault. */
interface Side {
  what: string;
  file?: string;
  line?: number;
}

export class OutputClaims {
  /** Public/ files and outputs that are not pages of the model, by folded path. */
  private readonly files = new Map<string, Claim>();
  /** The folders those need, by folded path: the first claim that needed each. */
  private readonly folders = new Map<string, Claim>();
  private readonly found: Diagnostic[] = [];
  private readonly pages: PageIndex;
  /** 1 at the index of each route whose page was admitted. */
  private readonly pagesMade: Uint8Array;
  private redirects?: Map<string, Redirect>;
  /** A collision was found (and handed out by `diagnostics`). */
  private failed = false;

  /** `publicFiles`: public/ as output paths (`img/a.png`). */
  constructor(
    private readonly site: Site,
    publicFiles: Iterable<string>,
  ) {
    this.pages = pageIndex(site.routes);
    this.pagesMade = new Uint8Array(site.routes.length);
    for (const file of publicFiles) {
      const claim: Claim = { public: true, path: file };
      const key = outputKey(file);
      // A public/ file where a page needs a folder, or inside a page's file: neither can be copied.
      const pageFolder = this.pages.folders().get(key);
      if (pageFolder) this.collide(pageFolder.outputPath, claim, file, 'shape');
      const pageFile = foldersOf(key).map((folder) => this.pages.byKey.get(folder)).find((route) => route !== undefined);
      if (pageFile) this.collide(pageFile.outputPath, claim, pageFile.outputPath, 'shape');
      this.take(key, claim);
    }
  }

  /**
   * True when `file` may be written; false when another output or a public/ file has its place (an
   * error is noted), and for every file once a collision was found: the run fails, and a file
   * written after it could meet the other side on disk (a folder where a file goes).
   */
  admit(file: OutputFile): boolean {
    return this.check(file) && this.found.length === 0 && !this.failed;
  }

  private check(file: OutputFile): boolean {
    const claim: Claim = file.origin ? { path: file.path, origin: file.origin } : file.path;
    // A page of the model (the model stage checked pages against each other): only the other files
    // can be in its way, and they look for pages themselves. (A post's file is never a page, and a
    // page comes once: a second file at the same path takes the long way, and meets the page there.)
    const page = file.origin ? undefined : this.pages.at.get(file.path);
    if (page !== undefined && this.pagesMade[page] === 0) {
      this.pagesMade[page] = 1;
      const first = this.files.get(this.pages.keys[page]!);
      return first === undefined || this.collide(first, claim, file.path, 'same');
    }
    // A second page at a page's path: two posts the model gave one address, and reported with
    // both their names (a run going on past errors renders both); not written, not reported again.
    if (page !== undefined) return false;
    const key = outputKey(file.path);
    const same = this.pages.byKey.get(key)?.outputPath ?? this.files.get(key);
    if (same !== undefined) return this.collide(same, claim, file.path, 'same');
    // A folder of other files in its place, or another file in the place of one of its folders.
    const folder = this.pages.folders().get(key)?.outputPath ?? this.folders.get(key);
    if (folder !== undefined) return this.collide(folder, claim, file.path, 'shape');
    const segments = file.path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const at = segments.slice(0, depth).join('/');
      const other = this.pages.byKey.get(outputKey(at))?.outputPath ?? this.files.get(outputKey(at));
      if (other !== undefined) return this.collide(other, claim, at, 'shape');
    }
    this.take(key, claim);
    return true;
  }

  /** The collisions found since the last call. */
  diagnostics(): Diagnostic[] {
    this.failed ||= this.found.length > 0;
    return this.found.splice(0);
  }

  private take(key: string, claim: Claim): void {
    this.files.set(key, claim);
    for (const folder of foldersOf(key)) if (!this.folders.has(folder)) this.folders.set(folder, claim);
  }

  /**
   * `later` wants the place `earlier` has (`same`), or one of them needs as a folder what the other
   * is as a file (`shape`): true when it may have it anyway (a generated file over public/), else
   * an error is noted.
   */
  private collide(earlier: Claim, later: Claim, at: string, kind: 'same' | 'shape'): boolean {
    const first = this.side(earlier);
    const second = this.side(later);
    // The site's own public/ file under a generated one: the generated file wins (write.ts warns).
    if (kind === 'same' && typeof earlier !== 'string' && earlier.public && second.file === undefined) return true;
    const culprit = second.file !== undefined ? second : first.file !== undefined ? first : undefined;
    const other = culprit === second ? first : second;
    const { config } = this.site;
    const both = `${culprit?.what ?? first.what} and ${other.what}`;
    this.found.push(
      error(
        culprit?.file ?? config.configFile ?? path.join(config.root, 'omnipress.yml'),
        kind === 'same' ? `two files would be written to ${at}: ${both}` : `${at} would have to be both a file and a folder: ${both}`,
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
    if (route) return { what: `the generated page ${route.sitePath}` };
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

function where(post: Post, root: string, line: number | undefined): string {
  return `${displayPath(post.sourcePath, root)}${line === undefined ? '' : `:${line}`}`;
}

/** The pages of a model by folded output path, each route's index by its exact one, and the folders they need. */
interface PageIndex {
  byKey: Map<string, Route>;
  /** Route index by output path. */
  at: Map<string, number>;
  /** Folded output path by route index. */
  keys: string[];
  /** Folders the pages need (folded), each with the first route that needs it; built on first use. */
  folders(): Map<string, Route>;
}

/**
 * Built once per model: the dev server's patched models keep their routes, so a rebuild after an
 * edit looks each page up by the very path string it had, instead of folding thousands again.
 */
function pageIndex(routes: readonly Route[]): PageIndex {
  let index = pageIndexes.get(routes);
  if (!index) {
    const byKey = new Map<string, Route>();
    const at = new Map<string, number>();
    const keys: string[] = [];
    for (const [i, route] of routes.entries()) {
      const key = outputKey(route.outputPath);
      // Two routes in one place are the model's to report; the first one stands for the place.
      if (!byKey.has(key)) byKey.set(key, route);
      at.set(route.outputPath, i);
      keys.push(key);
    }
    let folders: Map<string, Route> | undefined;
    index = {
      byKey,
      at,
      keys,
      folders: () => {
        if (!folders) {
          folders = new Map();
          for (const [i, route] of routes.entries()) for (const folder of foldersOf(keys[i]!)) if (!folders.has(folder)) folders.set(folder, route);
        }
        return folders;
      },
    };
    pageIndexes.set(routes, index);
  }
  return index;
}
const pageIndexes = new WeakMap<readonly Route[], PageIndex>();
