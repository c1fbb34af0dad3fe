// `omnipress serve` wired together: config → first build (rebuild.ts) → watcher (watcher.ts) →
// http (server.ts). Returns a handle with the build records, so tests can assert what each edit redid.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveConfig, type ConfigOverrides } from '../config.js';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import type { ResolvedConfig } from '../types.js';
import { Rebuilder, type BuildRecord } from './rebuild.js';
import { createHandler, EventHub, overlayHtml } from './server.js';
import { watchSite, type SiteWatcher } from './watcher.js';

export interface ServeOptions extends ConfigOverrides {
  /** Port to listen on; 0 picks a free one. Without one, 8080, or the next free one of the ten after it. */
  port?: number;
  /** Interface to bind (default 127.0.0.1: the dev server is not for the network). */
  host?: string;
  /** Milliseconds of quiet after a file event before rebuilding (default 20, see watcher.ts). */
  debounceMs?: number;
  /** Called after every build, the first included. */
  onBuild?(record: BuildRecord): void;
  /** Watcher problems (the server keeps running). */
  onWatchError?(error: Error): void;
}

/** The port `serve` listens on when none is asked for. */
export const DEFAULT_PORT = 8080;

export interface DevServer {
  /** `http://127.0.0.1:8080/` (with the base path, if the site has one). */
  url: string;
  /** The default port, when it was in use and the server took the next free one instead. */
  busyPort?: number;
  config: ResolvedConfig;
  /** Every build so far, oldest first. */
  builds: readonly BuildRecord[];
  /** What is being served: output path → content (public/ files aside, which are read from disk). */
  files(): ReadonlyMap<string, string | Uint8Array>;
  /** Connected live-reload clients. */
  clients(): number;
  /**
   * Settles when no build is running or queued and the watcher holds no change it has yet to
   * report (a save in its debounce window, a recheck due after chokidar's throttle).
   */
  idle(): Promise<void>;
  /** Stop watching, end every connection, and let the process exit. */
  close(): Promise<void>;
}

/** A problem starting the server that no rebuild can fix: a broken config, a port in use. */
export class ServeError extends Error {
  override name = 'ServeError';
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

export async function serve(options: ServeOptions = {}): Promise<DevServer> {
  const overrides: ConfigOverrides = { root: options.root, posts: options.posts, baseUrl: options.baseUrl, drafts: options.drafts ?? true, future: options.future ?? true, mermaid: options.mermaid };
  const resolved = resolveConfig(overrides);
  if (hasErrors(resolved.diagnostics)) throw new ServeError('the config has errors', resolved.diagnostics);

  const hub = new EventHub();
  const rebuilder = new Rebuilder(resolved.config, overrides, (record) => {
    const overlay = overlayHtml(record.errors, rebuilder.config.root, rebuilder.writer.files.size > 0);
    if (!record.ok) hub.send('failed', { build: record.id, overlay });
    else hub.send('change', { build: record.id, paths: record.changed });
    options.onBuild?.(record);
  });
  // Watch before the first build, so an edit made while it runs is queued, not lost.
  const watcher: SiteWatcher = watchSite(rebuilder.config, (changes) => void rebuilder.enqueue(changes), {
    debounceMs: options.debounceMs,
    onError: (error) => {
      // Events may have been lost: the next build checks every post file instead of trusting them.
      rebuilder.rescan();
      options.onWatchError?.(error);
    },
  });
  try {
    await watcher.ready;
    await rebuilder.start();
  } catch (cause) {
    await watcher.close();
    throw cause;
  }

  const host = options.host ?? '127.0.0.1';
  const server = http.createServer(
    createHandler(
      {
        config: () => rebuilder.config,
        files: () => rebuilder.writer.files,
        build: () => rebuilder.builds.length,
        errors: () => rebuilder.errors,
        searchReady: () => rebuilder.searchReady(),
      },
      hub,
      host,
    ),
  );
  // A port asked for is that port or an error; the default moves on to the next free one, as a
  // second site served beside the first expects.
  const wanted = options.port ?? DEFAULT_PORT;
  const tries = options.port === undefined ? 11 : 1;
  try {
    for (let at = 0; ; at++) {
      const free = await new Promise<boolean>((resolve, reject) => {
        const failed = (cause: NodeJS.ErrnoException) => (cause.code === 'EADDRINUSE' && at + 1 < tries ? resolve(false) : reject(cause));
        server.once('error', failed);
        server.listen(wanted + at, host, () => {
          server.off('error', failed);
          resolve(true);
        });
      }).catch((cause: NodeJS.ErrnoException) => {
        throw cause.code === 'EADDRINUSE'
          ? new ServeError(`port ${wanted}${tries > 1 ? ` and the ${tries - 1} after it` : ''} on ${host} ${tries > 1 ? 'are' : 'is'} in use; choose another with --port (0 picks a free one)`)
          : cause;
      });
      if (free) break;
    }
  } catch (cause) {
    await watcher.close();
    await rebuilder.idle();
    throw cause;
  }

  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}${rebuilder.config.basePath}`,
    busyPort: port !== wanted && options.port === undefined ? wanted : undefined,
    get config() {
      return rebuilder.config;
    },
    builds: rebuilder.builds,
    files: () => rebuilder.writer.files,
    clients: () => hub.size,
    async idle() {
      // A build can end with a recheck due, and a recheck can start a build.
      do {
        await watcher.settled();
        await rebuilder.idle();
      } while (!watcher.quiet());
    },
    async close() {
      await watcher.close();
      await rebuilder.idle();
      hub.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
