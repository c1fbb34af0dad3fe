#!/usr/bin/env node
// `npm run bench`: how long omnipress takes to build a multilingual site of N posts, and how much
// memory it needs, measured as separate processes on a generated corpus.
//
//   npm run bench -- [--sizes 1000,4000,20000] [--runs 5] [--quick] [--seed S]
//                    [--out bench/results.json] [--chart bench/chart.svg] [--tmp DIR] [--keep] [--no-compile] [--no-serve]
//
// For each N: generate the corpus once (on /dev/shm when it exists: the shared disk's timing
// swings tenfold), then time, as medians of --runs runs:
//   cold        cache folder and output deleted first
//   warm        cache and output present, nothing changed (output must equal the cold build's)
//   one change  one post's body edited, then built with the cache present (output must equal a
//               cold build of the edited corpus)
//   floor       a script that only reads every post and writes as many HTML files of the same sizes
//   serve       (bench/serve-rebuild.mjs) one post saved under `omnipress serve` → its page rebuilt,
//               and a rebuild with nothing changed; medians of max(3, --runs) edits (--no-serve skips)
// The code measured is a snapshot of dist/, templates/ and client/ taken at the start, so edits in
// the checkout during a run change nothing. Every site is verified (each post's page, each
// language index linking all its posts, warm and one-change output equal to cold output); a failed
// check makes the run exit 1 after the report is written. Prints a table, writes results JSON and
// an SVG chart (bench/chart.mjs). Only Node built-ins.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeChart } from './chart.mjs';
import { DEFAULT_SEED, generateCorpus, generateImages } from './gen-corpus.mjs';
import { compareDigests, describeDifference, digestTree, verifySite } from './verify.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH);
const MEASURE = path.join(BENCH, 'measure.mjs');
const FLOOR = path.join(BENCH, 'floor.mjs');
export const SCENARIOS = ['cold', 'warm', 'oneChange', 'floor'];
const LABELS = { cold: 'cold', warm: 'warm', oneChange: 'one change', floor: 'floor (I/O)' };

const USAGE = `usage: npm run bench -- [--sizes 1000,4000,20000] [--runs 5] [--quick] [--seed S]
                       [--out FILE.json] [--chart FILE.svg] [--tmp DIR] [--keep] [--no-compile] [--no-serve]`;

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string' },
      out: { type: 'string' },
      chart: { type: 'string' },
      tmp: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-compile': { type: 'boolean', default: false },
      'no-serve': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const sizes = (values.sizes ?? (values.quick ? '200' : '1000,4000,20000')).split(',').map((s) => Number(s.trim()));
  const runs = Number(values.runs ?? (values.quick ? 1 : 5));
  const seed = Number(values.seed ?? DEFAULT_SEED);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const out = path.resolve(values.out ?? path.join(BENCH, 'results.json'));
  const chart = path.resolve(values.chart ?? path.join(path.dirname(out), 'chart.svg'));
  return { sizes, runs, seed, out, chart, tmp: values.tmp, keep: values.keep, compile: !values['no-compile'], serve: !values['no-serve'] };
}

const log = (line) => process.stderr.write(`${line}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;
const rm = (p) => fs.rmSync(p, { recursive: true, force: true });

// ------------------------------------------------------------------------------------ environment

function compile() {
  log('compiling omnipress (npm run compile) …');
  const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: REPO, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run compile failed; fix the build first');
}

/** dist/ must exist; warn when a source file is newer than it (run without --no-compile). */
function checkDist() {
  const cli = path.join(REPO, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run compile` or drop --no-compile');
  const built = fs.statSync(cli).mtimeMs;
  const newer = listFiles(path.join(REPO, 'src')).find((file) => fs.statSync(file).mtimeMs > built);
  if (newer) log(`warning: ${path.relative(REPO, newer)} is newer than dist/; figures may not match the sources`);
}

/**
 * A frozen copy of what runs (dist/, templates/, client/, package.json; node_modules linked), so
 * that edits in the checkout during a long bench neither change the figures half way nor make
 * two builds of the same input differ. Returns the CLI module to run and a hash of the copy.
 */
