// What the build cache (.omnipress-cache/) holds is published again by the next build, so none of
// it may change the site once it was damaged: a bit flipped anywhere in a cache file, or an entry
// edited by hand to carry a script, makes the build ignore that file with a note and redo what it
// held. Asserted on many bit flips at seeded random offsets of every cache file, each build's
// output compared byte for byte with a build of the same site without any cache.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page } from '../helpers/html.js';
import { buildSite, readTree, runCli, siteFromFiles } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const CHROMIUM = process.env.OMNIPRESS_CHROMIUM || '/usr/bin/chromium';
// Under CI a missing browser is a failure, never a silent skip.
const withBrowser = describe.skipIf(!fs.existsSync(CHROMIUM) && !process.env.CI);

/** Posts in three languages with tags, styled raw HTML and footnotes: every map of the cache is used. */
function files(config: string): Record<string, string> {
  const site: Record<string, string> = { 'omnipress.yml': `title: 무결성 시험\nbaseUrl: https://example.org/\n${config}` };
  for (let i = 1; i <= 4; i++) {
    site[`posts/ko/2024-04-0${i}-day-${i}.md`] =
      `---\ntitle: ${i}일의 소식\ntags: [경제, 태그${i}]\n---\n${i}일의 첫 문단입니다.[^1]\n\n<p style="color: red">강조된 문단</p>\n\n[^1]: 각주입니다.\n`;
  }
  site['posts/zh/2024-04-02-day-2.md'] = '---\ntitle: 二日消息\ntags: [经济]\n---\n第二天的第一段。\n';
  site['posts/en/2024-04-03-day-3.md'] = '---\ntitle: Day three\ntags: [economy]\n---\nThe first paragraph.\n\nThe last paragraph.\n';
  return site;
}
const POSTS = 6;

/** The same site built from scratch in another folder: what every build of `root` must equal. */
async function coldTree(root: string, options: Parameters<typeof buildSite>[1] = {}): Promise<Map<string, string>> {
  const copy = siteFromFiles({});
  fs.cpSync(root, copy, { recursive: true, filter: (src) => !/\.omnipress-cache|_site/.test(path.relative(root, src)) });
  const report = await buildSite(copy, options);
  expect(report.ok).toBe(true);
  return readTree(path.join(copy, '_site'));
}

/**
 * Hard links to every file of `dir`, elsewhere: the same files (size and mtime included), which
 * the cache's page entries recognise as the previous build's, put back before each trial.
 */
