// `omnipress new <lang> --translate`: a translation started beside its original, in the site's
// naming scheme, linked to it, and holding the original's text where no reader ever gets it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/content/front-matter.js';
import { buildSite, runCli, siteFromFiles, type CliResult } from '../helpers/site.js';
import { page } from '../helpers/html.js';

const NOW = { OMNIPRESS_NOW: '2025-11-22T02:30:00Z' };

function translate(root: string, ...args: string[]): Promise<CliResult> {
  return runCli(['new', ...args], { cwd: root, env: NOW });
}

function read(root: string, rel: string): string {
  return fs.readFileSync(path.join(root, rel), 'utf8');
}

/** A site in a git repository with everything committed; returns the commit. */
function committed(files: Record<string, string>): { root: string; commit: string } {
  const root = siteFromFiles(files);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: root, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'first');
  return { root, commit: git('rev-parse', 'HEAD').trim() };
}

const ORIGINAL_BODY = '새 음성 모드가 오늘 나왔다. 지연 시간이 짧다.\n\n## 써 본 느낌\n\n대화가 자연스럽다 --> 정말로.\n';
const KO = [
  '---',
  'title: "음성 모드: 첫인상"',
  'date: 2024-05-14 09:30:00 +0900',
  'categories: [리뷰]',
  'tags: [gpt-4o, 음성]',
  'image: {path: /img/voice.png, alt: 음성 모드 화면}',
  '---',
  ORIGINAL_BODY,
].join('\n');

