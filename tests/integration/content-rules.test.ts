// What editors write, and what readers get: file names, encodings, front-matter dialects,
// language and date chains, drafts, raw HTML and template syntax in bodies.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page } from '../helpers/html.js';
import { buildSite, readOutput, siteFromFiles, siteFromFixture } from '../helpers/site.js';

const exists = (root: string, rel: string) => fs.existsSync(path.join(root, '_site', rel));

describe('file names and encodings', () => {
  it('gives an NFD Hangul file name (as saved on a Mac) the same slug and URL as NFC', async () => {
    const nfc = '2024-05-14-모델-기능.md';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const root = siteFromFiles({ [`posts/ko/${nfd}`]: '---\ntitle: 기능\n---\n본문\n' });
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    expect(exists(root, 'ko/posts/모델-기능/index.html')).toBe(true);
    const $ = page(root, 'ko/index.html');
    expect($('main a').map((_, a) => $(a).attr('href')).get()).toContain(
      `/ko/posts/${encodeURIComponent('모델-기능')}/`,
    );
  });

  it('tolerates a UTF-8 BOM and CRLF line endings', async () => {
    const text = '\uFEFF---\r\ntitle: 윈도에서 쓴 글\r\ndate: 2024-05-14\r\n---\r\n첫 문단입니다.\r\n\r\n## 소제목\r\n';
    const root = siteFromFiles({ 'posts/ko/windows.md': text });
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    const $ = page(root, 'ko/posts/windows/index.html');
    expect($('h1').text()).toContain('윈도에서 쓴 글');
    expect($('h2#소제목')).toHaveLength(1);
    expect(readOutput(root, 'ko/posts/windows/index.html')).not.toContain('\r');
  });

  it('makes clean, distinct slugs from punctuated file names', async () => {
    const root = siteFromFiles({
      'posts/ko/C++ 정리 [1st] & 팁.md': '---\ndate: 2024-05-14\n---\n본문\n',
      'posts/zh/学习笔记：第（二）篇.md': '---\ndate: 2024-05-14\n---\n正文\n',
    });
    expect((await buildSite(root)).ok).toBe(true);
    const ko = fs.readdirSync(path.join(root, '_site/ko/posts'));
    const zh = fs.readdirSync(path.join(root, '_site/zh/posts'));
    expect(ko).toHaveLength(1);
    expect(ko[0]).toMatch(/^[a-z0-9가-힣-]+$/);
    expect(ko[0]).toContain('정리');
    expect(zh).toEqual(['学习笔记第二篇']);
  });
});

describe('posts shaped like real blogs', () => {
  it('builds a Jekyll (Chirpy) post unchanged', async () => {
    const root = siteFromFixture('jekyll-chirpy');
    const report = await buildSite(root);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const $ = page(root, 'ko/posts/gpt-4o-first-look/index.html');
    expect($('h1').first().text()).toContain('GPT-4o 첫인상 정리');
    expect($('time').first().attr('datetime')).toBe('2024-05-14T10:00:00+09:00');
    // Headings keep Hangul and stay unique.
    expect($('h2#모델-기능')).toHaveLength(1);
    expect($('h2#모델-기능-1')).toHaveLength(1);
    // Mermaid fences become <pre class="mermaid"> with the escaped source.
    expect($('pre.mermaid').text()).toContain('flowchart LR');
    expect($('pre.mermaid').text()).toContain('입력[글 · 소리 · 그림]');
    // Remote images are lazy; links to other hosts get noopener.
    const img = $('img[src="https://images.example.com/gpt-4o/robot-01.jpg"]');
    expect(img.attr('loading')).toBe('lazy');
    expect(img.attr('decoding')).toBe('async');
    expect($('a[href="https://openai.com/index/hello-gpt-4o/"]').attr('rel')).toContain('noopener');
    expect($.text()).toContain('AI');
    expect($.text()).toContain('gpt-4o');
  });

  it('takes the title of a post without front matter from its first H1, and renders it once', async () => {
    const root = siteFromFixture('no-front-matter');
    // No date anywhere: the file's modification time is the post's date.
    const [file] = fs.readdirSync(path.join(root, 'posts'));
    const when = new Date('2024-05-15T09:00:00+09:00');
    fs.utimesSync(path.join(root, 'posts', file!), when, when);
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    const dir = fs.readdirSync(path.join(root, '_site/zh/posts'));
    expect(dir).toHaveLength(1);
    const $ = page(root, `zh/posts/${dir[0]}/index.html`);
    expect($('html').attr('lang')).toBe('zh-Hans');
    expect($('h1')).toHaveLength(1);
    expect($('h1').text()).toContain('GPT-4o 速览：一个模型看、听、说');
    expect($('main').text().match(/一个模型看、听、说/g)).toHaveLength(1);
  });
});

