// A migrate-check report as text for a person deciding whether to switch, or as JSON for tools.
import path from 'node:path';
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
  /** The posts against the site's current config; null when the suggested config changes nothing. */
  currentConfig: { ok: number; drafts: number; broken: Array<{ file: string; errors: JsonIssue[] }> } | null;
  config: {
    languages: Array<{ code: string; tag: string; name: string; posts: number }>;
    defaultLanguage: string | null;
    timeZone: { zone: string; reason: string } | null;
    /** The old generator's config read (its file name), and which generator it is. */
    oldConfig: { file: string; generator: string } | null;
    /** The old URL patterns, as written and in omnipress's tokens (null when one has no equivalent). */
    legacyPermalinks: Array<{ written: string; source: string; pattern: string | null; notes: string[] }>;
    snippet: string;
  };
  /** Links in posts to the old site's URLs that point nowhere now, by old pattern. */
  oldLinks: {
    groups: Array<{ pattern: string | null; written: string; links: number; posts: number; fixedBy: 'legacyPermalink' | null; first: Array<{ file: string; line: number; url: string; to: string }> }>;
    /** Links that point nowhere and match no old pattern (`omnipress check` lists them). */
    otherDead: number;
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
  const broken = (list: MigrateReport['broken']) => list.map((b) => ({ file: reportPath(b.file, report.config), errors: b.errors.map(issue) }));
  const { old } = report.guess;
  return {
    postsDir: report.config.postsDir,
    posts: { total: report.total, ok: report.ok, drafts: report.drafts, broken: broken(report.broken) },
    currentConfig: report.current ? { ok: report.current.ok, drafts: report.current.drafts, broken: broken(report.current.broken) } : null,
    otherErrors: report.otherErrors.map(issue),
    skipped: report.skipped.map((s) => ({ file: reportPath(s.sourcePath, report.config), reason: s.reason })),
    warnings: report.warnings.map((w) => ({ code: w.code ?? null, label: w.label, count: w.count, first: w.first.map(issue) })),
    config: {
      languages: report.guess.languages,
      defaultLanguage: report.guess.defaultLanguage ?? null,
      timeZone: report.guess.timeZone ?? null,
      oldConfig: old ? { file: path.basename(old.configFile), generator: old.generator } : null,
      legacyPermalinks: report.guess.permalinks.map((p) => ({ written: p.written, source: p.source, pattern: p.pattern ?? null, notes: p.notes })),
      snippet: report.snippet,
    },
    oldLinks: {
      groups: report.oldLinks.groups.map((g) => ({
        pattern: g.permalink.pattern ?? null,
        written: g.permalink.written,
        links: g.links,
        posts: g.posts,
        fixedBy: g.fixed ? 'legacyPermalink' : null,
        first: g.first.map((l) => ({ file: reportPath(l.file, report.config), line: l.line, url: l.url, to: l.to })),
      })),
      otherDead: report.oldLinks.otherDead,
    },
  };
}

const GENERATORS: Record<string, string> = { jekyll: 'Jekyll', hexo: 'Hexo', hugo: 'Hugo' };

/** `Jekyll URLs /:year/:month/:day/:title/: 4 links in 3 posts — fixed by legacyPermalink`, then the first few. */
function oldLinkLines(report: MigrateReport): string[] {
  const { groups, otherDead } = report.oldLinks;
  const found = groups.filter((g) => g.links > 0);
  if (found.length === 0 && otherDead === 0) return [];
  const out = ['', 'Links to old URLs:'];
  for (const g of found) {
    const { permalink } = g;
    const pattern = permalink.pattern ?? permalink.written;
    const written = permalink.pattern && permalink.written !== pattern ? ` (${permalink.written})` : '';
    const fix = g.fixed ? 'fixed by legacyPermalink' : 'not fixed by the config below';
    out.push(`  ${GENERATORS[permalink.generator]} URLs ${printable(pattern)}${printable(written)}: ${plural(g.links, 'link')} in ${plural(g.posts, 'post')} — ${fix}`);
    for (const l of g.first) out.push(`    ${printable(reportPath(l.file, report.config))}:${l.line} ${printable(l.url)} → ${printable(l.to)}`);
    if (g.links > g.first.length) out.push(`    …and ${g.links - g.first.length} more`);
  }
  if (otherDead > 0) out.push(`  ${plural(otherDead, 'other link')} ${otherDead === 1 ? 'points' : 'point'} nowhere (omnipress check lists them)`);
  return out;
}

export function toTextReport(report: MigrateReport): string {
  const { config } = report;
  const where = (d: Diagnostic) => [printable(reportPath(d.file, config)), d.line].filter((p) => p !== undefined).join(':');
  const out: string[] = [];
  out.push(`omnipress migrate-check: ${plural(report.total, 'post')} in ${config.postsDir}`);
  const drafts = report.drafts ? ` (${plural(report.drafts, 'draft')}, shown with --drafts)` : '';
  const notBuilding = (n: number) => (n ? `; ${n} ${n === 1 ? 'does' : 'do'} not` : '');
  const against = report.current ? ' with the config below' : '';
  out.push(`  ${report.ok} ${report.ok === 1 ? 'builds' : 'build'} as ${report.ok === 1 ? 'it is' : 'they are'}${against}${drafts}${notBuilding(report.broken.length)}`);
  if (report.current) {
    const { ok, broken } = report.current;
    out.push(`  ${ok} ${ok === 1 ? 'builds' : 'build'} with the current config${notBuilding(broken.length)}`);
  }
  const { old } = report.guess;
  if (old) out.push(`  old site: ${printable(old.configFile)} (${GENERATORS[old.generator]})`);
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
  out.push(...oldLinkLines(report));
  // Not indented, so it can be pasted into omnipress.yml as it is.
  out.push('', 'Config to add:', '', report.snippet.trimEnd());
  return `${out.join('\n')}\n`;
}
