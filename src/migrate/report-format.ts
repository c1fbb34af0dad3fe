// A migrate-check report as text for a person deciding whether to switch, or as JSON for tools.
import { printable, type Diagnostic } from '../diagnostics.js';
import { reportPath, type MigrateReport } from './migrate-check.js';
import { plural } from '../util/plural.js';

export interface JsonMigrateReport {
  postsDir: string;
  posts: { total: number; ok: number; drafts: number; broken: Array<{ file: string; errors: JsonIssue[] }> };
  otherErrors: JsonIssue[];
  skipped: Array<{ file: string; reason: string }>;
  /** `code` is null for warnings without one, which are grouped by their message (`label`). */
  warnings: Array<{ code: string | null; label: string; count: number; first: JsonIssue[] }>;
  config: {
    languages: Array<{ code: string; tag: string; name: string; posts: number }>;
    defaultLanguage: string | null;
    timeZone: { zone: string; reason: string } | null;
    snippet: string;
  };
}

/** A diagnostic in the JSON report; `file` as reportPath shows it. */
export interface JsonIssue {
  file: string;
  line: number | null;
  message: string;
  hint: string | null;
}

export function toJsonReport(report: MigrateReport): JsonMigrateReport {
  const issue = (d: Diagnostic): JsonIssue => ({ file: reportPath(d.file, report.config), line: d.line ?? null, message: d.message, hint: d.hint ?? null });
  return {
    postsDir: report.config.postsDir,
    posts: {
      total: report.total,
      ok: report.ok,
      drafts: report.drafts,
      broken: report.broken.map((b) => ({ file: reportPath(b.file, report.config), errors: b.errors.map(issue) })),
    },
    otherErrors: report.otherErrors.map(issue),
    skipped: report.skipped.map((s) => ({ file: reportPath(s.sourcePath, report.config), reason: s.reason })),
    warnings: report.warnings.map((w) => ({ code: w.code ?? null, label: w.label, count: w.count, first: w.first.map(issue) })),
    config: {
      languages: report.guess.languages,
      defaultLanguage: report.guess.defaultLanguage ?? null,
      timeZone: report.guess.timeZone ?? null,
      snippet: report.guess.snippet,
    },
  };
}

export function toTextReport(report: MigrateReport): string {
  const { config } = report;
  const where = (d: Diagnostic) => [printable(reportPath(d.file, config)), d.line].filter((p) => p !== undefined).join(':');
  const out: string[] = [];
  out.push(`omnipress migrate-check: ${plural(report.total, 'post')} in ${config.postsDir}`);
  const drafts = report.drafts ? ` (${plural(report.drafts, 'draft')}, shown with --drafts)` : '';
  const notBuilding = report.broken.length ? `; ${report.broken.length} ${report.broken.length === 1 ? 'does' : 'do'} not` : '';
  out.push(`  ${report.ok} ${report.ok === 1 ? 'builds' : 'build'} as ${report.ok === 1 ? 'it is' : 'they are'}${drafts}${notBuilding}`);
  if (report.broken.length > 0) {
    out.push('', 'Posts that do not build:');
    for (const { errors } of report.broken) {
      for (const d of errors) {
        out.push(`  ${where(d)} error: ${printable(d.message)}`);
        if (d.hint) out.push(`    hint: ${printable(d.hint)}`);
      }
    }
  }
  if (report.otherErrors.length > 0) {
    out.push('', 'Other errors:');
    for (const d of report.otherErrors) out.push(`  ${where(d)} ${printable(d.message)}`);
  }
  if (report.skipped.length > 0) {
    out.push('', `Not posts, skipped (${report.skipped.length}):`);
    for (const s of report.skipped) out.push(`  ${printable(reportPath(s.sourcePath, config))}: ${s.reason}`);
  }
  const total = report.warnings.reduce((n, w) => n + w.count, 0);
  out.push('', report.warnings.length === 0 ? 'Warnings: none' : `Warnings (${plural(total, 'warning')} of ${plural(report.warnings.length, 'kind')}):`);
  for (const group of report.warnings) {
    out.push(`  ${printable(group.label)} ×${group.count}`);
    // A group without a code is named by its message already.
    for (const d of group.first) out.push(`    ${where(d)}${group.code === undefined ? '' : ` ${printable(d.message)}`}`);
    if (group.count > group.first.length) out.push(`    …and ${group.count - group.first.length} more`);
  }
  // Not indented, so it can be pasted into omnipress.yml as it is.
  out.push('', 'Config to add:', '', report.guess.snippet.trimEnd());
  return `${out.join('\n')}\n`;
}
