// The benchmark harness (`npm run bench`) as a CI smoke test: it runs end to end at a small size,
// every scenario is timed, and the sites it built verify. The targets themselves are checked by
// running it at full size, never here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const SCENARIOS = ['cold', 'warm', 'oneChange', 'floor'] as const;

interface Sample {
  wallMs: number;
  inProcessMs: number;
  cpuMs: number;
  maxRssKB: number;
}
interface Summary {
  wallS: number;
  msPerPost: number;
  cpuS: number;
  peakMiB: number;
  runs: Sample[];
}
interface Results {
  ok: boolean;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string };
  omnipress: { version: string; sourceHash: string };
  sizes: {
    posts: number;
    languages: Record<string, number>;
    scenarios: Record<(typeof SCENARIOS)[number], Summary>;
    search: { indexKB: number; indexingS: number } | null;
    verification: { ok: boolean; checks: Record<string, boolean>; errors: string[] };
  }[];
}

function node(args: string[]) {
  // dist/ is compiled once by tests/global-setup.ts: --no-compile, so that this test does not
  // rewrite dist/ under the feet of the other test files running at the same time.
  return spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
}

describe('npm run bench', () => {
  it('times every scenario at a small size and verifies what it built', () => {
    const tmp = tempDir('omnipress-bench-test-');
    const out = path.join(tmp, 'results.json');
    const result = node(['bench/run.mjs', '--quick', '--sizes', '60', '--runs', '1', '--out', out, '--no-compile']);
    expect(result.status, result.stderr).toBe(0);

    const results = JSON.parse(fs.readFileSync(out, 'utf8')) as Results;
    expect(results.ok).toBe(true);
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
    expect(results.sizes).toHaveLength(1);
    const [size] = results.sizes;
    expect(size!.posts).toBe(60);
    expect(Object.values(size!.languages).reduce((a, b) => a + b, 0)).toBe(60);
    expect(size!.verification).toMatchObject({ ok: true, errors: [] });
    expect(size!.verification.checks).toMatchObject({ site: true, warmIdentical: true, oneChangeApplied: true, oneChangeMatchesCold: true });
    for (const scenario of SCENARIOS) {
      const summary = size!.scenarios[scenario];
      expect(summary.runs, scenario).toHaveLength(1);
      expect(summary.wallS, scenario).toBeGreaterThan(0);
      expect(summary.msPerPost, scenario).toBeGreaterThan(0);
      expect(summary.peakMiB, scenario).toBeGreaterThan(0);
    }
    // The search index's size and indexing time (issue 7 asks for them at 4,000 posts).
    expect(size!.search?.indexKB).toBeGreaterThan(0);
    expect(size!.search?.indexingS).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/N=60 search index \(cold build\): \d+ KB, indexed in [\d.]+ s/);
    // The table on stdout, and the chart beside the results (not the committed bench/chart.svg).
    expect(result.stdout).toMatch(/one change/);
    const svg = fs.readFileSync(path.join(tmp, 'chart.svg'), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('60 posts');
    expect(svg).not.toMatch(/<script|@import|url\(/);
  }, 90_000);

  it('generates the same corpus, byte for byte, from the same size and seed', () => {
    const tmp = tempDir('omnipress-corpus-test-');
    const tree = (dir: string) =>
      fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .sort()
        .map((file) => [path.relative(dir, file), fs.readFileSync(file, 'utf8')] as const);
    for (const [name, seed] of [['a', '7'], ['b', '7'], ['c', '8']] as const) {
      const result = node(['bench/gen-corpus.mjs', path.join(tmp, name), '40', '--seed', seed]);
      expect(result.status, result.stderr).toBe(0);
    }
    const a = tree(path.join(tmp, 'a'));
    expect(a).toHaveLength(40);
    expect(tree(path.join(tmp, 'b'))).toEqual(a);
    expect(tree(path.join(tmp, 'c'))).not.toEqual(a);
    // Posts are in language folders, named YYYY-MM-DD-slug.md, with a title and a date.
    for (const [rel, text] of a) {
      expect(rel).toMatch(/^(ko|zh|en)\/\d{4}-\d{2}-\d{2}-[^/]+\.md$/);
      expect(text).toMatch(/^---\ntitle: ".+"\ndate: \d{4}-\d{2}-\d{2} /);
    }
  });
});
