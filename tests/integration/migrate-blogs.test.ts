// Existing blogs pointed at with --posts, as they are: a Korean Jekyll (Chirpy) blog, a Chinese
// Hexo blog and a Korean/English Hugo site (tests/fixtures/blogs/). Assertions name specific
// posts, so files added to the fixtures later do not break them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page, parseXml, type Page } from '../helpers/html.js';
import { brokenLinks, validationErrors } from '../helpers/site-check.js';
import { buildSite, FIXTURES, readOutput, readTree, runCli, siteFromFiles } from '../helpers/site.js';

const BASE = 'https://blog.example.org/sub/';
/**
 * The real clock: a README or draft that wrongly became a post would be dated by its file's
 * modification time (the copy's), and must not hide as a "future" post behind a fixed clock.
 */
const NOW = () => new Date();

/** A temporary copy of tests/fixtures/blogs/<name>; the copy is the site root, its posts folder is `posts`. */
function blogCopy(name: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `omnipress-blog-${name}-`));
  fs.cpSync(path.join(FIXTURES, 'blogs', name), root, { recursive: true });
  return root;
}

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
  const blogs = [
    { name: 'chirpy', posts: '_posts', public: ['assets/img/llm-cover.png'] },
    { name: 'hexo', posts: 'source/_posts', public: ['images/eval-cover.jpg'] },
    { name: 'hugo', posts: 'content', public: [] },
  ];
  it.each(blogs)('$name: valid HTML on every page, redirects included, and no broken internal link', async (blog) => {
    const root = blogCopy(blog.name);
    for (const file of blog.public) {
      fs.mkdirSync(path.dirname(path.join(root, 'public', file)), { recursive: true });
      fs.writeFileSync(path.join(root, 'public', file), 'image');
    }
    const report = await buildSite(root, { posts: path.join(root, blog.posts), baseUrl: BASE, drafts: true, now: NOW() });
    expect(errors(report)).toEqual([]);
    const out = path.join(root, '_site');
    expect(brokenLinks(out, '/sub/')).toEqual([]);
    expect(await validationErrors(out)).toEqual([]);
  });
});

describe('the command a migrating user types', () => {
  it('omnipress build --posts ../myblog/_posts, from a new site folder beside the blog', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'omnipress-beside-'));
    fs.cpSync(path.join(FIXTURES, 'blogs/chirpy'), path.join(parent, 'myblog'), { recursive: true });
    fs.mkdirSync(path.join(parent, 'site'));
    const blog = readTree(path.join(parent, 'myblog'));
    const result = runCli(['build', '--posts', '../myblog/_posts'], { cwd: path.join(parent, 'site') });
    expect(result.stderr).not.toMatch(/error/);
    expect(result.status).toBe(0);
    expect(fs.existsSync(path.join(parent, 'site/_site/ko/posts/llm-first-steps/index.html'))).toBe(true);
    // The blog's folder is only read.
    expect(readTree(path.join(parent, 'myblog'))).toEqual(blog);
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
  const post = (fm: string) => `---\n${fm}\n---\n본문입니다.\n`;

  it('refuses an old address taken by a page, or by another redirect, naming file and line', async () => {
    const root = siteFromFiles({
      'posts/ko/2024-01-01-a.md': post('title: 가\naliases: [/ko/posts/b/]'),
      'posts/ko/2024-01-02-b.md': post('title: 나\ndate: 2024-01-02\nredirect_from:\n  - /old/shared/'),
      'posts/ko/2024-01-03-c.md': post('title: 다\ndate: 2024-01-03\naliases: /old/shared/'),
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
    const root = siteFromFiles({ 'posts/ko/x.md': post('title: 가\ndate: 2024-01-01\naliases: ["/../../outside/"]') });
    const report = await buildSite(root);
    expect(errors(report).map((d) => [path.basename(d.file), d.line, d.message])).toEqual([
      ['x.md', 4, 'aliases: address "/../../outside/" points outside the output folder'],
    ]);
    expect(fs.existsSync(path.join(root, 'outside'))).toBe(false);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });
});