describe('language chain', () => {
  it('goes front matter → folder → file-name suffix → script of the text → default', async () => {
    const root = siteFromFiles({
      'posts/en/fm.md': '---\ntitle: Front matter wins\nlang: zh-CN\ndate: 2024-05-14\n---\nText\n',
      'posts/ko/folder.md': '---\ntitle: Folder\ndate: 2024-05-14\n---\nEnglish text in the Korean folder\n',
      'posts/notes/suffix.en.md': '---\ntitle: 접미사\ndate: 2024-05-14\n---\n한국어 본문이지만 파일 이름이 영어라고 말합니다.\n',
      'posts/notes/hangul.md': '---\ntitle: 글자\ndate: 2024-05-14\n---\n한국어로 쓴 글입니다.\n',
      'posts/notes/han.md': '---\ntitle: 文字\ndate: 2024-05-14\n---\n这是用中文写的文章。\n',
      'posts/notes/latin.md': '---\ntitle: Latin\ndate: 2024-05-14\n---\nPlain English text.\n',
    });
    expect((await buildSite(root)).ok).toBe(true);
    expect(exists(root, 'zh/posts/fm/index.html')).toBe(true);
    expect(exists(root, 'ko/posts/folder/index.html')).toBe(true);
    expect(exists(root, 'en/posts/suffix/index.html')).toBe(true);
    expect(exists(root, 'ko/posts/hangul/index.html')).toBe(true);
    expect(exists(root, 'zh/posts/han/index.html')).toBe(true);
    expect(exists(root, 'ko/posts/latin/index.html')).toBe(true); // default language: ko
  });

  it('adds a language with config alone', async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'languages:\n  ja: { name: 日本語, tag: ja }\n  en: { name: English, tag: en }\n',
      'posts/2024-05-14-kana.md': '---\ntitle: かな\n---\nこれは日本語の文章です。\n',
    });
    expect((await buildSite(root)).ok).toBe(true);
    expect(page(root, 'ja/posts/kana/index.html')('html').attr('lang')).toBe('ja');
  });
});

describe('date chain', () => {
  it('reads the forms real blogs use, in the site time zone when no offset is given', async () => {
    const root = siteFromFiles({
      'posts/en/a.md': '---\ntitle: A\ndate: 2024-05-14 10:00:00 +0900\n---\n',
      'posts/en/b.md': '---\ntitle: B\ndate: 2022-05-1 18:30:48\n---\n',
      'posts/en/c.md': '---\ntitle: C\ndate: 2024/05/14\n---\n',
      'posts/en/d.md': '---\ntitle: D\ndate: 2024-05-14T01:00:00Z\n---\n',
    });
    expect((await buildSite(root)).ok).toBe(true);
    const iso = (slug: string) => page(root, `en/posts/${slug}/index.html`)('time').first().attr('datetime');
    expect(iso('a')).toBe('2024-05-14T10:00:00+09:00');
    expect(iso('b')).toBe('2022-05-01T18:30:48+09:00');
    expect(iso('c')).toBe('2024-05-14T00:00:00+09:00');
    expect(iso('d')).toBe('2024-05-14T10:00:00+09:00');
  });

  it('falls back to the first git commit, then to the modification time with a warning', async () => {
    const root = siteFromFiles({ 'posts/en/committed.md': '# Committed\n\nText.\n', 'posts/en/loose.md': '# Loose\n\nText.\n' });
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: root,
        env: { ...process.env, GIT_AUTHOR_DATE: '2023-03-04T05:06:07Z', GIT_COMMITTER_DATE: '2023-03-04T05:06:07Z' },
      });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', 'posts/en/committed.md');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'first');
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    expect(page(root, 'en/posts/committed/index.html')('time').first().attr('datetime')).toBe('2023-03-04T14:06:07+09:00');
    const warnings = report.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => path.basename(d.file))).toEqual(['loose.md']);
    expect(warnings[0]!.message).toMatch(/modification time/);
  });
});

