import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../src/content/excerpt.js';
import { headGraphemes, isLoneGrapheme } from '../../../src/content/graphemes.js';

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
/** What Intl.Segmenter says the first `count` graphemes are: the reference headGraphemes must match. */
const reference = (text: string, count: number) => [...segmenter.segment(text)].map((s) => s.segment).slice(0, count);

// Texts a paragraph can start with; the fast path (one grapheme per unit) must give way to the
// segmenter whenever a unit could join its neighbour.
const samples = {
  hangul: '한국어 문장은 음절 하나가 글자 하나입니다.',
  han: '中文句子里每个汉字都是一个字素。',
  kana: 'ひらがなとカタカナと漢字、ｶﾞ（半角）も。',
  fullwidth: 'ＡＢＣ！＂＃１２３，．／：；',
  english: 'Plain English, with punctuation — “quotes” and dashes…',
  combining: 'cafe\u0301 au lait, n\u0303, 한\u0301',
  conjoiningJamo: '가\u11a8 각\u11a8 \u1100\u1161\u11a8 ᄀ',
  emoji: 'ok 👍🏽 👨‍👩‍👧 🇰🇷🇨🇳 #️⃣ ❤️ ✌︎',
  indic: 'हिन्दी किताब',
  mixed: '한국어 English 中文 👍 e\u0301 。',
};

describe('headGraphemes', () => {
  it.each(Object.entries(samples))('agrees with Intl.Segmenter on %s text at every length', (_, text) => {
    for (let count = 1; count <= [...text].length + 2; count++) {
      expect(headGraphemes(text, count)).toEqual(reference(text, count));
    }
  });

  it('agrees with Intl.Segmenter when a joining character follows a run of simple ones', () => {
    for (const joiner of ['\u0301', '\u200d👍', '\ufe0f', '\u11a8', '\u093f', '🏽', '\u3099']) {
      for (const base of ['a', '가', '中', '。', 'Ａ', ' ']) {
        const text = base.repeat(5) + joiner + base.repeat(5);
        for (let count = 1; count <= 12; count++) expect(headGraphemes(text, count)).toEqual(reference(text, count));
      }
    }
  });

  it('treats as lone graphemes only units that Intl.Segmenter never joins to a neighbour', () => {
    // Probes for every way a unit can join: before/after a letter (combining marks, prepend),
    // twice in a row (regional indicators), after and before a Hangul syllable (jamo).
    const joined: string[] = [];
    let lone = 0;
    for (let code = 0; code < 0x10000; code++) {
      if (!isLoneGrapheme(code)) continue;
      lone++;
      const c = String.fromCharCode(code);
      for (const text of [`a${c}`, `${c}a`, `${c}${c}`, `가${c}`, `${c}가`, `${c}\u1100`]) {
        if ([...segmenter.segment(text)].length !== 2) joined.push(JSON.stringify(text));
      }
    }
    expect(joined).toEqual([]);
    expect(lone).toBeGreaterThan(30_000); // Hangul syllables and CJK ideographs are in
  });
});

describe('excerpt cut', () => {
  it('never splits a letter from its combining mark or an emoji sequence', () => {
    const body = `${'가'.repeat(10)}e\u0301👨‍👩‍👧${'나'.repeat(10)}`;
    expect(excerpt(body, 11)).toBe(`${'가'.repeat(10)}e\u0301…`);
    expect(excerpt(body, 12)).toBe(`${'가'.repeat(10)}e\u0301👨‍👩‍👧…`);
  });

  it('cuts long Korean, Chinese and fullwidth text at the grapheme count', () => {
    expect(excerpt('한'.repeat(300), 140)).toBe(`${'한'.repeat(140)}…`);
    expect(excerpt('漢'.repeat(300), 140)).toBe(`${'漢'.repeat(140)}…`);
    expect(excerpt('Ａ'.repeat(300), 10)).toBe(`${'Ａ'.repeat(10)}…`);
  });
});