describe('omnipress new --translate', () => {
  it('starts a translation in the language folder, linked, with the original\'s date, terms, image and current revision, as a draft', async () => {
    const { root, commit } = committed({ 'posts/ko/2024-05-14-voice.md': KO, 'posts/en/2024-05-14-voice.md': '---\ntitle: Voice mode\n---\nBody.\n' });
    const result = await translate(root, 'zh', '--translate', 'posts/ko/2024-05-14-voice.md');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('posts/zh/2024-05-14-voice.md\n');
    const text = read(root, 'posts/zh/2024-05-14-voice.md');
    expect(readFrontMatter(text, 'x').data).toEqual({
      title: '음성 모드: 첫인상',
      date: '2024-05-14 09:30:00 +0900',
      lang: 'zh',
      categories: ['리뷰'],
      tags: ['gpt-4o', '음성'],
      image: { path: '/img/voice.png', alt: '음성 모드 화면' },
      translationOf: 'ko/2024-05-14-voice.md',
      translatedFrom: commit,
      draft: true,
    });
    expect(text).toContain('새 음성 모드가 오늘 나왔다.');
    // The original itself is left as it was: the file names link the two.
    expect(read(root, 'posts/ko/2024-05-14-voice.md')).toBe(KO);
    // A second start of the same translation replaces nothing.
    const again = await translate(root, 'zh', '--translate', 'voice');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has a zh translation: posts/zh/2024-05-14-voice.md');
  });

  it('builds the translation only with --drafts, never with the original\'s text, and refuses it once it is no draft but still holds that text', async () => {
    // Raw HTML trusted: an HTML comment would reach the page as it is.
    const { root } = committed({ 'posts/ko/2024-05-14-voice.md': KO, 'omnipress.yml': 'trustedHtml: true\n' });
    expect((await translate(root, 'en', '--translate', 'voice')).status).toBe(0);
    const rel = 'posts/en/2024-05-14-voice.md';

    const plain = await buildSite(root);
    expect(plain.ok).toBe(true);
    expect(fs.existsSync(path.join(root, '_site/en/posts/voice/index.html'))).toBe(false);

    expect((await buildSite(root, { drafts: true })).ok).toBe(true);
    const html = fs.readFileSync(path.join(root, '_site/en/posts/voice/index.html'), 'utf8');
    expect(html).not.toContain('새 음성 모드');
    expect(html).not.toContain('써 본 느낌');
    expect(html).not.toContain('정말로');
    // Linked to the original: each lists the other.
    expect(page(root, 'ko/posts/voice/index.html')('.also-in a[hreflang="en"]').attr('href')).toBe('/en/posts/voice/');

    fs.writeFileSync(path.join(root, rel), read(root, rel).replace('draft: true\n', ''));
    const published = await buildSite(root);
    expect(published.ok).toBe(false);
    expect(published.diagnostics).toContainEqual(
      expect.objectContaining({ file: path.join(root, rel), line: 12, severity: 'error', message: expect.stringContaining('kept for the translator is still in this post') }),
    );
    // The block gone, it is an ordinary post.
    const done = read(root, rel).replace(/<!-- omnipress:source-text[\s\S]*omnipress:end-of-source-text -->\n/, 'Voice mode shipped today.\n');
    fs.writeFileSync(path.join(root, rel), done);
    expect((await buildSite(root)).ok).toBe(true);
    expect(page(root, 'en/posts/voice/index.html')('.post-body').text()).toContain('Voice mode shipped today.');
  });

  it('follows the x.ko.md scheme', async () => {
    const { root } = committed({ 'posts/2024/voice.ko.md': KO });
    const result = await translate(root, 'en', '--translate', 'posts/2024/voice.ko.md');
    expect(result.stdout).toBe('posts/2024/voice.en.md\n');
    expect(readFrontMatter(read(root, 'posts/2024/voice.en.md'), 'x').data).toMatchObject({ lang: 'en', translationOf: '2024/voice.ko.md', draft: true });
    expect((await buildSite(root, { drafts: true })).ok).toBe(true);
    expect(page(root, 'ko/posts/voice/index.html')('.also-in a[hreflang="en"]').attr('href')).toBe('/en/posts/voice/');
  });

  it('follows the x-en.md scheme when the site uses it', async () => {
    const { root } = committed({
      'posts/voice.md': KO.replace('categories:', 'lang: ko\ncategories:'),
      'posts/chips.md': '---\ntitle: 반도체\nlang: ko\n---\n본문.\n',
      'posts/chips-en.md': '---\ntitle: Chips\n---\nBody.\n',
    });
    const result = await translate(root, 'zh', '--translate', 'voice');
    expect(result.stdout).toBe('posts/voice-zh.md\n');
    expect((await buildSite(root, { drafts: true })).ok).toBe(true);
    expect(page(root, 'ko/posts/voice/index.html')('.also-in a[hreflang="zh-Hans"]').attr('href')).toBe('/zh/posts/voice/');
  });

  it('adds a translationKey to an original whose file name alone would not link the two', async () => {
    const original = KO.replace('categories:', 'slug: voice-mode\ncategories:');
    const { root } = committed({ 'posts/ko/2024-05-14-음성.md': original });
    const result = await translate(root, 'en', '--translate', 'voice-mode');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('posts/en/2024-05-14-음성.md\n');
    expect(result.stderr).toContain('added translationKey: voice-mode to posts/ko/2024-05-14-음성.md');
    expect(readFrontMatter(read(root, 'posts/ko/2024-05-14-음성.md'), 'x').data).toMatchObject({ slug: 'voice-mode', translationKey: 'voice-mode' });
    expect(readFrontMatter(read(root, 'posts/en/2024-05-14-음성.md'), 'x').data).toMatchObject({ translationKey: 'voice-mode' });
    expect((await buildSite(root, { drafts: true })).ok).toBe(true);
    expect(page(root, 'ko/posts/voice-mode/index.html')('.also-in a[hreflang="en"]').attr('href')).toBe('/en/posts/음성/'.replace('음성', encodeURIComponent('음성')));
  });

  it('says what is wrong with the request', async () => {
    const { root } = committed({ 'posts/ko/2024-05-14-voice.md': KO });
    expect((await translate(root, 'zh', '--translate', 'nothing')).stderr).toContain('no post has the path, slug or translationKey "nothing"');
    expect((await translate(root, 'ko', '--translate', 'voice')).status).toBe(2);
    expect((await translate(root, 'zh', 'A title', '--translate', 'voice')).status).toBe(2);
    expect((await translate(root, 'ja', '--translate', 'voice')).status).toBe(2);
  });
});
