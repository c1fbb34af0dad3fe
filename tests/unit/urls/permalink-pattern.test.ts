import { describe, expect, it } from 'vitest';
import { expandPermalink, permalinkTokens, unknownPermalinkTokens, type PermalinkFields } from '../../../src/urls/permalink-pattern.js';

const post = (over: Partial<PermalinkFields> = {}): PermalinkFields => ({
  id: 'ko/2024-05-04-LLM-First-Steps.ko.md',
  lang: 'ko',
  slug: 'llm-first-steps',
  // 2024-05-04 00:30 in Seoul: still May 3rd in UTC.
  date: new Date('2024-05-03T15:30:07Z'),
  timeZone: 'Asia/Seoul',
  title: '거대 언어 모델, 첫걸음!',
  categories: ['AI', 'Large Models'],
  languages: ['ko', 'en'],
  ...over,
});

describe('expandPermalink', () => {
  it('gives the date in the site\'s time zone, padded or not', () => {
    expect(expandPermalink('/:year/:month/:day/:hour/:minute/:second/', post())).toBe('/2024/05/04/00/30/07/');
    expect(expandPermalink('/:year/:i_month/:i_day/', post())).toBe('/2024/5/4/');
  });

  it('tells :slug, :title, :filename and :slugified_title apart', () => {
    expect(expandPermalink('/:lang/:slug/', post())).toBe('/ko/llm-first-steps/');
    expect(expandPermalink('/:title/', post())).toBe('/LLM-First-Steps/');
    expect(expandPermalink('/:filename/', post())).toBe('/2024-05-04-LLM-First-Steps.ko/');
    expect(expandPermalink('/:slugified_title/', post())).toBe('/거대-언어-모델-첫걸음/');
    expect(expandPermalink('/:title/', post({ frontMatterSlug: 'first' }))).toBe('/first/');
  });

  it('names a page bundle after its folder, and keeps x-en of x-en.md', () => {
    expect(expandPermalink('/:section/:title/', post({ id: 'posts/my-trip/index.en.md' }))).toBe('/posts/my-trip/');
    expect(expandPermalink('/:title/', post({ id: '2024-08-10-night-walk-en.md' }))).toBe('/night-walk-en/');
  });

  it('joins slugified categories and leaves no empty segment', () => {
    expect(expandPermalink('/:categories/:slug/', post())).toBe('/ai/large-models/llm-first-steps/');
    expect(expandPermalink('/:categories/:slug/', post({ categories: [] }))).toBe('/llm-first-steps/');
  });

  it('takes the first folder after a language folder for :section', () => {
    expect(expandPermalink('/:section/:slug/', post({ id: 'en/posts/cs/graphs.md' }))).toBe('/posts/llm-first-steps/');
    expect(expandPermalink('/:section/:slug/', post({ id: 'graphs.md' }))).toBe('/llm-first-steps/');
  });

  it('lists unknown tokens and leaves them as written', () => {
    expect(unknownPermalinkTokens('/:year/:y_day/:title/')).toEqual(['y_day']);
    expect(expandPermalink('/:year/:y_day/', post())).toBe('/2024/:y_day/');
    expect(permalinkTokens).toContain('slugified_title');
  });
});
