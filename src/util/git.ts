// Asking git about the posts folder. Outside a repository, or without git, there is no answer:
// callers fall back to what front matter and files say.
import { execFileSync } from 'node:child_process';

/**
 * What `git log …` (or any read-only git command) prints in `dir`, with paths as UTF-8 (not
 * quoted), and the repository's top folder, which the paths it prints are relative to; undefined
 * when git cannot answer there.
 */
export function gitLog(dir: string, args: readonly string[], maxBuffer: number): { top: string; log: string } | undefined {
  const git = (argv: readonly string[]) =>
    execFileSync('git', ['-c', 'core.quotepath=false', ...argv], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer });
  try {
    return { top: git(['rev-parse', '--show-toplevel']).trim(), log: git(args) };
  } catch {
    return undefined;
  }
}
