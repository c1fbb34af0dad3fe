import { describe, expect, it } from 'vitest';
import { COMMON_TERM_WINDOW, RELATED_COUNT, relatedPosts, type RelatedWork } from '../../../src/pipeline/related.js';

const post = (id: string, tags: string[], categories: string[] = []) => ({ id, tags, categories });

describe('relatedPosts', () => {
  it('ranks by shared categories and tags, ties to the newer, and leaves out posts sharing nothing', () => {
    // Newest first, as the model sorts a language's posts.
    const related = relatedPosts([
      post('e', ['voice']),
      post('d', ['voice', 'model'], ['analysis']),
      post('c', ['cooking']),
      post('b', ['voice', 'model'], ['analysis']),
      post('a', ['Voice', 'model'], ['analysis']),
    ]);
    expect(related.get('a')).toEqual(['d', 'b', 'e']);
    expect(related.get('e')).toEqual(['d', 'b', 'a']);
    expect(related.has('c')).toBe(false);
  });

  it('keeps a tag and a category of the same name apart', () => {
    const related = relatedPosts([post('b', [], ['news']), post('a', ['news'])]);
    expect(related.size).toBe(0);
  });

  it('scores a 20,000-post site with one tag on every post in work bounded by posts × terms × window, not posts²', () => {
    const n = 20_000;
    // Every post is tagged `news` (the common term); each also has a tag shared by ten posts.
    const posts = Array.from({ length: n }, (_, i) => post(`p${i}`, ['news', `topic-${Math.floor(i / 10)}`], ['daily']));
    const work: RelatedWork = { scorings: 0 };
    const related = relatedPosts(posts, work);
    const termsPerPost = 3;
    expect(work.scorings).toBeLessThanOrEqual(n * termsPerPost * 2 * COMMON_TERM_WINDOW);
    expect(work.scorings).toBeLessThan((n * n) / 50);
    expect(related.get('p5')).toHaveLength(RELATED_COUNT);
    // The posts of its small topic share three terms, the rest two.
    expect(related.get('p5')).toEqual(['p0', 'p1', 'p2', 'p3']);
  });
});
