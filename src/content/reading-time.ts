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
 * runs for every post of every build. Each UTF-16 unit is classified once per process by the
 * Unicode property tests above and remembered in a table; only surrogate pairs (emoji, rare Han)
 * are tested each time.
 */
function countText(text: string): { cjk: number; words: number } {
  let cjk = 0;
  let words = 0;
  let inWord = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let kind: number;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      kind = charKind(code, text.slice(i, i + 2)); // a high surrogate and what follows it
      i++;
    } else {
      kind = unitKind(code);
    }
    if (kind === CJK_CHAR) {
      cjk++;
      inWord = false;
    } else if (kind === LETTER_CHAR) {
      if (!inWord) words++;
      inWord = true;
    } else if (inWord && (code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d)) {
      // `'`, `’`, `.`, `-` join two words only when a letter follows.
      inWord = i + 1 < length && unitKind(text.charCodeAt(i + 1)) === LETTER_CHAR;
    } else {
      inWord = false;
    }
  }
  return { cjk, words };
}

const OTHER_CHAR = 1;
const CJK_CHAR = 2;
/** A letter or digit that is not CJK. */
const LETTER_CHAR = 3;
/** Kind of every UTF-16 unit seen so far (0: not yet seen). A lone surrogate is OTHER_CHAR. */
const unitKinds = new Uint8Array(0x10000);

function unitKind(code: number): number {
  let kind = unitKinds[code]!;
  if (kind === 0) {
    kind = charKind(code, String.fromCharCode(code));
    unitKinds[code] = kind;
  }
  return kind;
}

function charKind(code: number, ch: string): number {
  if (code > 0x2e7f && CJK.test(ch)) return CJK_CHAR;
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) ? LETTER_CHAR : OTHER_CHAR;
  return LETTER.test(ch) ? LETTER_CHAR : OTHER_CHAR;
}
