// `omnipress migrate-check` with the old site's own config (found beside the posts, or --from):
// the URL scheme, time zone and languages it suggests, the links to old URLs it counts, and a
// build with the suggestion pasted in, as a migrating user types it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonMigrateReport } from '../../src/migrate/report-format.js';
import { page } from '../helpers/html.js';
import { blogCopy } from '../helpers/migrate.js';
import { brokenLinks } from '../helpers/site-check.js';
import { FIXTURES, runCli } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

/** The snippet as printed after "Config to add:", as a user copies it. */
const snippetOf = (stdout: string) => stdout.slice(stdout.indexOf('# omnipress.yml'));

/**
 * A new site folder whose omnipress.yml is the snippet, built from the blog's posts folder, with
 * the files posts link to copied into public/ as docs/migrating.md says (Jekyll's `assets/`, the
 * rest of Hexo's `source/`); the build must pass and leave no internal link broken (links to old
 * URLs included: they redirect).
 */
async function buildWithSnippet(snippet: string, posts: string, statics: Record<string, string> = {}) {
  const site = tempDir('omnipress-migrated-');
  fs.writeFileSync(path.join(site, 'omnipress.yml'), snippet);
  for (const [from, to] of Object.entries(statics)) fs.cpSync(from, path.join(site, 'public', to), { recursive: true });
  const build = await runCli(['build', '--root', site, '--posts', posts]);
  expect(build.status, build.stderr).toBe(0);
  expect(brokenLinks(path.join(site, '_site'))).toEqual([]);
  return { site, build };
}

/** Each language section of the root page: its language and how many posts it lists. */
function rootSections(site: string) {
  const $ = page(site, 'index.html');
  return $('.lang-section')
    .map((_, s) => ({ lang: $(s).attr('lang'), posts: new Set($(s).find('a[href*="/posts/"]').map((_, a) => $(a).attr('href')).get()).size, empty: $(s).find('.empty').length }))
    .get();
}

