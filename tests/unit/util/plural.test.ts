import { describe, expect, it } from 'vitest';
import { plural } from '../../../src/util/plural.js';

describe('plural', () => {
  it('counts in English, with an irregular plural when given', () => {
    expect(plural(1, 'post')).toBe('1 post');
    expect(plural(0, 'post')).toBe('0 posts');
    expect(plural(1, 'story', 'stories')).toBe('1 story');
    expect(plural(2, 'story', 'stories')).toBe('2 stories');
  });
});
