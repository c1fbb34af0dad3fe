import { describe, expect, it } from 'vitest';
import type { PermalinkPattern } from '../../../src/types.js';
import {
  DEFAULT_PERMALINK,
  expandedPathProblem,
  expandPermalink,
  parsePermalinkPattern,
  slugDecides,
  type PermalinkPost,
} from '../../../src/urls/permalink-pattern.js';

const SEOUL = { timeZone: 'Asia/Seoul', languages: [{ code: 'ko' }, { code: 'zh' }, { code: 'en' }] };

function pattern(text: string): PermalinkPattern {
  const parsed = parsePermalinkPattern(text, 'permalink');
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.pattern;
}

function post(fields: Partial<PermalinkPost> = {}): PermalinkPost {
  return {
    id: 'ko/2024-05-14-GPT-4o 첫인상.md',
    lang: 'ko',
    slug: 'gpt-4o-첫인상',
    title: 'GPT-4o, 처음 써 보니',
    // 23:30 in Seoul: still the 14th there, already past midnight nowhere else that matters.
    date: new Date('2024-05-14T14:30:05Z'),
    categories: [],
    data: {},
    ...fields,
  };
}

const expand = (text: string, fields?: Partial<PermalinkPost>, site = SEOUL) => expandPermalink(pattern(text), post(fields), site);

describe('expandPermalink', () => {
  it('gives the default pattern today\'s addresses', () => {
    expect(expand(DEFAULT_PERMALINK)).toBe('/ko/posts/gpt-4o-첫인상/');
    expect(slugDecides(pattern(DEFAULT_PERMALINK))).toBe(true);
    expect(slugDecides(pattern('/:lang/:year/:slug/'))).toBe(false);
  });

  it('writes date and time in the site\'s time zone, with and without leading zeros', () => {
    expect(expand('/:year/:month/:day/:hour/:minute/:second/:slug/')).toBe('/2024/05/14/23/30/05/gpt-4o-첫인상/');
    expect(expand('/:year/:i_month/:i_day/:slug/')).toBe('/2024/5/14/gpt-4o-첫인상/');
  });

  it('moves to the next day when the time zone is past midnight', () => {
    const date = new Date('2024-05-31T15:30:00Z'); // 00:30 on 1 June in Seoul, 31 May in London
    expect(expand('/:year/:month/:day/:slug/', { date })).toBe('/2024/06/01/gpt-4o-첫인상/');
    expect(expand('/:year/:month/:day/:slug/', { date }, { ...SEOUL, timeZone: 'Europe/London' })).toBe('/2024/05/31/gpt-4o-첫인상/');
  });

  it('gives :title the file name without date, language and extension, case kept, or the slug written in front matter', () => {
    expect(expand('/:title/')).toBe('/GPT-4o-첫인상/');
    expect(expand('/:title/', { id: 'en/2024-05-14-voice-mode.en.md' })).toBe('/voice-mode/');
    expect(expand('/:title/', { id: 'trip/index.md' })).toBe('/trip/');
    expect(expand('/:title/', { data: { slug: 'Hello World' } })).toBe('/Hello-World/');
    expect(expand('/:title.html', { id: '필름 카메라 입문.md' })).toBe('/필름-카메라-입문.html');
  });

  it('gives :filename the whole base name as Hugo does: date kept, lower case, a bundle by its folder', () => {
    expect(expand('/:filename/')).toBe('/2024-05-14-gpt-4o-첫인상/');
    expect(expand('/:filename/', { id: 'posts/my-trip/index.ko.md' })).toBe('/my-trip/');
    expect(expand('/:filename/', { id: 'posts/Notes.zh.md' })).toBe('/notes/');
  });

  it('keeps Hangul and Han in :slug and :slugified_title', () => {
    expect(expand('/:lang/:slug/', { slug: '봄날-산책' })).toBe('/ko/봄날-산책/');
    expect(expand('/:slugified_title/')).toBe('/gpt-4o-처음-써-보니/');
    expect(expand('/:slugified_title/', { lang: 'zh', title: '学习笔记：第二篇' })).toBe('/学习笔记第二篇/');
  });

  it('joins categories as a path and leaves no empty segment without them', () => {
    expect(expand('/:categories/:title/', { categories: ['AI', '언어 모델'] })).toBe('/ai/언어-모델/GPT-4o-첫인상/');
    expect(expand('/:categories/:title/')).toBe('/GPT-4o-첫인상/');
    expect(expand('/:categories/:title/', { categories: ['🎉'] })).toBe('/GPT-4o-첫인상/');
  });

  it('takes the first folder as the section, a language folder left out', () => {
    expect(expand('/:section/:slug/', { id: 'ko/tech/x.md' })).toBe('/tech/gpt-4o-첫인상/');
    expect(expand('/:section/:slug/', { id: 'posts/trip/index.md' })).toBe('/posts/gpt-4o-첫인상/');
    expect(expand('/:section/:slug/', { id: 'trip/index.md' })).toBe('/gpt-4o-첫인상/');
    expect(expand('/:section/:slug/', { id: 'x.md' })).toBe('/gpt-4o-첫인상/');
  });

  it('reads a pattern without a leading slash (Hexo) from the site root, and decodes its text', () => {
    expect(expand(':year/:month/:day/:title/')).toBe('/2024/05/14/GPT-4o-첫인상/');
    expect(expand('/%EB%89%B4%EC%8A%A4/:slug/')).toBe('/뉴스/gpt-4o-첫인상/');
  });

  it('finds addresses no file may have among the values', () => {
    expect(expandedPathProblem(expand('/:title/', { id: '2024-05-14-...md' }))).toMatch(/would leave its folder/);
    expect(expandedPathProblem(expand('/x/:title/', { id: 'con.md' }))).toMatch(/Windows device name/);
    expect(expandedPathProblem(expand('/:title/'))).toBeUndefined();
  });
});

