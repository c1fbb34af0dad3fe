// The archive, a series page and a post with a series box and related posts, in Chromium: no
// serious accessibility violations in light and dark, no sideways scrolling on a 320 px phone.
// Screenshots at 390 px and 1280 px go to test-results/.
import { describe } from 'vitest';
import { browserOnSite, checkReaderPages, SKIP_BROWSER_TESTS } from '../helpers/browser.js';
import { postFile } from '../helpers/post.js';

const FILES = {
  'posts/ko/2024-04-30-intro.md': postFile({ title: '음성 모델 입문', series: '음성 모델', tags: '[음성, 모델]', pin: 'true' }, '처음 읽는 분을 위한 글입니다.'),
  'posts/ko/2024-05-12-deep.md': postFile({ title: '음성 모델 깊이 보기', series: '음성 모델', tags: '[음성, 모델]' }, '구조를 자세히 봅니다.'),
  'posts/ko/2023-12-20-review.md': postFile({ title: '한 해 돌아보기', tags: '[모델]' }, '올해의 모델들.'),
  'posts/zh/2024-05-12-deep.md': postFile({ title: '语音模型详解', series: '语音模型', tags: '[语音]' }, '详细介绍结构。'),
};

const PAGES = [
  { name: 'ko-archive', path: 'ko/archive/' },
  { name: 'zh-archive', path: 'zh/archive/' },
  { name: 'ko-series', path: `ko/series/${encodeURIComponent('음성-모델')}/` },
  { name: 'ko-series-part', path: 'ko/posts/deep/' },
  { name: 'ko-pinned-home', path: 'ko/' },
];

describe.skipIf(SKIP_BROWSER_TESTS)('archive and series pages in a browser', () => {
  checkReaderPages(browserOnSite(FILES, 'https://example.org/news/'), PAGES, 'reader-nav-');
});
