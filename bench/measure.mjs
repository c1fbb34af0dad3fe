#!/usr/bin/env node
// Run one module's `main(argv)` in this process and report what it cost, as JSON on the last line
// of stdout: `{"exitCode":0,"wallMs":…,"cpuMs":…,"maxRssKB":…,"childCpuMs":…,"childPeakRssKB":…}`.
//
//   node bench/measure.mjs MODULE [ARGS…]      e.g. node bench/measure.mjs dist/cli.js build --root …
//
// wallMs counts from the process's start (performance.timeOrigin), so it includes Node's own
// start-up and loading the module; cpuMs is user + system time of every thread; maxRssKB is the
// peak resident set of this process (process.resourceUsage().maxRSS, in KiB); childCpuMs and
// childPeakRssKB cover helper processes it started (Linux only, sampled; 0 elsewhere). The parent
// (bench/run.mjs) also times the process from spawn to exit.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Helper processes the target starts (e.g. the search indexer) are not in resourceUsage(): on
// Linux, sample their resident memory from /proc while the target runs (it is async while they
// work), and read the CPU time of the children it has waited for from /proc/self/stat.
const proc = fs.existsSync('/proc/self/stat');
function descendants(pid, out = []) {
  let tasks = [];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    let children = '';
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const child of children.split(' ').filter(Boolean)) {
      out.push(child);
      descendants(child, out);
    }
  }
  return out;
}
/** Fields of /proc/PID/stat after the command name, so that fields[0] is field 3 (state). */
function stat(pid) {
  const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}
let childPeakKB = 0;
const childTicks = new Map(); // pid → utime + stime last seen (1/100 s, USER_HZ)
const sample = () => {
  let sum = 0;
  for (const pid of descendants(process.pid)) {
    try {
      sum += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      const fields = stat(pid);
      childTicks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // it just exited
    }
  }
  childPeakKB = Math.max(childPeakKB, sum);
};
const sampler = proc ? setInterval(sample, 50) : undefined;
sampler?.unref();
/** CPU of helper processes: those reaped (cutime + cstime) or, if more, what sampling last saw. */
function childCpuMs() {
  if (!proc) return 0;
  sample();
  const fields = stat('self');
  const reaped = Number(fields[13]) + Number(fields[14]);
  const seen = [...childTicks.values()].reduce((a, b) => a + b, 0);
  return Math.max(reaped, seen) * 10;
}

const [target, ...args] = process.argv.slice(2);
if (!target) {
  process.stderr.write('usage: node bench/measure.mjs MODULE [ARGS…]\n');
  process.exit(2);
}
const mod = await import(pathToFileURL(path.resolve(target)).href);
if (typeof mod.main !== 'function') {
  process.stderr.write(`measure: ${target} exports no main(argv)\n`);
  process.exit(2);
}
let exitCode;
try {
  exitCode = await mod.main(args);
} catch (cause) {
  process.stderr.write(`measure: ${target} threw: ${cause?.stack ?? cause}\n`);
  exitCode = 70;
}
const usage = process.resourceUsage();
clearInterval(sampler);
const report = {
  exitCode: typeof exitCode === 'number' ? exitCode : 0,
  wallMs: Math.round(performance.now() * 10) / 10,
  cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 100) / 10,
  maxRssKB: usage.maxRSS,
  childCpuMs: childCpuMs(),
  childPeakRssKB: childPeakKB,
};
// After whatever the target printed (stdout writes stay in order), on a line of its own.
process.stdout.write(`\n${JSON.stringify(report)}\n`);
process.exitCode = report.exitCode;
