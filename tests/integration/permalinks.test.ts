// A blog moved from Jekyll, with its own address pattern (config `permalink`) and its old one
// (`legacyPermalink`): posts at the new addresses everywhere a page links them, a redirect page at
// every old address, links in posts to old addresses rewritten, collisions reported by file, and
// `check` able to list the links still written the old way.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page, parseXml } from '../helpers/html.js';
import { blogCopy, buildMigrated } from '../helpers/migrate.js';
import { postFile } from '../helpers/post.js';
import { buildSite, readOutput, runCli, siteFromFiles } from '../helpers/site.js';

const BASE = 'https://blog.example.org/sub/';

const CONFIG = [
  `baseUrl: ${BASE}`,
  'languages: { ko: {}, en: {} }',
  'permalink: /:lang/:year/:month/:slug/',
  'legacyPermalink:',
  '  ko: /:year/:month/:day/:title/',
  '  en: /en/:year/:month/:day/:title/',
].join('\n');

const FIRST_LOOK = [
  '음성 모드는 [따로 정리했다](/2024/05/20/voice-mode/#설정).',
  '',
  '<p>예전 주소 그대로: <a href="/sub/2024/05/20/voice-mode/index.html">음성 모드</a></p>',
  '',
  '영어로는 [이 글](/en/2024/05/20/voice-mode).',
  '',
  '지운 글: [사라진 글](/2023/01/01/nothing/).',
].join('\n');

const FILES = {
  'omnipress.yml': CONFIG,
  // 23:30 in Seoul: the 14th there, the old address's day.
  'posts/ko/2024-05-14-gpt-4o-first-look.md': postFile({ title: 'GPT-4o 첫인상', date: '2024-05-14 23:30:00 +0900', categories: '[AI]' }, FIRST_LOOK),
  'posts/ko/2024-05-20-voice-mode.md': postFile(
    { title: '음성 모드 써 보기', date: '2024-05-20 09:00:00 +0900' },
    '## 설정\n\n설정 화면부터 본다. 처음 글은 [여기](/2024/05/14/gpt-4o-first-look/).',
  ),
  'posts/ko/2024-06-01-한글-파일.md': postFile({ title: '한글 이름 파일', date: '2024-06-01 08:00:00 +0900' }, '파일 이름이 한글이다.'),
  'posts/en/2024-05-20-voice-mode.md': postFile({ title: 'Trying voice mode', date: '2024-05-20 09:00:00 +0900' }, 'It talks back.'),
};

const NEW = {
  firstLook: '/sub/ko/2024/05/gpt-4o-first-look/',
  voiceKo: '/sub/ko/2024/05/voice-mode/',
  voiceEn: '/sub/en/2024/05/voice-mode/',
  hangul: `/sub/ko/2024/06/${encodeURIComponent('한글-파일')}/`,
};

