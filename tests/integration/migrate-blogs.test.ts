// Existing blogs pointed at with --posts, as they are: a Korean Jekyll (Chirpy) blog, a Chinese
// Hexo blog and a Korean/English Hugo site (tests/fixtures/blogs/). Assertions name specific
// posts, so files added to the fixtures later do not break them.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page, parseXml, type Page } from '../helpers/html.js';
import { brokenLinks, validationErrors } from '../helpers/site-check.js';
import { postFile } from '../helpers/post.js';
import { FORGIVEN, blogCopy, buildMigrated } from '../helpers/migrate.js';
import { buildSite, FIXTURES, readOutput, readTree, runCli, siteFromFiles, type CliResult } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const BASE = 'https://blog.example.org/sub/';
/**
 * The real clock: a README or draft that wrongly became a post would be dated by its file's
 * modification time (the copy's), and must not hide as a "future" post behind a fixed clock.
 */
const NOW = () => new Date();

const exists = (root: string, rel: string) => fs.existsSync(path.join(root, '_site', rel));
const errors = (report: BuildReport) => report.diagnostics.filter((d) => d.severity === 'error');
/** Every HTML page of the built site, as text. */
function allHtml(root: string): string {
  const out = path.join(root, '_site');
  return fs
    .readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}
/**
 * What a migrating user puts into public/: the blog's own `assets/` folder (Chirpy), and the
 * cover images the fixtures name without shipping them (stand-in bytes).
 */
function copyIntoPublic(root: string, stubs: string[]): void {
  if (fs.existsSync(path.join(root, 'assets'))) fs.cpSync(path.join(root, 'assets'), path.join(root, 'public/assets'), { recursive: true });
  for (const file of stubs) {
    fs.mkdirSync(path.dirname(path.join(root, 'public', file)), { recursive: true });
    fs.writeFileSync(path.join(root, 'public', file), 'image');
  }
}
/** The images the Hexo blog names under its own source/images/, as a migrating user copies them into public/. */
const HEXO_IMAGES = ['images/eval-cover.jpg', 'images/night-run.jpg', 'images/lakeside-track.jpg'];
const hrefs = ($: Page, selector: string) => $(selector).map((_, a) => $(a).attr('href')).get();
const jsonLd = ($: Page) => JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;

describe('a Jekyll (Chirpy) blog: --posts _posts', () => {
  const root = blogCopy('chirpy');
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root, { posts: path.join(root, '_posts'), baseUrl: BASE, now: NOW() });
  });

  it('builds every post, with Korean file names giving Korean URLs', () => {
    expect(errors(report)).toEqual([]);
    expect(exists(root, 'ko/posts/llm-first-steps/index.html')).toBe(true);
    expect(exists(root, 'ko/posts/tokenizer-notes/index.html')).toBe(true);
    expect(exists(root, 'ko/posts/커피-한-잔과-코드-리뷰/index.html')).toBe(true);
  });

  it('never turns the README of _posts into a post', () => {
    expect(allHtml(root)).not.toContain('글 보관함');
    expect(exists(root, 'ko/posts/readme/index.html')).toBe(false);
  });

  it('keeps the drafts of the _drafts folder beside _posts out, unless --drafts', async () => {
    expect(allHtml(root)).not.toContain('아직 쓰는 중인 글');
    const preview = blogCopy('chirpy');
    const withDrafts = await buildSite(preview, { posts: path.join(preview, '_posts'), drafts: true, now: NOW() });
    expect(errors(withDrafts)).toEqual([]);
    // A draft has no date by design: no "no date" warning for it.
    expect(withDrafts.diagnostics.filter((d) => d.file.includes('_drafts'))).toEqual([]);
    const $ = page(preview, 'ko/posts/다음-글-초안/index.html');
    expect($('h1').text()).toContain('아직 쓰는 중인 글');
    expect($('.draft-badge')).toHaveLength(1);
  });

  it('dates a post from its file name when the front matter has no date', () => {
    const $ = page(root, 'ko/posts/커피-한-잔과-코드-리뷰/index.html');
    expect($('.published time').attr('datetime')).toBe('2024-03-02T00:00:00+09:00');
  });

  it('shows last_modified_at as the update date', () => {
    const $ = page(root, 'ko/posts/llm-first-steps/index.html');
    expect($('.published time').attr('datetime')).toBe('2024-05-14T10:00:00+09:00');
    expect($('.updated time').attr('datetime')).toBe('2024-06-01T09:30:00+09:00');
    expect($('meta[property="article:modified_time"]').attr('content')).toBe('2024-06-01T09:30:00+09:00');
  });

  it('lists a post under each level of [AI, LLM] and of a nested path 개발/협업', () => {
    const post = page(root, 'ko/posts/llm-first-steps/index.html');
    expect(post('dd.category a').map((_, a) => post(a).text()).get()).toEqual(['AI', 'LLM']);
    const ai = page(root, 'ko/categories/ai/index.html');
    expect(hrefs(ai, 'main a')).toEqual(expect.arrayContaining(['/sub/ko/posts/llm-first-steps/', '/sub/ko/posts/tokenizer-notes/']));
    const llm = page(root, 'ko/categories/llm/index.html');
    expect(hrefs(llm, 'main a')).toContain('/sub/ko/posts/llm-first-steps/');
    expect(hrefs(llm, 'main a')).not.toContain('/sub/ko/posts/tokenizer-notes/');
    const review = page(root, 'ko/posts/커피-한-잔과-코드-리뷰/index.html');
    expect(review('dd.category a').map((_, a) => review(a).text()).get()).toEqual(['개발', '협업']);
    // A single word is one tag.
    expect(review('dd.tag a').text()).toBe('#리뷰');
    expect(exists(root, 'ko/tags/리뷰/index.html')).toBe(true);
  });

  it('makes image: {path, alt} the social image, under the base path', () => {
    const $ = page(root, 'ko/posts/llm-first-steps/index.html');
    const image = 'https://blog.example.org/sub/assets/img/llm-cover.png';
    expect($('meta[property="og:image"]').attr('content')).toBe(image);
    expect($('meta[property="og:image:alt"]').attr('content')).toBe('책상 위에 펼쳐 둔 노트북과 커피');
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    expect(jsonLd($).image).toEqual([image]);
    expect($('figure.cover img').attr('src')).toBe('/sub/assets/img/llm-cover.png');
    expect($('figure.cover img').attr('alt')).toBe('책상 위에 펼쳐 둔 노트북과 커피');
  });

  it('writes a redirect page at every redirect_from address', () => {
    for (const rel of ['2024/05/llm-basics/index.html', 'old/llm.html']) {
      const html = readOutput(root, rel);
      const $ = page(root, rel);
      expect($('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/sub/ko/posts/llm-first-steps/');
      expect($('link[rel="canonical"]').attr('href')).toBe('https://blog.example.org/sub/ko/posts/llm-first-steps/');
      expect($('meta[name="robots"]').attr('content')).toBe('noindex');
      expect($('body a').attr('href')).toBe('/sub/ko/posts/llm-first-steps/');
      expect($('body a').text()).toBe('거대 언어 모델, 첫걸음');
      expect(html).not.toContain('<script');
    }
    const sitemap = readOutput(root, 'sitemap.xml');
    expect(sitemap).toContain('/sub/ko/posts/llm-first-steps/');
    expect(sitemap).not.toContain('llm-basics');
    expect(sitemap).not.toContain('old/llm');
  });

  it('uses description as the excerpt and meta description', () => {
    const $ = page(root, 'ko/posts/tokenizer-notes/index.html');
    expect($('meta[name="description"]').attr('content')).toBe('한국어 문장이 토큰으로 쪼개지는 방식을 살펴본 짧은 메모.');
    const index = page(root, 'ko/index.html');
    const item = index('main article, main li').filter((_, el) => index(el).find('a[href="/sub/ko/posts/tokenizer-notes/"]').length > 0).first();
    expect(item.text()).toContain('한국어 문장이 토큰으로 쪼개지는 방식을 살펴본 짧은 메모.');
    expect(item.text()).not.toContain('본문 첫 문단은');
  });
});