function snapshot(base) {
  const dir = path.join(base, 'omnipress');
  const hash = crypto.createHash('sha1');
  for (const part of ['dist', 'templates', 'client']) {
    const from = path.join(REPO, part);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(dir, part), { recursive: true });
    for (const file of listFiles(path.join(dir, part))) {
      if (file.endsWith('.map') || file.endsWith('.d.ts')) continue;
      hash.update(path.relative(dir, file)).update('\0').update(fs.readFileSync(file));
    }
  }
  fs.copyFileSync(path.join(REPO, 'package.json'), path.join(dir, 'package.json'));
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return { cli: path.join(dir, 'dist', 'cli.js'), hash: hash.digest('hex').slice(0, 12) };
}

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    // Other work on the machine skews the figures: note how busy it was when the bench started.
    loadAverage: os.loadavg().map((x) => round(x, 2)),
  };
}

function omnipress(snapshotHash) {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout
  }
  // The commit alone does not say whether the checkout had uncommitted edits: `build` is a hash
  // of the compiled code, templates and client scripts that were measured.
  return { version: pkg.version, commit, build: snapshotHash };
}

function workBase(explicit) {
  if (explicit) {
    fs.mkdirSync(explicit, { recursive: true });
    return { dir: fs.mkdtempSync(path.join(path.resolve(explicit), 'omnipress-bench-')), ram: explicit.startsWith('/dev/shm') };
  }
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return { dir: fs.mkdtempSync('/dev/shm/omnipress-bench-'), ram: true };
  } catch {
    return { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'omnipress-bench-')), ram: false };
  }
}

// -------------------------------------------------------------------------------------- measuring

