// Everything a user can get wrong is reported as a Diagnostic: stages return them instead of
// throwing, so one build can report every problem at once.
import path from 'node:path';
import { plain, type Paint } from './util/colour.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Absolute path of the file at fault (a post, a template, the config). */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  severity: Severity;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /**
   * A stable name for the kind of problem (`liquid-tag`, `hugo-shortcode`…), so reports such as
   * `omnipress migrate-check` can group occurrences; absent for one-off problems.
   */
  code?: string;
}

type Where = { line?: number; column?: number; hint?: string; code?: string };

export function error(file: string, message: string, where: Where = {}): Diagnostic {
  return { file, severity: 'error', message, ...where };
}

export function warning(file: string, message: string, where: Where = {}): Diagnostic {
  return { file, severity: 'warning', message, ...where };
}

export function info(file: string, message: string, where: Where = {}): Diagnostic {
  return { file, severity: 'info', message, ...where };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: by file, then line, so output does not depend on scheduling. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** A path as the user should read it: relative to the site root when inside it. */
export function displayPath(file: string, root: string): string {
  const rel = path.relative(root, file);
  if (rel === '') return '.';
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

export interface FormatOptions {
  /** Paths are shown relative to this folder. */
  root: string;
  /** Source text per absolute file path, for code frames. */
  sources?: ReadonlyMap<string, string>;
  /** Colours for a terminal (commands/io.ts decides); plain text without. */
  paint?: Paint;
}

/**
 * `file:line:col severity: message` + a code frame + the hint, one block per diagnostic. Every
 * part comes out on its own lines whatever a post holds (see printable).
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  const paint = options.paint ?? plain;
  const where = [printable(displayPath(d.file, options.root)), d.line, d.line ? d.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const lines = [`${paint('place', where)} ${paint(d.severity, `${d.severity}:`)} ${printable(d.message)}`];
  const source = options.sources?.get(d.file);
  if (source !== undefined && d.line) lines.push(codeFrame(source, d.line, (marker) => paint(d.severity, marker)));
  if (d.hint) lines.push(`  hint: ${printable(d.hint)}`);
  return lines.join('\n');
}

// C0 and C1 controls but tab, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

/**
 * Text from a post (a front-matter value quoted in a message, a file name) made safe to print on
 * one line: control characters become escapes such as `\n` and `\u001b`. A newline in a value
 * would otherwise start a line of its own, which GitHub Actions runs as a workflow command
 * (`::error file=…::`, `::add-mask::`) in a CI log, and an escape sequence would drive the terminal.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Two lines of context either side of `line`, the line itself marked with `>` (in `mark`'s look). */
export function codeFrame(source: string, line: number, mark: (marker: string) => string = (marker) => marker): string {
  const all = source.split('\n');
  const first = Math.max(1, line - 2);
  const last = Math.min(all.length, line + 2);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? mark('>') : ' ';
    out.push(`  ${marker} ${String(n).padStart(width)} | ${printable(all[n - 1] ?? '')}`);
  }
  return out.join('\n');
}

/** The error that fails a run with more warnings than `max` allows (ESLint's --max-warnings). */
export function tooManyWarnings(diagnostics: readonly Diagnostic[], max: number | undefined, root: string): Diagnostic | undefined {
  if (max === undefined) return undefined;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (warnings <= max) return undefined;
  return error(root, `${warnings} warnings, more than --max-warnings ${max} allows`, {
    code: 'max-warnings',
    hint: 'fix the warnings above, or raise --max-warnings',
  });
}