describe('a Hexo blog: --posts source/_posts', () => {
  const root = blogCopy('hexo');
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root, { posts: path.join(root, 'source/_posts'), baseUrl: BASE, now: NOW() });
  });

  it('builds posts at any depth, and skips dot files', () => {
    expect(errors(report)).toEqual([]);
    expect(exists(root, 'zh/posts/模型评测笔记/index.html')).toBe(true);
    expect(exists(root, 'zh/posts/清洗流程/index.html')).toBe(true);
    expect(allHtml(root)).not.toContain('隐藏文件');
  });

  it('dates a post from its file name', () => {
    const $ = page(root, 'zh/posts/周末读书/index.html');
    expect($('.published time').attr('datetime')).toBe('2023-10-08T00:00:00+09:00');
    expect($('html').attr('lang')).toBe('zh-Hans');
  });

  it('reads tags written as a comma string, and a single word', () => {
    const $ = page(root, 'zh/posts/模型评测笔记/index.html');
    expect($('dd.tag a').map((_, a) => $(a).text()).get()).toEqual(['#大模型', '#评测']);
    expect(page(root, 'zh/posts/周末读书/index.html')('dd.tag a').text()).toBe('#随笔');
  });

  it('cuts the excerpt at <!-- more -->', () => {
    const index = page(root, 'zh/index.html');
    const item = index('main article, main li').filter((_, el) => index(el).find(`a[href="/sub/zh/posts/${encodeURIComponent('模型评测笔记')}/"]`).length > 0).first();
    expect(item.text()).toContain('第二段也属于摘要');
    expect(item.text()).not.toContain('详细的记录');
    const feed = parseXml(readOutput(root, 'zh/feed.xml'));
    const entry = feed('entry').filter((_, e) => feed(e).find('title').text() === '模型评测笔记');
    expect(entry.find('summary').text()).toContain('这是摘要部分');
    expect(entry.find('summary').text()).not.toContain('详细的记录');
  });

  it('makes cover the social image and shows updated', () => {
    const $ = page(root, `zh/posts/模型评测笔记/index.html`);
    expect($('meta[property="og:image"]').attr('content')).toBe('https://blog.example.org/sub/images/eval-cover.jpg');
    // 08:00 at +0800, shown in the site's time zone (Asia/Seoul by default).
    expect($('.updated time').attr('datetime')).toBe('2023-12-02T09:00:00+09:00');
  });

  it('shows the drafts of source/_drafts only with --drafts', async () => {
    expect(exists(root, 'zh/posts/未完成的想法/index.html')).toBe(false);
    const preview = blogCopy('hexo');
    const withDrafts = await buildSite(preview, { posts: path.join(preview, 'source/_posts'), drafts: true, now: NOW() });
    const draft = page(preview, 'zh/posts/未完成的想法/index.html');
    expect(draft('.draft-badge')).toHaveLength(1);
    // A draft keeps its asset folder beside it in source/_drafts/; its images are copied too.
    expect(withDrafts.diagnostics.filter((d) => d.file.includes('_drafts'))).toEqual([]);
    expect(draft('.post-body img[alt="随手画的草图"]').attr('src')).toBe(encodeURIComponent('草图.png'));
    expect(fs.readFileSync(path.join(preview, '_site/zh/posts/未完成的想法/草图.png'))).toEqual(
      fs.readFileSync(path.join(FIXTURES, 'blogs/hexo/source/_drafts/未完成的想法/草图.png')),
    );
  });
});