/** One measured process: `node bench/measure.mjs MODULE ARGS…`. Throws when it fails. */
function measured(module, args, what) {
  const start = performance.now();
  const child = spawnSync(process.execPath, [MEASURE, module, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const wallMs = performance.now() - start;
  const lines = (child.stdout ?? '').trimEnd().split('\n');
  let report;
  try {
    report = JSON.parse(lines.at(-1) ?? '');
  } catch {
    report = undefined;
  }
  if (child.status !== 0 || !report || report.exitCode !== 0) {
    throw new Error(
      `${what} failed (exit ${child.status ?? child.signal}):\n${(child.stdout ?? '').slice(-4000)}\n${(child.stderr ?? '').slice(-4000)}`,
    );
  }
  return {
    sample: {
      wallMs: round(wallMs, 1),
      inProcessMs: report.wallMs,
      cpuMs: report.cpuMs,
      maxRssKB: report.maxRssKB,
      childCpuMs: report.childCpuMs ?? 0,
      childPeakRssKB: report.childPeakRssKB ?? 0,
    },
    output: lines.slice(0, -1).join('\n').trim(),
  };
}

function summarize(samples, posts) {
  const wall = median(samples.map((s) => s.wallMs));
  return {
    wallS: round(wall / 1000, 3),
    msPerPost: round(wall / posts, 3),
    // CPU of the Node process (all threads) plus the helper processes it started and waited for.
    cpuS: round(median(samples.map((s) => s.cpuMs + s.childCpuMs)) / 1000, 3),
    childCpuS: round(median(samples.map((s) => s.childCpuMs)) / 1000, 3),
    // Peak RSS of the Node process; helper processes (sampled) reported apart.
    peakMiB: round(median(samples.map((s) => s.maxRssKB)) / 1024, 1),
    maxPeakMiB: round(Math.max(...samples.map((s) => s.maxRssKB)) / 1024, 1),
    childPeakMiB: round(median(samples.map((s) => s.childPeakRssKB)) / 1024, 1),
  };
}

// ---------------------------------------------------------------------------------- one corpus size

const MARKER = { ko: '벤치마크 수정', zh: '基准测试修改', en: 'Benchmark edit' };

async function benchSize(n, opts, base, cli) {
  const dir = path.join(base, `n${n}`);
  const corpus = path.join(dir, 'posts');
  const root = path.join(dir, 'site');
  const out = path.join(dir, 'out');
  const cache = path.join(root, '.omnipress-cache');
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(
    path.join(root, 'omnipress.yml'),
    'title:\n  ko: 벤치마크 뉴스\n  zh: 基准新闻\n  en: Bench News\nbaseUrl: https://bench.example.com/\n',
  );

  let start = performance.now();
  const { posts: manifest, bytes } = generateCorpus(corpus, n, { seed: opts.seed });
  // The 24 images the posts link, in the site's public/: sized (and, with images.responsive, resized) for real.
  await generateImages(path.join(root, 'public', 'images'));
  log(`N=${n}: corpus ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - start) / 1000).toFixed(1)} s → ${corpus}`);

  const checks = {};
  const errors = [];
  const check = (name, ok, message) => {
    checks[name] = (checks[name] ?? true) && ok;
    if (!ok) {
      errors.push(`${name}: ${message}`);
      log(`  FAILED ${name}: ${message}`);
    }
  };
  const build = (what) =>
    measured(cli, ['build', '--root', root, '--posts', corpus, '--out', out, '--future', '--quiet'], `N=${n} ${what} build`);
  const samples = Object.fromEntries(SCENARIOS.map((s) => [s, []]));
  const note = (scenario, i, sample) =>
    log(`  ${LABELS[scenario].padEnd(11)} ${i + 1}/${opts.runs}  ${(sample.wallMs / 1000).toFixed(2)} s  ${(sample.maxRssKB / 1024).toFixed(0)} MiB`);

  // Reference: one cold build, verified in full. With several runs it is also a warm-up (module
  // files in the page cache), not timed; with one run it is the timed cold run.
  rm(cache);
  rm(out);
  const first = build('cold (reference)');
  const summaryLine = first.output.split('\n').at(-1) ?? '';
  log(`  ${summaryLine}`);
  const site = verifySite(out, manifest);
  check('site', site.ok && site.pages === manifest.length && site.indexes === 3, `${site.failures} problems: ${site.errors.join('; ')}`);
  const reference = digestTree(out);
  const compare = (name, against, what) => {
    const comparison = compareDigests(against, digestTree(out));
    check(name, comparison.identical, `${what}: ${describeDifference(comparison)}`);
  };

  // (a) cold
  if (opts.runs === 1) {
    samples.cold.push(first.sample);
    note('cold', 0, first.sample);
  } else {
    for (let i = 0; i < opts.runs; i++) {
      rm(cache);
      rm(out);
      const { sample } = build('cold');
      samples.cold.push(sample);
      note('cold', i, sample);
      compare('coldDeterministic', reference, `cold run ${i + 1} differs from the reference cold build`);
    }
  }

  // (b) warm: cache and output of the last cold build present, nothing changed
  for (let i = 0; i < opts.runs; i++) {
    const { sample } = build('warm');
    samples.warm.push(sample);
    note('warm', i, sample);
    compare('warmIdentical', reference, `warm run ${i + 1} differs from the cold build`);
  }

  // (c) one post changed: a Korean post from the middle of the archive gets a new last paragraph
  const ko = manifest.filter((p) => p.lang === 'ko').sort((a, b) => (a.date < b.date ? -1 : 1));
  const target = ko[ko.length >> 1] ?? manifest[0];
  const source = path.join(corpus, target.file);
  const page = path.join(out, target.lang, 'posts', target.slug, 'index.html');
  const original = fs.readFileSync(source, 'utf8');
  for (let i = 0; i < opts.runs; i++) {
    const marker = `${MARKER[target.lang]} ${i + 1}`;
    fs.writeFileSync(source, `${original}\n${marker}: ${manifest.length} / ${i + 1}.\n`);
    const { sample } = build('one change');
    samples.oneChange.push(sample);
    note('oneChange', i, sample);
    check('oneChangeApplied', fs.readFileSync(page, 'utf8').includes(marker), `${target.url} does not show "${marker}"`);
  }
  // Does the incremental result equal a cold build of the edited corpus? (same paths, cache set aside)
  const changed = digestTree(out);
  const aside = `${cache}.aside`;
  const outAside = `${out}.aside`;
  if (fs.existsSync(cache)) fs.renameSync(cache, aside);
  fs.renameSync(out, outAside);
  build('cold (check of one change)');
  const comparison = compareDigests(digestTree(out), changed);
  check('oneChangeMatchesCold', comparison.identical, `one-change build differs from a cold build: ${describeDifference(comparison)}`);
  rm(out);
  rm(cache);
  fs.renameSync(outAside, out);
  if (fs.existsSync(aside)) fs.renameSync(aside, cache);
  fs.writeFileSync(source, original);

  // (d) floor: read every post, write as many HTML files of the same sizes as the cold build did
  const floorOut = path.join(dir, 'floor-out');
  const plan = path.join(dir, 'floor-plan.json');
  const outputs = [...reference].filter(([rel]) => rel.endsWith('.html')).map(([rel, { size }]) => [rel, size]);
  fs.writeFileSync(plan, JSON.stringify({ posts: manifest.map((p) => path.join(corpus, p.file)), outputs }));
  for (let i = 0; i < opts.runs; i++) {
    rm(floorOut);
    const { sample } = measured(FLOOR, [plan, floorOut], `N=${n} floor`);
    samples.floor.push(sample);
    note('floor', i, sample);
  }
  const floorFiles = digestTree(floorOut);
  check(
    'floorOutput',
    floorFiles.size === outputs.length && outputs.every(([rel, size]) => floorFiles.get(rel)?.size === size),
    'the floor run did not write the planned files',
  );

  // (e) serve: one post saved → its page rebuilt in the dev server, and a rebuild with nothing changed
  const serve = opts.serve ? serveRebuild(n, opts, dir, cli) : null;

  const outputBytes = [...reference.values()].reduce((sum, f) => sum + f.size, 0);
  return {
    posts: n,
    corpusBytes: bytes,
    languages: Object.fromEntries(['ko', 'zh', 'en'].map((l) => [l, manifest.filter((p) => p.lang === l).length])),
    output: { files: reference.size, htmlFiles: outputs.length, bytes: outputBytes },
    summaryLine,
    search: searchIndex(summaryLine),
    changedPost: target.file,
    scenarios: Object.fromEntries(SCENARIOS.map((s) => [s, { ...summarize(samples[s], n), runs: samples[s] }])),
    serve,
    verification: { ok: errors.length === 0, checks, errors },
    // Above the number of cores, other work competed with the builds: treat the figures with care.
    loadAverageAfter: os.loadavg().map((x) => round(x, 2)),
  };
}

/** bench/serve-rebuild.mjs on the snapshot, in a process of its own; its JSON summary. */
function serveRebuild(n, opts, dir, cli) {
  const runs = Math.max(3, opts.runs);
  log(`  serve: ${runs} edits of one post under omnipress serve …`);
  const child = spawnSync(
    process.execPath,
    [path.join(BENCH, 'serve-rebuild.mjs'), '--size', String(n), '--runs', String(runs), '--tmp', dir, '--dist', path.dirname(cli), '--json'],
    { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, env: { ...process.env, FORCE_COLOR: '0' } },
  );
  if (child.status !== 0) throw new Error(`N=${n} serve bench failed (exit ${child.status ?? child.signal}):\n${(child.stderr ?? '').slice(-4000)}`);
  const summary = JSON.parse(child.stdout.trimEnd().split('\n').at(-1));
  log(`  serve: one post saved → page served ${summary.savedToServedMs} ms (pipeline ${summary.pipelineMs} ms); nothing changed ${summary.noChangeMs} ms`);
  return summary;
}

/** The cold build's search index, as its summary line reports it (`search index 12541 KB in 17.72 s`). */
function searchIndex(summaryLine) {
  const match = /search index (\d+) KB in ([\d.]+) s/.exec(summaryLine);
  return match ? { indexKB: Number(match[1]), indexingS: Number(match[2]) } : null;
}

// ------------------------------------------------------------------------------------------ report

function table(results) {
  const rows = [['posts', 'scenario', 'wall s', 'ms/post', 'cpu s', 'peak MiB', 'helpers MiB']];
  for (const size of results.sizes) {
    for (const s of SCENARIOS) {
      const m = size.scenarios[s];
      rows.push([
        String(size.posts),
        LABELS[s],
        m.wallS.toFixed(2),
        m.msPerPost.toFixed(2),
        m.cpuS.toFixed(2),
        m.peakMiB.toFixed(0),
        m.childPeakMiB.toFixed(0),
      ]);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const notes = [];
  for (const size of results.sizes) {
    const { cold, warm, floor } = size.scenarios;
    notes.push(
      `N=${size.posts}: warm = ${((warm.wallS / cold.wallS) * 100).toFixed(0)}% of cold; cold = ${(cold.wallS / floor.wallS).toFixed(1)}× the floor; ` +
        `verification ${size.verification.ok ? 'passed' : `FAILED (${size.verification.errors.length} problems)`}; ` +
        `load average ${size.loadAverageAfter[0]} on ${results.machine.cores} cores`,
    );
    if (size.search) notes.push(`N=${size.posts} search index (cold build): ${size.search.indexKB} KB, indexed in ${size.search.indexingS.toFixed(2)} s`);
    if (size.serve) {
      notes.push(
        `N=${size.posts} serve: one post saved → page served ${size.serve.savedToServedMs} ms (rebuild ${size.serve.pipelineMs} ms, ` +
          `${size.serve.lastEdit.markdownRenders} markdown, ${size.serve.lastEdit.pagesRendered} page(s)); rebuild with nothing changed ${size.serve.noChangeMs} ms (median of ${size.serve.runs})`,
      );
    }
  }
  const at = (n) => results.sizes.find((s) => s.posts === n);
  if (at(4000) && at(20000)) {
    const ratio = at(20000).scenarios.cold.msPerPost / at(4000).scenarios.cold.msPerPost;
    notes.push(`cold ms/post at 20k vs 4k: ${ratio.toFixed(2)}× (target ≤ 1.3×); peak at 20k: ${at(20000).scenarios.cold.maxPeakMiB} MiB (target < 1024)`);
  }
  return [line(rows[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line), '', ...notes].join('\n');
}

async function main() {
  const opts = options();
  if (opts.compile) compile();
  checkDist();
  const base = workBase(opts.tmp);
  // Ctrl-C (or a kill) between two builds: leave no corpus behind in RAM.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!opts.keep) rm(base.dir);
      log(`bench interrupted (${signal})`);
      process.exit(130);
    });
  }
  log(`work folder ${base.dir}${base.ram ? ' (RAM disk)' : ' (not a RAM disk: timings swing with the disk)'}; ${opts.runs} run(s) per scenario`);
  const frozen = snapshot(base.dir);
  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    omnipress: omnipress(frozen.hash),
    settings: { sizes: opts.sizes, runs: opts.runs, seed: opts.seed, ramDisk: base.ram, statistic: 'median' },
    sizes: [],
    ok: false,
  };
  let failure;
  try {
    for (const n of opts.sizes) results.sizes.push(await benchSize(n, opts, base.dir, frozen.cli));
  } catch (cause) {
    failure = cause;
  } finally {
    if (!opts.keep) rm(base.dir);
    else log(`kept ${base.dir}`);
  }
  if (failure) {
    log(`bench failed: ${failure.message}`);
    process.exitCode = 1;
    return;
  }
  results.ok = results.sizes.every((s) => s.verification.ok);
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);
  writeChart(results, opts.chart);
  process.stdout.write(`\n${table(results)}\n\nwrote ${path.relative(process.cwd(), opts.out)} and ${path.relative(process.cwd(), opts.chart)}\n`);
  if (!results.ok) {
    log('VERIFICATION FAILED: see "verification" in the results');
    process.exitCode = 1;
  }
}

await main();
