// `omnipress serve`: build into memory, serve on 127.0.0.1, rebuild on every save, until Ctrl-C.
import type { Diagnostic } from '../diagnostics.js';
import { serve, ServeError, type DevServer } from '../serve/dev-server.js';
import { openBrowser, visitableUrl } from '../serve/open-browser.js';
import type { BuildRecord } from '../serve/rebuild.js';
import { colourFor, commandArgs, siteFoldersProblem, siteRootOf, printDiagnostics, usage, rootOptionHelp, type Io } from './io.js';
import { plural } from '../util/plural.js';

export const SERVE_USAGE = `omnipress serve [--root DIR] [--posts DIR] [--port 8080] [--host 127.0.0.1] [--drafts|--no-drafts] [--future|--no-future] [--open]`;

export const SERVE_HELP = `Usage: ${SERVE_USAGE}

Options:
${rootOptionHelp(20)}
  --posts DIR       Markdown posts (default: ROOT/posts), also outside the site folder
  --port N          port to listen on (default 8080, or the next free one when it is in use;
                    0 picks a free one)
  --host ADDR       interface to bind (default 127.0.0.1, this computer only); requests
                    are answered for localhost, IP addresses and this name only
  --no-drafts       hide drafts (shown by default, with a "draft" badge)
  --no-future       hide posts dated in the future (shown by default)
  --open            open the site in the browser once it is served: the command in BROWSER
                    (the URL is its last argument, or replaces %s; BROWSER=none opens nothing),
                    else open (macOS), xdg-open (Linux) or start (Windows)

serve builds the site into memory (nothing is written to _site/), serves it, and rebuilds what
changed whenever a post, template, public/ file or the config is saved; open pages reload by
themselves. A broken post shows an overlay naming file and line while the last good pages stay
served. The search index is built when a search page first asks for it after a change. Stop with
Ctrl-C.

Examples:
  omnipress serve
  omnipress serve --port 0 --no-drafts
  omnipress serve --open
  BROWSER=firefox omnipress serve --open
`;

export async function runServe(args: string[], io: Io): Promise<number> {
  const parsed = commandArgs(io, SERVE_HELP, {
    args,
    strict: true,
    allowPositionals: false,
    allowNegative: true,
    options: {
      root: { type: 'string' },
      posts: { type: 'string' },
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      drafts: { type: 'boolean' },
      future: { type: 'boolean' },
      open: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const port = values.port === undefined ? undefined : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '8080') || (port ?? 0) > 65535) return usage(io, `--port must be a number from 0 to 65535, got "${values.port}"`);
  const folders = siteFoldersProblem(values.root, values.posts);
  if (folders) return usage(io, folders, false);

  let server: DevServer;
  let root = siteRootOf(values.root);
  const print = (diagnostics: readonly Diagnostic[]) =>
    printDiagnostics(io, diagnostics.filter((d) => d.severity !== 'info'), { root, sources: new Map(), quiet: true, verbose: io.verbose });
  // Errors are printed with every build that has them; a warning once, when it first appears.
  const warned = new Set<string>();
  const newProblems = (diagnostics: readonly Diagnostic[]) =>
    diagnostics.filter((d) => {
      if (d.severity === 'error') return true;
      const key = `${d.file}\0${d.line}\0${d.message}`;
      if (warned.has(key)) return false;
      warned.add(key);
      return true;
    });
  let built = false;
  try {
    server = await serve({
      root,
      posts: values.posts,
      port,
      host: values.host,
      drafts: values.drafts ?? true,
      future: values.future ?? true,
      onBuild: (record) => {
        print(newProblems(record.diagnostics));
        built ||= record.ok;
        const line = describe(record, built);
        io.stderr.write(`${record.ok ? line : colourFor(io.stderr, io.env)('error', line)}\n`);
      },
      onWatchError: (error) => io.stderr.write(`omnipress: watching failed: ${error.message}\n`),
    });
  } catch (cause) {
    if (!(cause instanceof ServeError)) throw cause;
    print(cause.diagnostics);
    return usage(io, cause.message, false);
  }
  root = server.config.root;
  if (server.busyPort !== undefined) io.stdout.write(`port ${server.busyPort} is in use: serving on the next free one\n`);
  io.stdout.write(`omnipress serve: ${server.url} (Ctrl-C to stop)\n`);
  if (values.open) {
    const url = visitableUrl(server.url);
    openBrowser(url, {
      env: io.env,
      onFailure: (reason) => {
        const hint = io.env.BROWSER ? '' : ", or set BROWSER to your browser's command";
        io.stderr.write(`omnipress serve: could not open ${url} in a browser: ${reason}; open it yourself${hint}\n`);
      },
    });
  }

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.stderr.write('omnipress serve: stopping\n');
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

/** `rebuilt (post) in 14 ms: 1 markdown, 3 pages rendered, 4 files changed`, or what failed. */
function describe(record: BuildRecord, anyBuilt: boolean): string {
  const ms = Math.round(record.ms);
  if (!record.ok) {
    return `build failed (${plural(record.errors.length, 'error')}); ${anyBuilt ? 'still serving the last good pages' : 'no page built yet: fix it and save'}`;
  }
  if (record.id === 1) return `built ${plural(record.pagesRendered, 'page')} in ${ms} ms`;
  return `rebuilt (${record.kinds.join(', ')}) in ${ms} ms: ${plural(record.markdownRenders, 'markdown render')}, ${plural(record.pagesRendered, 'page')} rendered, ${plural(record.changed.length, 'file')} changed`;
}

