// Which routes a dev-server run looks at. After an edit that only swapped posts into the last
// model (patch-site.ts), a route can differ from its last page only if it shows a changed post,
// has no model inputs of its own, or is a post page whose body changed: the last run's pages
// stand for all the others, so a one-post save looks at a few dozen routes of thousands.
import type { RenderTools } from '../../pipeline/cache.js';
import type { PagePlan } from '../../pipeline/since-last-run.js';
import { hasInputs, routesShowing } from '../../nunjucks/page-fingerprint.js';
import type { OutputFile, Route, Site } from '../../types.js';

/** The pages of one dev-server run, in render order. */
export interface LastPages {
  /** The routes in render order (the same array while the model is patched). */
  order: readonly Route[];
  /** The renderer and templates they were made with. */
  tools: RenderTools;
  /** The page of each route, at the same index. */
  files: (OutputFile | undefined)[];
  /** Output path → HTML hash of post pages (search keys on them). */
  hashes: Map<string, string>;
  /** Post id → hash of the final body its page was rendered with. */
  bodies: Map<string, string>;
}

/** Which routes show each post (nunjucks/page-fingerprint.ts routesShowing), for one set of routes. */
export interface RoutesShowing {
  routes: readonly Route[];
  byPost: Map<string, Route[]>;
}

/** What the plan reads of the dev server's memory, and how it keeps what this run makes. */
export interface PagePlanMemory {
  pages?: LastPages;
  showing?: RoutesShowing;
}

/**
 * The plan for one run. `changedPosts` is set when the model was patched; without it every route
 * is looked at. The last pages stand in only when made with the same routes and the same tools
 * (a template change makes new tools).
 */
export function planPages(
  memory: PagePlanMemory,
  site: Site,
  order: readonly Route[],
  tools: RenderTools,
  changedPosts: ReadonlySet<string> | undefined,
  bodyHash: (id: string) => string,
): PagePlan {
  const recheck = changedPosts ? routesToRecheck(memory, site, changedPosts) : undefined;
  const lastPages = memory.pages;
  const last = recheck && lastPages?.order === order && lastPages.tools === tools ? lastPages : undefined;
  const bodies = postBodyHashes(order, bodyHash);
  return {
    recheck,
    last,
    todo: last ? routesToRedo(order, recheck!, last, bodies) : order.keys(),
    finish(made) {
      memory.pages = made && { order, tools, files: made.files, hashes: made.hashes, bodies };
    },
  };
}

/**
 * Indexes (in render order) of the routes a patched run must look at: those rechecked, those
 * without inputs (their context is always hashed), post pages whose body is not the one it had (a
 * body naming other posts follows their titles), and routes the last run has no page for.
 */
function routesToRedo(order: readonly Route[], recheck: ReadonlySet<Route>, last: LastPages, bodies: ReadonlyMap<string, string>): number[] {
  const todo: number[] = [];
  for (const [at, route] of order.entries()) {
    const redo =
      last.files[at] === undefined ||
      recheck.has(route) ||
      !hasInputs(route) ||
      (route.kind === 'post' && last.bodies.get(route.postIds[0]!) !== bodies.get(route.postIds[0]!));
    if (redo) todo.push(at);
  }
  return todo;
}

/** Post id → hash of its final body, for the post pages in `order`. */
function postBodyHashes(order: readonly Route[], bodyHash: (id: string) => string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const route of order) if (route.kind === 'post') hashes.set(route.postIds[0]!, bodyHash(route.postIds[0]!));
  return hashes;
}

/**
 * The routes whose inputs may differ from the previous run's after `changed` posts were swapped
 * into an otherwise unchanged model: those showing one of them. (Routes of kinds without inputs
 * are looked at anyway: routesToRedo.)
 */
function routesToRecheck(memory: PagePlanMemory, site: Site, changed: ReadonlySet<string>): Set<Route> {
  if (memory.showing?.routes !== site.routes) memory.showing = { routes: site.routes, byPost: routesShowing(site) };
  const routes = new Set<Route>();
  for (const id of changed) for (const route of memory.showing.byPost.get(id) ?? []) routes.add(route);
  return routes;
}
