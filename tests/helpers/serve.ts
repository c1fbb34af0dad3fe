// The dev server under test: started in-process on a free port against a temporary site, plus
// the small tools the tests need to follow it (poll, raw requests, the event stream).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { serve, type DevServer, type ServeOptions } from '../../src/serve/dev-server.js';
import type { BuildRecord } from '../../src/serve/rebuild.js';
import { siteFromFiles } from './site.js';

export function startServe(root: string, options: ServeOptions = {}): Promise<DevServer> {
  return serve({ root, port: 0, ...options });
}

/** `omnipress serve` running as a process of its own. */
export interface ServeProcess {
  /** The URL it prints, without a trailing slash. */
  url: string;
  /** What it has written to stderr so far. */
  stderr(): string;
}

/**
 * In a test: `omnipress serve` as its own process (`bin` run by node, with `args`, in `cwd`, with
 * `env` added to this process's environment). Resolves once it prints its URL; the process is
 * killed when the test ends.
 */
export function spawnServe(bin: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const server = spawn(process.execPath, [bin, 'serve', ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  onTestFinished(() => void server.kill());
  let err = '';
  server.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise<ServeProcess>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /omnipress serve: (http:\/\/\S+)/.exec(out);
      if (found) resolve({ url: found[1]!.replace(/\/$/, ''), stderr: () => err });
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

/** In a test: the dev server on `root`, stopped when the test finishes, whatever its outcome. */
export function serveInTest(root: string, options: ServeOptions = {}): Promise<DevServer> {
  let server: DevServer | undefined;
  // Registered before the server starts, while the test is surely the current one.
  onTestFinished(() => server?.close());
  return startServe(root, options).then((started) => (server = started));
}

export interface ServedSite {
  /** The site folder (set once the block's tests start). */
  readonly root: string;
  /** The dev server serving it (set once the block's tests start). */
  readonly server: DevServer;
}

/**
 * In a `describe` block: a site of `files`, changed by `prepare` if given, served before the
 * block's tests and stopped after them. Read `root` and `server` in tests and hooks.
 */
export function servedSite(
  files: Record<string, string | Uint8Array>,
  options: { prepare?: (root: string) => void; serve?: ServeOptions } = {},
): ServedSite {
  let root: string | undefined;
  let server: DevServer | undefined;
  beforeAll(async () => {
    root = siteFromFiles(files);
    options.prepare?.(root);
    server = await startServe(root, options.serve);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get root() {
      if (root === undefined) throw new Error('servedSite: the site is made in beforeAll; read root in a test or hook');
      return root;
    },
    get server() {
      if (server === undefined) throw new Error('servedSite: the server starts in beforeAll; read server in a test or hook');
      return server;
    },
  };
}

/** Poll `check` until it returns something truthy (at most `timeoutMs`); no fixed sleeps. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (cause) {
      last = cause;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Run `edit` and wait for the builds it causes to finish. An editor's save can arrive as more than
 * one batch of events, so every build after the edit is returned (usually one).
 */
export async function afterEdit(server: DevServer, edit: () => void, until?: (builds: BuildRecord[]) => boolean): Promise<BuildRecord[]> {
  const before = server.builds.length;
  edit();
  await waitFor(async () => {
    if (server.builds.length === before) return false;
    await server.idle();
    const builds = server.builds.slice(before);
    return until ? until(builds) : true;
  }, 5000, 'a rebuild');
  return server.builds.slice(before);
}

/** Sum of what a series of builds redid, and every URL they changed. */
export function totals(builds: readonly BuildRecord[]) {
  return {
    markdownRenders: builds.reduce((n, b) => n + b.markdownRenders, 0),
    pagesRendered: builds.reduce((n, b) => n + b.pagesRendered, 0),
    changedUrls: [...new Set(builds.flatMap((b) => b.changedUrls))].sort(),
    changedPages: [...new Set(builds.flatMap((b) => b.changedUrls))].filter((url) => url.endsWith('/')).sort(),
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A GET with the path sent exactly as given (fetch would resolve `..` before sending it). */
export function rawGet(base: string, rawPath: string, headers: http.OutgoingHttpHeaders = {}): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: url.hostname, port: url.port, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
  });
}

/** GET `sitePath` (already percent-encoded) from the server. */
export function get(server: DevServer, sitePath: string): Promise<RawResponse> {
  return rawGet(server.url, sitePath);
}

/** Subscribe to the live-reload events; `next(type)` resolves with the data of the next event of that type. */
export async function listen(server: DevServer) {
  const controller = new AbortController();
  const res = await fetch(new URL('/__omnipress/events', server.url), { signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: Array<{ type: string; data: Record<string, unknown> }> = [];
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type && data) events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    } catch {
      // aborted
    }
  })();
  let seen = 0;
  return {
    events,
    async next(type: string) {
      const event = await waitFor(() => events.slice(seen).find((e) => e.type === type), 5000, `event ${type}`);
      seen = events.indexOf(event) + 1;
      return event.data;
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

/** Write a file the way editors that save atomically do: a temporary file beside it, renamed over it. */
export function atomicWrite(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}
