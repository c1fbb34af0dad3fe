// node:http over the dev server's in-memory outputs: clean URLs, the site's 404 page, public/ files
// from disk, path safety, the live-reload events and the error overlay. Serves nothing but the
// outputs and public/: no `..`, no encoded slashes, no symlink out of public/.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import { PAGEFIND_DIR } from '../search/index.js';
import type { ResolvedConfig } from '../types.js';
import { escapeHtml } from '../util/html-escape.js';
import { isInside } from '../util/paths.js';

/** Where the dev server's own endpoints live; never a path a site can have (`__` is not a slug). */
export const DEV_PREFIX = '/__omnipress/';
const CLIENT_PATH = `${DEV_PREFIX}client.js`;
const EVENTS_PATH = `${DEV_PREFIX}events`;
const CLIENT_SOURCE = fileURLToPath(new URL('../../client/live-reload.js', import.meta.url));

/** Content types by file extension; the browser tests' static host uses the same table. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** What the request handler reads from the dev server on every request. */
export interface ServedSite {
  config(): ResolvedConfig;
  /** The latest good outputs by output path. */
  files(): ReadonlyMap<string, string | Uint8Array>;
  /** The latest build's number, for clients that reconnect. */
  build(): number;
  /** Errors of the latest build: shown as an overlay on every page until fixed. */
  errors(): readonly Diagnostic[];
  /** Settles when the search index (`pagefind/`) is that of the latest build; it is built on demand. */
  searchReady?(): Promise<void>;
}

/** Connected browsers; `send` pushes one event to all of them. */
export class EventHub {
  private readonly clients = new Set<http.ServerResponse>();

