// A newsroom in a temporary git repository with scripted commits, for the translation desk:
// originals, translations, corrections, a front matter-only edit and an acknowledged revision.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { siteFromFiles } from './site.js';

export function git(root: string, when: string, ...args: string[]): string {
  const env = { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: root, env, encoding: 'utf8' });
}

/** Write (or rewrite) `file` and commit it at `when`; returns the commit's hash. */
export function commitAt(root: string, when: string, file: string, text: string): string {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
  git(root, when, 'add', file);
  git(root, when, 'commit', '-q', '-m', `edit ${file}`);
  return git(root, when, 'rev-parse', 'HEAD').trim();
}

export const post = (title: string, body: string, front = '') => `---\ntitle: ${title}\n${front}---\n${body}\n`;

export const VOICE_KO = 'posts/ko/2024-05-14-voice-mode.md';
export const VOICE_ZH = 'posts/zh/2024-05-14-voice-mode.md';
export const CHIP_EN = 'posts/en/2024-04-02-chip-export.md';
export const RATE_ZH = 'posts/zh/2024-03-01-rate-cut.md';
export const RATE_EN = 'posts/en/2024-03-01-rate-cut.md';
export const RATE_KO = 'posts/ko/2024-03-01-rate-cut.md';

/**
 * Three stories. voice-mode: Korean original, Chinese translation, then the original corrected
 * (zh stale, 4 days behind), no English. chip-export: English original translated into both, then
 * only its tags edited (nothing stale). rate-cut: Chinese original, English and Korean translations,
 * then the original rewritten (en stale, 3 days behind); the Korean translator acknowledges it with
 * `translatedFrom` (current).
 */
export function newsroom(): string {
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