describe('a Hugo site: --posts content', () => {
  const root = blogCopy('hugo');
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root, { posts: path.join(root, 'content'), baseUrl: BASE, now: NOW() });
  });

  it('skips _index.md section pages, READMEs and the other files of a page bundle', () => {
    expect(errors(report)).toEqual([]);
    const html = allHtml(root);
    expect(html).not.toContain('산책하는 개발자');
    expect(html).not.toContain('글 목록');
    expect(html).not.toContain('짐 목록');
    expect(html).not.toContain('이 폴더 설명서');
    expect(exists(root, 'ko/posts/index/index.html')).toBe(false);
  });

  it('names a leaf bundle after its folder, index.en.md being its English translation', () => {
    const ko = page(root, 'ko/posts/my-trip/index.html');
    const en = page(root, 'en/posts/my-trip/index.html');
    expect(ko('h1').text()).toContain('제주 여행 기록');
    expect(en('h1').text()).toContain('Notes from a Jeju trip');
    expect(hrefs(ko, '.also-in a')).toEqual(['/sub/en/posts/my-trip/']);
    expect(hrefs(en, '.also-in a')).toEqual(['/sub/ko/posts/my-trip/']);
    expect(en('link[rel="alternate"][hreflang="ko"]').attr('href')).toBe('https://blog.example.org/sub/ko/posts/my-trip/');
  });

  it('links x.ko.md with x.en.md, and x-en.md with x.md, both ways', () => {
    for (const slug of ['garden', 'night-market']) {
      const ko = page(root, `ko/posts/${slug}/index.html`);
      const en = page(root, `en/posts/${slug}/index.html`);
      expect(hrefs(ko, '.also-in a')).toEqual([`/sub/en/posts/${slug}/`]);
      expect(hrefs(en, '.also-in a')).toEqual([`/sub/ko/posts/${slug}/`]);
      expect(en('html').attr('lang')).toBe('en');
      // The language switcher goes to the translation.
      expect(ko('.lang-switch a[hreflang="en"]').attr('href')).toBe(`/sub/en/posts/${slug}/`);
    }
    expect(exists(root, 'en/posts/night-market-en/index.html')).toBe(false);
  });

  it('gives punctuated Korean file names and nested folders sane slugs', () => {
    expect(page(root, 'ko/posts/봄날-서울-산책/index.html')('h1').text()).toContain('봄날 서울 산책');
    expect(exists(root, 'ko/posts/책-정리/index.html')).toBe(true);
    const walk = page(root, 'ko/posts/봄날-서울-산책/index.html');
    expect(walk('dd.category a').map((_, a) => walk(a).text()).get()).toEqual(['일상', '산책']);
  });

  it('uses summary as the excerpt and lastmod as the update date', () => {
    const $ = page(root, 'ko/posts/my-trip/index.html');
    expect($('meta[name="description"]').attr('content')).toBe('사흘 동안 제주 동쪽을 걸은 이야기.');
    expect($('.updated time').attr('datetime')).toBe('2024-02-12T18:00:00+09:00');
    const index = page(root, 'ko/index.html');
    expect(index('main').text()).toContain('사흘 동안 제주 동쪽을 걸은 이야기.');
    expect(index('main').text()).not.toContain('첫 문단은 요약이 아닙니다');
  });

  it('writes redirect pages for aliases, relative ones in the post\'s folder', () => {
    const jeju = page(root, '2024/02/jeju/index.html');
    expect(jeju('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/sub/ko/posts/my-trip/');
    const garden = page(root, 'en/posts/old-garden/index.html');
    expect(garden('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/sub/en/posts/garden/');
    expect(garden('html').attr('lang')).toBe('en');
  });
});

describe('the three blogs, built', () => {
  // The cover images the posts name, as a migrating user copies them into public/.
  // Chirpy's own assets/ folder is copied whole, as the README tells migrating users to.
  const blogs = [
    { name: 'chirpy', posts: '_posts', public: ['assets/img/llm-cover.png'] },
    { name: 'hexo', posts: 'source/_posts', public: HEXO_IMAGES },
    { name: 'hugo', posts: 'content', public: [] },
  ];
  it.each(blogs)('$name: valid HTML on every page, redirects included, and no broken internal link', async (blog) => {
    const root = blogCopy(blog.name);
    copyIntoPublic(root, blog.public);
    const report = await buildSite(root, { posts: path.join(root, blog.posts), baseUrl: BASE, drafts: true, now: NOW() });
    expect(errors(report)).toEqual([]);
    const out = path.join(root, '_site');
    expect(brokenLinks(out, '/sub/')).toEqual([]);
    expect(await validationErrors(out)).toEqual([]);
  });
});

