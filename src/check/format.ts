// `omnipress check` output for machines: a JSON array, or GitHub Actions workflow commands
// (`::error file=…,line=…::message`) that GitHub shows as annotations on the pull request's lines.
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Severity } from '../diagnostics.js';

export type CheckFormat = 'text' | 'json' | 'github';

/** One entry of `--format json`; every key is always present, so consumers need no guessing. */
export interface JsonDiagnostic {
  /** Relative to the site root, `/`-separated (absolute when outside the root). */
  file: string;
  line: number | null;
  column: number | null;
  severity: Severity;
  message: string;
  hint: string | null;
}

export function toJson(diagnostics: readonly Diagnostic[], root: string): JsonDiagnostic[] {
  return diagnostics.map((d) => ({
    file: relativeTo(d.file, root),
    line: d.line ?? null,
    column: d.line !== undefined ? (d.column ?? null) : null,
    severity: d.severity,
    message: d.message,
    hint: d.hint ?? null,
  }));
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * One workflow command per diagnostic. `base` is the folder paths are relative to: GitHub expects
 * paths from the repository root (the workspace, where the workflow runs).
 */
export function toGithub(diagnostics: readonly Diagnostic[], base: string): string[] {
  return diagnostics.map((d) => {
    // A note about the whole site (its folder, not a file) annotates no file: GitHub shows it on the run.
    const properties = isFolder(d.file) ? [] : [`file=${escapeProperty(relativeTo(d.file, base))}`];
    if (d.line !== undefined && properties.length > 0) properties.push(`line=${d.line}`);
    if (d.line !== undefined && d.column !== undefined && properties.length > 0) properties.push(`col=${d.column}`);
    const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
    return `::${COMMAND[d.severity]}${properties.length > 0 ? ` ${properties.join(',')}` : ''}::${escapeData(message)}`;
  });
}

/** The runner's escaping of a command's message (actions/toolkit `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** …and of a property value, where `:` and `,` would end it (`escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function relativeTo(file: string, base: string): string {
  const rel = path.relative(base, file);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return (inside ? rel : file).split(path.sep).join('/');
}