describe('updated dates from git', () => {
  function commitAt(root: string, when: string, file: string, message: string) {
    const env = { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: root, env });
    git('add', file);
    git('commit', '-q', '-m', message);
  }

  function historySite() {
    const root = siteFromFiles({ 'posts/en/2023-01-02-story.md': '# Story\n\nFirst version.\n' });
    execFileSync('git', ['init', '-q'], { cwd: root });
    commitAt(root, '2023-01-02T03:00:00Z', 'posts/en/2023-01-02-story.md', 'first');
    fs.appendFileSync(path.join(root, 'posts/en/2023-01-02-story.md'), '\nA correction.\n');
    commitAt(root, '2023-06-07T08:09:10Z', 'posts/en/2023-01-02-story.md', 'fix');
    return root;
  }

  it('take a post without `updated` from its last commit, with one git log per build', async () => {
    const root = historySite();
    expect((await buildSite(root)).ok).toBe(true);
    const $ = page(root, 'en/posts/story/index.html');
    expect($('.updated time').attr('datetime')).toBe('2023-06-07T17:09:10+09:00');
  });

  it('show no update for a post committed once, or changed again only on the day it was published', async () => {
    const root = historySite();
    const once = 'posts/en/2023-02-03-once.md';
    const sameDay = 'posts/en/2023-03-04-same-day.md';
    fs.writeFileSync(path.join(root, once), '# Once\n\nCommitted a week after its date, never changed.\n');
    commitAt(root, '2023-02-10T01:00:00Z', once, 'once');
    fs.writeFileSync(path.join(root, sameDay), '---\ndate: 2023-03-04 09:00:00 +0900\n---\n# Same day\n\nTypo.\n');
    commitAt(root, '2023-03-04T00:30:00Z', sameDay, 'add');
    fs.appendFileSync(path.join(root, sameDay), '\nFixed the typo that evening.\n');
    // 23:10 in Seoul is still the day of publication there, though the next day in UTC.
    commitAt(root, '2023-03-04T14:10:00Z', sameDay, 'fix');
    expect((await buildSite(root)).ok).toBe(true);
    for (const slug of ['once', 'same-day']) {
      const $ = page(root, `en/posts/${slug}/index.html`);
      expect($('.updated')).toHaveLength(0);
      expect($('meta[property="article:modified_time"]')).toHaveLength(0);
      // No real update, so no dateModified (Google reads one as a change to the story).
      const article = JSON.parse($('script[type="application/ld+json"]').text()) as { datePublished: string; dateModified?: string };
      expect(article.datePublished).toMatch(/^2023-0\d-0\dT/);
      expect(article).not.toHaveProperty('dateModified');
    }
    const sitemap = readOutput(root, 'sitemap.xml');
    expect(sitemap).toMatch(/\/en\/posts\/once\/<\/loc>\s*<lastmod>2023-02-03T00:00:00\+09:00</);
    // The post changed in a later commit on a later day still shows it.
    expect(page(root, 'en/posts/story/index.html')('.updated time').attr('datetime')).toBe('2023-06-07T17:09:10+09:00');
  });

  it('take `updated` from front matter only when it falls on a later day than the date', async () => {
    const root = siteFromFiles({
      'posts/en/2024-05-14-later.md': '---\ndate: 2024-05-14 10:00:00 +0900\nupdated: 2024-05-16 08:00:00 +0900\n---\n# Later\n',
      'posts/en/2024-05-14-same.md': '---\ndate: 2024-05-14 10:00:00 +0900\nlast_modified_at: 2024-05-14 23:00:00 +0900\n---\n# Same\n',
    });
    expect((await buildSite(root)).ok).toBe(true);
    expect(page(root, 'en/posts/later/index.html')('.updated time').attr('datetime')).toBe('2024-05-16T08:00:00+09:00');
    expect(page(root, 'en/posts/same/index.html')('.updated')).toHaveLength(0);
  });

  it('can be turned off in the config', async () => {
    const root = historySite();
    fs.writeFileSync(path.join(root, 'omnipress.yml'), 'gitDates: false\n');
    expect((await buildSite(root)).ok).toBe(true);
    expect(page(root, 'en/posts/story/index.html')('.updated time')).toHaveLength(0);
  });
});

