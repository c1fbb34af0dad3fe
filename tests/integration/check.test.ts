// `omnipress check`: every problem a build would report, plus dead links between posts, images
// without alt text, missing translations, drafts and scheduled posts — as text, JSON or GitHub
// annotations, with exit codes CI can trust, and nothing written.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonDiagnostic } from '../../src/check/format.js';
import { runCli, siteFromFiles, siteFromFixture, type CliResult } from '../helpers/site.js';

const HELLO = 'posts/ko/2024-05-14-hello.md';

/** A site whose problems are all on known lines. */
const site = {
  [HELLO]: [
    '---', // 1
    'title: 안녕', // 2
    '---', // 3
    '본문입니다. [中文](/zh/posts/hello/), [태그](/ko/tags/), [피드](/ko/feed.xml), [음성](../음성-모드/).', // 4
    '', // 5
    '[없는 글](/ko/posts/missing/)', // 6
    '', // 7
    '상대 경로도: [다른 글](../other-post/)', // 8
    '', // 9
    '![](/img/chart.png)', // 10
    '', // 11
    '![차트](/img/missing.png)', // 12
    '', // 13
    'A paragraph', // 14
    'with a [draft link](/ko/posts/secret/) on its second line.', // 15
    '', // 16
    '[GitHub style](../zh/2024-05-14-hello.md) [web](https://example.com/x) [mail](mailto:a@b.c) [top](#top)', // 17
    '',
  ].join('\n'),
  'posts/zh/2024-05-14-hello.md': '---\ntitle: 你好\n---\n[回去](../../../ko/posts/hello/)\n',
  'posts/en/2024-05-14-hello.md': '---\ntitle: Hello\n---\nBody with an ![ok image](/img/chart.png).\n',
  'posts/ko/2024-05-20-음성-모드.md': '---\ntitle: 음성 모드\ntranslationKey: gpt-4o-voice\n---\n본문\n',
  'posts/zh/2024-05-20-voice.md': '---\ntitle: 语音模式\ntranslationKey: gpt-4o-voice\n---\n正文\n',
  'posts/ko/2024-05-21-secret.md': '---\ntitle: 비밀\ndraft: true\n---\n본문\n',
  'posts/en/2099-01-01-later.md': '---\ntitle: Later\ndate: 2099-01-01 09:00:00 +0900\n---\nBody\n',
  'public/img/chart.png': 'png',
};

async function check(root: string, ...args: string[]): Promise<CliResult> {
  return runCli(['check', '--root', root, ...args], { cwd: root, env: { GITHUB_ACTIONS: '' } });
}

function json(result: CliResult): JsonDiagnostic[] {
  return JSON.parse(result.stdout) as JsonDiagnostic[];
}

