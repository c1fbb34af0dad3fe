// `omnipress translations`: the translation desk on a real git history — missing languages,
// translations whose source's words changed after them, front matter-only edits that change
// nothing, and `translatedFrom` acknowledging a revision of the source.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page } from '../helpers/html.js';
import { CHIP_EN, commitAt, git, newsroom, post, RATE_EN, RATE_KO, RATE_ZH, VOICE_KO, VOICE_ZH } from '../helpers/newsroom.js';
import { buildSite, runCli } from '../helpers/site.js';

interface JsonReport {
  stories: number;
  languages: Array<{ lang: string; posts: number; translated: number; percent: number; missing: number; stale: number }>;
  todo: Array<{ key: string; source: { lang: string; file: string }; languages: Array<{ lang: string; status: string; file: string | null; daysBehind: number | null }> }>;
}

async function json(root: string, ...args: string[]): Promise<JsonReport> {
  const result = await runCli(['translations', '--format', 'json', ...args], { cwd: root });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as JsonReport;
}

const statuses = (report: JsonReport) =>
  Object.fromEntries(report.todo.map((story) => [story.key, Object.fromEntries(story.languages.map((l) => [l.lang, l.status]))]));

describe('omnipress translations', () => {
  const root = newsroom();

  it('reports missing and stale translations, newest story first, and leaves front matter-only edits and acknowledged revisions alone', async () => {
    const report = await json(root);
    expect(report.stories).toBe(3);
    expect(report.todo.map((s) => s.key)).toEqual(['voice-mode', 'rate-cut']);
    expect(statuses(report)).toEqual({
      'voice-mode': { ko: 'source', zh: 'stale', en: 'missing' },
      'rate-cut': { ko: 'current', zh: 'source', en: 'stale' },
    });
    expect(report.todo[0]!.source).toMatchObject({ lang: 'ko', file: VOICE_KO });
    expect(report.todo[0]!.languages.find((l) => l.lang === 'zh')).toMatchObject({ file: VOICE_ZH, daysBehind: 4 });
    expect(report.todo[1]!.languages.find((l) => l.lang === 'en')).toMatchObject({ file: RATE_EN, daysBehind: 3 });
    expect(report.languages.find((l) => l.lang === 'en')).toMatchObject({ posts: 2, translated: 2, percent: 66, missing: 1, stale: 1 });
    expect(report.languages.find((l) => l.lang === 'zh')).toMatchObject({ posts: 3, translated: 3, percent: 100, missing: 0, stale: 1 });
  });

  it('counts an edit of the title as a change of the source', async () => {
    const site = newsroom();
    commitAt(site, '2024-05-01T01:00:00Z', CHIP_EN, post('Chip export rules tightened', 'New export rules for chips.', 'tags: [chips, trade]\n'));
    expect(statuses(await json(site))['chip-export']).toEqual({ en: 'source', ko: 'stale', zh: 'stale' });
  });

  it('ignores differences shorter than --stale-after days', async () => {
    expect(statuses(await json(root, '--stale-after', '3'))).toEqual({
      'voice-mode': { ko: 'source', zh: 'stale', en: 'missing' },
      'rate-cut': { ko: 'current', zh: 'source', en: 'stale' },
    });
    expect(statuses(await json(root, '--stale-after', '4'))).toEqual({
      'voice-mode': { ko: 'source', zh: 'stale', en: 'missing' },
    });
    expect(statuses(await json(root, '--stale-after', '5'))).toEqual({
      'voice-mode': { ko: 'source', zh: 'current', en: 'missing' },
    });
  });

  it('takes the original marked original: true, not the one published first', async () => {
    const site = newsroom();
    commitAt(site, '2024-06-01T01:00:00Z', RATE_EN, post('Central bank cuts rates', 'The central bank lowered its benchmark rate again.', 'original: true\n'));
    const rate = (await json(site)).todo.find((s) => s.key === 'rate-cut')!;
    expect(rate.source.file).toBe(RATE_EN);
  });

  it('prints a summary per language and the stories to do as text', async () => {
    const result = await runCli(['translations'], { cwd: root });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('3 stories\n');
    expect(result.stdout).toContain('  en: 2 posts, in 2 stories (66%), 1 missing, 1 stale; translated into ko 2 (100%), zh 2 (100%)\n');
    expect(result.stdout).toContain(`  voice-mode (2024-05-14, source ko: ${VOICE_KO})\n    zh stale  ${VOICE_ZH}: the source changed 2024-05-20, the translation follows 2024-05-16 (4 days behind)\n    en missing\n`);
    expect(result.stdout).toContain(`  rate-cut (2024-03-01, source zh: ${RATE_ZH})\n    ko current  ${RATE_KO}\n    en stale`);
    expect(result.stdout).not.toContain('chip-export');
  });

  it('reports only the languages asked for with --lang', async () => {
    const report = await json(root, '--lang', 'zh');
    expect(report.languages.map((l) => l.lang)).toEqual(['zh']);
    expect(report.todo.map((s) => s.key)).toEqual(['voice-mode']);
  });

  it('writes one CSV row per language of each story to do', async () => {
    const result = await runCli(['translations', '--format', 'csv'], { cwd: root });
    expect(result.status).toBe(0);
    const rows = result.stdout.trimEnd().split('\r\n').map((row) => row.split(','));
    expect(rows[0]).toEqual(['story', 'language', 'status', 'file', 'source_file', 'source_changed', 'follows', 'days_behind']);
    expect(rows.slice(1).map((row) => row.slice(0, 4))).toEqual([
      ['voice-mode', 'ko', 'source', VOICE_KO],
      ['voice-mode', 'zh', 'stale', VOICE_ZH],
      ['voice-mode', 'en', 'missing', ''],
      ['rate-cut', 'ko', 'current', RATE_KO],
      ['rate-cut', 'zh', 'source', RATE_ZH],
      ['rate-cut', 'en', 'stale', RATE_EN],
    ]);
    expect(rows[2]!.slice(5)).toEqual(['2024-05-20T10:00:00+09:00', '2024-05-16T10:00:00+09:00', '4']);
  });

  it('turns stale and missing translations into GitHub warnings on the right files', async () => {
    const result = await runCli(['translations', '--format', 'github'], { cwd: root, env: { GITHUB_WORKSPACE: root } });
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::'))).toEqual([
      `::warning file=${VOICE_ZH}::stale zh translation of voice-mode: the ko source changed 2024-05-20, 4 days after the revision this follows (2024-05-16)%0Ahint: bring it up to date with ${VOICE_KO}, then set translatedFrom: ${git(root, '2024-06-01', 'log', '-1', '--format=%H', '--', VOICE_KO).trim()}`,
      `::warning file=${VOICE_KO}::voice-mode has no en translation%0Ahint: start one with: omnipress new en --translate ${VOICE_KO}`,
      expect.stringMatching(new RegExp(`^::warning file=${RATE_EN},line=\\d+::stale en translation of rate-cut|^::warning file=${RATE_EN}::stale en translation of rate-cut`)),
    ]);
    expect(lines.at(-1)).toBe('translations: ko 100%, zh 100% (1 stale), en 66% (1 missing, 1 stale) of 3 stories');
  });

  it('exits 1 with --fail-on when there is something of that kind, else 0', async () => {
    expect((await runCli(['translations', '--fail-on', 'missing'], { cwd: root })).status).toBe(1);
    expect((await runCli(['translations', '--fail-on', 'stale'], { cwd: root })).status).toBe(1);
    expect((await runCli(['translations', '--fail-on', 'stale', '--lang', 'ko'], { cwd: root })).status).toBe(0);
    expect((await runCli(['translations', '--fail-on', 'missing', '--lang', 'zh'], { cwd: root })).status).toBe(0);
    expect((await runCli(['translations', '--fail-on', 'stale', '--lang', 'zh', '--stale-after', '5'], { cwd: root })).status).toBe(0);
    const wrong = await runCli(['translations', '--fail-on', 'late'], { cwd: root });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--fail-on takes missing, stale or both');
    expect((await runCli(['translations', '--lang', 'ja'], { cwd: root })).status).toBe(2);
  });

  it('gives omnipress check one line on translations, stale ones counted, and no note per post', async () => {
    const result = await runCli(['check', '--format', 'json'], { cwd: root, env: { GITHUB_ACTIONS: '' } });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('translation');
    expect(result.stderr).toContain('translations: ko 100%, zh 100% (1 stale), en 66% (1 missing, 1 stale) of 3 stories\n');
  });
});

