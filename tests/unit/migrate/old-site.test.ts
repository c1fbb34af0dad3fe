import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oldSiteBeside, readOldSite } from '../../../src/migrate/old-site.js';
import { tempDir } from '../../helpers/temp.js';

/** A folder holding the given files. */
function site(files: Record<string, string>): string {
  const dir = tempDir('omnipress-old-site-');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('readOldSite', () => {
  it('reads a Jekyll _config.yml: permalink, timezone, lang, with their lines', () => {
    const dir = site({ '_config.yml': 'title: 블로그\nlang: ko-KR\ntimezone: Asia/Seoul\npermalink: pretty\n', '_posts/2024-01-01-a.md': '' });
    expect(readOldSite(dir)).toMatchObject({
      generator: 'jekyll',
      permalinks: [{ value: 'pretty', key: 'permalink', line: 4 }],
      timeZone: { value: 'Asia/Seoul', key: 'timezone', line: 3 },
      defaultLanguage: { value: 'ko-KR', key: 'lang', line: 2 },
      languages: [],
      diagnostics: [],
    });
  });

  it('reads Polyglot languages and default_lang', () => {
    const dir = site({ '_config.yml': 'languages: ["en", "ko", "ja"]\ndefault_lang: "ko"\n' });
    const old = readOldSite(dir)!;
    expect(old.languages.map((l) => l.value)).toEqual(['en', 'ko', 'ja']);
    expect(old.defaultLanguage).toEqual({ value: 'ko', key: 'default_lang', line: 2 });
  });

  it('tells Hexo from Jekyll, and reads a list of languages and new_post_name', () => {
    const dir = site({ '_config.yml': 'language:\n  - zh-CN\n  - en\npermalink: :year/:month/:day/:title/\nnew_post_name: :year-:month-:day-:title.md\n' });
    expect(readOldSite(dir)).toMatchObject({
      generator: 'hexo',
      defaultLanguage: { value: 'zh-CN' },
      languages: [{ value: 'zh-CN' }, { value: 'en' }],
      hexoDatedNames: true,
    });
    expect(readOldSite(site({ '_config.yml': 'title: x\n', 'source/_posts/a.md': '' }))?.generator).toBe('hexo');
  });

  it('reads Hugo TOML: permalinks by section (old and new style), languages, defaultContentLanguage', () => {
    const toml = 'DefaultContentLanguage = "ko"\ntimeZone = "Asia/Seoul"\n\n[permalinks]\n  posts = "/:year/:month/:slug/"\n\n[languages.ko]\n  languageCode = "ko-KR"\n[languages.en]\n  weight = 2\n';
    expect(readOldSite(site({ 'hugo.toml': toml }))).toMatchObject({
      generator: 'hugo',
      permalinks: [{ value: '/:year/:month/:slug/', key: 'permalinks.posts', section: 'posts', line: 5 }],
      timeZone: { value: 'Asia/Seoul', line: 2 },
      languages: [{ value: 'ko-KR', key: 'languages.ko', line: 7 }, { value: 'en', key: 'languages.en', line: 9 }],
      defaultLanguage: { value: 'ko', line: 1 },
      defaultLanguageInSubdir: false,
    });
    const nested = '[permalinks.page]\nposts = "/:sections/:slug/"\n';
    expect(readOldSite(site({ 'hugo.toml': nested }))?.permalinks).toMatchObject([{ value: '/:sections/:slug/', section: 'posts' }]);
  });

  it('reads Hugo YAML and JSON configs under config.*', () => {
    expect(readOldSite(site({ 'config.yaml': 'defaultContentLanguage: en\ndefaultContentLanguageInSubdir: true\npermalinks:\n  blog: /:slug/\n' }))).toMatchObject({
      generator: 'hugo', defaultLanguage: { value: 'en' }, defaultLanguageInSubdir: true, permalinks: [{ value: '/:slug/', section: 'blog' }],
    });
    expect(readOldSite(site({ 'hugo.json': '{\n  "timeZone": "Asia/Taipei"\n}\n' }))?.timeZone).toEqual({ value: 'Asia/Taipei', key: 'timeZone', line: 2 });
  });

  it.each([
    ['_config.yml', 'title: x\npermalink: [/posts/\n', 3],
    ['hugo.toml', 'title = "x"\nbaseURL = \n', 2],
    ['hugo.json', '{\n  "title": "x",\n}\n', 3],
  ])('a %s that does not parse is a warning at its line, not a crash', (file, text, line) => {
    const old = readOldSite(site({ [file]: text }))!;
    expect(old.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'old-config', line, message: expect.stringContaining(`${file} cannot be read: `) })]);
    expect(old.permalinks).toEqual([]);
  });
});

describe('oldSiteBeside', () => {
  it('finds the site one level up from _posts or content, two from source/_posts', () => {
    const jekyll = site({ '_config.yml': '', '_posts/a.md': '' });
    expect(oldSiteBeside(path.join(jekyll, '_posts'))).toBe(jekyll);
    const hexo = site({ '_config.yml': '', 'source/_posts/a.md': '' });
    expect(oldSiteBeside(path.join(hexo, 'source/_posts'))).toBe(hexo);
    const none = site({ 'posts/a.md': '' });
    expect(oldSiteBeside(path.join(none, 'posts'))).toBeUndefined();
  });
});
