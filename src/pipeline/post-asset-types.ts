// Which files a post may publish beside its page (post-assets.ts). Such a file is served from the
// site's own origin: an HTML, SVG or XML document or a script there runs with the site's cookies
// and storage, and a file a web host reads as configuration (`_redirects`, `_headers`, `CNAME`)
// reconfigures the whole site. So only types that browsers show but never run are copied, unless
// the site trusts its authors to run code (`trustedAssets`); host files, page names and hidden or
// device names are refused even then, and an SVG is only ever shown as an image.
import path from 'node:path';
import { reservedPathSegment } from '../content/reserved-names.js';

/**
 * Types served as what they are and never run: images, audio, video, PDF, archives, office
 * documents, and plain text, CSV and JSON, which browsers show as text (no host serves them as
 * HTML, and browsers do not sniff a text/plain or JSON response into a page).
 */
const INERT = new Set([
  // raster images
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'ico', 'tif', 'tiff',
  // audio and video
  'mp3', 'm4a', 'aac', 'ogg', 'oga', 'wav', 'flac', 'opus', 'mp4', 'm4v', 'webm', 'ogv', 'mov',
  // documents and archives
  'pdf', 'epub', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'zip', 'tar', 'gz', 'tgz', '7z', 'rar', 'bz2', 'xz',
  // plain data and subtitles
  'txt', 'csv', 'tsv', 'json', 'vtt', 'srt',
]);

/** Types a browser runs or renders as a document when opened: named in the message. */
const ACTIVE = new Set(['html', 'htm', 'xhtml', 'xht', 'shtml', 'svg', 'svgz', 'xml', 'xsl', 'xslt', 'js', 'mjs', 'cjs', 'css', 'wasm', 'swf']);

/**
 * Names web hosts read from the published folder as configuration — Netlify, Cloudflare Pages
 * and GitLab Pages (`_redirects`, `_headers`, `_routes.json`, `_worker.js`, which Cloudflare runs
 * as server code), GitHub Pages (`CNAME`), Vercel, Azure Static Web Apps — and the pages hosts
 * serve by name (`index.html` of a folder, `404.html`, which some hosts take from the closest
 * folder, Surge's `200.html`).
 */
const HOST_FILES = new Set(['_redirects', '_headers', '_routes.json', '_worker.js', 'cname', 'netlify.toml', 'vercel.json', 'staticwebapp.config.json']);
const PAGE_NAMES = new Set(['index.html', 'index.htm', '404.html', '200.html']);

/** Why a post may not publish the file at `rel` (relative to its page), and how to fix it. */
export interface AssetRefusal {
  reason: string;
  hint: string;
}

/**
 * Undefined when the file a post links may be copied beside its page; else why not. `kind` is how
 * it is linked: an image (`![](a.png)`, shown in an `<img>`, where no script runs) or a link.
 */
export function refuseAsset(rel: string, kind: 'image' | 'link', trusted: boolean): AssetRefusal | undefined {
  const reserved = reservedPathSegment(rel);
  if (reserved) return { reason: reserved, hint: 'rename it' };
  const shown = path.posix.basename(rel);
  const name = shown.toLowerCase();
  if (HOST_FILES.has(name)) {
    return { reason: `web hosts read ${shown} as the whole site's configuration`, hint: "the site's own host files belong in public/, which is copied as is" };
  }
  if (PAGE_NAMES.has(name)) {
    return { reason: `a file named ${shown} is served as a page of the site`, hint: 'rename it, or make it a post of its own' };
  }
  const type = path.posix.extname(name).slice(1);
  if (!trusted && !INERT.has(type)) {
    const what = type === '' ? 'it has no file extension' : ACTIVE.has(type) ? `a .${type} file can run code on the site` : `.${type} is not a type posts may publish`;
    return {
      reason: what,
      hint:
        'posts may publish images, audio, video, PDF, archives, office documents and plain text, CSV or JSON; ' +
        'put other files under public/, or set trustedAssets: true in the config if every author may run code on the site',
    };
  }
  if (kind === 'link' && (type === 'svg' || type === 'svgz')) {
    return {
      reason: 'a link opens an SVG as a page of the site, where its scripts run',
      hint: 'show it as an image, ![description](file.svg), or link a PNG or PDF of it',
    };
  }
  return undefined;
}
