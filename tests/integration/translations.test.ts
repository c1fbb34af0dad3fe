// `omnipress translations`: the translation desk on a real git history — missing languages,
// translations whose source's words changed after them, front matter-only edits that change
// nothing, and `translatedFrom` acknowledging a revision of the source.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, siteFromFiles } from '../helpers/site.js';

function git(root: string, when: string, ...args: string[]): string {
  const env = { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: root, env, encoding: 'utf8' });
}

/** Write (or rewrite) `file` and commit it at `when`; returns the commit's hash. */
function commitAt(root: string, when: string, file: string, text: string): string {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
  git(root, when, 'add', file);
  git(root, when, 'commit', '-q', '-m', `edit ${file}`);
  return git(root, when, 'rev-parse', 'HEAD').trim();
}

const post = (title: string, body: string, front = '') => `---\ntitle: ${title}\n${front}---\n${body}\n`;

const VOICE_KO = 'posts/ko/2024-05-14-voice-mode.md';
const VOICE_ZH = 'posts/zh/2024-05-14-voice-mode.md';
const CHIP_EN = 'posts/en/2024-04-02-chip-export.md';
const RATE_ZH = 'posts/zh/2024-03-01-rate-cut.md';
const RATE_EN = 'posts/en/2024-03-01-rate-cut.md';
const RATE_KO = 'posts/ko/2024-03-01-rate-cut.md';

/**
 * Three stories. voice-mode: Korean original, Chinese translation, then the original corrected
 * (zh stale, 4 days behind), no English. chip-export: English original translated into both, then
 * only its tags edited (nothing stale). rate-cut: Chinese original, English and Korean translations,
 * then the original rewritten (en stale, 3 days behind); the Korean translator acknowledges it with
 * `translatedFrom` (current).
 */
function newsroom(): string {
  const root = siteFromFiles({ 'README.md': 'newsroom\n' });
  execFileSync('git', ['init', '-q'], { cwd: root });
  commitAt(root, '2024-03-01T01:00:00Z', RATE_ZH, post('央行降息', '央行宣布下调基准利率。'));
  commitAt(root, '2024-03-02T01:00:00Z', RATE_EN, post('Central bank cuts rates', 'The central bank lowered its benchmark rate.'));
  commitAt(root, '2024-03-02T02:00:00Z', RATE_KO, post('중앙은행 금리 인하', '중앙은행이 기준금리를 내렸다.'));
  const rewrite = commitAt(root, '2024-03-05T01:00:00Z', RATE_ZH, post('央行降息', '央行宣布下调基准利率二十五个基点。'));
  commitAt(root, '2024-03-06T01:00:00Z', RATE_KO, post('중앙은행 금리 인하', '중앙은행이 기준금리를 내렸다.', `translatedFrom: ${rewrite}\n`));
  commitAt(root, '2024-04-02T01:00:00Z', CHIP_EN, post('Chip export rules', 'New export rules for chips.', 'tags: [chips]\n'));
  commitAt(root, '2024-04-03T01:00:00Z', 'posts/ko/2024-04-02-chip-export.md', post('반도체 수출 규제', '반도체 수출 규제가 새로 나왔다.'));
  commitAt(root, '2024-04-03T02:00:00Z', 'posts/zh/2024-04-02-chip-export.md', post('芯片出口新规', '芯片出口新规出台。'));
  commitAt(root, '2024-04-10T01:00:00Z', CHIP_EN, post('Chip export rules', 'New export rules for chips.', 'tags: [chips, trade]\n'));
  commitAt(root, '2024-05-14T01:00:00Z', VOICE_KO, post('음성 모드 출시', '새 음성 모드가 나왔다.'));
  commitAt(root, '2024-05-16T01:00:00Z', VOICE_ZH, post('语音模式上线', '新的语音模式上线了。'));
  commitAt(root, '2024-05-20T01:00:00Z', VOICE_KO, post('음성 모드 출시', '새 음성 모드가 나왔다. 오후에 정정했다.'));
  return root;
}

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
