// Reading time for mixed-script posts. Korean and Chinese have no words to count the way English
// does (Chinese has no spaces; a Korean "word" packs several syllables), so CJK characters and
// Latin-script words are counted separately, each at its own reading speed, and added.

/** Characters per minute for Hangul, Han and kana (a common figure for Korean and Chinese readers). */
export const CJK_CHARS_PER_MINUTE = 500;
/** Words per minute for everything else (Latin, Cyrillic, digits…). */
export const WORDS_PER_MINUTE = 230;

const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER = /[\p{L}\p{N}]/u;
// Link targets, URLs and tags are not read; code in fences is, roughly like words.
const NOT_READ = /\]\([^)\s]*\)|https?:\/\/\S+|<\/?[a-zA-Z][^>]*>/g;

/** Estimated minutes to read `body` (Markdown), rounded, at least 1. */
export function readingMinutes(body: string): number {
  const { cjk, words } = countText(body.replace(NOT_READ, ' '));
  return Math.max(1, Math.round(cjk / CJK_CHARS_PER_MINUTE + words / WORDS_PER_MINUTE));
}

/**
 * CJK characters, and words: runs of letters and digits, joined across `'`, `’`, `.` and `-`
 * (`don't`, `GPT-4o`, `3.5`). One pass over the text with no allocation per character: this
 * runs for every post of every build. Plain ASCII is decided by code, the rest by Unicode
 * property tests.
 */
function countText(text: string): { cjk: number; words: number } {
  let cjk = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let ch = text[i]!;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      ch = text.slice(i, i + 2);
      i++;
    }
    if (code > 0x2e7f && CJK.test(ch)) {
      cjk++;
      inWord = false;
    } else if (isLetter(code, ch)) {
      if (!inWord) words++;
      inWord = true;
    } else if (inWord && (ch === "'" || ch === '’' || ch === '.' || ch === '-')) {
      const next = text.charCodeAt(i + 1);
      inWord = i + 1 < text.length && isLetter(next, text[i + 1]!) && !(next > 0x2e7f && CJK.test(text[i + 1]!));
    } else {
      inWord = false;
    }
  }
  return { cjk, words };
}

function isLetter(code: number, ch: string): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return LETTER.test(ch);
}
