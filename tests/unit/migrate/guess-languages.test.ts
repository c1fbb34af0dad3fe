import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/content/language.js';
import { guessLanguages } from '../../../src/migrate/guess-languages.js';
import type { SourceFile } from '../../../src/types.js';

const file = (id: string, text: string): SourceFile => ({ id, sourcePath: `/blog/${id}`, text, hash: id, mtime: new Date(0) });
const post = (id: string, body: string, front = '') => file(id, `---\n${front}---\n${body}\n`);

const ZH = '周末去了一趟山里，空气很好，走了很久才回来。';
const KO = '주말에 산에 다녀왔습니다. 공기가 좋아서 오래 걸었습니다.';
const EN = 'We spent the weekend in the hills, where the air was clear and the walks were long.';

const codes = (guess: ReturnType<typeof guessLanguages>) => guess.languages.map((l) => [l.code, l.posts]);

describe('guessLanguages', () => {
  it('puts an English post of a Chinese blog in en, where the build puts it with the suggested languages', () => {
    const files = [post('a.md', ZH), post('b.md', ZH), post('c.md', EN)];
    const guess = guessLanguages(files);
    expect(codes(guess)).toEqual([['zh', 2], ['en', 1]]);
    expect(guess.defaultLanguage).toBe('zh');
    const languages = guess.languages.map((l) => ({ ...l, title: '', description: '' }));
    for (const f of files) {
      const body = f.text.split('---\n')[2]!;
      const built = detectLanguage({ frontMatterLang: undefined, id: f.id, body, languages, defaultLang: guess.defaultLanguage! });
      expect('lang' in built && built.lang).toBe(guess.byPost.get(f.id));
    }
  });

  it('suggests no language that receives no posts', () => {
    // The old config declares ja, and the blog has a ja/ folder, but no post is Japanese or in it.
    const guess = guessLanguages([post('a.md', KO), post('b.md', KO)], { languages: [{ code: 'ko' }, { code: 'ja' }], default: 'ko' });
    expect(codes(guess)).toEqual([['ko', 2]]);
  });

  it('takes a folder for a language only when its name is one the blog has: cs/ is a topic, ja/ a language', () => {
    const guess = guessLanguages([post('cs/graphs.md', KO), post('ja/a.md', 'Notes.'), post('ja/b.md', 'お花見に行きました。桜がきれいでした。'), post('c.md', KO)]);
    expect(guess.byPost.get('cs/graphs.md')).toBe('ko');
    // ja is a language of this blog (b.md is Japanese), so ja/a.md, too short to tell, is Japanese by its folder.
    expect(guess.byPost.get('ja/a.md')).toBe('ja');
    expect(guess.languages.map((l) => l.code)).not.toContain('cs');
  });

  it('reads the title: a Korean title over a code-heavy English body is Korean', () => {
    const body = `${EN}\n\n\`\`\`sh\nnpm install\n\`\`\`\n`;
    const guess = guessLanguages([post('a.md', body, 'title: 설치 메모\n'), post('b.md', KO)]);
    expect(codes(guess)).toEqual([['ko', 2]]);
  });

  it('on a tie, makes the language of x.md beside x-en.md the default, never the alphabetically first', () => {
    const guess = guessLanguages([post('walk.md', KO), post('walk-en.md', EN)]);
    expect(guess.defaultLanguage).toBe('ko');
    expect(guess.defaultReason).toContain('x.md beside x-en.md');
    const dotted = guessLanguages([post('walk.md', ZH), post('walk.en.md', EN)]);
    expect(dotted.defaultLanguage).toBe('zh');
    expect(dotted.languages[0]?.code).toBe('zh');
  });

  it('on a tie without translations, takes the old config\'s default', () => {
    const files = [post('a.md', EN), post('b.md', KO)];
    expect(guessLanguages(files, { languages: [], default: 'ko-KR' }).defaultLanguage).toBe('ko');
    expect(guessLanguages(files, { languages: [], default: 'en' }).defaultLanguage).toBe('en');
  });

  it('gives posts that say nothing of their language to the default', () => {
    const guess = guessLanguages([post('a.md', ZH), post('b.md', ZH), post('photo.md', '![](a.png)')]);
    expect(guess.byPost.get('photo.md')).toBe('zh');
    expect(codes(guess)).toEqual([['zh', 3]]);
  });
});