function linkedCopy(dir: string): (to: string) => void {
  const keep = tempDir('omnipress-kept-');
  const link = (from: string, to: string) => {
    for (const entry of fs.readdirSync(from, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const rel = path.relative(from, path.join(entry.parentPath, entry.name));
      fs.mkdirSync(path.dirname(path.join(to, rel)), { recursive: true });
      fs.linkSync(path.join(from, rel), path.join(to, rel));
    }
  };
  link(dir, keep);
  return (to) => {
    fs.rmSync(to, { recursive: true, force: true });
    link(keep, to);
  };
}

/** A seeded generator (mulberry32): the same offsets on every run, so a failure can be replayed. */
function random(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

const notesOn = (report: BuildReport, file: string) =>
  report.diagnostics.filter((d) => d.severity === 'info' && d.file === file && /damaged/.test(d.message));

/** Sealed pieces start with 4 bytes naming the format: a flip there reads as another format, ignored without a note. */
const MAGIC = 4;

describe('a damaged build cache', () => {
  it('never changes the published site: 40 bit flips in pipeline.bin, each ignored with a note', async () => {
    const root = siteFromFiles(files('search: false\n'));
    const cold = await coldTree(root);
    expect((await buildSite(root)).ok).toBe(true);
    const store = path.join(root, '.omnipress-cache/build/pipeline.bin');
    const saved = fs.readFileSync(store);
    const restoreSite = linkedCopy(path.join(root, '_site'));
    const next = random(17);
    for (let trial = 0; trial < 40; trial++) {
      const offset = next(saved.byteLength);
      const bit = next(8);
      const flipped = Buffer.from(saved);
      flipped[offset]! ^= 1 << bit;
      fs.writeFileSync(store, flipped);
      restoreSite(path.join(root, '_site'));
      const report = await buildSite(root);
      const where = `trial ${trial}: bit ${bit} of byte ${offset}`;
      expect(report.ok, where).toBe(true);
      expect(readTree(path.join(root, '_site')), where).toEqual(cold);
      expect(report.rendered?.markdownRenders, where).toBe(POSTS);
      // The header segment's format mark is at bytes 4–7, after its length.
      expect(notesOn(report, store), where).toHaveLength(offset >= 4 && offset < 4 + MAGIC ? 0 : 1);
    }
    // The real command, as a user runs it: exit 0 and the same site.
    const flipped = Buffer.from(saved);
    flipped[saved.byteLength >> 1]! ^= 4;
    fs.writeFileSync(store, flipped);
    restoreSite(path.join(root, '_site'));
    const cli = await runCli(['build', '--root', root, '--quiet']);
    expect(cli.status, cli.stderr).toBe(0);
    expect(readTree(path.join(root, '_site'))).toEqual(cold);
    // With the cache whole again, nothing is redone.
    fs.writeFileSync(store, saved);
    restoreSite(path.join(root, '_site'));
    const warm = await buildSite(root);
    expect(warm.rendered).toMatchObject({ markdownRenders: 0, pagesRendered: 0 });
    expect(warm.diagnostics.filter((d) => d.severity === 'info' && /damaged/.test(d.message))).toEqual([]);
  }, 120_000);

  it('never changes the search index: 40 bit flips across its cached parts, each part indexed again', async () => {
    const root = siteFromFiles(files('search: true\n'));
    const cold = await coldTree(root);
    expect((await buildSite(root)).ok).toBe(true);
    const dir = path.join(root, '.omnipress-cache/search');
    const parts = fs.readdirSync(dir).filter((name) => name.endsWith('.bin')).sort().map((name) => path.join(dir, name));
    expect(parts).toHaveLength(3);
    const saved = new Map(parts.map((file) => [file, fs.readFileSync(file)]));
    const restoreSite = linkedCopy(path.join(root, '_site'));
    const next = random(29);
    for (let trial = 0; trial < 40; trial++) {
      const file = parts[trial % parts.length]!;
      const bytes = Buffer.from(saved.get(file)!);
      const offset = next(bytes.byteLength);
      const bit = next(8);
      bytes[offset]! ^= 1 << bit;
      for (const [other, original] of saved) fs.writeFileSync(other, other === file ? bytes : original);
      restoreSite(path.join(root, '_site'));
      const report = await buildSite(root);
      const where = `trial ${trial}: ${path.basename(file)}, bit ${bit} of byte ${offset}`;
      expect(report.ok, where).toBe(true);
      expect(readTree(path.join(root, '_site')), where).toEqual(cold);
      expect(report.rendered?.searchPartsIndexed, where).toBe(1);
      expect(notesOn(report, file), where).toHaveLength(offset < MAGIC ? 0 : 1);
    }
  }, 300_000);

  it('keeps out a script written by hand into a cached post body and its feeds', async () => {
    const root = siteFromFiles(files('search: false\n'));
    expect((await buildSite(root)).ok).toBe(true);
    const store = path.join(root, '.omnipress-cache/build/pipeline.bin');
    // Same length, so that the edit keeps every segment's length right: only the checksum can tell.
    const latin1 = fs.readFileSync(store, 'latin1');
    expect(latin1).toContain('The first paragraph.');
    fs.writeFileSync(store, latin1.replaceAll('The first paragraph.', '<script>x()</script>'), 'latin1');
    // Pages missing from the output folder are rendered again, from the cached bodies.
    fs.rmSync(path.join(root, '_site'), { recursive: true });

    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    const $ = page(root, 'en/posts/day-3/index.html');
    expect($('script').filter((_, el) => $(el).text().includes('x()'))).toHaveLength(0);
    expect($('.post-body p').first().text()).toBe('The first paragraph.');
    for (const [rel] of readTree(path.join(root, '_site'))) {
      expect(fs.readFileSync(path.join(root, '_site', rel), 'latin1'), rel).not.toContain('x()</script>');
    }
    expect(notesOn(report, store)).toHaveLength(1);
  });
});

withBrowser('a damaged diagram in the build cache', () => {
  const diagram = '```mermaid\nflowchart LR\n  A[입력] --> B((모델)) --> C[출력]\n```';
  const site = () => siteFromFiles({ 'posts/ko/2024-05-14-diagram.md': `---\ntitle: 다이어그램\n---\n첫 문단.\n\n${diagram}\n`, 'omnipress.yml': 'search: false\n' });
  const build = (root: string) => buildSite(root, { mermaid: 'build' });
  const entries = (root: string) => {
    const dir = path.join(root, '.omnipress-cache/mermaid');
    return fs.readdirSync(dir).filter((name) => !name.endsWith('.tmp')).map((name) => path.join(dir, name));
  };

  it('is rendered again, never published with a script edited into it', async () => {
    const root = site();
    expect((await build(root)).diagrams).toMatchObject({ rendered: 1, cached: 0 });
    const cold = readTree(path.join(root, '_site'));
    const [entry] = entries(root);
    const latin1 = fs.readFileSync(entry!, 'latin1');
    fs.writeFileSync(entry!, latin1.replace('</svg>', '<script>alert(document.domain)</script></svg>'), 'latin1');

    const report = await build(root);
    expect(report.ok).toBe(true);
    const $ = page(root, 'ko/posts/diagram/index.html');
    expect($('figure.diagram svg')).toHaveLength(2);
    expect($('script').filter((_, el) => $(el).text().includes('alert'))).toHaveLength(0);
    expect(readTree(path.join(root, '_site'))).toEqual(cold);
    expect(report.diagrams).toMatchObject({ rendered: 1, cached: 0 });
    expect(notesOn(report, entry!)).toHaveLength(1);
  }, 120_000);

  it('never changes the published page: bit flips across the entry, each rendered again', async () => {
    const root = site();
    expect((await build(root)).ok).toBe(true);
    const cold = readTree(path.join(root, '_site'));
    const [entry] = entries(root);
    const saved = fs.readFileSync(entry!);
    const next = random(43);
    // Each trial starts Chromium again: a few, spread over the whole entry.
    for (let trial = 0; trial < 4; trial++) {
      const offset = trial * Math.floor(saved.byteLength / 4) + next(Math.floor(saved.byteLength / 4));
      const bit = next(8);
      const flipped = Buffer.from(saved);
      flipped[offset]! ^= 1 << bit;
      fs.writeFileSync(entry!, flipped);
      const report = await build(root);
      const where = `trial ${trial}: bit ${bit} of byte ${offset}`;
      expect(report.ok, where).toBe(true);
      expect(report.diagrams, where).toMatchObject({ rendered: 1, cached: 0 });
      expect(readTree(path.join(root, '_site')), where).toEqual(cold);
    }
  }, 240_000);
});
