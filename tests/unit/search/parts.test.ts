// How a language's posts are cut into search index parts (src/search/indexing-session.ts), and
// where each part goes in the bundle (src/search/bundle-assembly.ts): counted from the oldest, so
// that a news site's new post only ever changes its newest part.
import { describe, expect, it } from 'vitest';
import { partFolder } from '../../../src/search/bundle-assembly.js';
import { splitIntoParts } from '../../../src/search/indexing-session.js';
import type { Route } from '../../../src/types.js';

/** Post routes in site order, newest first: `n` is the newest, 1 the oldest. */
function routes(n: number): Route[] {
  return Array.from({ length: n }, (_, at) => {
    const url = `/ko/posts/${n - at}/`;
    return { kind: 'post', sitePath: url, outputPath: `ko/posts/${n - at}/index.html`, layout: 'post', lang: 'ko', postIds: [String(n - at)] };
  });
}

const numbers = (parts: Route[][]) => parts.map((part) => part.map((route) => Number(route.postIds[0])));

describe('search index parts', () => {
  it('puts the oldest posts in part 0 and leaves the newest part short', () => {
    expect(numbers(splitIntoParts(routes(5), 2))).toEqual([[2, 1], [4, 3], [5]]);
  });

  it('keeps a language with no more posts than the part size in one part, and an empty one in one empty part', () => {
    expect(numbers(splitIntoParts(routes(3), 3))).toEqual([[3, 2, 1]]);
    expect(numbers(splitIntoParts(routes(0), 3))).toEqual([[]]);
  });

  it('changes only the newest part when a newer post is added', () => {
    const before = numbers(splitIntoParts(routes(7), 3));
    const after = numbers(splitIntoParts(routes(8), 3));
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)).toEqual([8, 7]);
  });

  it('keeps part 0 of every language in the main bundle and gives the others a folder each', () => {
    expect(partFolder('ko', 0)).toBe('pagefind');
    expect(partFolder('zh', 2)).toBe('pagefind/parts/zh-2');
  });
});