describe('a blog with its own permalink and the old blog\'s as legacyPermalink', () => {
  const root = siteFromFiles(FILES);
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root);
  });

  it('builds without a word, and puts every post at its new address', () => {
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(report.ok).toBe(true);
    for (const rel of ['ko/2024/05/gpt-4o-first-look', 'ko/2024/05/voice-mode', 'ko/2024/06/한글-파일', 'en/2024/05/voice-mode']) {
      expect(fs.existsSync(path.join(root, '_site', rel, 'index.html')), rel).toBe(true);
    }
    expect(fs.existsSync(path.join(root, '_site/ko/posts'))).toBe(false);
    expect(page(root, 'ko/2024/05/gpt-4o-first-look/index.html')('h1').text()).toBe('GPT-4o 첫인상');
  });

  it('writes a redirect page at every old address, leading to the new one under the base path', () => {
    const cases = [
      ['2024/05/14/gpt-4o-first-look/index.html', NEW.firstLook, 'GPT-4o 첫인상'],
      ['2024/05/20/voice-mode/index.html', NEW.voiceKo, '음성 모드 써 보기'],
      ['2024/06/01/한글-파일/index.html', NEW.hangul, '한글 이름 파일'],
      ['en/2024/05/20/voice-mode/index.html', NEW.voiceEn, 'Trying voice mode'],
    ] as const;
    for (const [rel, href, title] of cases) {
      const $ = page(root, rel);
      expect($('link[rel="canonical"]').attr('href'), rel).toBe(`https://blog.example.org${href}`);
      expect($('meta[http-equiv="refresh"]').attr('content'), rel).toBe(`0; url=${href}`);
      expect($('body a').attr('href'), rel).toBe(href);
      expect($('body a').text(), rel).toBe(title);
      expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    }
  });

  it('rewrites links in posts to old addresses, Markdown and raw HTML, keeping the fragment', () => {
    const $ = page(root, 'ko/2024/05/gpt-4o-first-look/index.html');
    const hrefs = $('.post-body a:not(.heading-anchor)').map((_, a) => $(a).attr('href')).get();
    expect(hrefs).toEqual([`${NEW.voiceKo}#${encodeURIComponent('설정')}`, NEW.voiceKo, NEW.voiceEn, '/sub/2023/01/01/nothing/']);
    const back = page(root, 'ko/2024/05/voice-mode/index.html');
    expect(back('.post-body a:not(.heading-anchor)').attr('href')).toBe(NEW.firstLook);
  });

  it('links the new addresses from indexes, feeds, the sitemap and the translations', () => {
    const index = page(root, 'ko/index.html');
    const listed = index('main a').map((_, a) => index(a).attr('href')).get();
    expect(listed).toEqual(expect.arrayContaining([NEW.firstLook, NEW.voiceKo, NEW.hangul]));
    const feed = parseXml(readOutput(root, 'ko/feed.xml'));
    const entries = feed('entry > link').map((_, link) => feed(link).attr('href')).get();
    expect(entries.sort()).toEqual([NEW.firstLook, NEW.voiceKo, NEW.hangul].map((href) => `https://blog.example.org${href}`).sort());
    // The feed's copy of a body has its links rewritten as the page's has.
    expect(readOutput(root, 'ko/feed.xml')).not.toContain('2024/05/20/voice-mode');
    const sitemap = parseXml(readOutput(root, 'sitemap.xml'));
    const locs = sitemap('url > loc').map((_, loc) => sitemap(loc).text()).get();
    expect(locs).toEqual(expect.arrayContaining([NEW.firstLook, NEW.voiceKo, NEW.voiceEn].map((href) => `https://blog.example.org${href}`)));
    expect(locs.filter((loc) => /\/2024\/05\/\d\d\/|\/posts\//.test(loc))).toEqual([]);
    const voice = page(root, 'ko/2024/05/voice-mode/index.html');
    expect(voice('link[rel="alternate"][hreflang="en"]').attr('href')).toBe(`https://blog.example.org${NEW.voiceEn}`);
    expect(voice('a[hreflang="en"][rel="alternate"]').attr('href')).toBe(NEW.voiceEn);
  });

  it('check counts the links to old addresses, lists them with --verbose and in JSON, and errs on the one that is no post\'s', async () => {
    const text = await runCli(['check', '--root', root]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('info: 4 links use old addresses (legacyPermalink); the build rewrites them');
    expect(text.stdout).toContain('posts/ko/2024-05-14-gpt-4o-first-look.md:12 error: link to /2023/01/01/nothing/ points nowhere');
    expect(text.stdout).not.toContain('uses an old address');

    const verbose = await runCli(['check', '--root', root, '--verbose']);
    expect(verbose.stdout).toContain('posts/ko/2024-05-14-gpt-4o-first-look.md:6 info: link to /2024/05/20/voice-mode/#설정 uses an old address; the build makes it /ko/2024/05/voice-mode/');
    expect(verbose.stdout).toContain('posts/ko/2024-05-14-gpt-4o-first-look.md:8 info: link to /sub/2024/05/20/voice-mode/index.html uses an old address');
    expect(verbose.stdout).toContain('posts/ko/2024-05-14-gpt-4o-first-look.md:10 info: link to /en/2024/05/20/voice-mode uses an old address');
    expect(verbose.stdout).toContain('posts/ko/2024-05-20-voice-mode.md:7 info: link to /2024/05/14/gpt-4o-first-look/ uses an old address');

    const json = JSON.parse((await runCli(['check', '--root', root, '--format', 'json'])).stdout) as Array<{ file: string; line: number; severity: string; message: string }>;
    const old = json.filter((d) => d.message.includes('uses an old address')).map((d) => `${d.file}:${d.line} ${d.severity}`);
    expect(old).toEqual([
      'posts/ko/2024-05-14-gpt-4o-first-look.md:6 info',
      'posts/ko/2024-05-14-gpt-4o-first-look.md:8 info',
      'posts/ko/2024-05-14-gpt-4o-first-look.md:10 info',
      'posts/ko/2024-05-20-voice-mode.md:7 info',
    ]);
  });
});

describe('old addresses that cannot be redirect pages', () => {
  it('warns, naming both files, when two posts or a post and a page share an old address, and writes no page there', async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'languages: { ko: {}, en: {} }\nlegacyPermalink: [/:year/:title/, /:lang/posts/:filename/]',
      // Translations with one file name: one old address under /:year/:title/.
      'posts/ko/2024-05-20-voice-mode.md': postFile({ title: '음성 모드' }),
      'posts/en/2024-05-20-voice-mode.md': postFile({ title: 'Voice mode' }),
      // Its old address /ko/posts/2024-01-01-alpha/ is the page of the next post.
      'posts/ko/2024-01-01-alpha.md': postFile({ title: '알파' }),
      'posts/ko/2024-02-01-beta.md': postFile({ title: '베타', slug: '2024-01-01-alpha' }),
    });
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    const warnings = report.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${path.relative(root, d.file)}: ${d.message}`);
    expect(warnings).toEqual([
      'posts/en/2024-05-20-voice-mode.md: the old address /2024/voice-mode/ (legacyPermalink) of this post is also the old address of posts/ko/2024-05-20-voice-mode.md; no redirect is written there',
      'posts/ko/2024-01-01-alpha.md: the old address /ko/posts/2024-01-01-alpha/ (legacyPermalink) of this post is also the address of posts/ko/2024-02-01-beta.md; no redirect is written there',
    ]);
    expect(fs.existsSync(path.join(root, '_site/2024/voice-mode'))).toBe(false);
    expect(page(root, 'ko/posts/2024-01-01-alpha/index.html')('h1').text()).toBe('베타');
    // The others are there, and no post gets a redirect at its own address.
    expect(page(root, 'en/posts/2024-05-20-voice-mode/index.html')('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/en/posts/voice-mode/');
    expect(page(root, '2024/alpha/index.html')('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/ko/posts/alpha/');
  });
});

describe('a permalink pattern of its own', () => {
  it('tells posts of one slug apart by their dates, and names both files when two get one address', async () => {
    const apart = siteFromFiles({
      'omnipress.yml': 'languages: { ko: {} }\npermalink: /:year/:month/:day/:slug/',
      'posts/2024-01-01-weekly.md': postFile({ title: '주간 1' }),
      'posts/2024-01-08-weekly.md': postFile({ title: '주간 2' }),
    });
    const built = await buildSite(apart);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(page(apart, '2024/01/08/weekly/index.html')('h1').text()).toBe('주간 2');

    const clash = siteFromFiles({
      'omnipress.yml': 'languages: { ko: {} }\npermalink: /:year/:title/',
      'posts/2024-01-01-weekly.md': postFile({ title: '주간 1' }),
      'posts/2024-03-01-weekly.md': postFile({ title: '주간 3' }),
    });
    const failed = await buildSite(clash);
    expect(failed.ok).toBe(false);
    const errors = failed.diagnostics.filter((d) => d.severity === 'error' && d.message.startsWith('two pages'));
    expect(errors).toHaveLength(1);
    expect(path.relative(clash, errors[0]!.file)).toMatch(/^posts\/2024-0[13]-01-weekly\.md$/);
    expect(errors[0]!.message).toMatch(/^two pages would be written to 2024\/weekly\/index\.html: this post and .*posts\/2024-0[13]-01-weekly\.md$/);
    expect(errors[0]!.message).not.toContain(path.basename(errors[0]!.file));
    expect(fs.existsSync(path.join(clash, '_site'))).toBe(false);
  });

  it('refuses a folder name that no address may have, at the post', async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'languages: { en: {} }\npermalink: /:section/:slug/',
      'posts/en/aux/wiring.md': postFile({ title: 'Wiring', date: '2024-05-14' }),
    });
    const report = await buildSite(root);
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ file: path.join(root, 'posts/en/aux/wiring.md'), message: expect.stringMatching(/^the permalink pattern \/:section\/:slug\/ gives this post the address \/aux\/wiring\/, but "aux" is a Windows device name/) }),
    );
  });

  it('needs :lang with several languages, not with one', async () => {
    const several = siteFromFiles({ 'omnipress.yml': 'permalink: /:year/:slug/', 'posts/a.md': postFile({ title: 'A' }) });
    const refused = await runCli(['build', '--root', several]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('omnipress.yml:1 error: permalink "/:year/:slug/" has no :lang, and the site has 3 languages (ko, zh, en)');
    const one = siteFromFiles({ 'omnipress.yml': 'languages: { en: {} }\npermalink: /:year/:slug/', 'posts/a.md': postFile({ title: 'A', date: '2024-05-14' }) });
    expect((await runCli(['build', '--root', one])).status).toBe(0);
    expect(fs.existsSync(path.join(one, '_site/2024/a/index.html'))).toBe(true);
  });

  it('leaves out the duplicate-slug warning of `new` when dates tell the posts apart', async () => {
    const env = { OMNIPRESS_NOW: '2025-11-21T10:00:00+09:00' };
    const dated = siteFromFiles({ 'omnipress.yml': 'languages: { ko: {} }\npermalink: /:year/:month/:day/:slug/', 'posts/ko/2024-01-01-weekly.md': postFile({ title: '주간' }) });
    const quiet = await runCli(['new', '--root', dated, 'ko', 'weekly'], { env });
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    const plain = siteFromFiles({ 'omnipress.yml': 'languages: { ko: {} }', 'posts/ko/2024-01-01-weekly.md': postFile({ title: '주간' }) });
    expect((await runCli(['new', '--root', plain, 'ko', 'weekly'], { env })).stderr).toContain('has the same slug "weekly"');
  });
});

describe('links to old addresses, with the build cache', () => {
  it('follow the post they lead to when its address changes, the linking body taken from the cache', async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'languages: { en: {} }\npermalink: /:year/:slugified_title/\nlegacyPermalink: /:year/:month/:day/:title/',
      'posts/2024-05-14-first.md': postFile({ title: 'First' }, 'See [the second](/2024/05/20/second/#end).'),
      'posts/2024-05-20-second.md': postFile({ title: 'Voice at last' }),
    });
    await buildSite(root);
    const link = () => page(root, '2024/first/index.html')('.post-body a:not(.heading-anchor)').attr('href');
    expect(link()).toBe('/2024/voice-at-last/#end');
    fs.writeFileSync(path.join(root, 'posts/2024-05-20-second.md'), postFile({ title: 'Voice, finally' }));
    const again = await buildSite(root);
    expect(again.rendered?.markdownRenders).toBe(1);
    expect(link()).toBe('/2024/voice-finally/#end');
    expect(page(root, '2024/05/20/second/index.html')('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/2024/voice-finally/');
  });
});

describe('the migrating-blog fixtures, with their generator\'s pattern as legacyPermalink', () => {
  it.each([
    { name: 'chirpy', posts: '_posts', legacy: '/posts/:title/', old: 'posts/필름-카메라-입문/index.html', now: `/sub/ko/posts/${encodeURIComponent('필름-카메라-입문')}/` },
    { name: 'hexo', posts: 'source/_posts', legacy: ':year/:month/:day/:title/', old: '2024/03/16/手冲咖啡/index.html', now: `/sub/zh/posts/${encodeURIComponent('手冲咖啡')}/` },
  ])('$name: the old address of a post leads to its page', async (blog) => {
    const root = blogCopy(blog.name);
    fs.writeFileSync(path.join(root, 'omnipress.yml'), `legacyPermalink: ${blog.legacy}\n`);
    const result = await buildMigrated(root, path.join(root, blog.posts), 'https://blog.example.org/sub/');
    expect(result.status, result.stderr).toBe(0);
    expect(page(root, blog.old)('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${blog.now}`);
  });
});
