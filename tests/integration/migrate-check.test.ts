// `omnipress migrate-check` on the fixture blogs, run as a user runs it (the real bin).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonMigrateReport } from '../../src/migrate/report-format.js';
import { FORGIVEN, blogCopy } from '../helpers/migrate.js';
import { readTree, runCli } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('omnipress migrate-check', () => {
  it('reports a Hugo site: posts that build, files that are not posts, and the config to add', async () => {
    const root = blogCopy('hugo');
    const result = await runCli(['migrate-check', '--root', root, '--posts', 'content']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^omnipress migrate-check: \d+ posts in .*content$/);
    expect(lines[1]).toMatch(/^ {2}\d+ build as they are with the config below$/);
    expect(lines[2]).toMatch(/^ {2}\d+ build with the current config$/);
    expect(lines).toContain('  content/_index.md: Hugo section page (_index.md)');
    expect(lines).toContain('  content/posts/_index.md: Hugo section page (_index.md)');
    expect(lines).toContain('  content/posts/README.md: README');
    expect(lines).toContain('  content/posts/my-trip/packing-list.md: part of the page bundle my-trip/ (only its index.md is a post)');
    expect(lines.some((l) => /^defaultLanguage: ko +# the language of most posts$/.test(l))).toBe(true);
    expect(lines.some((l) => /^timeZone: Asia\/Seoul +# \d+ of \d+ dates are written with \+09:00$/.test(l))).toBe(true);
    expect(lines.some((l) => /^ {2}ko: \{ name: 한국어, tag: ko \} +# \d+ posts$/.test(l))).toBe(true);
    expect(lines.some((l) => /^ {2}en: \{ name: English, tag: en \} +# \d+ posts$/.test(l))).toBe(true);
  });

  it('lists broken posts with their errors and groups warnings by kind, as JSON, writing nothing', async () => {
    const root = blogCopy('chirpy');
    const posts = path.join(root, '_posts');
    fs.writeFileSync(path.join(posts, '2024-06-01-hanami.md'), '---\ntitle: お花見\nlang: ja\n---\n公園で桜を見ました。\n');
    fs.writeFileSync(path.join(posts, '날짜 없는 글.md'), '---\ntitle: 날짜 없는 글\n---\n날짜가 어디에도 없습니다.\n');
    fs.writeFileSync(path.join(posts, '또 다른 글.md'), '---\ntitle: 또 다른 글\n---\n이 글에도 날짜가 없습니다.\n');
    const before = readTree(root);

    const result = await runCli(['migrate-check', '--root', root, '--posts', '_posts', '--format', 'json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as JsonMigrateReport;
    // Judged against the config it suggests, which adds ja: the post builds; against the current one it does not.
    expect(report.posts.broken).toEqual([]);
    expect(report.posts.ok).toBe(report.posts.total);
    expect(report.currentConfig?.broken).toEqual([
      {
        file: '_posts/2024-06-01-hanami.md',
        errors: [expect.objectContaining({ file: '_posts/2024-06-01-hanami.md', line: 3, message: 'unknown language "ja" in front matter lang' })],
      },
    ]);
    expect(report.posts.drafts).toBe(1);
    const undated = report.warnings.find((w) => w.code === 'date-from-mtime');
    expect(undated?.count).toBe(2);
    expect(undated?.first.map((w) => w.file).sort()).toEqual(['_posts/또 다른 글.md', '_posts/날짜 없는 글.md'].sort());
    expect(report.skipped).toContainEqual({ file: '_posts/README.md', reason: 'README' });
    expect(report.config.languages).toContainEqual({ code: 'ja', tag: 'ja', name: '日本語', posts: 1 });
    expect(report.config.defaultLanguage).toBe('ko');
    expect(report.config.timeZone?.zone).toBe('Asia/Seoul');
    expect(report.config.snippet).toContain('  ja: { name: 日本語, tag: ja }');

    // Read-only: no output, no cache, nothing changed.
    expect(readTree(root)).toEqual(before);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
    expect(fs.existsSync(path.join(root, '.omnipress-cache'))).toBe(false);
  });

  it('prints a config for a Hexo blog that builds when pasted into omnipress.yml', async () => {
    const blog = blogCopy('hexo');
    const result = await runCli(['migrate-check', '--posts', path.join(blog, 'source/_posts')]);
    expect(result.status).toBe(0);
    const snippet = result.stdout.slice(result.stdout.indexOf('# omnipress.yml'));
    // The old site's _config.yml beside source/ says so.
    expect(snippet).toMatch(/^timeZone: Asia\/Shanghai +# from _config\.yml:5 \(timezone\)$/m);
    expect(snippet).toMatch(/^ {2}zh: \{ name: 中文, tag: zh-Hans \}/m);

    const site = tempDir('omnipress-migrate-site-');
    fs.writeFileSync(path.join(site, 'omnipress.yml'), snippet);
    const build = await runCli(['build', '--root', site, '--posts', path.join(blog, 'source/_posts')]);
    expect(build.stderr).not.toMatch(/error/);
    expect(build.status).toBe(0);
    const post = fs.readFileSync(path.join(site, '_site/zh/posts/清洗流程/index.html'), 'utf8');
    // 09:00 at +0800 stays 09:00 in Asia/Shanghai.
    expect(post).toContain('datetime="2023-12-01T09:00:00+08:00"');
    expect(fs.existsSync(path.join(site, '_site/ko'))).toBe(false);
  });

  // Each fixture blog uses its family's markup throughout; exactly one construct is not supported,
  // and the other warnings are those of the shapes the old generator forgave.
  it.each([
    { name: 'chirpy' as const, posts: '_posts', code: 'liquid-tag', file: '_posts/2024-06-20-필름 카메라 입문.md', line: 25, construct: '{% include %}' },
    { name: 'hexo' as const, posts: 'source/_posts', code: 'liquid-tag', file: '_posts/手冲咖啡.md', line: 30, construct: '{% pullquote %}' },
    { name: 'hugo' as const, posts: 'content', code: 'hugo-shortcode', file: 'content/posts/비 오는 찻집/index.md', line: 14, construct: '{{< instagram >}}' },
  ])('$name: names the one unsupported construct, $construct, with its count and first occurrence', async (blog) => {
    const root = blogCopy(blog.name);
    const json = await runCli(['migrate-check', '--root', root, '--posts', blog.posts, '--format', 'json']);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as JsonMigrateReport;
    expect(report.posts.broken).toEqual([]);
    expect(report.warnings.map((w) => w.code).sort()).toEqual([blog.code, ...FORGIVEN[blog.name].codes].sort());
    expect(report.warnings.find((w) => w.code === blog.code)).toEqual(
      { code: blog.code, label: blog.code, count: 1, first: [expect.objectContaining({ file: blog.file, line: blog.line, message: expect.stringContaining(blog.construct) })] },
    );

    const text = (await runCli(['migrate-check', '--root', root, '--posts', blog.posts])).stdout.split('\n');
    expect(text.some((line) => /^Warnings \(\d+ warnings? of \d+ kinds?\):$/.test(line))).toBe(true);
    const at = text.indexOf(`  ${blog.code} ×1`);
    expect(at).toBeGreaterThan(0);
    expect(text[at + 1]).toMatch(new RegExp(`^ {4}${escapeRegExp(`${blog.file}:${blog.line} `)}.*${escapeRegExp(blog.construct)}`));
  });

  it('groups prose that looks like a tag as one kind, and notes the file Jekyll never published, as text and JSON', async () => {
    const root = blogCopy('chirpy');
    fs.writeFileSync(path.join(root, '_posts/2024-09-01-원격 접속.md'), '---\ntitle: 원격 접속\n---\n접속은 ssh -l <LOGIN> <host> 로 합니다.\n');
    const json = JSON.parse((await runCli(['migrate-check', '--root', root, '--posts', '_posts', '--format', 'json'])).stdout) as JsonMigrateReport;
    const prose = json.warnings.find((w) => w.code === 'tag-like-text');
    expect(prose).toMatchObject({ label: 'tag-like-text', count: 3 });
    expect(prose!.first.map((w) => `${w.file}:${w.line} ${w.message.split(' ')[0]}`)).toEqual([
      '_posts/2024-08-11-자전거 정비 기록.md:15 <service>',
      '_posts/2024-09-01-원격 접속.md:4 <LOGIN>',
      '_posts/2024-09-01-원격 접속.md:4 <host>',
    ]);
    expect(prose!.first[0]!.hint).toContain('put it in backticks: `<service>`');
    expect(json.skipped).toContainEqual({
      file: '_posts/2023-10-가을 메모.md',
      reason: 'incomplete date prefix "2023-10-": Jekyll reads only YYYY-MM-DD-title names in _posts and never published it (rename it to add the day)',
    });
    expect(json.posts.broken).toEqual([]);

    const text = (await runCli(['migrate-check', '--root', root, '--posts', '_posts'])).stdout.split('\n');
    const at = text.indexOf('  tag-like-text ×3');
    expect(at).toBeGreaterThan(0);
    expect(text[at + 1]).toBe('    _posts/2024-08-11-자전거 정비 기록.md:15 <service> looks like a tag but is no HTML element, and was removed from the text');
    const skipped = text.findIndex((line) => /^Not posts, skipped \(\d+\):$/.test(line));
    expect(skipped).toBeGreaterThan(0);
    expect(text.slice(skipped)).toContain('  _posts/2023-10-가을 메모.md: incomplete date prefix "2023-10-": Jekyll reads only YYYY-MM-DD-title names in _posts and never published it (rename it to add the day)');
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli(['migrate-check'])).status).toBe(2);
    expect((await runCli(['migrate-check', '--posts', '/nonexistent/omnipress/_posts'])).status).toBe(2);
    const root = blogCopy('hexo');
    const bad = await runCli(['migrate-check', '--posts', path.join(root, 'source/_posts'), '--format', 'xml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format must be text or json');
  });

  it('is in the help', async () => {
    const help = await runCli(['--help']);
    expect(help.stdout).toContain('omnipress migrate-check --posts DIR [--from DIR] [--root DIR] [--format text|json]');
    expect((await runCli(['migrate-check', '--help'])).stdout).toContain('Exit codes: 0 once the report is made');
  });
});
