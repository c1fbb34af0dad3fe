import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../../src/content/reading-time.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('readingMinutes', () => {
  it('is at least one minute', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('Hi.')).toBe(1);
  });

  it('counts English words at 230 a minute', () => {
    expect(readingMinutes(words(230 * 5))).toBe(5);
    expect(readingMinutes(words(230 * 3 + 100))).toBe(3); // 3.43 rounds down
    expect(readingMinutes(words(230 * 3 + 120))).toBe(4); // 3.52 rounds up
    expect(readingMinutes("don't re-read e.g. GPT-4o's docs")).toBe(1);
  });

  it('counts Korean and Chinese characters at 500 a minute, not their spaces', () => {
    expect(readingMinutes('가나다라마 '.repeat(400))).toBe(4); // 2,000 syllables, 400 "words"
    expect(readingMinutes('学习笔记'.repeat(750))).toBe(6); // 3,000 characters, no spaces at all
    expect(readingMinutes('ひらがなカタカナ漢字'.repeat(100))).toBe(2); // 1,000 characters
  });

  it('adds both for a mixed Korean/English post', () => {
    const body = `${'한글'.repeat(1000)} ${words(460)}`; // 2,000 chars = 4 min, 460 words = 2 min
    expect(readingMinutes(body)).toBe(6);
    expect(readingMinutes('한글'.repeat(1000))).toBe(4);
    expect(readingMinutes(words(460))).toBe(2);
  });

  it('does not count URLs, link targets or HTML tags as words', () => {
    const link = '[x](https://example.com/a/b/c/d/e/f/g/h/i/j) <span class="a b c d"></span> ';
    expect(readingMinutes(link.repeat(200) + words(100))).toBe(1);
    expect(readingMinutes('https://example.com/a/b/c/d/e/f/g/h/i/j/k/l/m/n '.repeat(100))).toBe(1);
  });
});

describe('readingMinutes by script', () => {
  // 500 characters make one minute, 230 words make one minute: a count is visible as minutes.
  const cjkMinutes = (unit: string, n: number) => readingMinutes(unit.repeat(n));

  it('counts Hangul, Han (also beyond the BMP), hiragana, katakana and halfwidth katakana as characters', () => {
    for (const unit of ['한', '漢', '𠀀', 'ひ', 'カ', 'ｶ']) {
      expect(cjkMinutes(unit, 1250), unit).toBe(3); // 2.5 minutes
      expect(cjkMinutes(unit, 1240), unit).toBe(2); // 2.48 minutes
    }
  });

  it('counts fullwidth Latin letters as words, not as CJK characters', () => {
    expect(readingMinutes('ＡＢＣ '.repeat(690))).toBe(3); // 690 words
    expect(readingMinutes('ＡＢＣ'.repeat(1250))).toBe(1); // one long word
  });

  it('reads emoji and combining marks as neither words nor characters', () => {
    expect(readingMinutes('👍🏽 '.repeat(2000))).toBe(1);
    expect(readingMinutes('\u0301'.repeat(3000))).toBe(1);
    // A combining mark ends a word like punctuation does: e + U+0301 + s is two words.
    expect(readingMinutes('cafe\u0301s '.repeat(230))).toBe(2);
  });

  it("joins words across ', ’, . and - only when a letter follows", () => {
    expect(readingMinutes("it's ".repeat(460))).toBe(2);
    expect(readingMinutes('it’s '.repeat(460))).toBe(2);
    expect(readingMinutes('it- s '.repeat(230))).toBe(2);
    expect(readingMinutes('it-한 '.repeat(230))).toBe(1); // 230 words + 230 characters
  });
});
