// What every command shares: where it prints, how a usage error looks, how diagnostics print.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { findSiteRoot } from '../config.js';
import { likelyPostsFolders } from '../content/posts-folder.js';
import { formatDiagnostic, printable, type Diagnostic } from '../diagnostics.js';
import { coloured, plain, type Paint } from '../util/colour.js';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where answers to questions come from (`init`); none: nothing is asked. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** The command being run (`build`…): its own --help is what a usage error points to. */
  command?: string;
  /** `--verbose`: the trace of an internal error, and every place of every warning. */
  verbose?: boolean;
}

/**
 * Whether text written to `stream` gets colour: the one decision every command follows.
 * FORCE_COLOR, the de-facto convention, wins (0 or false: never; any other value: even into a
 * pipe); then NO_COLOR (https://no-color.org: any non-empty value); then only a terminal that is
 * not TERM=dumb. CI logs and pipes are not terminals, so they stay plain.
 */
export function usesColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** How to paint text written to `stream` (see usesColour). */
export function colourFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Paint {
  return usesColour(stream, env) ? coloured : plain;
}

/**
 * Whether a command may ask questions: only of someone at a terminal, never in CI (CI set, as
 * every CI service does) or with input from a pipe or a file, where no one would answer.
 */
export function canAsk(io: Io): boolean {
  return io.stdin?.isTTY === true && !io.env.CI;
}

/** Exit code 2, with the problem and a pointer to --help. */
export function usage(io: Io, message: string, showHelp = true): number {
  const help = io.command ? `omnipress ${io.command} --help` : 'omnipress --help';
  io.stderr.write(`omnipress: ${printable(message)}\n${showHelp ? `run '${help}' for usage\n` : ''}`);
  return 2;
}

/**
 * A command's arguments, parsed strictly by node:util's parseArgs; with `--help` the command's
 * help is printed instead. Returns the parsed arguments, or the exit code the command should
 * return (2 for a usage error, 0 after the help).
 */
export function commandArgs<const T extends ParseArgsConfig>(io: Io, help: string, config: T): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (cause) {
    return usage(io, (cause as Error).message);
  }
  if ((parsed.values as { help?: unknown }).help) {
    io.stdout.write(help);
    return 0;
  }
  return parsed;
}

/**
 * The usage error for `--root` or the posts folder not being a folder (undefined when both are):
 * a typo in CI must not publish an empty site over the real one.
 */
export function siteFoldersProblem(root: string | undefined, posts: string | undefined): string | undefined {
  if (root !== undefined && !isDirectory(root)) return `--root ${root} ${fs.existsSync(root) ? 'is not a folder' : 'does not exist'}`;
  const siteRoot = path.resolve(siteRootOf(root));
  const postsDir = path.resolve(siteRoot, posts ?? 'posts');
  if (isDirectory(postsDir)) return undefined;
  const given = posts !== undefined ? `--posts ${posts}` : `the posts folder ${shortPath(postsDir)}`;
  const likely = likelyPostsFolders(siteRoot).filter((rel) => rel !== 'posts');
  const hint = likely.length > 0
    ? `; the posts seem to be in ${likely.map((rel) => `--posts ${rel}`).join(' or ')}`
    : posts === undefined ? '; create it (omnipress new <lang> <title> makes the first post) or pass --posts DIR' : '';
  return `${given} ${fs.existsSync(postsDir) ? 'is not a folder' : 'does not exist'}${hint}`;
}

/** The help line of `--root`, its text starting at `column` like the command's other options. */
export function rootOptionHelp(column: number): string {
  const text = 'site folder (default: the one holding the current folder: the nearest with\nomnipress.yml, or the one whose posts/ you are in)';
  return `${'  --root DIR'.padEnd(column)}${text.replace('\n', `\n${' '.repeat(column)}`)}`;
}

