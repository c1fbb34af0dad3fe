// `omnipress new`: the file an editor starts from — named as the build would name it, front
// matter that reads back exactly and builds, and never a file replaced.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/content/front-matter.js';
import { buildSite, readOutput, runCli, siteFromFiles, type CliResult } from '../helpers/site.js';

// 02:30 UTC is 11:30 in Seoul (the default time zone); before the tests' fixed build `now`.
const NOW = { OMNIPRESS_NOW: '2025-11-22T02:30:00Z' };

async function newPost(root: string, ...args: string[]): Promise<CliResult> {
  return runCli(['new', ...args], { cwd: root, env: NOW });
}

function frontMatterOf(root: string, rel: string) {
  return readFrontMatter(fs.readFileSync(path.join(root, rel), 'utf8'), rel).data;
}

describe('omnipress new', () => {
  it('names a Korean post after its title, Hangul kept, and prints the path', async () => {
    const root = siteFromFiles({});
    const result = await newPost(root, 'ko', 'GPT-4o 음성 모드 출시', '--category', '뉴스', '--tags', 'gpt-4o, 음성');
    expect(result.status).toBe(0);
    const rel = 'posts/ko/2025-11-22-gpt-4o-음성-모드-출시.md';
    expect(result.stdout).toBe(`${rel}\n`);
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    expect(text).toContain('date: 2025-11-22 11:30:00 +0900\n');
    expect(frontMatterOf(root, rel)).toMatchObject({
      title: 'GPT-4o 음성 모드 출시', lang: 'ko', categories: ['뉴스'], tags: ['gpt-4o', '음성'],
    });

    const report = await buildSite(root);
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(readOutput(root, 'ko/posts/gpt-4o-음성-모드-출시/index.html')).toContain('GPT-4o 음성 모드 출시');
  });

  it('names a Chinese post after its title, Han kept, and it builds', async () => {
    const root = siteFromFiles({});
    const result = await newPost(root, 'zh', 'GPT-4o 语音模式上线', '--tags', '人工智能，语音');
    expect(result.status).toBe(0);
    const rel = 'posts/zh/2025-11-22-gpt-4o-语音模式上线.md';
    expect(result.stdout.trim()).toBe(rel);
    expect(frontMatterOf(root, rel)).toMatchObject({ title: 'GPT-4o 语音模式上线', lang: 'zh', tags: ['人工智能', '语音'] });
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    expect(readOutput(root, 'zh/posts/gpt-4o-语音模式上线/index.html')).toContain('GPT-4o 语音模式上线');
  });

  it.each([
    'GPT-4o: "실시간" 음성 # 첫 공개',
    "It's here: GPT-4o, finally",
    '- yes',
    '2024-05-14',
    'a \\ backslash and a {brace} [bracket]',
  ])('keeps the title %j exactly through YAML', async (title) => {
    const root = siteFromFiles({});
    // `--` ends the options, so a title may start with `-`.
    const result = await newPost(root, '--slug', 'tricky', '--', 'en', title);
    expect(result.status).toBe(0);
    expect(frontMatterOf(root, 'posts/en/2025-11-22-tricky.md').title).toBe(title);
  });

  it('uses --slug as the build would slugify it, and the site time zone for the date', async () => {
    const root = siteFromFiles({ 'omnipress.yml': 'timeZone: America/New_York\n' });
    const result = await newPost(root, 'en', 'Anything', '--slug', 'My Slug!');
    expect(result.status).toBe(0);
    // 02:30 UTC on the 22nd is still the 21st in New York.
    const rel = 'posts/en/2025-11-21-my-slug.md';
    expect(result.stdout.trim()).toBe(rel);
    expect(fs.readFileSync(path.join(root, rel), 'utf8')).toContain('date: 2025-11-21 21:30:00 -0500\n');
  });

  it('never overwrites an existing post', async () => {
    const root = siteFromFiles({ 'posts/ko/2025-11-22-hello.md': 'mine\n' });
    const result = await newPost(root, 'ko', 'Hello');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/already exists/);
    expect(fs.readFileSync(path.join(root, 'posts/ko/2025-11-22-hello.md'), 'utf8')).toBe('mine\n');
  });

  it('writes into --root and prints an absolute path from outside it', async () => {
    const root = siteFromFiles({});
    const result = await runCli(['new', 'en', 'From afar', '--root', root], { env: NOW });
    expect(result.status).toBe(0);
    const file = path.join(root, 'posts/en/2025-11-22-from-afar.md');
    expect(fs.existsSync(file)).toBe(true);
    expect(result.stdout.trim()).toBe(file);
  });

  it('refuses a language the site does not have (exit 2), naming the ones it has', async () => {
    const root = siteFromFiles({});
    const result = await newPost(root, 'fr', 'Bonjour');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('"fr"');
    expect(result.stderr).toContain('ko, zh, en');
    expect(fs.existsSync(path.join(root, 'posts'))).toBe(false);
  });

  it('accepts a language added in the config', async () => {
    const root = siteFromFiles({ 'omnipress.yml': 'languages:\n  ja: { name: 日本語 }\n  en: {}\n' });
    const result = await newPost(root, 'ja', 'こんにちは世界');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('posts/ja/2025-11-22-こんにちは世界.md');
  });

  it.each([[['ko']], [['ko', '!!!']], [['ko', 'x', '--nope']]])('usage errors exit 2: %j', async (args) => {
    const root = siteFromFiles({});
    expect((await newPost(root, ...args)).status).toBe(2);
  });

  it("run from inside posts/, writes into the site's posts folder, not a posts/ of its own", async () => {
    for (const files of [{ 'omnipress.yml': 'timeZone: Asia/Seoul\n', 'posts/ko/.keep': '' }, { 'posts/ko/.keep': '' }] as Array<Record<string, string>>) {
      const root = siteFromFiles(files);
      const result = await runCli(['new', 'ko', '하위 폴더에서'], { cwd: path.join(root, 'posts/ko'), env: NOW });
      expect(result.status, result.stderr).toBe(0);
      expect(fs.existsSync(path.join(root, 'posts/ko/2025-11-22-하위-폴더에서.md'))).toBe(true);
      expect(fs.existsSync(path.join(root, 'posts/ko/posts'))).toBe(false);
      expect(result.stdout.trim()).toBe('2025-11-22-하위-폴더에서.md'); // relative to where the editor is
    }
  });

  it('a usage error points to the help of new itself', async () => {
    const result = await newPost(siteFromFiles({}), 'ko');
    expect(result.stderr).toContain("run 'omnipress new --help' for usage");
  });
});