describe('migrate-check and a Jekyll (Chirpy) blog\'s _config.yml beside _posts', () => {
  it('suggests legacyPermalink and the time zone from it, and counts the links to old URLs it repairs', async () => {
    const root = blogCopy('chirpy');
    fs.writeFileSync(
      path.join(root, '_posts/2024-09-01-지난 글 모음.md'),
      [
        '---',
        'title: 지난 글 모음',
        'date: 2024-09-01 10:00:00 +0900',
        '---',
        '예전 주소로 걸어 둔 링크들입니다. [토크나이저 메모](/posts/tokenizer-notes/)를 먼저 보세요.',
        '',
        '설치는 [첫걸음의 설치 절](/posts/llm-first-steps/#설치)에, 산책 이야기는 [야경](/posts/night-walk)에 있습니다.',
        '',
        '[없는 글](/posts/no-such-post/)은 어디에도 없습니다.',
        '',
      ].join('\n'),
    );
    const result = await runCli(['migrate-check', '--root', root, '--posts', '_posts']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain(`  old site: ${path.join(root, '_config.yml')} (Jekyll)`);
    const at = lines.indexOf('Links to old URLs:');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 6)).toEqual([
      '  Jekyll URLs /posts/:title/: 3 links in 1 post — fixed by legacyPermalink',
      '    _posts/2024-09-01-지난 글 모음.md:5 /posts/tokenizer-notes/ → /ko/posts/tokenizer-notes/',
      '    _posts/2024-09-01-지난 글 모음.md:7 /posts/llm-first-steps/#설치 → /ko/posts/llm-first-steps/',
      '    _posts/2024-09-01-지난 글 모음.md:7 /posts/night-walk → /ko/posts/night-walk/',
      '  1 other link points nowhere (omnipress check lists them)',
    ]);
    const snippet = snippetOf(result.stdout);
    expect(snippet).toMatch(/^timeZone: Asia\/Seoul +# from _config\.yml:5 \(timezone\)$/m);
    expect(snippet).toMatch(/^legacyPermalink: \/posts\/:title\/ +# _config\.yml:6 \(permalink\): \/posts\/:title\/; old URLs redirect to the new ones$/m);
  });

  it('gives the English half of an x.md / x-en.md pair to en, and the build with the snippet agrees', async () => {
    const root = blogCopy('chirpy');
    const json = await runCli(['migrate-check', '--root', root, '--posts', '_posts', '--format', 'json']);
    const report = JSON.parse(json.stdout) as JsonMigrateReport;
    expect(report.config.languages.map((l) => [l.code, l.posts])).toEqual([['ko', 8], ['en', 1]]);
    expect(report.config.defaultLanguage).toBe('ko');

    const { site, build } = await buildWithSnippet(report.config.snippet, path.join(root, '_posts'), { [path.join(root, 'assets')]: 'assets' });
    expect(build.status, build.stderr).toBe(0);
    const en = page(site, 'en/posts/night-walk/index.html');
    expect(en('h1').text()).toContain('A night walk by the Han river');
    expect(en('.also-in a').attr('href')).toBe('/ko/posts/night-walk/');
    expect(rootSections(site)).toEqual([
      { lang: 'ko', posts: expect.any(Number), empty: 0 },
      { lang: 'en', posts: 1, empty: 0 },
    ]);
  });
});

describe('migrate-check and a Hexo blog\'s _config.yml (permalink :category/:title/)', () => {
  it('groups the links to /<category>/<title>/ URLs, in JSON, with the count legacyPermalink repairs', async () => {
    const root = blogCopy('hexo');
    fs.writeFileSync(
      path.join(root, 'source/_posts/旧链接.md'),
      [
        '---',
        'title: 旧链接整理',
        'date: 2024-01-05 09:00:00 +0800',
        '---',
        '以前的文章：[数据清洗](/技术/数据/清洗流程/)，还有[手冲咖啡](/生活/咖啡/手冲咖啡/)。',
        '',
        '英文的那篇在这里：[reading list](/reading/reading-list/)。',
        '',
      ].join('\n'),
    );
    const json = await runCli(['migrate-check', '--posts', path.join(root, 'source/_posts'), '--format', 'json']);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as JsonMigrateReport;
    expect(report.config.oldConfig).toEqual({ file: '_config.yml', generator: 'hexo' });
    expect(report.config.legacyPermalinks).toEqual([
      { written: ':category/:title/', source: '_config.yml:6 (permalink)', pattern: '/:categories/:filename/', notes: [] },
    ]);
    expect(report.oldLinks).toEqual({
      groups: [
        {
          pattern: '/:categories/:filename/',
          written: ':category/:title/',
          links: 3,
          posts: 1,
          fixedBy: 'legacyPermalink',
          first: [
            { file: '_posts/旧链接.md', line: 5, url: '/技术/数据/清洗流程/', to: '/zh/posts/清洗流程/' },
            { file: '_posts/旧链接.md', line: 5, url: '/生活/咖啡/手冲咖啡/', to: '/zh/posts/手冲咖啡/' },
            { file: '_posts/旧链接.md', line: 7, url: '/reading/reading-list/', to: '/en/posts/reading-list/' },
          ],
        },
      ],
      otherDead: 0,
    });
    expect(report.config.snippet).toMatch(/^legacyPermalink: \/:categories\/:filename\/ +# _config\.yml:6 \(permalink\): :category\/:title\//m);
  });

  it('puts the one English post of a Chinese blog in en, and the built root page has no empty language', async () => {
    const blog = blogCopy('hexo');
    const result = await runCli(['migrate-check', '--posts', path.join(blog, 'source/_posts')]);
    const snippet = snippetOf(result.stdout);
    expect(snippet).toMatch(/^defaultLanguage: zh +# the language of most posts$/m);
    expect(snippet).toMatch(/^ {2}zh: \{ name: 中文, tag: zh-Hans \} +# 6 posts$/m);
    expect(snippet).toMatch(/^ {2}en: \{ name: English, tag: en \} +# 1 post$/m);
    expect(snippet).not.toMatch(/^ {2}ko:/m);

    const { site, build } = await buildWithSnippet(snippet, path.join(blog, 'source/_posts'), { [path.join(blog, 'source/images')]: 'images' });
    expect(build.status, build.stderr).toBe(0);
    expect(page(site, 'en/posts/reading-list/index.html')('h1').text()).toContain('A reading list for the winter');
    expect(fs.existsSync(path.join(site, '_site/zh/posts/reading-list'))).toBe(false);
    expect(rootSections(site)).toEqual([
      { lang: 'zh-Hans', posts: expect.any(Number), empty: 0 },
      { lang: 'en', posts: 1, empty: 0 },
    ]);
  });
});

/**
 * The Hugo fixture as a user's old site beside a new one, with a post linking old URLs (`links`),
 * and `migrate-check --from` run from the new site in JSON; `inSubdir: false` puts Hugo's default
 * language at the root.
 */
async function hugoMigration(links: string, { inSubdir = true } = {}) {
  const parent = tempDir('omnipress-from-');
  fs.cpSync(path.join(FIXTURES, 'blogs/hugo'), path.join(parent, 'myblog'), { recursive: true });
  if (!inSubdir) {
    const config = path.join(parent, 'myblog/hugo.toml');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('defaultContentLanguageInSubdir = true', 'defaultContentLanguageInSubdir = false'));
  }
  fs.writeFileSync(path.join(parent, 'myblog/content/posts/옛 주소.md'), `---\ntitle: 옛 주소 모음\ndate: 2024-05-01T09:00:00+09:00\n---\n${links}\n`);
  fs.mkdirSync(path.join(parent, 'site'));
  const json = await runCli(['migrate-check', '--posts', '../myblog/content', '--from', '../myblog', '--format', 'json'], { cwd: path.join(parent, 'site') });
  expect(json.status, json.stderr).toBe(0);
  return { parent, report: JSON.parse(json.stdout) as JsonMigrateReport };
}

describe('migrate-check --from a multilingual Hugo site', () => {
  it('reads hugo.toml: ko and en, a cs/ topic folder that is not Czech, and /:lang/ URLs kept in the old pattern', async () => {
    const { parent, report } = await hugoMigration('[그래프 탐색](/ko/2024/03/graph-search/)과 [정원](/en/2024/03/garden/)을 보세요.');
    expect(report.config.oldConfig).toEqual({ file: 'hugo.toml', generator: 'hugo' });
    expect(report.config.languages.map((l) => l.code)).toEqual(['ko', 'en']);
    expect(report.config.languages.find((l) => l.code === 'ko')?.posts).toBe(8);
    expect(report.config.legacyPermalinks).toEqual([
      expect.objectContaining({ written: '/:year/:month/:slug/', source: 'hugo.toml:8 (permalinks.posts)', pattern: '/:lang/:year/:month/:slug/' }),
    ]);
    expect(report.oldLinks.groups).toEqual([expect.objectContaining({ links: 2, posts: 1, fixedBy: 'legacyPermalink' })]);
    expect(report.config.snippet).toMatch(/^legacyPermalink: \/:lang\/:year\/:month\/:slug\/ +# hugo\.toml:8/m);

    const { site, build } = await buildWithSnippet(report.config.snippet, path.join(parent, 'myblog/content'));
    expect(build.status, build.stderr).toBe(0);
    expect(page(site, 'ko/posts/graph-search/index.html')('html').attr('lang')).toBe('ko');
    expect(fs.existsSync(path.join(site, '_site/cs'))).toBe(false);
    expect(rootSections(site).map((s) => [s.lang, s.empty])).toEqual([['ko', 0], ['en', 0]]);
  });
});

describe('migrate-check --from a Hugo site with its default language at the root', () => {
  it('suggests a legacyPermalink per language, /<lang>/ for the others, and the build redirects both', async () => {
    const { parent, report } = await hugoMigration('[그래프 탐색](/2024/03/graph-search/)과 [정원](/en/2024/03/garden/)을 보세요.', { inSubdir: false });
    expect(report.config.snippet).toMatch(/^legacyPermalink: +# hugo\.toml:8 \(permalinks\.posts\)/m);
    expect(report.config.snippet).toMatch(/^ {2}ko: \/:year\/:month\/:slug\/$/m);
    expect(report.config.snippet).toMatch(/^ {2}en: \/en\/:year\/:month\/:slug\/$/m);
    expect(report.oldLinks.groups).toEqual([expect.objectContaining({ links: 2, posts: 1, fixedBy: 'legacyPermalink' })]);

    const { site, build } = await buildWithSnippet(report.config.snippet, path.join(parent, 'myblog/content'));
    expect(build.status, build.stderr).toBe(0);
    const redirect = (old: string) => page(site, `${old}/index.html`)('link[rel="canonical"]').attr('href');
    expect(redirect('2024/03/graph-search')).toBe('/ko/posts/graph-search/');
    expect(redirect('en/2024/03/garden')).toBe('/en/posts/garden/');
  });
});

describe('an old config that cannot be read', () => {
  it.each([
    { name: 'YAML', blog: 'chirpy', posts: '_posts', file: '_config.yml', text: 'title: 밤의 개발 노트\npermalink: [/posts/:title/\ntimezone: Asia/Seoul\n', line: 3 },
    { name: 'TOML', blog: 'hugo', posts: 'content', file: 'hugo.toml', text: 'title = "산책"\n[permalinks\nposts = "/:year/:slug/"\n', line: 2 },
  ])('$name: a warning naming the file and line, and the report from the posts alone', async (c) => {
    const root = blogCopy(c.blog);
    fs.writeFileSync(path.join(root, c.file), c.text);
    const json = await runCli(['migrate-check', '--root', root, '--posts', c.posts, '--format', 'json']);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as JsonMigrateReport;
    const group = report.warnings.find((w) => w.code === 'old-config');
    expect(group?.first).toEqual([expect.objectContaining({ file: c.file, line: c.line, message: expect.stringContaining(`${c.file} cannot be read`) })]);
    expect(report.posts.broken).toEqual([]);
    expect(report.config.languages.length).toBeGreaterThan(0);
  });

  it('--from a folder with no old config, or no folder, is a usage error', async () => {
    const root = blogCopy('hexo');
    const none = await runCli(['migrate-check', '--root', root, '--posts', 'source/_posts', '--from', 'source']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('--from source holds no _config.yml');
    expect((await runCli(['migrate-check', '--root', root, '--posts', 'source/_posts', '--from', 'nowhere'])).status).toBe(2);
  });
});
