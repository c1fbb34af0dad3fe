// `serve --open`: the served site in the user's browser. The browser is theirs to choose with
// BROWSER, the convention of many command-line tools; else the system's own opener. A browser
// that cannot be opened never stops the server: the caller is told why, in one line.
import { spawn } from 'node:child_process';

/** A program to run and its arguments. */
export interface Opener {
  command: string;
  args: string[];
  /** Windows: the arguments go to cmd as written, since cmd does not read Node's quoting. */
  verbatim?: boolean;
}

/**
 * How to open `url` on `platform`: BROWSER when set (the first of a `:`-separated list, `;` on
 * Windows; its words are the command and its arguments, `%s` standing for the URL, else the URL
 * comes last), else `open` (macOS), `cmd /c start` (Windows) or `xdg-open`. Undefined for
 * BROWSER=none, which asks for no browser at all.
 */
export function browserOpener(url: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Opener | undefined {
  const chosen = env.BROWSER?.split(platform === 'win32' ? ';' : ':').find((entry) => entry.trim() !== '')?.trim();
  if (chosen?.toLowerCase() === 'none') return undefined;
  if (chosen) {
    const [command, ...words] = chosen.split(/\s+/);
    const args = words.includes('%s') ? words.map((word) => (word === '%s' ? url : word)) : [...words, url];
    return { command: command!, args };
  }
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is built into cmd; its first quoted argument is a window title, hence the empty one.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', `"${url}"`], verbatim: true };
  return { command: 'xdg-open', args: [url] };
}

/**
 * A URL a browser on this computer can visit: a server bound to every interface (0.0.0.0, ::)
 * is reached through localhost.
 */
export function visitableUrl(url: string): string {
  return url.replace(/^http:\/\/(?:0\.0\.0\.0|\[::\])(?=[:/])/, 'http://localhost');
}

/**
 * Run the opener for `url`, detached and with its output ignored, so that it outlives nothing and
 * prints nothing. `onFailure` gets one sentence when it cannot be run or exits with an error.
 */
export function openBrowser(url: string, options: { env: NodeJS.ProcessEnv; platform?: NodeJS.Platform; onFailure(reason: string): void }): void {
  const opener = browserOpener(url, options.platform ?? process.platform, options.env);
  if (!opener) return;
  let failed = false;
  const fail = (reason: string) => {
    if (failed) return;
    failed = true;
    options.onFailure(reason);
  };
  const child = spawn(opener.command, opener.args, {
    detached: true,
    stdio: 'ignore',
    windowsHide: true,
    windowsVerbatimArguments: opener.verbatim,
  });
  child.once('error', (cause: NodeJS.ErrnoException) =>
    fail(cause.code === 'ENOENT' ? `${opener.command} was not found` : `${opener.command} could not be run (${cause.message})`),
  );
  child.once('exit', (code) => {
    if (code) fail(`${opener.command} exited with code ${code}`);
  });
  child.unref();
}
