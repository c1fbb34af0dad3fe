// Series: the posts of one language sharing a `series` value, oldest first (part 1 is the first
// published), each series with its own page. Names are folded as terms are (`GPT-4o 해설` and
// `gpt-4o 해설` are one series), and a series of one language is not one of another.
import type { Lang, Post, Series } from '../types.js';
import { seriesPath } from '../urls/site-paths.js';
import { termKey, uniqueSegment } from './taxonomies.js';

/** `posts`: one language's posts, newest first (as the model sorts them). Its series, oldest first. */
export function groupSeries(lang: Lang, posts: readonly Post[]): Series[] {
  const byKey = new Map<string, Series>();
  const segments = new Set<string>();
  // Oldest first: the first part names the series and keeps its address when later parts come.
  for (let i = posts.length - 1; i >= 0; i--) {
    const post = posts[i]!;
    if (post.series === undefined) continue;
    const key = termKey(post.series);
    if (key === '') continue;
    let series = byKey.get(key);
    if (!series) {
      const segment = uniqueSegment(key, segments);
      segments.add(segment);
      series = { name: post.series, url: seriesPath(lang, segment), postIds: [] };
      byKey.set(key, series);
    }
    series.postIds.push(post.id);
  }
  return [...byKey.values()];
}
