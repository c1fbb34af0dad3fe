// An author's page and a post's byline and feed link as readers see them in Chromium: no serious
// accessibility violations in light or dark, and no sideways scrolling on a phone. Screenshots go
// to test-results/ for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { browserOnSite, checkReaderPages, SKIP_BROWSER_TESTS } from '../helpers/browser.js';
import { postFile } from '../helpers/post.js';
import { REPO } from '../helpers/site.js';

const PNG = fs.readFileSync(path.join(REPO, 'templates/assets/apple-touch-icon.png'));

const PAGES = [
  { name: 'ko-author', path: 'ko/authors/minjun/' },
  { name: 'zh-author', path: `zh/authors/${encodeURIComponent('王小明')}/` },
  { name: 'ko-post-byline', path: 'ko/posts/wind/' },
];

const FILES = {
  'omnipress.yml': [
    'title: { ko: 아침 신문, zh: 早报, en: Morning Paper }',
    'authors:',
    '  minjun:',
    '    name: { ko: 김민준, en: Minjun Kim }',
    '    bio: { ko: 기후와 날씨를 취재합니다. 주말에는 산에 오릅니다., default: Covers climate and weather. }',
    '    url: https://minjun.example.com/',
    '    avatar: /img/minjun.png',
    '',
  ].join('\n'),
  'public/img/minjun.png': PNG,
  'posts/ko/2025-11-01-rain.md': postFile({ title: '가을비가 길어집니다', author: 'minjun', tags: '[날씨]' }, '이번 주 내내 비가 옵니다.'),
  'posts/ko/2025-11-02-wind.md': postFile({ title: '강풍 주의보', authors: '[minjun, 이서연]' }, '바람이 셉니다.'),
  'posts/zh/2025-11-02-wind.md': postFile({ title: '大风预警', author: '王小明' }, '风很大。'),
};

describe.skipIf(SKIP_BROWSER_TESTS)('author pages in a browser', () => {
  checkReaderPages(browserOnSite(FILES, 'https://example.org/news/'), PAGES);
});