describe('omnipress check on a site with link, image, translation and publishing problems', () => {
  let root: string;
  let result: CliResult;
  let found: JsonDiagnostic[];
  const at = (file: string, line: number | null) => found.filter((d) => d.file === file && d.line === line);

  beforeAll(async () => {
    root = siteFromFiles(site);
    result = await check(root, '--format', 'json');
    found = json(result);
  });

  it('exits 1 because of the dead links, and writes nothing (no _site, no staging folder, no cache)', () => {
    expect(result.status).toBe(1);
    expect(fs.readdirSync(root).sort()).toEqual(['posts', 'public']);
    expect(result.stderr).toMatch(/^check failed: 4 errors, 2 warnings, \d+ notes in 7 posts/m);
  });

  it('reports a link to a site path that is no page, on its line', () => {
    expect(at(HELLO, 6)).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('/ko/posts/missing/ points nowhere') }),
    ]);
  });

  it('resolves relative links against the post page', () => {
    expect(at(HELLO, 8)).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('../other-post/ (/ko/posts/other-post/)') }),
    ]);
  });

  it('says when the target is a draft, and points GitHub-style .md links to the page', () => {
    expect(at(HELLO, 15)).toEqual([expect.objectContaining({ severity: 'error', hint: expect.stringMatching(/draft/) })]);
    expect(at(HELLO, 17)).toEqual([
      expect.objectContaining({ severity: 'error', hint: expect.stringContaining('/zh/posts/hello/') }),
    ]);
  });

  it('accepts links to pages, feeds, taxonomies, Hangul slugs, public files, other sites and fragments', () => {
    expect(at(HELLO, 4)).toEqual([]);
    expect(found.filter((d) => d.file === 'posts/zh/2024-05-14-hello.md')).toEqual([]);
    expect(found.filter((d) => d.file.startsWith('posts/en/2024'))).toEqual([]);
  });

  it('warns about images without alt text and images that are not there', () => {
    expect(at(HELLO, 10)).toEqual([
      expect.objectContaining({ severity: 'warning', message: 'image /img/chart.png has no alt text' }),
    ]);
    expect(at(HELLO, 12)).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('/img/missing.png') }),
    ]);
  });

  it('sums translations up in one line instead of a note per story', async () => {
    expect(found.some((d) => /translation/.test(d.message))).toBe(false);
    // Three stories (the draft alone is none yet): hello in every language, gpt-4o-voice without en, later only in en.
    const line = 'translations: ko 66% (1 missing), zh 66% (1 missing), en 66% (1 missing) of 3 stories';
    expect(result.stderr).toContain(`${line}\n`);
    const text = await check(root);
    expect(text.stdout.trim().split('\n').at(-2)).toBe(line);
  });

  it('lists drafts and scheduled posts', () => {
    expect(found).toContainEqual(
      expect.objectContaining({ file: 'posts/ko/2024-05-21-secret.md', line: 3, severity: 'info', message: 'draft: not published' }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        file: 'posts/en/2099-01-01-later.md', line: 3, severity: 'info',
        message: expect.stringContaining('scheduled for 2099-01-01 09:00:00+09:00'),
      }),
    );
  });

  it('prints a stable JSON array: every key on every entry, sorted by file and line', async () => {
    for (const d of found) expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'severity', 'message', 'hint']);
    const again = json(await check(root, '--format', 'json'));
    expect(again).toEqual(found);
    const hello = found.filter((d) => d.file === HELLO).map((d) => d.line);
    expect(hello).toEqual([...hello].sort((a, b) => (a ?? 0) - (b ?? 0)));
  });

  it('prints text with code frames and a one-line summary', async () => {
    const text = await check(root);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`${HELLO}:6 error: link to /ko/posts/missing/ points nowhere`);
    expect(text.stdout).toContain('> 6 | [없는 글](/ko/posts/missing/)');
    expect(text.stdout).toContain('posts/ko/2024-05-21-secret.md:3 info: draft: not published');
    expect(text.stdout.trim().split('\n').at(-1)).toMatch(/^check failed: 4 errors, 2 warnings, \d+ notes in 7 posts \(\d+\.\d+ s\)$/);
  });

  it('prints GitHub annotations, escaped, with --format github or when GITHUB_ACTIONS=true', async () => {
    const explicit = await check(root, '--format', 'github');
    const auto = await runCli(['check', '--root', root], { cwd: root, env: { GITHUB_ACTIONS: 'true' } });
    expect(auto.stdout).toBe(explicit.stdout.replace(/\(\d+\.\d+ s\)/, (m) => auto.stdout.match(/\(\d+\.\d+ s\)/)![0]));
    const lines = explicit.stdout.trim().split('\n');
    expect(lines).toContain(
      `::error file=${HELLO},line=6::link to /ko/posts/missing/ points nowhere: no page of the site has that path%0Ahint: ` +
        'post pages are /<lang>/posts/<slug>/; check the slug (file name without the date) and the language',
    );
    expect(lines.some((l) => l.startsWith(`::warning file=${HELLO},line=10::image /img/chart.png has no alt text%0Ahint:`))).toBe(true);
    expect(lines.some((l) => l.startsWith('::notice file=posts/ko/2024-05-21-secret.md,line=3::draft: not published'))).toBe(true);
    expect(lines.every((l) => !l.includes('\r'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^check failed/);
    expect(explicit.status).toBe(1);
  });

  it('includes drafts and future posts with --drafts --future: their links resolve', async () => {
    const all = json(await check(root, '--format', 'json', '--drafts', '--future'));
    expect(all.filter((d) => d.file === HELLO && d.line === 15)).toEqual([]);
    expect(all).toContainEqual(expect.objectContaining({ message: 'draft: included because of --drafts' }));
  });
});