describe('what the old generators forgave, in the three blogs', () => {
  const built = async (name: string, posts: string, publicFiles: string[]) => {
    const root = blogCopy(name);
    copyIntoPublic(root, publicFiles);
    const report = await buildSite(root, { posts: path.join(root, posts), baseUrl: BASE, now: NOW() });
    expect(errors(report)).toEqual([]);
    return { root, report };
  };

  it("Chirpy: authors from _data/authors.yml, a Windows image path, a repeated title, a file Jekyll never published", async () => {
    const { root, report } = await built('chirpy', '_posts', []);
    const $ = page(root, 'ko/posts/자전거-정비-기록/index.html');
    expect($('.byline a').text()).toBe('이하늘');
    const authorPage = $('.byline a').attr('href')!;
    expect(authorPage).toMatch(/^\/sub\/ko\/authors\/[^/]+\/$/);
    expect(page(root, `${decodeURIComponent(authorPage.slice('/sub/'.length))}index.html`)('a[rel~="me"]').attr('href')).toBe('https://haneul.example.com/');
    expect($('h1').map((_, h) => $(h).text().trim()).get()).toEqual(['자전거 정비 기록']);
    expect($('.post-body img').attr('src')).toBe('/sub/assets/img/posts/%EC%9E%90%EC%A0%84%EA%B1%B0/%EC%B2%B4%EC%9D%B8.png');
    expect($('.post-body').text()).toContain('sudo systemctl restart  처럼');
    expect(report.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code).sort()).toEqual(['backslash-path', 'liquid-tag', 'tag-like-text']);
    expect(allHtml(root)).not.toContain('가을 메모');
  });

  it('Hexo: a time out of range, an Icarus-style thumbnail, the documented {% img %} and a titled {% note %}', async () => {
    const { root } = await built('hexo', 'source/_posts', HEXO_IMAGES);
    const $ = page(root, 'zh/posts/夜跑记录/index.html');
    expect($('.published time').attr('datetime')).toBe('2023-09-14T21:44:19+09:00');
    expect($('meta[property="og:image"]').attr('content')).toBe('https://blog.example.org/sub/images/night-run.jpg');
    const track = $('.post-body img[src="/sub/images/lakeside-track.jpg"]');
    expect([track.attr('title'), track.attr('alt')]).toEqual(['环湖跑道', '傍晚时分的环湖跑道']);
    expect($('.post-body .callout-info .callout-title').text()).toBe('配速参考');
  });

  it('Hugo: placeholders that look like tags are one kind of warning, once each per post', async () => {
    const { root, report } = await built('hugo', 'content', []);
    const placeholders = report.diagnostics.filter((d) => d.code === 'tag-like-text');
    expect(placeholders.map((d) => `${path.relative(root, d.file)}:${d.line} ${d.message.split(' ')[0]}`)).toEqual([
      'content/posts/port-forwarding.en.md:9 <ip>',
      'content/posts/port-forwarding.en.md:9 <port>',
    ]);
    const $ = page(root, 'en/posts/port-forwarding/index.html');
    expect($('h1')).toHaveLength(1);
  });
});

