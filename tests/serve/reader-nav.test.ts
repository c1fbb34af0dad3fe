// The archive, series and related posts under `omnipress serve`: an edit re-renders the pages that
// show what it changed (a title in a series box, a related list, the archive), and no others.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postFile } from '../helpers/post.js';
import { afterEdit, get, servedSite, totals } from '../helpers/serve.js';

const FILES = {
  'posts/ko/2024-05-01-part-1.md': postFile({ title: '연재 1편', series: '연재', tags: '[모델]' }, '첫 편.'),
  // Part 2 is not part 1's neighbour by date: only the series box and the related list tie them.
  'posts/ko/2024-05-05-part-2.md': postFile({ title: '연재 2편', series: '연재', tags: '[모델]' }, '둘째 편.'),
  'posts/ko/2024-05-03-lone.md': postFile({ title: '따로 쓴 글', tags: '[요리]' }, '관계없음.'),
  'posts/ko/2024-05-04-news.md': postFile({ title: '새 소식', tags: '[소식]' }, '소식.'),
  'posts/en/2024-05-01-english.md': postFile({ title: 'In English', tags: '[model]' }, 'Text.'),
};

describe('reader navigation under serve', () => {
  const site = servedSite(FILES);
  const file = (rel: string) => path.join(site.root, rel);
  const edit = (rel: string, from: string, to: string) => fs.writeFileSync(file(rel), fs.readFileSync(file(rel), 'utf8').replace(from, to));

  it("renaming a part re-renders the other parts (series box, related), the series page and the archive, and nothing else", async () => {
    const builds = await afterEdit(site.server, () => edit('posts/ko/2024-05-01-part-1.md', 'title: 연재 1편', 'title: 연재 첫 편'));
    const done = totals(builds);
    expect(done.changedPages).toEqual(expect.arrayContaining(['/ko/posts/part-1/', '/ko/posts/part-2/', '/ko/archive/', `/ko/series/연재/`]));
    // 새 소식 is neither its neighbour nor related to it.
    expect(done.changedPages).not.toContain('/ko/posts/news/');
    expect(done.changedPages).not.toContain('/en/archive/');
    expect(done.pagesRendered).toBe(done.changedPages.length);
    expect((await get(site.server, '/ko/posts/part-2/')).body).toMatch(/class="series-box"[\s\S]*연재 첫 편/);
    expect((await get(site.server, '/ko/archive/')).body).toContain('연재 첫 편');
  });

  it('a tag that makes two posts related re-renders both, and the related list shows it', async () => {
    expect((await get(site.server, '/ko/posts/part-2/')).body).not.toContain('따로 쓴 글');
    const builds = await afterEdit(site.server, () => edit('posts/ko/2024-05-03-lone.md', 'tags: [요리]', 'tags: [요리, 모델]'));
    const done = totals(builds);
    expect(done.changedPages).toEqual(expect.arrayContaining(['/ko/posts/lone/', '/ko/posts/part-2/']));
    expect((await get(site.server, '/ko/posts/part-2/')).body).toMatch(/class="related"[\s\S]*따로 쓴 글/);
  });

  it('pinning a post re-renders the home page with it first, and leaves the archive as it was', async () => {
    const builds = await afterEdit(site.server, () => edit('posts/ko/2024-05-01-part-1.md', 'series: 연재', 'series: 연재\npin: true'));
    const done = totals(builds);
    expect(done.changedPages).toContain('/ko/');
    expect(done.changedPages).not.toContain('/ko/archive/');
    const home = (await get(site.server, '/ko/')).body;
    expect(home.indexOf('연재 첫 편')).toBeLessThan(home.indexOf('새 소식'));
    expect(home).toContain('pinned-badge');
  });

  it('leaving a series re-renders the parts and drops the series page', async () => {
    const builds = await afterEdit(site.server, () => edit('posts/ko/2024-05-05-part-2.md', 'series: 연재\n', ''));
    const done = totals(builds);
    expect(done.changedPages).toEqual(expect.arrayContaining(['/ko/posts/part-1/', '/ko/posts/part-2/']));
    expect((await get(site.server, '/ko/posts/part-2/')).body).not.toContain('series-box');
    expect((await get(site.server, '/ko/posts/part-1/')).body).toContain('1편 중 1편');
  });
});
