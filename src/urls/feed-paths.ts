// Where a language's feeds live: Atom at `/<lang>/feed.xml`, RSS 2.0 at `/<lang>/rss.xml`, JSON
// Feed at `/<lang>/feed.json`. Feeds write them, page heads link them, and no page may take them.
import type { Lang } from '../types.js';

export type FeedFormat = 'atom' | 'rss' | 'json';

/** The three feeds of a language: file name under `/<lang>/`, media type (for auto-discovery), label. */
export const FEED_FORMATS: ReadonlyArray<{ format: FeedFormat; file: string; type: string; label: string }> = [
  { format: 'atom', file: 'feed.xml', type: 'application/atom+xml', label: 'Atom' },
  { format: 'rss', file: 'rss.xml', type: 'application/rss+xml', label: 'RSS' },
  { format: 'json', file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
];

/** Site path of a language's feed: `feedPath('ko', 'atom')` → `/ko/feed.xml`. */
export function feedPath(lang: Lang, format: FeedFormat): string {
  return `/${lang}/${FEED_FORMATS.find((f) => f.format === format)!.file}`;
}
