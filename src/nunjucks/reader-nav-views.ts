// View pieces of the archive and of series, for views.ts: the archive's years and months, and a
// series as its box on a post and its own page show it.
import type { Series } from '../types.js';

/** What these views read of a post summary (views.ts PostSummary). */
interface Listed {
  title: string;
  url: string;
  dateISO: string;
}

export interface ArchiveMonth<P> {
  /** `05`. */
  month: string;
  /** `2024년 5월`, in the page's language. */
  label: string;
  posts: P[];
}

export interface ArchiveYear<P> {
  /** `2024`. */
  year: string;
  /** `2024년`, in the page's language. */
  label: string;
  months: ArchiveMonth<P>[];
}

/**
 * `posts` (newest first) by year and month of their dates in the site's time zone: the year and
 * month of each post's `dateISO`, which is written in that zone.
 */
export function archiveYears<P extends Listed>(posts: readonly P[], tag: string): ArchiveYear<P>[] {
  const years: ArchiveYear<P>[] = [];
  for (const post of posts) {
    const year = post.dateISO.slice(0, 4);
    const month = post.dateISO.slice(5, 7);
    let y = years[years.length - 1];
    if (y?.year !== year) years.push((y = { year, label: label(tag, Number(year)), months: [] }));
    let m = y.months[y.months.length - 1];
    if (m?.month !== month) y.months.push((m = { month, label: label(tag, Number(year), Number(month)), posts: [] }));
    m.posts.push(post);
  }
  return years;
}

const labels = new Map<string, Intl.DateTimeFormat>();

/** `2024년`, `2024年`, `2024`; with a month `2024년 5월`, `2024年5月`, `May 2024`. */
function label(tag: string, year: number, month?: number): string {
  const key = `${tag}\0${month === undefined}`;
  let format = labels.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = month === undefined ? { year: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'long', timeZone: 'UTC' };
    try {
      format = new Intl.DateTimeFormat(tag, options);
    } catch {
      format = new Intl.DateTimeFormat('en', options);
    }
    labels.set(key, format);
  }
  return format.format(new Date(Date.UTC(year, (month ?? 1) - 1, 15)));
}

export interface SeriesView {
  name: string;
  url: string;
  /** This post's part number, from 1; unset on the series' own page. */
  part?: number;
  total: number;
  parts: { title: string; url: string; part: number; current: boolean }[];
}

/** A series as a post (`current`, whose part it is) or its own page (no `current`) shows it. */
export function seriesView(
  series: Series | undefined,
  current: string | undefined,
  postsOf: (ids: readonly string[]) => Listed[],
  href: (sitePath: string) => string,
): SeriesView | undefined {
  if (!series) return undefined;
  const at = current === undefined ? -1 : series.postIds.indexOf(current);
  const parts = postsOf(series.postIds).map((post, i) => ({ title: post.title, url: post.url, part: i + 1, current: i === at }));
  const view: SeriesView = { name: series.name, url: href(series.url), total: series.postIds.length, parts };
  if (at >= 0) view.part = at + 1;
  return view;
}