  add(res: http.ServerResponse, hello: object): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`retry: 500\n\n`);
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    this.write(res, 'hello', hello);
  }

  send(event: string, data: object): void {
    for (const res of this.clients) this.write(res, event, data);
  }

  get size(): number {
    return this.clients.size;
  }

  closeAll(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(res: http.ServerResponse, event: string, data: object): void {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
}

export function createHandler(site: ServedSite, hub: EventHub, boundHost = '127.0.0.1'): http.RequestListener {
  const client = fs.readFileSync(CLIENT_SOURCE);
  const hostAllowed = allowedHostTest(boundHost);
  return (req, res) => {
    const send = (status: number, body: string | Uint8Array, type: string, headers: http.OutgoingHttpHeaders = {}) => {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      res.writeHead(status, { 'content-type': type, 'content-length': bytes.byteLength, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : bytes);
    };
    // A page on another site can point its own name at 127.0.0.1 (DNS rebinding) and read drafts
    // through the reader's browser: only names that mean this computer, or the bound one, get an answer.
    if (!hostAllowed(req.headers.host)) {
      return send(403, `host ${JSON.stringify(req.headers.host ?? '')} is not allowed: open the address omnipress serve printed\n`, CONTENT_TYPES['.txt']!);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', CONTENT_TYPES['.txt']!, { allow: 'GET, HEAD' });
    const raw = (req.url ?? '/').split(/[?#]/)[0]!;
    const query = (req.url ?? '').slice(raw.length);
    if (raw === CLIENT_PATH) return send(200, client, CONTENT_TYPES['.js']!);
    if (raw === EVENTS_PATH) return hub.add(res, { build: site.build(), overlay: overlayHtml(site.errors(), site.config().root, site.files().size > 0) });

    const page = (status: number, content: string | Uint8Array) =>
      send(status, injectDevScripts(Buffer.from(content).toString('utf8'), site.errors(), site.config().root, site.files().size > 0), CONTENT_TYPES['.html']!);
    const files = site.files();
    // Before the first good build there is nothing to serve but the overlay.
    if (files.size === 0) return page(500, '<!doctype html><html><head><meta charset="utf-8"><title>omnipress: build failed</title></head><body></body></html>');

    const target = resolvePath(raw, site.config());
    if (target.status === 301) return send(301, '', CONTENT_TYPES['.txt']!, { location: `${target.location}${query}` });
    if (target.status !== 200) {
      const notFound = files.get('404.html');
      if (target.status === 404 && notFound) return page(404, notFound);
      return send(target.status, `${http.STATUS_CODES[target.status]}\n`, CONTENT_TYPES['.txt']!);
    }
    const serveFile = (rel: string, files: ReadonlyMap<string, string | Uint8Array>) => {
      const found = lookup(rel, files, site.config().publicDir);
      if (found === 'directory') return send(301, '', CONTENT_TYPES['.txt']!, { location: `${raw}/${query}` });
      if (!found) {
        const notFound = files.get('404.html');
        return notFound ? page(404, notFound) : send(404, 'not found\n', CONTENT_TYPES['.txt']!);
      }
      const type = CONTENT_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
      if (type === CONTENT_TYPES['.html']) return page(200, found.content);
      send(200, found.content, type);
    };
    if (site.searchReady && target.rel.startsWith(`${PAGEFIND_DIR}/`)) {
      const { rel } = target;
      const serveIndex = () => serveFile(rel, site.files());
      return void site.searchReady().then(serveIndex, serveIndex);
    }
    serveFile(target.rel, files);
  };
}

/**
 * Which `Host` headers the dev server answers, as Vite does: `localhost` (and `*.localhost`), any
 * IP address literal (a rebinding attack needs a name it controls), and the name given to `--host`.
 * A request without a Host header (HTTP/1.0 tools) is answered too: browsers always send one.
 */
export function allowedHostTest(boundHost: string): (header: string | undefined) => boolean {
  const bound = boundHost.toLowerCase().replace(/^\[|\]$/g, '');
  return (header) => {
    if (header === undefined) return true;
    const name = hostName(header.trim().toLowerCase());
    if (name === undefined) return false;
    return name === 'localhost' || name.endsWith('.localhost') || name === bound || net.isIP(name) !== 0;
  };
}

/** The host name of a Host header without its port (`[::1]:8080` → `::1`), or undefined when malformed. */
function hostName(header: string): string | undefined {
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(header);
  if (bracketed) return bracketed[1];
  const plain = /^([^:\s/@]+?)\.?(?::\d+)?$/.exec(header);
  return plain?.[1];
}

type Target = { status: 200; rel: string } | { status: 301; location: string } | { status: 400 | 403 | 404 };

/**
 * The request path → a path relative to the output, or why not. Refused (403): encoded slashes,
 * backslashes and NUL (`%2f`, `%5c`, `%00`), and `.`/`..` segments, encoded or not. Outside the
 * base path: 404.
 */
export function resolvePath(raw: string, config: Pick<ResolvedConfig, 'basePath'>): Target {
  if (!raw.startsWith('/')) return { status: 400 };
  if (/%(2f|5c|00)/i.test(raw) || raw.includes('\\') || raw.includes('\0')) return { status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((s) => s === '..' || s === '.')) return { status: 403 };
  // Links are percent-encoded NFC; a browser on macOS may still send a typed address decomposed.
  decoded = decoded.normalize('NFC');
  const base = config.basePath;
  if (base !== '/' && `${decoded}/` === base) return { status: 301, location: base };
  if (!decoded.startsWith(base)) return { status: 404 };
  return { status: 200, rel: decoded.slice(base.length) };
}

/** An output (generated pages win, as in `build`) or a public/ file; 'directory' when only `rel/` exists. */
function lookup(
  rel: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  publicDir: string,
): { file: string; content: string | Uint8Array } | 'directory' | undefined {
  const file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
  const output = files.get(file);
  if (output !== undefined) return { file, content: output };
  const fromPublic = readPublic(publicDir, file);
  if (fromPublic) return { file, content: fromPublic };
  if (file === rel && (files.has(`${rel}/index.html`) || readPublic(publicDir, `${rel}/index.html`))) return 'directory';
  return undefined;
}

/** A file of public/, only when it (after following symlinks) really is inside public/. */
function readPublic(publicDir: string, rel: string): Buffer | undefined {
  try {
    const root = fs.realpathSync(publicDir);
    const real = fs.realpathSync(path.join(publicDir, ...rel.split('/')));
    if (!isInside(real, root) || !fs.statSync(real).isFile()) return undefined;
    return fs.readFileSync(real);
  } catch {
    return undefined;
  }
}

/** The live-reload script (and, while a build is broken, the overlay) added to an HTML page. */
export function injectDevScripts(html: string, errors: readonly Diagnostic[], root: string, hasPages = true): string {
  const script = `<script src="${CLIENT_PATH}" defer></script>`;
  let out = /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${script}</head>`) : script + html;
  const overlay = overlayHtml(errors, root, hasPages);
  if (overlay) {
    const body = /<body\b[^>]*>/i.exec(out);
    out = body ? out.slice(0, body.index + body[0].length) + overlay + out.slice(body.index + body[0].length) : out + overlay;
  }
  return out;
}

/**
 * The overlay naming each error's file (relative to the site), line and message; '' when there is
 * none. `hasPages`: some build succeeded, so its pages are underneath.
 */
export function overlayHtml(errors: readonly Diagnostic[], root: string, hasPages = true): string {
  if (errors.length === 0) return '';
  const items = errors
    .map((d) => {
      const where = `${escapeHtml(path.relative(root, d.file) || d.file)}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}`;
      const hint = d.hint ? `<div style="opacity:.75;margin-top:.25em">${escapeHtml(d.hint)}</div>` : '';
      return `<li style="margin:0 0 1em"><strong class="omnipress-overlay-file">${where}</strong><div class="omnipress-overlay-message">${escapeHtml(d.message)}</div>${hint}</li>`;
    })
    .join('');
  return (
    '<div id="omnipress-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;' +
    'background:rgba(20,20,24,.94);color:#f5f5f5;font:14px/1.5 ui-monospace,monospace;padding:2em;text-align:left">' +
    `<p style="margin:0 0 1em;color:#ff8a80;font-weight:bold">omnipress: the build failed; ${hasPages ? 'showing the last good pages underneath' : 'no page built yet: fix this and save'}</p>` +
    `<ul style="list-style:none;margin:0;padding:0">${items}</ul></div>`
  );
}
