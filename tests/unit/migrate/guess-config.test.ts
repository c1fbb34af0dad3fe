import { describe, expect, it } from 'vitest';
import { guessConfig } from '../../../src/migrate/guess-config.js';
import { configSnippet } from '../../../src/migrate/config-snippet.js';
import type { SourceFile } from '../../../src/types.js';

const file = (id: string, text: string): SourceFile => ({ id, sourcePath: `/blog/${id}`, text, hash: id, mtime: new Date(0) });
const dated = (id: string, date: string, body: string, extra = '') => file(id, `---\ndate: ${date}\n${extra}---\n${body}\n`);

describe('guessConfig', () => {
  it('takes the dominant offset, read with the main language', () => {
    const ja = [dated('a.md', '2024-05-14 10:00:00 +0900', 'ひらがなとカタカナの文章です。'), dated('b.md', '2024-05-15 10:00:00 +0900', 'これも日本語の文章です。')];
    expect(guessConfig(ja).timeZone?.zone).toBe('Asia/Tokyo');
    const ko = [dated('a.md', '2024-05-14T10:00:00+09:00', '한국어 문장입니다.')];
    expect(guessConfig(ko).timeZone?.zone).toBe('Asia/Seoul');
    const tw = [dated('a.md', '2024-05-14 10:00:00 +0800', '繁體中文的文章。', 'lang: zh-TW\n')];
    expect(guessConfig(tw)).toMatchObject({ timeZone: { zone: 'Asia/Taipei' }, languages: [{ code: 'zh', tag: 'zh-Hant' }] });
    const ny = [dated('a.md', '2024-05-14 10:00:00 -0500', 'An English post.'), dated('b.md', '2024-05-14 10:00:00 -0500', 'Another one.'), dated('c.md', '2024-05-14 10:00:00 +0900', 'One from a trip.')];
    expect(guessConfig(ny).timeZone).toEqual({ zone: 'Etc/GMT+5', reason: '2 of 3 dates are written with -05:00' });
  });

  it('guesses from the language when no date has an offset', () => {
    const zh = [dated('a.md', '2023-11-20 14:05:00', '这是一篇中文文章。')];
    expect(guessConfig(zh).timeZone?.zone).toBe('Asia/Shanghai');
  });

  it('does not take the day of a date for an offset, and says when it has no guess', () => {
    const en = [dated('a.md', '2024-01-01', 'An English post.'), dated('b.md', '2024-05-14 10:00', 'Another one.')];
    const guess = guessConfig(en);
    expect(guess.timeZone).toBeUndefined();
    expect(configSnippet(guess)).toContain('# timeZone: no date carries an offset');
    expect(configSnippet(guess)).not.toMatch(/^timeZone:/m);
  });

  it('finds languages in front matter, folders, suffixes and scripts', () => {
    const files = [
      file('ko/a.md', '---\ntitle: a\n---\nabc\n'),
      file('b.en.md', '---\ntitle: b\n---\n한국어처럼 보여도 이름이 영어라고 말합니다.\n'),
      file('c.md', '---\nlang: ko_KR\n---\nwritten in English but marked Korean\n'),
      file('d.md', '---\ntitle: d\n---\n순수한 한국어 문장.\n'),
      file('d-fr.md', '---\ntitle: d\n---\nUne phrase en français.\n'),
      file('notes/it/e.md', '---\ntitle: e\n---\nA topic folder called it, not Italian: only top-level folders name languages.\n'),
    ];
    const guess = guessConfig(files);
    expect(guess.languages.map((l) => [l.code, l.posts])).toEqual([['ko', 3], ['en', 2], ['fr', 1]]);
    expect(guess.languages.find((l) => l.code === 'fr')?.name).toBe('français');
    expect(guess.defaultLanguage).toBe('ko');
  });
});
