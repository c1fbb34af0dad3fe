// Reading time for mixed-script posts. Korean and Chinese have no words to count the way English
// does (Chinese has no spaces; a Korean "word" packs several syllables), so CJK characters and
// Latin-script words are counted separately, each at its own reading speed, and added.

/** Characters per minute for Hangul, Han and kana (a common figure for Korean and Chinese readers). */
export const CJK_CHARS_PER_MINUTE = 500;
/** Words per minute for everything else (Latin, Cyrillic, digits…). */
export const WORDS_PER_MINUTE = 230;

const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
// Link targets, URLs and tags are not read; code in fences is, roughly like words.
const NOT_READ = /\]\([^)\s]*\)|https?:\/\/\S+|<\/?[a-zA-Z][^>]*>/g;

/** Estimated minutes to read `body` (Markdown), rounded, at least 1. */
export function readingMinutes(body: string): number {
  const text = body.replace(NOT_READ, ' ');
  let cjk = 0;
  const rest = text.replace(CJK, () => {
    cjk++;
    return ' ';
  });
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(rest) !== null) words++;
  return Math.max(1, Math.round(cjk / CJK_CHARS_PER_MINUTE + words / WORDS_PER_MINUTE));
}
