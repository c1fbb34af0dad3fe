import { describe, expect, it } from 'vitest';
import { detectLanguage, scriptLanguage } from '../../../src/content/language.js';
import type { LanguageConfig } from '../../../src/types.js';

const lang = (code: string, tag: string, name: string): LanguageConfig => ({ code, tag, name, title: name, description: '' });
const LANGUAGES = [lang('ko', 'ko', '한국어'), lang('zh', 'zh-Hans', '中文'), lang('en', 'en', 'English')];
const detect = (over: Partial<Parameters<typeof detectLanguage>[0]>) =>
  detectLanguage({ frontMatterLang: undefined, id: 'post.md', body: '', languages: LANGUAGES, defaultLang: 'ko', ...over });

const KOREAN = 'GPT-4o 모델의 새로운 기능을 정리했습니다. 음성과 이미지를 함께 다룹니다.';
const CHINESE = '这篇文章介绍了GPT-4o模型的新功能，包括语音和图像的处理。';
const JAPANESE = 'この記事ではGPT-4oモデルの新機能を紹介します。音声と画像を扱えます。';
const ENGLISH = 'This post walks through the new features of the GPT-4o model, voice and images included.';

describe('detectLanguage: front matter', () => {
  it.each([
    ['ko', 'ko'], ['KO', 'ko'], ['ko-KR', 'ko'], ['ko_KR', 'ko'],
    ['zh', 'zh'], ['zh-Hans', 'zh'], ['zh-CN', 'zh'], ['zh-TW', 'zh'], ['zh_cn', 'zh'],
    ['en-US', 'en'], ['en-GB', 'en'], [' en ', 'en'], ['English', 'en'], ['한국어', 'ko'],
  ])('lang: %s → %s', (value, expected) => {
    expect(detect({ frontMatterLang: value, id: 'en/x.md' })).toEqual({ lang: expected, source: 'front-matter' });
  });

  it('wins over folder, suffix and script', () => {
    expect(detect({ frontMatterLang: 'zh', id: 'ko/x.en.md', body: KOREAN })).toEqual({ lang: 'zh', source: 'front-matter' });
  });

  it('names an unknown language and lists the configured ones', () => {
    const result = detect({ frontMatterLang: 'fr' });
    expect(result).toMatchObject({ error: expect.stringContaining('"fr"') });
    expect('hint' in result && result.hint).toContain('ko, zh (zh-Hans), en');
    expect(detect({ frontMatterLang: ['ko'] })).toMatchObject({ error: expect.stringContaining('["ko"]') });
  });

  it('tells zh-Hans from zh-Hant when both are configured', () => {
    const languages = [...LANGUAGES, lang('tw', 'zh-Hant', '繁體中文')];
    expect(detect({ languages, frontMatterLang: 'zh-TW' })).toEqual({ lang: 'tw', source: 'front-matter' });
    expect(detect({ languages, frontMatterLang: 'zh-CN' })).toEqual({ lang: 'zh', source: 'front-matter' });
  });

  it('ignores an empty lang', () => {
    expect(detect({ frontMatterLang: '', id: 'en/x.md' })).toEqual({ lang: 'en', source: 'folder' });
    expect(detect({ frontMatterLang: null, id: 'en/x.md' })).toEqual({ lang: 'en', source: 'folder' });
  });
});

describe('detectLanguage: path', () => {
  it('uses the first language folder anywhere in the path', () => {
    expect(detect({ id: 'zh/2024-05-14-x.md', body: KOREAN })).toEqual({ lang: 'zh', source: 'folder' });
    expect(detect({ id: '2024/en/x.md' })).toEqual({ lang: 'en', source: 'folder' });
    expect(detect({ id: 'en/zh/x.md' })).toEqual({ lang: 'en', source: 'folder' });
  });

  it('does not take the file name for a folder', () => {
    expect(detect({ id: 'notes/en.md' })).toEqual({ lang: 'ko', source: 'default' });
  });

  it('ignores folders that are not configured languages', () => {
    expect(detect({ id: 'ja/x.md', body: 'Notes.' })).toEqual({ lang: 'ko', source: 'default' });
    // `cs/` of a computer-science blog is a topic, not Czech.
    expect(detect({ id: 'cs/2024-05-14-graphs.md', body: KOREAN })).toEqual({ lang: 'ko', source: 'script' });
  });

  it('takes ja/ and en/ for languages when they are configured', () => {
    const languages = [...LANGUAGES, lang('ja', 'ja', '日本語')];
    expect(detect({ languages, id: 'ja/x.md', body: 'Notes.' })).toEqual({ lang: 'ja', source: 'folder' });
    expect(detect({ id: 'en/x.md', body: KOREAN })).toEqual({ lang: 'en', source: 'folder' });
  });

  it('uses a .<lang>.md suffix', () => {
    expect(detect({ id: 'notes/学习笔记.zh.md', body: KOREAN })).toEqual({ lang: 'zh', source: 'file-name' });
    expect(detect({ id: 'hello.EN.markdown' })).toEqual({ lang: 'en', source: 'file-name' });
    expect(detect({ id: 'hello.fr.md' })).toEqual({ lang: 'ko', source: 'default' });
  });
});

