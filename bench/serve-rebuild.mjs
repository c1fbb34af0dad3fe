#!/usr/bin/env node
// How fast `omnipress serve` follows a save: the time from writing one post to its rebuilt page
// being served, in a generated N-post site (default 4,000), and a rebuild where nothing changed.
//
//   node bench/serve-rebuild.mjs [--size 4000] [--runs 5] [--tmp DIR]
//
// Runs the dev server in-process (dist/, so `npm run compile` first) on a free port against a
// corpus from gen-corpus.mjs. "save → served" is measured from the write to the moment the dev
// server has the edited page (watcher debounce included); "pipeline" is the rebuild itself, as the
// dev server reports it. The search index is rebuilt after the pages are served and is not part of
// either number. Prints medians of --runs edits and the render counts of the last one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './gen-corpus.mjs';

const { values } = parseArgs({ options: { size: { type: 'string' }, runs: { type: 'string' }, tmp: { type: 'string' } } });
const size = Number(values.size ?? 4000);
const runs = Number(values.runs ?? 5);
const { serve } = await import(new URL('../dist/serve/dev-server.js', import.meta.url).href);

const base = values.tmp ?? (fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());
const root = fs.mkdtempSync(path.join(base, 'omnipress-serve-bench-'));
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
try {
  const { posts } = generateCorpus(path.join(root, 'posts'), size);
  let start = performance.now();
  const server = await serve({ root, port: 0, debounceMs: 50 });
  const first = performance.now() - start;
  await server.idle();

  const target = posts[Math.floor(posts.length / 2)];
  const file = path.join(root, 'posts', target.file);
  const page = `${target.url.replace(/^\//, '')}index.html`.normalize('NFC');
  const saved = [];
  const pipeline = [];
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
  }
  const last = server.builds.at(-1);
  start = performance.now();
  fs.utimesSync(file, new Date(), new Date());
  while (server.builds.at(-1) === last) await new Promise((resolve) => setTimeout(resolve, 1));
  const noChange = server.builds.at(-1).ms;
  await server.close();

  console.log(`serve, ${size} posts: first build ${(first / 1000).toFixed(1)} s`);
  console.log(`  one post saved → page served: ${median(saved).toFixed(0)} ms median of ${runs} (pipeline ${median(pipeline).toFixed(0)} ms)`);
  console.log(`  last edit redid: ${last.markdownRenders} markdown render(s), ${last.pagesRendered} page(s), ${last.changed.length} file(s) changed`);
  console.log(`  rebuild with nothing changed (touch): ${noChange.toFixed(0)} ms`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
