import { describe, expect, it } from 'vitest';
import { slugFromFileName, slugify } from '../../../src/content/slug.js';

const LANGS = ['ko', 'zh', 'en'];

describe('slugify', () => {
  it.each([
    ['C++ 정리 [1st] & 팁', 'c-정리-1st-팁'],
    ['学习笔记：第（二）篇', '学习笔记第二篇'],
    ['Hello, GPT-4o!', 'hello-gpt-4o'],
    ['  --Hello   World--  ', 'hello-world'],
    ['snake_case and/or back\\slash', 'snake-case-and-or-back-slash'],
    ['Node.js v1.2', 'nodejs-v12'],
    ['日本語のテキスト・カタカナ', '日本語のテキスト-カタカナ'],
    ['Ünïcödé Café', 'ünïcödé-café'],
    ['İstanbul', 'i̇stanbul'],
    ['Привет мир', 'привет-мир'],
    ['مرحبا بالعالم', 'مرحبا-بالعالم'],
    ['नमस्ते दुनिया', 'नमस्ते-दुनिया'],
    ['tab\there\nnewline\u3000ideographic', 'tab-here-newline-ideographic'],
    ['50% off? #1 deal', '50-off-1-deal'],
    ['❤️ love 1️⃣', 'love-1'],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('gives the same slug for NFD and NFC input', () => {
    const nfc = '한글 제목';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(slugify(nfd)).toBe('한글-제목');
    expect(slugify(nfd)).toBe(slugify(nfc));
  });

  it('never contains path or URL syntax', () => {
    for (const input of ['../../etc/passwd', 'a/b\\c', '..', '.', '%2e%2e', 'what?', '#hash', 'a.b.c', 'x/../y']) {
      const slug = slugify(input);
      expect(slug).not.toMatch(/[/\\.%?#]/);
    }
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
  });

  it('may be empty for punctuation-only or emoji-only titles', () => {
    expect(slugify('!!!')).toBe('');
    expect(slugify('🎉🎉')).toBe('');
    expect(slugify('')).toBe('');
  });

  it('cuts long slugs on a grapheme boundary without a trailing dash', () => {
    expect(slugify('a'.repeat(100))).toHaveLength(80);
    expect(slugify('abc def', 4)).toBe('abc');
    const korean = slugify('가'.repeat(100), 10);
    expect(korean).toBe('가'.repeat(10));
    // 𠀀 is outside the BMP: two UTF-16 units, one grapheme, four UTF-8 bytes.
    const astral = slugify('𠀀'.repeat(30), 25);
    expect([...astral]).toHaveLength(25);
    expect(astral).not.toMatch(/[\uD800-\uDBFF]$/);
    const accented = slugify('e\u0301'.repeat(10), 5); // é as e + combining acute
    expect(accented).toBe('é'.repeat(5));
  });

  it('stays within a file name limit even for long non-Latin titles', () => {
    const slug = slugify('𠀀'.repeat(80));
    expect(new TextEncoder().encode(slug).length).toBeLessThanOrEqual(200);
    expect(slug.length).toBeGreaterThan(0);
  });
});

describe('slugFromFileName', () => {
  it.each([
    ['ko/2024-05-14-hello-gpt-4o.md', 'hello-gpt-4o'],
    ['notes/学习笔记：第（二）篇.zh.md', '学习笔记第二篇'],
    ['2024-05-14-Hello-World.markdown', 'hello-world'],
    ['hello.en.md', 'hello'],
    ['hello.fr.md', 'hellofr'],
    ['gpt-4o/index.md', 'gpt-4o'],
    ['news/2024-05-14-gpt-4o/index.ko.md', 'gpt-4o'],
    ['gpt-4o/_index.md', 'gpt-4o'],
    ['index.md', 'index'],
    ['ko/index.md', 'index'],
    ['2024/05/모델 기능.md', '모델-기능'],
  ])('%s → %s', (id, expected) => {
    expect(slugFromFileName(id, LANGS)).toBe(expected);
  });

  it('normalizes NFD file names', () => {
    expect(slugFromFileName('ko/한글.md'.normalize('NFD'), LANGS)).toBe('한글');
  });
});