describe('drafts and future posts', () => {
  const files = {
    'posts/en/2024-05-14-draft.md': '---\ntitle: Draft\ndraft: true\n---\n',
    'posts/en/2024-05-14-unpublished.md': '---\ntitle: Unpublished\npublished: false\n---\n',
    'posts/en/2099-01-01-future.md': '---\ntitle: Future\n---\n',
    'posts/en/2024-05-14-live.md': '---\ntitle: Live\n---\n',
  };

  it('are left out by default', async () => {
    const root = siteFromFiles(files);
    expect((await buildSite(root)).ok).toBe(true);
    expect(exists(root, 'en/posts/live/index.html')).toBe(true);
    expect(exists(root, 'en/posts/draft/index.html')).toBe(false);
    expect(exists(root, 'en/posts/unpublished/index.html')).toBe(false);
    expect(exists(root, 'en/posts/future/index.html')).toBe(false);
  });

  it('are built with --drafts and --future', async () => {
    const root = siteFromFiles(files);
    expect((await buildSite(root, { drafts: true, future: true })).ok).toBe(true);
    for (const slug of ['draft', 'unpublished', 'future', 'live']) expect(exists(root, `en/posts/${slug}/index.html`)).toBe(true);
  });
});

describe('post bodies are text, never templates', () => {
  it('shows {{ }} and {% %} literally, drops {% raw %} markers and warns about Liquid tags with their line', async () => {
    const root = siteFromFixture('template-syntax');
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    const $ = page(root, 'en/posts/templates/index.html');
    const text = $('main').text();
    expect(text).toContain('{{ 7 * 7 }}');
    expect(text).not.toContain('49');
    expect(text).toContain('{% if true %}this is not a condition{% endif %}');
    expect(text).toContain('{{ mustaches }}');
    expect(text).not.toContain('{% raw %}');
    expect(text).toContain('{% include footer.html %}');
    const liquid = report.diagnostics.filter((d) => d.severity === 'warning' && /include/.test(d.message));
    expect(liquid.map((d) => d.line)).toEqual([10]);
  });
});

describe('raw HTML', () => {
  const body = [
    '<details><summary>More</summary>',
    '',
    'Hidden <kbd>Ctrl</kbd>',
    '',
    '</details>',
    '',
    '<script>alert(1)</script>',
    '',
    '<img src="x.png" alt="x" onerror="alert(2)">',
    '',
    '[bad](javascript:alert(3))',
  ].join('\n');

  it('keeps harmless HTML, removes scripts and handlers, and warns with file and line', async () => {
    const root = siteFromFiles({ 'posts/en/2024-05-14-html.md': `---\ntitle: HTML\n---\n${body}\n` });
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    const html = readOutput(root, 'en/posts/html/index.html');
    const $ = page(root, 'en/posts/html/index.html');
    expect($('.post-body details summary').text()).toBe('More');
    expect($('kbd').text()).toBe('Ctrl');
    expect($('main script')).toHaveLength(0);
    expect(html).not.toContain('onerror');
    expect(html).not.toMatch(/href="javascript:/i);
    const lines = report.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.line);
    expect(lines).toContain(10); // <script> on body line 7 + 3 front-matter lines
    expect(lines).toContain(12); // onerror
  });

  it('lets a site opt into trusted HTML', async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'trustedHtml: true\n',
      'posts/en/2024-05-14-html.md': `---\ntitle: HTML\n---\n${body}\n`,
    });
    expect((await buildSite(root)).ok).toBe(true);
    expect(readOutput(root, 'en/posts/html/index.html')).toContain('<script>alert(1)</script>');
  });
});

describe('permalinks', () => {
  it('writes a Jekyll-style permalink inside the output folder', async () => {
    const root = siteFromFiles({
      'posts/en/a.md': '---\ntitle: A\ndate: 2024-05-14\npermalink: /news/gpt-4o/\n---\n',
      'posts/en/b.md': '---\ntitle: B\ndate: 2024-05-14\npermalink: /etc/x\n---\n',
    });
    expect((await buildSite(root)).ok).toBe(true);
    expect(exists(root, 'news/gpt-4o/index.html')).toBe(true);
    expect(exists(root, 'etc/x/index.html')).toBe(true);
    const $ = page(root, 'en/index.html');
    expect($('main a').map((_, a) => $(a).attr('href')).get()).toContain('/news/gpt-4o/');
  });
});