describe('the command a migrating user types', () => {
  it.each([
    { name: 'chirpy', posts: '_posts', page: 'ko/posts/필름-카메라-입문/', asset: 'img/필름-카메라.png', warning: '_posts/2024-06-20-필름 카메라 입문.md:25 warning: Liquid/Hexo tag {% include %}' },
    { name: 'hexo', posts: 'source/_posts', page: 'zh/posts/手冲咖啡/', asset: '磨豆机.png', warning: 'source/_posts/手冲咖啡.md:30 warning: Liquid/Hexo tag {% pullquote %}' },
    { name: 'hugo', posts: 'content', page: 'ko/posts/비-오는-찻집/', asset: '찻잔.png', warning: 'content/posts/비 오는 찻집/index.md:14 warning: Hugo shortcode {{< instagram >}}' },
  ])('omnipress build --posts ../myblog/$posts, from a new site folder beside the $name blog', async (blog) => {
    const parent = tempDir('omnipress-beside-');
    fs.cpSync(path.join(FIXTURES, 'blogs', blog.name), path.join(parent, 'myblog'), { recursive: true });
    fs.mkdirSync(path.join(parent, 'site'));
    const before = readTree(path.join(parent, 'myblog'));
    const result = await runCli(['build', '--posts', `../myblog/${blog.posts}`], { cwd: path.join(parent, 'site') });
    expect(result.status, result.stderr).toBe(0);
    // The one unsupported construct and what the blog's forgiven shapes give, named by the blog's
    // files (shown by their full paths, as they are outside the site folder).
    const { headers, stray } = diagnosticsOf(result);
    expect(stray).toEqual([]);
    const forgiven = FORGIVEN[blog.name as keyof typeof FORGIVEN].lines;
    expect(headers).toHaveLength(1 + forgiven.length);
    for (const expected of [blog.warning, ...forgiven]) expect(headers).toContainEqual(expect.stringContaining(`myblog/${expected}`));
    const out = path.join(parent, 'site/_site');
    const $ = page(path.join(parent, 'site'), `${blog.page}index.html`);
    const srcs = $('.post-body img').map((_, img) => decodeURIComponent($(img).attr('src')!)).get();
    expect(srcs.map((src) => src.replace(/^\.\//, ''))).toContain(blog.asset);
    expect(fs.existsSync(path.join(out, blog.page, blog.asset))).toBe(true);
    expect(brokenLinks(out, '/').filter((link) => link.startsWith(blog.page))).toEqual([]);
    // The blog's folder is only read.
    expect(readTree(path.join(parent, 'myblog'))).toEqual(before);
  });
});

describe('front matter omnipress does not use', () => {
  it('reaches templates as post.data (Chirpy pin, math, toc, comments; Hexo abbrlink, top; Hugo weight)', async () => {
    const layout = `{% extends "layouts/base.njk" %}{% block content %}<dl class="data">{% for key in ['pin', 'math', 'toc', 'comments', 'abbrlink', 'top', 'weight'] %}{% if post.data[key] !== undefined %}<dt>{{ key }}</dt><dd>{{ post.data[key] }}</dd>{% endif %}{% endfor %}</dl>{% endblock %}`;
    const sites = [
      { name: 'chirpy', posts: '_posts', rel: 'ko/posts/llm-first-steps/index.html', want: { pin: 'true', math: 'true', toc: 'true', comments: 'false' } },
      { name: 'hexo', posts: 'source/_posts', rel: 'zh/posts/模型评测笔记/index.html', want: { abbrlink: '5a3f', top: 'true' } },
      { name: 'hugo', posts: 'content', rel: 'ko/posts/my-trip/index.html', want: { weight: '3' } },
    ];
    for (const site of sites) {
      const root = blogCopy(site.name);
      fs.mkdirSync(path.join(root, 'templates/layouts'), { recursive: true });
      fs.writeFileSync(path.join(root, 'templates/layouts/post.njk'), layout);
      const report = await buildSite(root, { posts: path.join(root, site.posts), now: NOW() });
      expect(errors(report)).toEqual([]);
      const $ = page(root, site.rel);
      const seen = Object.fromEntries($('.data dt').map((i, dt) => [[$(dt).text(), $('.data dd').eq(i).text()]]).get());
      expect(seen).toEqual(site.want);
    }
  });
});

describe('a language added by configuration alone', () => {
  const config = 'languages:\n  ko: { name: 한국어, tag: ko }\n  en: { name: English, tag: en }\n  ja: { name: 日本語, tag: ja }\n';
  const root = siteFromFiles({
    'omnipress.yml': config,
    'posts/2024-05-01-hanami.md': '---\ntitle: 꽃구경\ntags: [봄]\n---\n공원에서 벚꽃을 보았습니다.\n',
    'posts/2024-05-01-hanami-ja.md': '---\ntitle: お花見\ntags: [春]\ncategories: [日記]\n---\n公園で桜を見ました。とてもきれいでした。\n',
  });
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root);
  });

  it('builds its posts, index, taxonomies and feeds, with html lang ja', () => {
    expect(errors(report)).toEqual([]);
    const post = page(root, 'ja/posts/hanami/index.html');
    expect(post('html').attr('lang')).toBe('ja');
    expect(post('h1').text()).toContain('お花見');
    expect(hrefs(page(root, 'ja/index.html'), 'main a')).toContain('/ja/posts/hanami/');
    expect(hrefs(page(root, 'ja/tags/春/index.html'), 'main a')).toContain('/ja/posts/hanami/');
    expect(exists(root, 'ja/categories/日記/index.html')).toBe(true);
    expect(parseXml(readOutput(root, 'ja/feed.xml'))('entry title').text()).toContain('お花見');
  });

  it('links x-ja.md with x.md and offers 日本語 in the language switcher', () => {
    const ko = page(root, 'ko/posts/hanami/index.html');
    expect(hrefs(ko, '.also-in a')).toEqual(['/ja/posts/hanami/']);
    expect(ko('.lang-switch a[hreflang="ja"]').text()).toBe('日本語');
    expect(hrefs(page(root, 'ja/posts/hanami/index.html'), '.also-in a')).toEqual(['/ko/posts/hanami/']);
  });

  it('falls back to the English theme strings, as the theme has no ja.json', () => {
    const $ = page(root, 'ja/posts/hanami/index.html');
    expect($('.site-nav a').first().text()).toBe('Home');
  });

  it('leaves x-ja.md a post of its own when ja is not configured', async () => {
    const plain = siteFromFiles({
      'posts/2024-05-01-hanami.md': '---\ntitle: 꽃구경\n---\n공원에서 벚꽃을 보았습니다.\n',
      'posts/2024-05-01-hanami-ja.md': '---\ntitle: 꽃구경 일본어판\n---\n제목만 다른 글입니다.\n',
    });
    expect(errors(await buildSite(plain))).toEqual([]);
    expect(exists(plain, 'ko/posts/hanami-ja/index.html')).toBe(true);
  });
});