describe('omnipress check reports what build reports', () => {
  it.each([
    { fixture: 'bad-yaml', file: 'posts/ko/broken.md', line: 3 },
    { fixture: 'bad-date', file: 'posts/ko/bad-date.md', line: 3 },
    { fixture: 'unknown-layout', file: 'posts/en/gallery.md', line: 4 },
    { fixture: 'unknown-language', file: 'posts/french.md', line: 4 },
    { fixture: 'duplicate-slug', file: 'posts/ko/archive/same-story.md', line: null },
  ])('$fixture: error at $file:$line, exit 1, nothing written', async ({ fixture, file, line }) => {
    const root = siteFromFixture(fixture);
    const before = fs.readdirSync(root).sort();
    const result = await check(root, '--format', 'json');
    expect(result.status).toBe(1);
    expect(json(result)).toContainEqual(expect.objectContaining({ file, line, severity: 'error' }));
    expect(fs.readdirSync(root).sort()).toEqual(before);
  });

  it('front-matter types: tags that are no list', async () => {
    const root = siteFromFiles({ 'posts/en/a.md': '---\ntitle: A\ndate: 2024-05-14\ntags: { x: 1 }\n---\nBody\n' });
    const result = await check(root, '--format', 'json');
    expect(result.status).toBe(1);
    expect(json(result)).toContainEqual(
      expect.objectContaining({ file: 'posts/en/a.md', line: 4, severity: 'error', message: expect.stringMatching(/tags must be a list/) }),
    );
  });

  it('a clean site passes with exit 0', async () => {
    const root = siteFromFiles({
      'posts/ko/2024-05-14-hello.md': '---\ntitle: 안녕\n---\n[English](/en/posts/hello/)\n',
      'posts/zh/2024-05-14-hello.md': '---\ntitle: 你好\n---\n正文\n',
      'posts/en/2024-05-14-hello.md': '---\ntitle: Hello\n---\n[한국어](../../../ko/posts/hello/)\n',
      'omnipress.yml': 'baseUrl: https://example.org/repo/\n',
    });
    const result = await check(root);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^translations: ko 100%, zh 100%, en 100% of 1 story\ncheck passed: 0 errors, 0 warnings, 0 notes in 3 posts/);
    expect(fs.readdirSync(root).sort()).toEqual(['omnipress.yml', 'posts']);
  });

  it('accepts links written with the base path', async () => {
    const root = siteFromFiles({
      'posts/en/2024-05-14-a.md': '---\ntitle: A\n---\n[b](/repo/en/posts/b/) [b2](/en/posts/b/) [gone](/repo/en/posts/c/)\n',
      'posts/en/2024-05-14-b.md': '---\ntitle: B\n---\nB\n',
      'omnipress.yml': 'baseUrl: https://example.org/repo/\nlanguages: { en: {} }\n',
    });
    const found = json(await check(root, '--format', 'json'));
    expect(found.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ file: 'posts/en/2024-05-14-a.md', line: 4, message: expect.stringContaining('/repo/en/posts/c/ (/en/posts/c/)') }),
    ]);
  });

  it.each([[['--format', 'xml']], [['--nope']], [['stray']]])('usage errors exit 2: %j', async (args) => {
    const root = siteFromFiles({});
    expect((await check(root, ...args)).status).toBe(2);
  });

  it('--root must be a folder', async () => {
    expect((await runCli(['check', '--root', path.join(siteFromFiles({}), 'nope')])).status).toBe(2);
  });
});

describe('the summary of a check with broken posts', () => {
  it('counts every post file it looked at, those that did not parse too', async () => {
    const root = siteFromFiles({
      'posts/en/2024-05-01-good.md': '---\ntitle: Good\n---\nBody.\n',
      'posts/en/2024-05-02-bad.md': '---\ntitle: [bad\n---\nBody.\n',
      'posts/en/2024-05-03-worse.md': '---\ndate: 2024-13-45\n---\nBody.\n',
    });
    const result = await runCli(['check', '--root', root], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/check failed: 2 errors, .* in 3 posts/);
  });
});
