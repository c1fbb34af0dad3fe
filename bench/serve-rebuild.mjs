#!/usr/bin/env node
// How fast `omnipress serve` follows a save: the time from writing one post to its rebuilt page
// being served, in a generated N-post site (default 4,000), and a rebuild where nothing changed.
//
//   node bench/serve-rebuild.mjs [--size 4000] [--runs 5] [--tmp DIR] [--dist DIR] [--json]
//
// Runs the dev server in-process (from --dist, default dist/, so `npm run compile` first) on a
// free port against a corpus from gen-corpus.mjs. "save → served" is measured from the write to
// the moment the dev server has the edited page (the watcher's default debounce of 20 ms included); "pipeline"
// is the rebuild itself, as the dev server reports it, in wall time and in CPU time (the latter
// steadier on a shared machine). The search index is rebuilt after the
// pages are served and is part of neither number (each edit waits for it before the next one).
// Prints medians of --runs edits and the render counts of the last one; with --json, also a JSON
// summary on the last line (npm run bench reads it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './gen-corpus.mjs';

const { values } = parseArgs({
  options: { size: { type: 'string' }, runs: { type: 'string' }, tmp: { type: 'string' }, dist: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const size = Number(values.size ?? 4000);
const runs = Number(values.runs ?? 5);
const dist = values.dist ? path.resolve(values.dist) : new URL('../dist/', import.meta.url).pathname;
const { serve } = await import(pathToFileURL(path.join(dist, 'serve', 'dev-server.js')).href);
// As `omnipress serve` runs (src/cli.ts sets this for every command).
const { keepHeapNearLiveSize } = await import(pathToFileURL(path.join(dist, 'util', 'heap.js')).href);
keepHeapNearLiveSize();

const DEBOUNCE_MS = 20;
const base = values.tmp ?? (fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());
const root = fs.mkdtempSync(path.join(base, 'omnipress-serve-bench-'));
const median = (list) => {
  const s = [...list].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
try {
  const { posts } = generateCorpus(path.join(root, 'posts'), size);
  let start = performance.now();
  const server = await serve({ root, port: 0, debounceMs: DEBOUNCE_MS });
  const first = performance.now() - start;
  await server.idle();

  const target = posts[Math.floor(posts.length / 2)];
  const file = path.join(root, 'posts', target.file);
  const page = `${target.url.replace(/^\//, '')}index.html`.normalize('NFC');
  const saved = [];
  const pipeline = [];
  const pipelineCpu = [];
  for (let i = 0; i < runs; i++) {
    const marker = `bench-edit-${i}-${Date.now()}`;
    const before = server.builds.length;
    start = performance.now();
    fs.appendFileSync(file, `\n\n${marker}\n`);
    for (;;) {
      const html = server.files().get(page);
      if (typeof html === 'string' && html.includes(marker)) break;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    saved.push(performance.now() - start);
    await server.idle();
    pipeline.push(server.builds.slice(before).reduce((ms, b) => ms + b.ms, 0));
    pipelineCpu.push(server.builds.slice(before).reduce((ms, b) => ms + (b.cpuMs ?? 0), 0));
  }
  const last = server.builds.at(-1);
  const noChange = [];
  const noChangeCpu = [];
  for (let i = 0; i < runs; i++) {
    const previous = server.builds.at(-1);
    fs.utimesSync(file, new Date(), new Date());
    while (server.builds.at(-1) === previous) await new Promise((resolve) => setTimeout(resolve, 1));
    noChange.push(server.builds.at(-1).ms);
    noChangeCpu.push(server.builds.at(-1).cpuMs ?? 0);
    await server.idle();
  }
  await server.close();

  const summary = {
    posts: size,
    runs,
    firstBuildMs: Math.round(first),
    savedToServedMs: Math.round(median(saved)),
    pipelineMs: Math.round(median(pipeline)),
    noChangeMs: Math.round(median(noChange)),
    pipelineCpuMs: Math.round(median(pipelineCpu)),
    noChangeCpuMs: Math.round(median(noChangeCpu)),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
    debounceMs: DEBOUNCE_MS,
    lastEdit: { markdownRenders: last.markdownRenders, pagesRendered: last.pagesRendered, changedFiles: last.changed.length },
  };
  console.log(`serve, ${size} posts: first build ${(first / 1000).toFixed(1)} s`);
  console.log(`  one post saved → page served: ${summary.savedToServedMs} ms median of ${runs} (pipeline ${summary.pipelineMs} ms, ${summary.pipelineCpuMs} ms of CPU; debounce ${DEBOUNCE_MS} ms)`);
  console.log(`  last edit redid: ${last.markdownRenders} markdown render(s), ${last.pagesRendered} page(s), ${last.changed.length} file(s) changed`);
  console.log(`  rebuild with nothing changed (touch): ${summary.noChangeMs} ms median of ${runs} (${summary.noChangeCpuMs} ms of CPU)`);
  console.log(`  load average at the end: ${summary.loadAverage.join(', ')} on ${os.cpus().length} cores`);
  if (values.json) console.log(JSON.stringify(summary));
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