describe('the stale translation notice', () => {
  /** The newsroom with chip-export's title corrected, which makes its Korean and Chinese translations stale. */
  function staleInEveryLanguage(config?: string): string {
    const root = newsroom();
    commitAt(root, '2024-05-01T01:00:00Z', CHIP_EN, post('Chip export rules tightened', 'New export rules for chips.', 'tags: [chips, trade]\n'));
    if (config) fs.writeFileSync(path.join(root, 'omnipress.yml'), config);
    return root;
  }

  it('tells readers of a stale translation so, above the article, in their language, with a link to the original', async () => {
    const root = staleInEveryLanguage();
    expect((await buildSite(root)).ok).toBe(true);
    const notice = (rel: string) => page(root, rel)('main .stale-notice');
    const ko = notice('ko/posts/chip-export/index.html');
    expect(ko.text()).toContain('이 번역은 원문보다 오래되었습니다.');
    expect(ko.find('a').attr('href')).toBe('/en/posts/chip-export/');
    expect(ko.find('a').attr('hreflang')).toBe('en');
    expect(ko.find('a').text()).toContain('원문 보기');
    const zh = notice('zh/posts/voice-mode/index.html');
    expect(zh.text()).toContain('此译文可能已过时');
    expect(zh.find('a').attr('href')).toBe('/ko/posts/voice-mode/');
    const en = notice('en/posts/rate-cut/index.html');
    expect(en.text()).toContain('This translation may be out of date');
    expect(en.find('a').attr('href')).toBe('/zh/posts/rate-cut/');
    // Above the article: first in it, before the title.
    expect(page(root, 'en/posts/rate-cut/index.html')('article.post > .stale-notice:first-child + header.post-header')).toHaveLength(1);
    // Originals, current translations and acknowledged ones carry none.
    for (const rel of ['en/posts/chip-export/index.html', 'zh/posts/rate-cut/index.html', 'ko/posts/rate-cut/index.html', 'ko/posts/voice-mode/index.html']) {
      expect(notice(rel), rel).toHaveLength(0);
    }
  });

  it('is left out with translations.staleNotice: false', async () => {
    const root = staleInEveryLanguage('translations:\n  staleNotice: false\n');
    expect((await buildSite(root)).ok).toBe(true);
    for (const rel of ['ko/posts/chip-export/index.html', 'zh/posts/voice-mode/index.html', 'en/posts/rate-cut/index.html']) {
      expect(page(root, rel)('.stale-notice'), rel).toHaveLength(0);
    }
  });
});