describe('redirects that cannot be written', () => {
  const BODY = '본문입니다.';

  it('refuses an old address taken by a page, or by another redirect, naming file and line', async () => {
    const root = siteFromFiles({
      'posts/ko/2024-01-01-a.md': postFile({ title: '가', aliases: '[/ko/posts/b/]' }, BODY),
      'posts/ko/2024-01-02-b.md': postFile({ title: '나', date: '2024-01-02', redirect_from: '\n  - /old/shared/' }, BODY),
      'posts/ko/2024-01-03-c.md': postFile({ title: '다', date: '2024-01-03', aliases: '/old/shared/' }, BODY),
    });
    const report = await buildSite(root);
    expect(report.ok).toBe(false);
    const found = errors(report).map((d) => ({ file: path.basename(d.file), line: d.line, message: d.message }));
    expect(found).toEqual([
      { file: '2024-01-01-a.md', line: 3, message: 'aliases: the old address /ko/posts/b/ is already taken by the page /ko/posts/b/' },
      {
        file: '2024-01-03-c.md',
        line: 4,
        message: expect.stringMatching(/^aliases: the old address \/old\/shared\/ is already taken by the redirect from .*2024-01-02-b\.md$/),
      },
    ]);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });

  it('refuses an address that leaves the output folder', async () => {
    const root = siteFromFiles({ 'posts/ko/x.md': postFile({ title: '가', date: '2024-01-01', aliases: '["/../../outside/"]' }, BODY) });
    const report = await buildSite(root);
    expect(errors(report).map((d) => [path.basename(d.file), d.line, d.message])).toEqual([
      ['x.md', 4, 'aliases: address "/../../outside/" points outside the output folder'],
    ]);
    expect(fs.existsSync(path.join(root, 'outside'))).toBe(false);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });
});

// The blogs' own markup, built end to end with the command a migrating user types, under a
// sub-path: every construct of the family comes out as HTML, the files it links are copied where
// the links find them, and the one construct nothing renders is reported once, with file:line.
const SUB = 'https://example.org/sub/';

interface CliBlog {
  root: string;
  result: CliResult;
}

/** `omnipress build --root COPY --posts POSTS --base-url SUB`, with public/ made as a user would. */
async function cliBlog(name: string, posts: string, publicFiles: string[] = []): Promise<CliBlog> {
  const root = blogCopy(name);
  copyIntoPublic(root, publicFiles);
  return { root, result: await buildMigrated(root, posts, SUB) };
}

/** The `file:line severity: message` headers of stderr; every other line must belong to one (code frame, hint). */
function diagnosticsOf(result: CliResult): { headers: string[]; stray: string[] } {
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  const header = /^.+:\d+ (warning|error): /;
  return { headers: lines.filter((l) => header.test(l)), stray: lines.filter((l) => !header.test(l) && !l.startsWith('  ')) };
}

