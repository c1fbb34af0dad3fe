// The desk's report as text for an editor, JSON and CSV for tools and spreadsheets, GitHub
// annotations (through check's machinery) for a scheduled workflow or a pull request.
import { displayPath, printable, warning, type Diagnostic } from '../diagnostics.js';
import { isoDate } from '../content/dates.js';
import type { Lang } from '../types.js';
import { plural } from '../util/plural.js';
import type { StoryLanguage, TranslationsReport } from './desk.js';

export type TranslationsFormat = 'text' | 'json' | 'github' | 'csv';

/** `check`'s one line: `translations: ko 100%, zh 92% (3 missing, 2 stale), en 80% (5 missing)`. */
export function summaryLine(report: TranslationsReport): string {
  const parts = report.languages.map((l) => {
    const open = [l.missing ? `${l.missing} missing` : '', l.stale ? `${l.stale} stale` : '', l.drafts ? `${l.drafts} in progress` : ''].filter(Boolean);
    return `${l.lang} ${l.percent}%${open.length ? ` (${open.join(', ')})` : ''}`;
  });
  return `translations: ${parts.join(', ')} of ${plural(report.stories, 'story', 'stories')}`;
}

export function toText(report: TranslationsReport, root: string, timeZone: string): string {
  const lines: string[] = [`${plural(report.stories, 'story', 'stories')}`];
  for (const l of report.languages) {
    const into = l.into.map((i) => `${i.lang} ${i.count} (${i.percent}%)`).join(', ');
    const drafts = l.drafts ? `, ${l.drafts} in progress` : '';
    lines.push(`  ${l.lang}: ${plural(l.posts, 'post')}, in ${plural(l.translated, 'story', 'stories')} (${l.percent}%), ${l.missing} missing, ${l.stale} stale${drafts}${into ? `; translated into ${into}` : ''}`);
  }
  if (report.todo.length === 0) {
    lines.push('', 'nothing to do: every story is in every language and up to date');
    return `${lines.join('\n')}\n`;
  }
  lines.push('', `to do, newest first (${report.todo.length}):`);
  const day = (date: Date) => isoDate(date, timeZone).slice(0, 10);
  for (const story of report.todo) {
    lines.push(`  ${printable(story.key)} (${day(story.source.date)}, source ${story.source.lang}: ${printable(displayPath(story.source.sourcePath, root))})`);
    for (const l of story.languages) {
      if (l.status === 'source') continue;
      const file = l.post ? `  ${printable(displayPath(l.post.sourcePath, root))}` : '';
      const why =
        l.status === 'stale'
          ? `: the source changed ${day(story.sourceChanged.date)}, the translation follows ${day(l.follows!)} (${plural(l.daysBehind!, 'day')} behind)`
          : '';
      lines.push(`    ${l.lang} ${l.status === 'draft' ? 'in progress (draft)' : l.status}${file}${why}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface JsonTranslationsReport {
  stories: number;
  languages: TranslationsReport['languages'];
  todo: Array<{
    key: string;
    date: string;
    source: { lang: Lang; file: string; changed: string; commit: string | null };
    languages: Array<{ lang: Lang; status: StoryLanguage['status']; file: string | null; changed: string | null; follows: string | null; daysBehind: number | null }>;
  }>;
}

export function toJsonReport(report: TranslationsReport, root: string, timeZone: string): JsonTranslationsReport {
  const iso = (date: Date | undefined) => (date ? isoDate(date, timeZone) : null);
  return {
    stories: report.stories,
    languages: report.languages,
    todo: report.todo.map((story) => ({
      key: story.key,
      date: iso(story.source.date)!,
      source: { lang: story.source.lang, file: relative(story.source.sourcePath, root), changed: iso(story.sourceChanged.date)!, commit: story.sourceChanged.commit ?? null },
      languages: story.languages.map((l) => ({
        lang: l.lang,
        status: l.status,
        file: l.post ? relative(l.post.sourcePath, root) : null,
        changed: iso(l.changed?.date),
        follows: iso(l.follows),
        daysBehind: l.daysBehind ?? null,
      })),
    })),
  };
}

/** One row per language of each story with something to do. */
export function toCsv(report: TranslationsReport, root: string, timeZone: string): string {
  const rows = [['story', 'language', 'status', 'file', 'source_file', 'source_changed', 'follows', 'days_behind']];
  const iso = (date: Date | undefined) => (date ? isoDate(date, timeZone) : '');
  for (const story of report.todo) {
    for (const l of story.languages) {
      rows.push([
        story.key,
        l.lang,
        l.status,
        l.post ? relative(l.post.sourcePath, root) : '',
        relative(story.source.sourcePath, root),
        iso(story.sourceChanged.date),
        iso(l.follows),
        l.daysBehind === undefined ? '' : String(l.daysBehind),
      ]);
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180: quoted when it holds a comma, quote or line break; a leading = + - @ is kept from spreadsheets' formulas. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Stale translations (on the translation's file) and missing ones (on the source's), as warnings. */
export function toDiagnostics(report: TranslationsReport, langs: readonly Lang[], timeZone: string, root: string): Diagnostic[] {
  const day = (date: Date) => isoDate(date, timeZone).slice(0, 10);
  const diagnostics: Diagnostic[] = [];
  for (const story of report.todo) {
    const source = displayPath(story.source.sourcePath, root);
    for (const l of story.languages) {
      if (!langs.includes(l.lang)) continue;
      if (l.status === 'stale') {
        diagnostics.push(
          warning(l.post!.sourcePath, `stale ${l.lang} translation of ${story.key}: the ${story.source.lang} source changed ${day(story.sourceChanged.date)}, ${plural(l.daysBehind!, 'day')} after the revision this follows (${day(l.follows!)})`, {
            line: l.post!.keyLines.translatedFrom,
            hint: `bring it up to date with ${source}, then set translatedFrom: ${story.sourceChanged.commit ?? day(story.sourceChanged.date)}`,
          }),
        );
      } else if (l.status === 'missing') {
        diagnostics.push(
          warning(story.source.sourcePath, `${story.key} has no ${l.lang} translation`, {
            hint: `start one with: omnipress new ${l.lang} --translate ${source}`,
          }),
        );
      }
    }
  }
  return diagnostics;
}


function relative(file: string, root: string): string {
  return displayPath(file, root).split('\\').join('/');
}
