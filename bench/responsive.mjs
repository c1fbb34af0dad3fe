#!/usr/bin/env node
// What `images.responsive: true` costs a cold build: the same corpus (with its 24 local images)
// built from scratch with the switch off and on, in interleaved pairs (off/on, then on/off, …), so
// that the machine's drift touches both alike; medians, and the median of each pair's ratio.
// Then one warm build with the switch on, which must make no image.
//
//   node bench/responsive.mjs [--posts 1000] [--pairs 5] [--format webp|avif] [--tmp DIR] [--keep]
//
// Builds dist/cli.js as it is (run `npm run compile` first), each build a process of its own
// through bench/measure.mjs, corpus and output on /dev/shm when it exists.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus, generateImages } from './gen-corpus.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH);
const CLI = path.join(REPO, 'dist/cli.js');

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '1000' },
    pairs: { type: 'string', default: '5' },
    format: { type: 'string', default: 'webp' },
    tmp: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const posts = Number(values.posts);
const pairs = Number(values.pairs);
const base = values.tmp ?? (fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());
const dir = fs.mkdtempSync(path.join(base, 'omnipress-responsive-'));
const root = path.join(dir, 'site');
const corpus = path.join(dir, 'posts');
const out = path.join(dir, 'out');
const log = (line) => process.stderr.write(`${line}\n`);

generateCorpus(corpus, posts);
await generateImages(path.join(root, 'public', 'images'));
const config = (responsive) =>
  fs.writeFileSync(path.join(root, 'omnipress.yml'), `title: Bench\nbaseUrl: https://bench.example.com/\nimages: { responsive: ${responsive}, format: ${values.format} }\n`);

/** One build as a process of its own; wall time from spawn to exit, and what its summary line says. */
function build(responsive, cold) {
  config(responsive);
  if (cold) {
    fs.rmSync(path.join(root, '.omnipress-cache'), { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
  const start = performance.now();
  const child = spawnSync(process.execPath, [path.join(BENCH, 'measure.mjs'), CLI, 'build', '--root', root, '--posts', corpus, '--out', out, '--future', '--quiet'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const wallMs = performance.now() - start;
  if (child.status !== 0) throw new Error(`build failed:\n${child.stdout}\n${child.stderr}`);
  const lines = child.stdout.trimEnd().split('\n');
  const report = JSON.parse(lines.at(-1));
  return { wallMs, cpuMs: report.cpuMs + (report.childCpuMs ?? 0), summary: lines.find((line) => line.startsWith('built')) ?? '' };
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

try {
  log(`${posts} posts, 24 local images, ${pairs} pairs, format ${values.format}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  build(false, true); // warm-up: module files in the page cache
  const off = [];
  const on = [];
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 === 0 ? [false, true] : [true, false];
    for (const responsive of order) {
      const run = build(responsive, true);
      (responsive ? on : off).push(run);
      log(`  pair ${i + 1} ${responsive ? 'on ' : 'off'} ${(run.wallMs / 1000).toFixed(2)} s wall, ${(run.cpuMs / 1000).toFixed(2)} s cpu   ${responsive ? run.summary.replace(/^.*(image variants: [^,]+, [^,]+).*$/, '$1') : ''}`);
    }
  }
  const warm = build(true, false);
  const ratios = off.map((o, i) => on[i].wallMs / o.wallMs);
  const result = {
    posts,
    pairs,
    format: values.format,
    offWallS: median(off.map((r) => r.wallMs)) / 1000,
    onWallS: median(on.map((r) => r.wallMs)) / 1000,
    offCpuS: median(off.map((r) => r.cpuMs)) / 1000,
    onCpuS: median(on.map((r) => r.cpuMs)) / 1000,
    medianRatio: median(ratios),
    warmOnWallS: warm.wallMs / 1000,
    warmSummary: warm.summary,
    loadAverageAfter: os.loadavg(),
  };
  log(`off ${result.offWallS.toFixed(2)} s, on ${result.onWallS.toFixed(2)} s (median of pair ratios ${((result.medianRatio - 1) * 100).toFixed(1)}%); cpu off ${result.offCpuS.toFixed(2)} s, on ${result.onCpuS.toFixed(2)} s`);
  log(`warm, on: ${result.warmOnWallS.toFixed(2)} s — ${warm.summary}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
}