/** The output file a `src`/`href` on the page at site path `pageUrl` leads to, when it exists under /sub/. */
function targetOf(root: string, pageUrl: string, url: string): string | undefined {
  const resolved = new URL(url, new URL(pageUrl, SUB));
  if (resolved.origin !== new URL(SUB).origin || !resolved.pathname.startsWith('/sub/')) return undefined;
  const rel = decodeURIComponent(resolved.pathname.slice('/sub/'.length));
  const file = path.join(root, '_site', rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
  return fs.existsSync(file) ? file : undefined;
}

const fixtureBytes = (...rel: string[]) => fs.readFileSync(path.join(FIXTURES, 'blogs', ...rel));
const calloutSummary = ($: Page) =>
  $('.post-body .callout').map((_, el) => `${$(el).attr('class')} ${$(el).children('.callout-label').text()}: ${$(el).children('p').not('.callout-label').text()}`).get();

describe('a Chirpy blog with its markup, built by the CLI under a sub-path', () => {
  let blog: CliBlog;
  let $: Page;
  const url = `/sub/ko/posts/${encodeURIComponent('필름-카메라-입문')}/`;
  beforeAll(async () => {
    blog = await cliBlog('chirpy', '_posts', ['assets/img/llm-cover.png']);
    $ = page(blog.root, 'ko/posts/필름-카메라-입문/index.html');
  });

  it('reports one warning for the {% include %}, with its file and line, besides the forgiven shapes', () => {
    expect(blog.result.status, blog.result.stderr).toBe(0);
    expect(diagnosticsOf(blog.result)).toEqual({
      headers: ['_posts/2024-06-20-필름 카메라 입문.md:25 warning: Liquid/Hexo tag {% include %} is not supported and is shown as text; replace it with Markdown/HTML', ...FORGIVEN.chirpy.lines],
      stray: [],
    });
    expect($('.post-body p').filter((_, p) => $(p).text() === '{% include comments.html %}')).toHaveLength(1);
  });

  it('turns the four prompts into callouts labelled in Korean', () => {
    expect(calloutSummary($)).toEqual([
      'callout callout-tip prompt-tip 팁: 필름은 빛에 약하니 교체는 그늘에서 하세요.',
      'callout callout-info prompt-info 정보: 이 글의 사진은 모두 스캔본입니다.',
      'callout callout-warning prompt-warning 주의: 오래된 카메라는 노출계 배터리부터 확인하세요.',
      'callout callout-danger prompt-danger 위험: 뒷뚜껑을 필름이 감긴 채로 열면 한 롤이 통째로 날아갑니다.',
    ]);
  });

  it('gives the ./img/ image its w, h and class, copied beside the page under the sub-path', () => {
    const img = $('.post-body img[alt="창가에 둔 필름 카메라"]');
    expect(img.attr()).toMatchObject({ width: '700', height: '400', class: 'shadow' });
    const file = targetOf(blog.root, url, img.attr('src')!);
    expect(file).toBe(path.join(blog.root, '_site/ko/posts/필름-카메라-입문/img/필름-카메라.png'));
    expect(fs.readFileSync(file!)).toEqual(fixtureBytes('chirpy/_posts/img/필름-카메라.png'));
  });

  it('links [text]({% post_url %}) to the post, and shows {% raw %} content as written', () => {
    const link = $('.post-body a:contains("첫걸음 글")');
    expect(link.attr('href')).toBe('/sub/ko/posts/llm-first-steps/');
    expect(targetOf(blog.root, url, link.attr('href')!)).toBeDefined();
    const text = $('.post-body > p').map((_, p) => $(p).text()).get();
    expect(text).toContain('템플릿 문법을 그대로 보여 주려면 raw로 감쌉니다: {{ page.title }}.');
    expect(text).toContain('{% if site.comments %}댓글{% endif %}');
    expect($('.post-body').text()).not.toContain('raw %}');
  });

  it('leaves the same constructs in a fence and in inline code as written', () => {
    expect($('.post-body pre code').text()).toBe(
      '> 코드 속 프롬프트\n{: .prompt-tip }\n![코드 속 그림](./img/없는-그림.png){: w="10" }\n[코드 속 링크]({% post_url 2024-05-14-llm-first-steps %})\n{% include comments.html %}\n',
    );
    expect($('.post-body p code').map((_, c) => $(c).text()).get()).toEqual(['{% include footer.html %}', '{% post_url 2024-05-14-llm-first-steps %}']);
  });

  it("puts relative images under the post's media_subpath, in the body and as the cover", () => {
    const plant = page(blog.root, 'ko/posts/창가의-화분/index.html');
    const expected = `/sub/assets/img/posts/${encodeURIComponent('화분')}/${encodeURIComponent('몬스테라')}.png`;
    const img = plant('.post-body img[alt="새 잎이 난 몬스테라"]');
    expect(img.attr()).toMatchObject({ src: expected, width: '500', height: '600' });
    expect(targetOf(blog.root, '/sub/ko/posts/', img.attr('src')!)).toBe(path.join(blog.root, '_site/assets/img/posts/화분/몬스테라.png'));
    expect(plant('figure.cover img').attr('src')).toBe('/sub/assets/img/posts/화분/몬스테라.png');
  });

  it('keeps redirects, file-name dates and skipped non-posts right in the same build', () => {
    expect(page(blog.root, 'old/llm.html')('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/sub/ko/posts/llm-first-steps/');
    expect(page(blog.root, 'ko/posts/커피-한-잔과-코드-리뷰/index.html')('.published time').attr('datetime')).toBe('2024-03-02T00:00:00+09:00');
    expect(allHtml(blog.root)).not.toContain('글 보관함');
    expect(exists(blog.root, 'ko/posts/다음-글-초안/index.html')).toBe(false);
  });

  it('has no broken internal link and valid HTML on every page', async () => {
    const out = path.join(blog.root, '_site');
    expect(brokenLinks(out, '/sub/')).toEqual([]);
    expect(await validationErrors(out)).toEqual([]);
  });
});

describe('a Hexo blog with its markup, built by the CLI under a sub-path', () => {
  let blog: CliBlog;
  let $: Page;
  const url = `/sub/zh/posts/${encodeURIComponent('手冲咖啡')}/`;
  beforeAll(async () => {
    blog = await cliBlog('hexo', 'source/_posts', HEXO_IMAGES);
    $ = page(blog.root, 'zh/posts/手冲咖啡/index.html');
  });

  it('reports one warning for the {% pullquote %} pair, with its file and line, besides the forgiven shapes', () => {
    expect(blog.result.status, blog.result.stderr).toBe(0);
    expect(diagnosticsOf(blog.result)).toEqual({
      headers: [...FORGIVEN.hexo.lines, 'source/_posts/手冲咖啡.md:30 warning: Liquid/Hexo tag {% pullquote %} is not supported and is shown as text; replace it with Markdown/HTML'],
      stray: [],
    });
  });

  it('turns {% note info %} into a callout labelled in Chinese', () => {
    expect(calloutSummary($)).toEqual(['callout callout-info 信息: 豆子最好在冲之前再磨，香气会完整很多。']);
  });

  it('shows {% asset_img %} and {% img %} from the asset folder, copied beside the page', () => {
    const grinder = $('.post-body img[alt="我的手摇磨豆机"]');
    expect(grinder.attr('title')).toBe('我的手摇磨豆机');
    expect(fs.readFileSync(targetOf(blog.root, url, grinder.attr('src')!)!)).toEqual(fixtureBytes('hexo/source/_posts/手冲咖啡/磨豆机.png'));
    const dripper = $('.post-body img[alt="一只陶瓷滤杯"]');
    expect(dripper.attr()).toMatchObject({ class: 'shadow', width: '300', height: '200', title: '陶瓷滤杯' });
    expect(fs.readFileSync(targetOf(blog.root, url, dripper.attr('src')!)!)).toEqual(fixtureBytes('hexo/source/_posts/手冲咖啡/滤杯.png'));
  });

  it('links {% post_link %} by dated file name and by name, with the title or the given text', () => {
    const links = $('.post-body a:not(.heading-anchor)').map((_, a) => [[$(a).text(), decodeURIComponent($(a).attr('href')!)]]).get();
    expect(links).toEqual([
      ['周末读书', '/sub/zh/posts/周末读书/'],
      ['另一篇笔记', '/sub/zh/posts/模型评测笔记/'],
    ]);
    for (const a of $('.post-body a:not(.heading-anchor)').toArray()) expect(targetOf(blog.root, url, $(a).attr('href')!)).toBeDefined();
  });

  it('renders {% blockquote %} with its author and source, {% codeblock %} in its language', () => {
    const quote = $('.post-body blockquote');
    expect(quote.children('p').text()).toBe('水流要细，耐心要多。');
    expect(quote.find('footer strong').text()).toBe('一位咖啡师');
    expect(quote.find('footer cite').text()).toBe('店里的闲聊');
    const code = $('.post-body figure.code-block');
    expect(code.find('figcaption').text()).toBe('冲煮比例');
    expect(code.find('pre code.language-python').text()).toBe('ratio = 15  # {% post_link 不存在的文章 %} 不会被处理\nprint(18 * ratio)\n');
  });

  it('cuts the excerpt at <!-- more -->', () => {
    const index = page(blog.root, 'zh/index.html');
    const item = index('main article, main li').filter((_, el) => index(el).find(`a[href="${url}"]`).length > 0).first();
    expect(item.text()).toContain('买了一套手冲器具');
    expect(item.text()).not.toContain('读书的那篇');
  });

  it('leaves tags in a fence and in inline code as written', () => {
    expect($('.post-body > pre code').text()).toBe('{% note warning %}\n{% post_link 不存在的文章 %}\n{% endnote %}\n');
    expect($('.post-body p code').text()).toBe('{% asset_img 磨豆机.png %}');
  });

  it('has no broken internal link and valid HTML on every page', async () => {
    const out = path.join(blog.root, '_site');
    expect(brokenLinks(out, '/sub/')).toEqual([]);
    expect(await validationErrors(out)).toEqual([]);
  });
});

describe('a Hugo site with its markup, built by the CLI under a sub-path', () => {
  let blog: CliBlog;
  let $: Page;
  const url = `/sub/ko/posts/${encodeURIComponent('비-오는-찻집')}/`;
  beforeAll(async () => {
    blog = await cliBlog('hugo', 'content');
    $ = page(blog.root, 'ko/posts/비-오는-찻집/index.html');
  });

  it('reports one warning for the unknown shortcode, with its file and line, besides the forgiven shapes', () => {
    expect(blog.result.status, blog.result.stderr).toBe(0);
    expect(diagnosticsOf(blog.result)).toEqual({
      headers: [...FORGIVEN.hugo.lines, 'content/posts/비 오는 찻집/index.md:14 warning: Hugo shortcode {{< instagram >}} is not supported and is shown as text'],
      stray: [],
    });
    expect($('.post-body > p').map((_, p) => $(p).text()).get()).toContain('{{< instagram CxYz123 >}}');
  });

  it('names the leaf bundle after its folder and copies its image for {{< figure >}}', () => {
    const figure = $('.post-body figure');
    expect(figure.find('figcaption').text()).toBe('창가 자리의 첫 잔');
    expect(figure.find('figcaption em').text()).toBe('첫');
    const img = figure.find('img');
    expect(img.attr('alt')).toBe('김이 나는 찻잔');
    const file = targetOf(blog.root, url, img.attr('src')!);
    expect(file).toBe(path.join(blog.root, '_site/ko/posts/비-오는-찻집/찻잔.png'));
    expect(fs.readFileSync(file!)).toEqual(fixtureBytes('hugo/content/posts/비 오는 찻집/찻잔.png'));
  });

  it('renders {{< youtube >}} as a link card in Korean, loading nothing from YouTube', () => {
    const card = $('.post-body .video-card a');
    expect(card.attr('href')).toBe('https://www.youtube.com/watch?v=aqz-KE-bpKQ');
    expect(card.find('.video-card-title').text()).toBe('빗소리 영상');
    expect(card.find('.video-card-site').text()).toBe('YouTube에서 보기');
    expect($('iframe, script[src]:not([src*="/assets/omnipress/"]), [src*="youtube"], [src*="ytimg"]')).toHaveLength(0);
  });

  it('resolves relref from the Korean post to the English one, and ref back to the bundle', () => {
    const toEnglish = $('.post-body a:contains("이쪽")').attr('href')!;
    expect(toEnglish).toBe('/sub/en/posts/rainy-tea-house/');
    expect(targetOf(blog.root, url, toEnglish)).toBeDefined();
    const en = page(blog.root, 'en/posts/rainy-tea-house/index.html');
    const toKorean = en('.post-body a:contains("here")').attr('href')!;
    expect(toKorean).toBe(url);
    expect(targetOf(blog.root, '/sub/en/posts/rainy-tea-house/', toKorean)).toBeDefined();
  });

  it('leaves shortcodes in a fence and in inline code as written', () => {
    expect($('.post-body pre code').text()).toBe('{{< figure src="없는-그림.png" >}}\n{{< ref "rainy-tea-house.en.md" >}}\n{{< instagram CxYz123 >}}\n');
    expect($('.post-body p code').text()).toBe('{{< youtube abc >}}');
  });

  it('keeps translations, aliases and skipped section pages right in the same build', () => {
    expect(hrefs(page(blog.root, 'ko/posts/my-trip/index.html'), '.also-in a')).toEqual(['/sub/en/posts/my-trip/']);
    expect(page(blog.root, '2024/02/jeju/index.html')('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/sub/ko/posts/my-trip/');
    expect(allHtml(blog.root)).not.toContain('산책하는 개발자');
  });

  it('has no broken internal link and valid HTML on every page', async () => {
    const out = path.join(blog.root, '_site');
    expect(brokenLinks(out, '/sub/')).toEqual([]);
    expect(await validationErrors(out)).toEqual([]);
  });
});