describe('detectLanguage: script and default', () => {
  const en = { defaultLang: 'en' };
  it('recognizes Korean and Chinese text', () => {
    expect(detect({ ...en, body: KOREAN })).toEqual({ lang: 'ko', source: 'script' });
    expect(detect({ body: CHINESE })).toEqual({ lang: 'zh', source: 'script' });
  });

  it('recognizes Japanese only when ja is configured, never calling it Chinese', () => {
    expect(detect({ ...en, body: JAPANESE })).toEqual({ lang: 'en', source: 'default' });
    const languages = [...LANGUAGES, lang('ja', 'ja', '日本語')];
    expect(detect({ ...en, languages, body: JAPANESE })).toEqual({ lang: 'ja', source: 'script' });
  });

  it('puts Latin text in en when en is configured, else in the default language', () => {
    expect(detect({ body: ENGLISH })).toEqual({ lang: 'en', source: 'script' });
    const noEnglish = LANGUAGES.filter((l) => l.code !== 'en');
    expect(detect({ languages: noEnglish, defaultLang: 'zh', body: ENGLISH })).toEqual({ lang: 'zh', source: 'default' });
    // A line or two of Latin letters says nothing.
    expect(detect({ body: 'GPT-4o notes.' })).toEqual({ lang: 'ko', source: 'default' });
  });

  it('reads the title too: a Korean title over a code-heavy English body is Korean', () => {
    const body = `${ENGLISH}\n\n\`\`\`python\nimport asyncio\nasyncio.run(main())\n\`\`\`\n`;
    expect(detect({ title: '파이썬 비동기 정리', body })).toEqual({ lang: 'ko', source: 'script' });
    expect(detect({ title: '异步编程笔记', body })).toEqual({ lang: 'zh', source: 'script' });
    // An English title over a Korean body: the body decides.
    expect(detect({ title: 'Async notes in Python, part one of many', body: KOREAN })).toEqual({ lang: 'ko', source: 'script' });
    // A title alone is not enough to call a post English.
    expect(detect({ title: 'Async notes in Python, part one of many', body: '' })).toEqual({ lang: 'ko', source: 'default' });
  });

  it('is not fooled by a few quoted CJK words, code or URLs', () => {
    expect(detect({ ...en, body: `${ENGLISH} In Korean it is called 모델.` })).toEqual({ lang: 'en', source: 'script' });
    const code = '```js\nconst 변수 = "한국어 문자열 한국어 문자열";\n```\n';
    expect(detect({ ...en, body: `${code}${ENGLISH}` })).toEqual({ lang: 'en', source: 'script' });
    expect(detect({ ...en, body: `See https://ko.wikipedia.org/wiki/한국어_위키백과 and \`한국어 코드\`. ${ENGLISH}` }))
      .toEqual({ lang: 'en', source: 'script' });
  });

  it('calls Korean with some Hanja Korean', () => {
    expect(scriptLanguage('大韓民國 憲法 제1조 대한민국은 민주공화국이다.')).toBe('ko');
  });

  it('reads only the start of long bodies', () => {
    const body = `${ENGLISH.repeat(40)}\n\n${KOREAN.repeat(100)}`;
    expect(body.indexOf('모델')).toBeGreaterThan(2000);
    expect(detect({ ...en, body })).toEqual({ lang: 'en', source: 'script' });
  });
});