describe('parsePermalinkPattern', () => {
  const refused = (text: string) => {
    const parsed = parsePermalinkPattern(text, 'permalink');
    return 'error' in parsed ? parsed : undefined;
  };

  it('takes every token', () => {
    const text = '/:lang/:year/:month/:day/:hour/:minute/:second/:i_month/:i_day/:slug/:title/:filename/:slugified_title/:categories/:section/';
    expect(refused(text)).toBeUndefined();
  });

  it('refuses an unknown token with the one probably meant', () => {
    expect(refused('/:lang/:yaer/:slug/')?.error).toBe('permalink "/:lang/:yaer/:slug/" has the unknown token :yaer; did you mean :year?');
    expect(refused('/:category/:title/')?.error).toMatch(/unknown token :category; did you mean :categories\?/);
    expect(refused('/:year/:title:output_ext')?.error).toMatch(/did you mean \.html/);
    expect(refused('/:lang/:id/')?.hint).toMatch(/:lang :year .* :section/);
  });

  it('refuses what leaves the site', () => {
    expect(refused('/:lang/../:slug/')?.error).toBe('permalink "/:lang/../:slug/" points outside the output folder');
    expect(refused('/:lang/%2e%2e/:slug/')?.error).toMatch(/points outside the output folder/);
    expect(refused('https://old.example.org/:slug/')?.error).toMatch(/must be a path on this site, not a URL/);
    expect(refused('//old.example.org/:slug/')?.error).toMatch(/not a URL/);
    expect(refused('/.well-known/:slug/')?.error).toMatch(/uses a name no site may have/);
  });

  it('refuses a pattern that names no post', () => {
    expect(refused('/:lang/:year/:month/')?.error).toBe('permalink "/:lang/:year/:month/" would give posts of the same day one address: it names no post');
    expect(refused('/:lang/posts/')?.error).toMatch(/names no post/);
  });

  it('names the key it is read for', () => {
    expect(parsePermalinkPattern('/:yaer/:title/', 'legacyPermalink')).toMatchObject({ error: expect.stringMatching(/^legacyPermalink "\/:yaer\/:title\/"/) });
  });
});
