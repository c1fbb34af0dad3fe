// argv → command → exit code (0 ok, 1 content error, 2 usage error). No build logic here: each
// command lives in src/commands/.
import { BUILD_HELP, BUILD_USAGE, runBuild } from './commands/build.js';
import { CHECK_HELP, CHECK_USAGE, runCheck } from './commands/check.js';
import { MIGRATE_CHECK_HELP, MIGRATE_CHECK_USAGE, runMigrateCheck } from './commands/migrate-check.js';
import { INIT_HELP, INIT_USAGE, runInit } from './commands/init.js';
import { NEW_HELP, NEW_USAGE, runNew } from './commands/new.js';
import { TEMPLATES_HELP, TEMPLATES_USAGE, runTemplates } from './commands/templates.js';
import { TRANSLATIONS_HELP, TRANSLATIONS_USAGE, runTranslations } from './commands/translations.js';
import { SERVE_HELP, SERVE_USAGE, runServe } from './commands/serve.js';
import { usage, type Io } from './commands/io.js';
import { printable } from './diagnostics.js';
import { keepHeapNearLiveSize } from './util/heap.js';
import { closest } from './util/did-you-mean.js';
import { packageVersion } from './util/package-version.js';

export type { Io } from './commands/io.js';

export const HELP = `omnipress — a static site generator for multilingual news and blogs

Usage:
  ${BUILD_USAGE.replace(/\n/g, '\n  ')}
  ${SERVE_USAGE}
  ${INIT_USAGE}
  ${NEW_USAGE}
  ${TEMPLATES_USAGE}
  ${CHECK_USAGE}
  ${MIGRATE_CHECK_USAGE}
  ${TRANSLATIONS_USAGE}
  omnipress help [command] | omnipress <command> --help | omnipress --help | --version

Any command takes --verbose: the full trace of an internal error (a bug in omnipress); build and
check also print the time each stage took.
Output to a terminal is in colour; NO_COLOR=1 turns colour off, FORCE_COLOR=1 turns it on even
into a pipe (FORCE_COLOR=0: never). JSON and GitHub output never has colour.

${section('build', BUILD_HELP)}
${section('serve', SERVE_HELP)}
${section('init', INIT_HELP)}
${section('new', NEW_HELP)}
${section('templates', TEMPLATES_HELP)}
${section('check', CHECK_HELP)}
${section('migrate-check', MIGRATE_CHECK_HELP)}
${section('translations', TRANSLATIONS_HELP)}`;

/** A command's --help without its usage lines, its options titled with its name. */
function section(name: string, help: string): string {
  return help.replace(/^Usage:.*\n(?:\s+\[.*\n)*\n?/, '').replace(/^Options:/m, `${name} options:`);
}

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  build: runBuild,
  serve: runServe,
  new: runNew,
  init: runInit,
  templates: runTemplates,
  check: runCheck,
  'migrate-check': runMigrateCheck,
  translations: runTranslations,
};

const defaultIo: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  if (io === defaultIo) ignoreClosedPipes();
  const [command, ...rest] = argv;
  // `omnipress help build` is `omnipress build --help`, as in git and npm.
  if (command === 'help' && rest.length > 0) return main([rest[0]!, '--help'], io);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout).write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    const meant = closest(command, Object.keys(COMMANDS));
    return usage(io, `unknown command "${command}"${meant ? ` (did you mean ${meant}?)` : ''}`);
  }
  keepHeapNearLiveSize();
  const verbose = rest.includes('--verbose');
  try {
    return await run(rest.filter((arg) => arg !== '--verbose'), { ...io, command, verbose });
  } catch (cause) {
    io.stderr.write(unexpectedFailure(cause, command, verbose));
    return 1;
  }
}

/**
 * What the user reads when a command fails for a reason that is not in their content: the
 * machine (a full disk, a permission) in one line, or an internal error, which is a bug, in one
 * line asking for a report; its trace only with --verbose.
 */
export function unexpectedFailure(cause: unknown, command: string, verbose: boolean): string {
  const error: NodeJS.ErrnoException = cause instanceof Error ? cause : new Error(String(cause));
  const where = error.path ? ` (${error.path})` : '';
  const kept = command === 'build' ? '; nothing was published, the previous site is as it was' : '';
  const machine: Record<string, string> = {
    ENOSPC: `no space left on the device${where}${kept}`,
    EDQUOT: `the disk quota is used up${where}${kept}`,
    EACCES: `permission denied${where}${kept}`,
    EPERM: `operation not permitted${where}${kept}`,
    EROFS: `the file system is read-only${where}${kept}`,
    EMFILE: `too many open files${where}; raise the limit (ulimit -n) and try again`,
  };
  const known = error.code ? machine[error.code] : undefined;
  if (known) return `omnipress: ${printable(known)}\n`;
  const trace = verbose ? `${error.stack ?? error.message}\n` : `run it again with --verbose for the trace\n`;
  return (
    `omnipress: internal error in ${command}: ${printable(error.message.split('\n')[0] ?? '')}\n` +
    `this is a bug in omnipress ${packageVersion()}; please report it with the command you ran and the trace\n${trace}`
  );
}

/**
 * `omnipress check | head -1`: once the reader of stdout (or stderr) is gone, the rest of the
 * output goes nowhere instead of ending the process with an unhandled EPIPE. The command still
 * runs to its end, so its exit code says what it found (with `set -o pipefail` in CI too).
 */
function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (cause: NodeJS.ErrnoException) => {
      if (cause.code !== 'EPIPE' && cause.code !== 'ERR_STREAM_DESTROYED') throw cause;
    });
  }
}