/**
 * The site a command works on: `--root`, else the nearest folder up from the current one that has
 * an omnipress config (as git finds `.git`), so that commands work from any subfolder of a site.
 */
export function siteRootOf(root: string | undefined): string {
  return root ?? findSiteRoot(process.cwd());
}

/** The injected clock (OMNIPRESS_NOW), else now; undefined when the variable is not a date. */
export function clock(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return new Date();
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** A path relative to the current folder when inside it (`_site`), else absolute. */
export function shortPath(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : dir;
}

/** Warnings of one kind beyond this many print as their first few places and a count. */
const WARNINGS_IN_FULL = 5;
const FIRST_PLACES = 3;

/**
 * Diagnostics as text blocks with code frames. Posts' text comes from `sources`; templates and
 * the config are read from disk here. Notes (severity info) are left out when `quiet`. Errors are
 * all printed; of a kind of warning that occurs more than a few times (a migrated blog can have
 * hundreds of one kind) the first places are printed and the rest counted, unless `verbose`.
 */
export function printDiagnostics(
  io: Io,
  diagnostics: readonly Diagnostic[],
  options: { root: string; sources: ReadonlyMap<string, string>; quiet: boolean; verbose?: boolean },
): void {
  const sources = new Map(options.sources);
  for (const d of diagnostics) {
    if (d.line === undefined || sources.has(d.file)) continue;
    try {
      sources.set(d.file, fs.readFileSync(d.file, 'utf8'));
    } catch {
      // A file that vanished since: no code frame.
    }
  }
  const paint = colourFor(io.stderr, io.env);
  const shown = diagnostics.filter((d) => !(d.severity === 'info' && options.quiet));
  const kinds = new Map<string, number>();
  for (const d of shown) if (d.severity === 'warning') kinds.set(warningKind(d), (kinds.get(warningKind(d)) ?? 0) + 1);
  const printed = new Map<string, number>();
  for (const d of shown) {
    const kind = warningKind(d);
    const total = d.severity === 'warning' ? kinds.get(kind)! : 0;
    if (!options.verbose && total > WARNINGS_IN_FULL) {
      const count = (printed.get(kind) ?? 0) + 1;
      printed.set(kind, count);
      if (count > FIRST_PLACES) continue;
      io.stderr.write(`${formatDiagnostic(d, { root: options.root, sources, paint })}\n\n`);
      if (count === FIRST_PLACES) {
        io.stderr.write(`…and ${total - FIRST_PLACES} more warnings like this${d.code ? ` (${d.code})` : ''}; --verbose lists them all\n\n`);
      }
      continue;
    }
    io.stderr.write(`${formatDiagnostic(d, { root: options.root, sources, paint })}\n\n`);
  }
}

/** What makes two warnings the same kind: their code, else their message. */
function warningKind(d: Diagnostic): string {
  return d.code ?? `message:${d.message}`;
}

/**
 * `--verbose`'s time per stage, one line each in the order they ran, as the run measured them:
 * `  render    412 ms`. Empty when nothing ran (a config error stops a run before its first stage).
 */
export function formatTimings(timings: Readonly<Partial<Record<string, number>>>): string {
  const ran = Object.entries(timings).filter((entry): entry is [string, number] => entry[1] !== undefined);
  if (ran.length === 0) return '';
  const width = Math.max(...ran.map(([stage]) => stage.length));
  const shown = ran.map(([stage, ms]) => [stage, ms < 10 ? ms.toFixed(1) : String(Math.round(ms))] as const);
  const digits = Math.max(...shown.map(([, ms]) => ms.length));
  return `time per stage:\n${shown.map(([stage, ms]) => `  ${stage.padEnd(width)}  ${ms.padStart(digits)} ms\n`).join('')}`;
}

/** `--max-warnings N`: a usage error unless N is a whole number. */
export function maxWarningsOption(value: string | undefined): number | undefined | 'invalid' {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? Number(value) : 'invalid';
}
