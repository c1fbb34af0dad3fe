import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../src/content/front-matter.js';
import { frontMatterDate, newPostFileName, newPostText, splitList, type NewPost } from '../../../src/new/new-post.js';

const post: NewPost = {
  title: 'GPT-4o',
  date: new Date('2026-11-21T15:30:00Z'),
  timeZone: 'Asia/Seoul',
  lang: 'ko',
  slug: 'gpt-4o',
  categories: [],
  tags: [],
};

describe('new post files', () => {
  it('date the file and the front matter in the site time zone (past midnight in Seoul)', () => {
    expect(newPostFileName(post)).toBe('2026-11-22-gpt-4o.md');
    expect(frontMatterDate(post.date, 'Asia/Seoul')).toBe('2026-11-22 00:30:00 +0900');
    expect(frontMatterDate(post.date, 'America/St_Johns')).toBe('2026-11-21 12:00:00 -0330');
  });

  it.each([
    ['a title: with "quotes" and #hash'],
    ["single ' quote"],
    ['true'],
    ['제목 – 한글, 中文、標點'],
  ])('write front matter that reads back exactly: %s', (title) => {
    const tags = ['x, y', 'a]', '인공지능'];
    const text = newPostText({ ...post, title, tags, categories: ['뉴스'] });
    const fm = readFrontMatter(text, 'a.md');
    expect(fm.diagnostics).toEqual([]);
    expect(fm.data).toMatchObject({ title, lang: 'ko', tags, categories: ['뉴스'] });
  });

  it('split --tags on ASCII and CJK commas', () => {
    expect(splitList('ai, 음성，语音、ai ,')).toEqual(['ai', '음성', '语音']);
    expect(splitList(undefined)).toEqual([]);
  });
});
