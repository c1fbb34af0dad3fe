// The flagship site and a fixture with every feature, at the root and under a sub-path: no broken
// internal link, and valid HTML on every page.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks, htmlFiles, validationErrors } from '../helpers/site-check.js';
import { REPO, buildSite, siteFromFixture } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

function tempOut(): string {
  return path.join(tempDir('omnipress-quality-'), '_site');
}

describe.each([
  { name: 'the flagship site', basePath: '/', baseUrl: undefined },
  { name: 'the flagship site under /omnipress/', basePath: '/omnipress/', baseUrl: 'https://example.github.io/omnipress/' },
])('$name', ({ basePath, baseUrl }) => {
  const out = tempOut();
  beforeAll(async () => {
    const report = await buildSite(REPO, { out, baseUrl });
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('has every page a reader can reach', () => {
    const pages = htmlFiles(out);
    for (const lang of ['ko', 'zh', 'en']) expect(pages.filter((p) => p.startsWith(`${lang}/posts/`)).length).toBeGreaterThanOrEqual(2);
    expect(pages).toContain('index.html');
    expect(pages).toContain('404.html');
  });

  it('has no broken internal link', () => {
    expect(brokenLinks(out, basePath)).toEqual([]);
  });

  it('is valid HTML on every page', async () => {
    expect(await validationErrors(out)).toEqual([]);
  });
});

describe('a fixture with Jekyll posts, diagrams and raw HTML under https://example.org/sub/', () => {
  const root = siteFromFixture('jekyll-chirpy');
  beforeAll(async () => {
    fs.cpSync(path.join(REPO, 'tests/fixtures/template-syntax/posts'), path.join(root, 'posts'), { recursive: true });
    expect((await buildSite(root, { baseUrl: 'https://example.org/sub/' })).ok).toBe(true);
  });

  it('has no broken internal link', () => {
    expect(brokenLinks(path.join(root, '_site'), '/sub/')).toEqual([]);
  });

  it('is valid HTML on every page', async () => {
    expect(await validationErrors(path.join(root, '_site'))).toEqual([]);
  });
});

describe('the link checker', () => {
  it('finds a link that goes nowhere, and one without the base path', () => {
    const dir = tempDir('omnipress-links-');
    fs.writeFileSync(path.join(dir, 'index.html'), '<a href="/sub/missing/">x</a><a href="/index.html">y</a><a href="/sub/">z</a>');
    expect(brokenLinks(dir, '/sub/')).toEqual(['index.html → /sub/missing/', 'index.html → /index.html']);
  });
});

describe('the pull-request check workflow', () => {
  it('runs omnipress check on every pull request after npm ci', () => {
    const workflow = parseYaml(fs.readFileSync(path.join(REPO, '.github/workflows/check.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      jobs: { check: { steps: Array<{ run?: string }> } };
    };
    expect(Object.keys(workflow.on)).toContain('pull_request');
    const runs = workflow.jobs.check.steps.map((step) => step.run).filter(Boolean);
    expect(runs).toEqual(['npm ci', 'npx omnipress check']);
  });

  it('passes on the flagship site as committed', () => {
    const result = spawnSync(process.execPath, [path.join(REPO, 'bin/omnipress.js'), 'check', '--root', REPO], { encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: 'true' } });
    expect(result.stdout).not.toContain('::error');
    expect(result.status).toBe(0);
  });
});

describe('the GitHub Pages workflow', () => {
  it("builds with the README's commands and the repository's Pages URL, and deploys _site", () => {
    const workflow = parseYaml(fs.readFileSync(path.join(REPO, '.github/workflows/pages.yml'), 'utf8')) as {
      jobs: { build: { steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> } };
    };
    const steps = workflow.jobs.build.steps;
    const runs = steps.map((step) => step.run).filter(Boolean);
    expect(runs).toContain('npm ci');
    expect(runs.some((run) => /^npm run build -- --base-url "\$\{\{ steps\.pages\.outputs\.base_url \}\}\/"$/.test(run!))).toBe(true);
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path).toBe('_site');
    // check fails the job on content errors before anything is built or deployed
    expect(runs.indexOf('npx omnipress check')).toBeGreaterThan(runs.indexOf('npm ci'));
    expect(runs.indexOf('npx omnipress check')).toBeLessThan(runs.findIndex((run) => run!.startsWith('npm run build')));
    // The build cache is restored before the build and saved after it (actions/cache does both).
    const cacheAt = steps.findIndex((step) => step.uses?.startsWith('actions/cache@'));
    expect(cacheAt).toBeGreaterThan(-1);
    expect(steps[cacheAt]!.with?.path).toBe('.omnipress-cache');
    expect(steps[cacheAt]!.with?.key).toContain('${{ github.sha }}');
    expect(steps[cacheAt]!.with?.['restore-keys']).toBeTruthy();
    expect(cacheAt).toBeLessThan(steps.findIndex((step) => step.run?.startsWith('npm run build')));
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    expect(readme.split('\n').slice(0, 6).join('\n')).toContain('npm ci && npm run build');
  });
});
