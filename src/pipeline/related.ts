// Related posts: for each post, the posts of its language that share the most categories and
// tags with it, ties to the newer. Built from an inverted index (term → its posts), so a post is
// scored only against posts that share a term with it; a term on very many posts (`news` on every
// post of a news site) offers only the COMMON_TERM_WINDOW posts nearest in date, so the work is
// bounded by the number of (post, term) pairs times that window, never by posts × posts.
import type { Post } from '../types.js';
import { termKey } from './taxonomies.js';

/** How many related posts a post shows at most. */
export const RELATED_COUNT = 4;

/** Posts a term offers each of its posts as candidates: this many on each side, by date. */
export const COMMON_TERM_WINDOW = 50;

/** Counts the candidate scorings, so a test can prove the bound without timing anything. */
export interface RelatedWork {
  scorings: number;
}

/**
 * `posts`: one language's posts, newest first (as the model sorts them). Post id → the ids of its
 * related posts, best first; posts without any are left out.
 */
export function relatedPosts(posts: readonly Pick<Post, 'id' | 'tags' | 'categories'>[], work?: RelatedWork): Map<string, string[]> {
  // Per term, its posts as indexes into `posts` (ascending, so newest first); per post, each of
  // its terms with the post's place in that term's list.
  const postings = new Map<string, number[]>();
  const memberships: [number[], number][][] = posts.map((post, at) => {
    const seen = new Set<string>();
    const mine: [number[], number][] = [];
    for (const [kind, names] of [['c', post.categories], ['t', post.tags]] as const) {
      for (const name of names) {
        const key = `${kind}\0${termKey(name)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let list = postings.get(key);
        if (!list) postings.set(key, (list = []));
        mine.push([list, list.length]);
        list.push(at);
      }
    }
    return mine;
  });
  const related = new Map<string, string[]>();
  const scores = new Map<number, number>();
  for (const [at, mine] of memberships.entries()) {
    scores.clear();
    for (const [list, place] of mine) {
      const from = Math.max(0, place - COMMON_TERM_WINDOW);
      const to = Math.min(list.length, place + COMMON_TERM_WINDOW + 1);
      for (let i = from; i < to; i++) {
        const other = list[i]!;
        if (other === at) continue;
        scores.set(other, (scores.get(other) ?? 0) + 1);
        if (work) work.scorings++;
      }
    }
    if (scores.size === 0) continue;
    // Most shared terms first; among equals the newer (a smaller index).
    const best = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, RELATED_COUNT);
    related.set(posts[at]!.id, best.map(([other]) => posts[other]!.id));
  }
  return related;
}
