import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashTranslation, inDraftsFolder } from '../../../src/content/post-files.js';
import { findPostFiles } from '../../../src/pipeline/load.js';
import { siteFromFiles } from '../../helpers/site.js';

describe('which files are posts', () => {
  it('skips READMEs, _-files and folders, section index pages and the rest of a page bundle; keeps _drafts', () => {
    const root = siteFromFiles({
      'posts/a.md': '',
      'posts/Readme.markdown': '',
      'posts/notes/README.ko.md': '',
      'posts/_index.md': '',
      'posts/index.md': '',
      'posts/ko/index.md': '',
      'posts/ko/b.md': '',
      'posts/_partials/c.md': '',
      'posts/_drafts/d.md': '',
      'posts/.hidden.md': '',
      'posts/trip/index.md': '',
      'posts/trip/index.en.md': '',
      'posts/trip/notes.md': '',
      'posts/trip/extra/e.md': '',
      'posts/image.png': '',
    });
    const found = findPostFiles(path.join(root, 'posts'), ['ko', 'en']);
    expect(found.files.map((f) => f.id).sort()).toEqual(['_drafts/d.md', 'a.md', 'ko/b.md', 'trip/index.en.md', 'trip/index.md']);
    const reasons = Object.fromEntries(found.skipped.map((s) => [path.relative(path.join(root, 'posts'), s.sourcePath), s.reason]));
    expect(reasons).toMatchObject({
      'Readme.markdown': 'README',
      'notes/README.ko.md': 'README',
      '_index.md': 'Hugo section page (_index.md)',
      'index.md': 'index page of the posts folder or of a language folder',
      'ko/index.md': 'index page of the posts folder or of a language folder',
      '_partials': expect.stringContaining('starts with _'),
      'trip/notes.md': expect.stringContaining('page bundle trip/'),
    });
  });

  it('reads the _drafts folder beside a _posts folder', () => {
    const root = siteFromFiles({ 'blog/_posts/a.md': '', 'blog/_drafts/b.md': '' });
    expect(findPostFiles(path.join(root, 'blog/_posts')).files.map((f) => f.id)).toEqual(['a.md', '_drafts/b.md']);
    expect(inDraftsFolder('_drafts/b.md')).toBe(true);
    expect(inDraftsFolder('_drafts.md')).toBe(false);
  });

  it("skips a name with an incomplete date prefix in Jekyll's _posts, as Jekyll does, but not in Hexo's source/_posts", () => {
    const root = siteFromFiles({
      'blog/_posts/2023-10-title.md': '',
      'blog/_posts/2023/2023-9-notes.md': '',
      'blog/_posts/2023-10-05-whole.md': '',
      'blog/_posts/no-date.md': '',
      'blog/_drafts/2023-11-idea.md': '',
      'hexo/source/_posts/2023-10-title.md': '',
    });
    const jekyll = findPostFiles(path.join(root, 'blog/_posts'));
    expect(jekyll.files.map((f) => f.id).sort()).toEqual(['2023-10-05-whole.md', '_drafts/2023-11-idea.md', 'no-date.md']);
    expect(jekyll.skipped.map((s) => [path.basename(s.sourcePath), s.reason]).sort()).toEqual([
      ['2023-10-title.md', expect.stringMatching(/^incomplete date prefix "2023-10-": Jekyll reads only YYYY-MM-DD-title names in _posts/)],
      ['2023-9-notes.md', expect.stringContaining('"2023-9-"')],
    ]);
    expect(findPostFiles(path.join(root, 'hexo/source/_posts')).files.map((f) => f.id)).toEqual(['2023-10-title.md']);
  });
});

describe('dashTranslation', () => {
  const has = (ids: string[]) => (id: string) => ids.includes(id);
  it('needs a configured language and the base file beside it', () => {
    expect(dashTranslation('p/x-en.md', ['ko', 'en'], has(['p/x.md']))).toEqual({ lang: 'en', baseId: 'p/x.md' });
    expect(dashTranslation('2024-05-01-x-ja.md', ['ja'], has(['2024-05-01-x.md']))).toEqual({ lang: 'ja', baseId: '2024-05-01-x.md' });
    expect(dashTranslation('p/x-en.md', ['ko', 'en'], has([]))).toBeUndefined();
    expect(dashTranslation('p/x-fr.md', ['ko', 'en'], has(['p/x.md']))).toBeUndefined();
    expect(dashTranslation('p/x-en.md', ['en'], has(['x.md']))).toBeUndefined();
    expect(dashTranslation('-en.md', ['en'], has(['.md']))).toBeUndefined();
  });
});
