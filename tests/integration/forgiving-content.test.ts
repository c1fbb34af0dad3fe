// What the old generators accepted and omnipress accepts too, each time with a warning that names
// the file and line and says how to write it: out-of-range times, Windows paths, the Hexo tags'
// arguments, Chirpy's authors file, the cover keys of Hexo themes, a title repeated as the first
// heading, prose that looks like a tag.
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page } from '../helpers/html.js';
import { png } from '../helpers/images.js';
import fs from 'node:fs';
import path from 'node:path';
import { buildSite, readTree, runCli, siteFromFiles } from '../helpers/site.js';

const warningsOf = (report: BuildReport, code: string) => report.diagnostics.filter((d) => d.code === code);
const place = (root: string) => (d: { file: string; line?: number }) => `${d.file.slice(root.length + 1)}:${d.line}`;

describe('a time out of range', () => {
  it('is read as Hexo reads it, with one warning per value naming file and line', async () => {
    const root = siteFromFiles({
      'posts/zh/夜读.md': '---\ntitle: 夜读\ndate: 2019-07-03 21:43:79\nupdated: 2019-07-03 21:43:79\n---\n夜里读了半本书。\n',
      'posts/zh/晨跑.md': '---\ntitle: 晨跑\ndate: 2019-07-04 06:10:00\nupdated: 2019-07-05 07:75:00 +0800\n---\n早上跑了五公里。\n',
    });
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    const warnings = warningsOf(report, 'time-out-of-range');
    expect(warnings.map(place(root))).toEqual(['posts/zh/夜读.md:3', 'posts/zh/晨跑.md:4']);
    expect(warnings[0]!.message).toBe('date and updated: time out of range in "2019-07-03 21:43:79": read as 2019-07-03 21:44:19, as Hexo reads it');
    expect(warnings[0]!.hint).toBe('write the time that was meant, e.g. date: 2019-07-03 21:44:19');
    expect(warnings[1]!.message).toMatch(/^updated: .*read as 2019-07-05 08:15:00 \+0800/);

    const night = page(root, 'zh/posts/夜读/index.html');
    expect(night('.published time').attr('datetime')).toBe('2019-07-03T21:44:19+09:00');
    const run = page(root, 'zh/posts/晨跑/index.html');
    expect(run('.updated time').attr('datetime')).toBe('2019-07-05T09:15:00+09:00');
  });

  it('never makes an impossible calendar date a date, and reports it once for date and updated', async () => {
    const root = siteFromFiles({ 'posts/ko/윤년.md': '---\ntitle: 윤년\ndate: 2024-02-30\nupdated: 2024-02-30\n---\n본문\n' });
    const report = await buildSite(root);
    expect(report.ok).toBe(false);
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${place(root)(d)} ${d.message}`)).toEqual([
      'posts/ko/윤년.md:3 date and updated: impossible date "2024-02-30": February 2024 has only 29 days',
    ]);
  });
});

describe('Hexo tags as Hexo documents them', () => {
  it("{% img %} takes '\"title\" \"alt\"' apart into the image's title and alt text", async () => {
    const root = siteFromFiles({
      'posts/zh/相册.md': [
        '---', 'title: 相册', 'date: 2023-04-02', '---',
        `{% img /images/lake.jpg 640 360 '"湖边的傍晚" "夕阳下的湖面和小船"' %}`,
        '',
        '{% img /images/bridge.jpg 老桥的石栏 %}',
        '',
        '{% img /images/tower.jpg "塔" "远处的一座白塔" %}',
        '',
      ].join('\n'),
    });
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    const $ = page(root, 'zh/posts/相册/index.html');
    const attrs = (src: string) => {
      const img = $(`img[src="${src}"]`);
      return { title: img.attr('title'), alt: img.attr('alt') };
    };
    expect(attrs('/images/lake.jpg')).toEqual({ title: '湖边的傍晚', alt: '夕阳下的湖面和小船' });
    expect($('img[src="/images/lake.jpg"]').attr('width')).toBe('640');
    // Words without quotes are all the title (and, lacking an alt, the alt text).
    expect(attrs('/images/bridge.jpg')).toEqual({ title: '老桥的石栏', alt: '老桥的石栏' });
    expect(attrs('/images/tower.jpg')).toEqual({ title: '塔', alt: '远处的一座白塔' });
  });

  it('{% note type Title %} keeps its title above the text, under the type label', async () => {
    const root = siteFromFiles({
      'posts/zh/笔记.md': [
        '---', 'title: 笔记', 'date: 2023-04-03', '---',
        '{% note warning 升级之前 %}', '先备份数据库。', '{% endnote %}',
        '',
        '{% note info no-icon %}', '没有标题的提示。', '{% endnote %}',
        '',
      ].join('\n'),
    });
    expect((await buildSite(root)).ok).toBe(true);
    const $ = page(root, 'zh/posts/笔记/index.html');
    const boxes = $('.post-body .callout');
    expect(boxes).toHaveLength(2);
    const first = boxes.eq(0);
    expect(first.hasClass('callout-warning')).toBe(true);
    expect(first.children().map((_, el) => $(el).text().trim()).get()).toEqual(['注意', '升级之前', '先备份数据库。']);
    expect(first.find('p.callout-title strong').text()).toBe('升级之前');
    // Options are not a title.
    expect(boxes.eq(1).find('.callout-title')).toHaveLength(0);
    expect(boxes.eq(1).text()).not.toContain('no-icon');
  });
});

describe('cover images under the Hexo themes\' keys', () => {
  it.each(['thumbnail', 'banner_img', 'index_img', 'cover'])('%s is the social image (og:image and JSON-LD)', async (key) => {
    const root = siteFromFiles({
      'omnipress.yml': 'baseUrl: https://blog.example.cn/\n',
      'posts/zh/封面.md': `---\ntitle: 封面\ndate: 2023-05-01\n${key}: /img/covers/harbor.jpg\n---\n港口的早晨。\n`,
    });
    expect((await buildSite(root)).ok).toBe(true);
    const $ = page(root, 'zh/posts/封面/index.html');
    const image = 'https://blog.example.cn/img/covers/harbor.jpg';
    expect($('meta[property="og:image"]').attr('content')).toBe(image);
    const ld = JSON.parse($('script[type="application/ld+json"]').text()) as { image?: string[] };
    expect(ld.image).toEqual([image]);
  });

  it("Chirpy's image: { path, alt } wins over a theme's key, with its alt", async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'baseUrl: https://blog.example.kr/\n',
      'posts/ko/표지.md': '---\ntitle: 표지\ndate: 2024-05-01\nthumbnail: /img/small.jpg\nimage:\n  path: /img/large.jpg\n  alt: 안개 낀 항구\n---\n본문\n',
    });
    expect((await buildSite(root)).ok).toBe(true);
    const $ = page(root, 'ko/posts/표지/index.html');
    expect($('meta[property="og:image"]').attr('content')).toBe('https://blog.example.kr/img/large.jpg');
    expect($('meta[property="og:image:alt"]').attr('content')).toBe('안개 낀 항구');
  });
});

describe('a first heading that repeats the title', () => {
  it('is not shown twice; a first heading that says something else stays', async () => {
    const root = siteFromFiles({
      'posts/ko/회고.md': '---\ntitle: 2023년 회고\ndate: 2024-01-02\n---\n# 2023년 회고\n\n한 해를 돌아봅니다.\n\n## 배운 것\n\n많습니다.\n',
      'posts/en/notes.md': '---\ntitle: Notes on Tokenizers\ndate: 2024-01-03\n---\nNotes on *tokenizers*\n====================\n\nBody.\n',
      'posts/en/other.md': '---\ntitle: Release Notes\ndate: 2024-01-04\n---\n## What changed\n\nA lot.\n',
    });
    expect((await buildSite(root)).ok).toBe(true);
    const review = page(root, 'ko/posts/회고/index.html');
    const headings = review('h1, h2, h3').map((_, h) => review(h).text().trim()).get();
    expect(headings.filter((text) => text === '2023년 회고')).toHaveLength(1);
    expect(review('.post-body h1, .post-body h2').map((_, h) => review(h).text().trim()).get()).toEqual(['배운 것']);
    const notes = page(root, 'en/posts/notes/index.html');
    expect(notes('h1').map((_, h) => notes(h).text().trim()).get()).toEqual(['Notes on Tokenizers']);
    const other = page(root, 'en/posts/other/index.html');
    expect(other('.post-body h2').text().trim()).toBe('What changed');
  });
});

describe('paths written on Windows', () => {
  it('find the image as forward slashes would, with a warning that shows the fix', async () => {
    const root = siteFromFiles({
      'public/assets/img/desk.png': png(120, 80),
      'posts/ko/책상.md': '---\ntitle: 책상 정리\ndate: 2024-02-01\n---\n정리한 책상입니다.\n\n![정리한 책상](\\assets\\img\\desk.png)\n',
    });
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    const img = page(root, 'ko/posts/책상/index.html')('.post-body img');
    expect(img.attr('src')).toBe('/assets/img/desk.png');
    // Found on disk: measured like any local image.
    expect([img.attr('width'), img.attr('height')]).toEqual(['120', '80']);
    const warnings = warningsOf(report, 'backslash-path');
    expect(warnings.map(place(root))).toEqual(['posts/ko/책상.md:7']);
    expect(warnings[0]!.hint).toBe('write it with forward slashes: ![…](/assets/img/desk.png)');
  });
});

describe('two posts at one address', () => {
  it('are named relative to the site, never by absolute paths, and a dated copy is called one', async () => {
    // A blog read from outside the site folder, as `--posts ../blog/_posts` reads it.
    const blog = siteFromFiles({
      '_posts/2023-03-01-봄맞이.md': '---\ntitle: 봄맞이 대청소\ndate: 2023-03-01 09:00:00 +0900\ntags: [생활]\n---\n창문을 닦았습니다.\n',
      '_posts/2024-03-02-봄맞이.md': '---\ntitle: 봄맞이 대청소\ndate: 2024-03-02 09:00:00 +0900\ntags: [생활]\n---\n창문을 닦았습니다.\n',
      '_posts/2023-05-01-산책.md': '---\ntitle: 산책\n---\n공원을 걸었습니다.\n',
      '_posts/2024-05-01-산책.md': '---\ntitle: 산책\n---\n강변을 걸었습니다.\n',
    });
    const site = siteFromFiles({ 'omnipress.yml': 'defaultLanguage: ko\n' });
    const report = await buildSite(site, { posts: `${blog}/_posts` });
    expect(report.ok).toBe(false);
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message)).toEqual([
      'duplicate slug "봄맞이" in language ko: also used by _posts/2023-03-01-봄맞이.md (the two files are the same apart from the date: a copy?)',
      'duplicate slug "산책" in language ko: also used by _posts/2023-05-01-산책.md',
    ]);
    expect(errors[0]!.hint).toMatch(/^keep one of the two files/);
    for (const d of errors) expect(d.message).not.toContain(blog);
  });

  it('named by permalinks: the other post is relative to the site too', async () => {
    const root = siteFromFiles({
      'posts/en/a.md': '---\ntitle: A\ndate: 2024-01-01\npermalink: /news/same/\n---\nOne.\n',
      'posts/en/b.md': '---\ntitle: B\ndate: 2024-01-02\npermalink: /news/same/\n---\nTwo.\n',
    });
    const report = await buildSite(root);
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message)).toEqual(['two pages would be written to news/same/index.html: this post and posts/en/b.md']);
  });
});

describe("Chirpy's author ids", () => {
  const posts = {
    '_posts/2024-04-01-봄.md': '---\ntitle: 봄\nauthor: minjun\n---\n꽃이 핍니다.\n',
    '_posts/2024-04-02-여름.md': '---\ntitle: 여름\nauthors: [minjun, seoyeon]\n---\n덥습니다.\n',
    '_posts/2024-04-03-가을.md': '---\ntitle: 가을\nauthor: <author_id>\n---\n낙엽이 집니다.\n',
  };

  it('are names (linked to the author\'s page) when _data/authors.yml is beside _posts', async () => {
    const root = siteFromFiles({
      ...posts,
      '_data/authors.yml': 'minjun:\n  name: 김민준\n  url: https://minjun.example.com/\nseoyeon:\n  name: 이서연\n',
    });
    const report = await buildSite(root, { posts: `${root}/_posts` });
    expect(report.ok).toBe(true);
    const spring = page(root, 'ko/posts/봄/index.html');
    // The byline links the author's page on the site, which links the entry's url.
    expect(spring('.byline a').attr('href')).toBe('/ko/authors/minjun/');
    expect(spring('.byline a').text()).toBe('김민준');
    expect(page(root, 'ko/authors/minjun/index.html')('a[rel~="me"]').attr('href')).toBe('https://minjun.example.com/');
    const ld = JSON.parse(spring('script[type="application/ld+json"]').text()) as { author?: unknown };
    expect(ld.author).toEqual({ '@type': 'Person', name: '김민준', url: '/ko/authors/minjun/', sameAs: 'https://minjun.example.com/' });
    expect(page(root, 'ko/posts/여름/index.html')('.byline a').map((_, a) => page(root, 'ko/posts/여름/index.html')(a).text()).get()).toEqual(['김민준', '이서연']);
    // Chirpy's placeholder, left in a post: never shown as written.
    expect(page(root, 'ko/posts/가을/index.html')('.byline')).toHaveLength(0);
    expect(warningsOf(report, 'author-id').map(place(root))).toEqual(['_posts/2024-04-03-가을.md:3']);
  });

  it('are not shown as ids without the file, with one warning for the whole site', async () => {
    const root = siteFromFiles(posts);
    const report = await buildSite(root, { posts: `${root}/_posts` });
    expect(report.ok).toBe(true);
    for (const slug of ['봄', '여름', '가을']) expect(page(root, `ko/posts/${slug}/index.html`)('.byline')).toHaveLength(0);
    const warnings = warningsOf(report, 'author-id');
    expect(warnings.map(place(root))).toEqual(['_posts/2024-04-01-봄.md:3']);
    expect(warnings[0]!.message).toBe('author: "minjun" names an entry of _data/authors.yml, which is not there: no author is shown (and in 2 more posts)');
  });

  it('leave a name written outside Jekyll as it is', async () => {
    const root = siteFromFiles({ 'posts/zh/a.md': '---\ntitle: 随笔\ndate: 2024-01-01\nauthor: 王小明\n---\n正文。\n' });
    expect((await buildSite(root)).ok).toBe(true);
    expect(page(root, 'zh/posts/a/index.html')('.byline a').text()).toBe('王小明');
  });
});

describe('build --keep-going', () => {
  const blog = () =>
    siteFromFiles({
      'posts/ko/2024-01-01-좋은-글.md': '---\ntitle: 좋은 글\n---\n잘 됩니다. [다음 글]({% post_link 2024-01-03-링크-글 %})\n',
      'posts/ko/2024-01-02-날짜-오류.md': '---\ntitle: 날짜 오류\ndate: 2024-02-30\n---\n날짜가 없는 날입니다.\n',
      'posts/ko/2024-01-03-링크-글.md': '---\ntitle: 링크 글\n---\n[오류 글]({% post_link 2024-01-02-날짜-오류 %})\n',
      'posts/ko/2024-01-04-또-좋은-글.md': '---\ntitle: 또 좋은 글\n---\n이것도 됩니다.\n',
    });
  const exists = (root: string, rel: string) => fs.existsSync(path.join(root, '_site', rel));

  it('writes the site from the posts that build, lists those left out and still exits 1', async () => {
    const root = blog();
    const result = await runCli(['build', '--root', root, '--keep-going']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/posts\/ko\/2024-01-02-날짜-오류\.md:3 error: date: impossible date "2024-02-30"/);
    // Leaving one post out broke the post linking to it, and that one went too; then the one linking to that.
    expect(result.stdout).toContain([
      'left out 3 posts with errors (--keep-going):',
      '  posts/ko/2024-01-01-좋은-글.md',
      '  posts/ko/2024-01-02-날짜-오류.md',
      '  posts/ko/2024-01-03-링크-글.md',
    ].join('\n'));
    expect(result.stdout).toMatch(/^build failed: \d+ errors?, \d+ warnings? in [\d.]+ s; built \d+ pages \(.*\) without the 3 posts left out → /m);
    expect(exists(root, 'ko/posts/또-좋은-글/index.html')).toBe(true);
    expect(exists(root, 'ko/posts/날짜-오류/index.html')).toBe(false);
    expect(exists(root, 'ko/posts/링크-글/index.html')).toBe(false);
    const index = page(root, 'ko/index.html');
    expect(index('main a').map((_, a) => index(a).text()).get()).not.toContain('링크 글');
  });

  it('without it, publishes nothing and leaves the previous site as it was', async () => {
    const root = blog();
    fs.rmSync(path.join(root, 'posts/ko/2024-01-02-날짜-오류.md'));
    fs.rmSync(path.join(root, 'posts/ko/2024-01-03-링크-글.md'));
    fs.rmSync(path.join(root, 'posts/ko/2024-01-01-좋은-글.md'));
    expect((await runCli(['build', '--root', root])).status).toBe(0);
    const before = readTree(path.join(root, '_site'));
    fs.writeFileSync(path.join(root, 'posts/ko/2024-01-05-오류.md'), '---\ntitle: 오류\ndate: 2024-13-01\n---\n본문\n');
    const result = await runCli(['build', '--root', root]);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('left out');
    expect(readTree(path.join(root, '_site'))).toEqual(before);
  });

  it('fails as without it when an error is not a post\'s, or when no post would be left', async () => {
    const root = blog();
    expect((await runCli(['build', '--root', root])).status).toBe(1);
    fs.mkdirSync(path.join(root, 'templates/layouts'), { recursive: true });
    fs.writeFileSync(path.join(root, 'templates/layouts/post.njk'), '{% if %}');
    const template = await runCli(['build', '--root', root, '--keep-going']);
    expect(template.status).toBe(1);
    expect(template.stdout).not.toContain('left out');
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);

    const lone = siteFromFiles({ 'posts/ko/a.md': '---\ntitle: 하나\ndate: 2024-02-30\n---\n본문\n' });
    const result = await runCli(['build', '--root', lone, '--keep-going']);
    expect(result.status).toBe(1);
    expect(fs.existsSync(path.join(lone, '_site'))).toBe(false);
  });
});