describe('excerpts and reading time', () => {
  it('uses the text before <!--more--> on the index', async () => {
    const root = siteFromFiles({
      'posts/en/2024-05-14-more.md': '---\ntitle: More\n---\nThe teaser sentence.\n\n<!--more-->\n\nThe rest of the story.\n',
    });
    expect((await buildSite(root)).ok).toBe(true);
    const text = page(root, 'en/index.html')('main').text();
    expect(text).toContain('The teaser sentence.');
    expect(text).not.toContain('The rest of the story.');
  });
});

describe('front matter is data', () => {
  it('never lets __proto__ keys change a post or its defaults', async () => {
    const root = siteFromFiles({
      'posts/en/2024-05-14-proto.md': '---\ntitle: Proto\n__proto__:\n  draft: true\n  layout: gallery\n  lang: zh\n---\nBody\n',
      'posts/en/2024-05-14-plain.md': '---\ntitle: Plain\n---\nBody\n',
    });
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    expect(exists(root, 'en/posts/proto/index.html')).toBe(true);
    expect(exists(root, 'en/posts/plain/index.html')).toBe(true);
    expect(({} as Record<string, unknown>).draft).toBeUndefined();
    expect(report.diagnostics.some((d) => d.severity === 'warning' && /__proto__/.test(d.message))).toBe(true);
  });
});

describe('site templates', () => {
  it('override the built-in theme file by file, and see every front-matter key', async () => {
    const root = siteFromFiles({
      'templates/layouts/post.njk':
        '{% extends "layouts/base.njk" %}{% block content %}<p class="custom">{{ post.data.subtitle }} / {{ post.data.rating }}</p>{{ post.html | safe }}{% endblock %}',
      'templates/layouts/review.njk': '<!DOCTYPE html><html lang="{{ page.tag }}"><title>{{ post.title }}</title><p id="stars">{{ post.data.stars }}</p></html>',
      'posts/en/2024-05-14-a.md': '---\ntitle: A\nsubtitle: <b>Sub</b>\nrating: 5\n---\nBody\n',
      'posts/en/2024-05-14-b.md': '---\ntitle: B\nlayout: review\nstars: 4\n---\nBody\n',
    });
    expect((await buildSite(root)).ok).toBe(true);
    const a = page(root, 'en/posts/a/index.html');
    expect(a('p.custom').text()).toBe('<b>Sub</b> / 5'); // autoescaped
    expect(a('header').length).toBeGreaterThan(0); // base.njk from the built-in theme
    expect(page(root, 'en/posts/b/index.html')('#stars').text()).toBe('4');
  });

  it('reports a template error with the template file and line', async () => {
    const root = siteFromFiles({
      'templates/layouts/post.njk': '<html>\n<body>\n{{ post.title | nosuchfilter }}\n</body>\n</html>\n',
      'posts/en/2024-05-14-a.md': '# A\n',
    });
    const report = await buildSite(root);
    expect(report.ok).toBe(false);
    const problem = report.diagnostics.find((d) => d.severity === 'error')!;
    expect(problem.file).toBe(path.join(root, 'templates/layouts/post.njk'));
    expect(problem.line).toBe(3);
    expect(exists(root, 'index.html')).toBe(false);
  });

  it('keeps site-page layouts out of reach of posts', async () => {
    const root = siteFromFiles({ 'posts/en/2024-05-14-a.md': '---\ntitle: A\nlayout: index\n---\n' });
    const report = await buildSite(root);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.find((d) => d.severity === 'error')!.message).toMatch(/unknown layout "index"/);
  });
});

describe('a --- line in the body', () => {
  it('is a horizontal rule or a setext heading, not front matter', async () => {
    const root = siteFromFiles({
      'posts/en/2024-05-14-rules.md': '---\ntitle: Rules\n---\nFirst part.\n\n---\n\nSecond part.\n\nSetext heading\n---\n',
    });
    expect((await buildSite(root)).ok).toBe(true);
    const $ = page(root, 'en/posts/rules/index.html');
    expect($('main hr')).toHaveLength(1);
    expect($('main h2').text()).toContain('Setext heading');
    expect($('main').text()).toContain('Second part.');
  });
});
