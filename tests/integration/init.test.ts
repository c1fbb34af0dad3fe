// `omnipress init`: a new site that builds, checks clean and publishes with no edit; it never
// replaces a file, and refuses a folder that is not empty unless asked to fill in what is missing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { page } from '../helpers/html.js';
import { brokenLinks, validationErrors } from '../helpers/site-check.js';
import { REPO, runCli, siteFromFiles } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const NOW = { OMNIPRESS_NOW: '2026-12-03T10:15:00+09:00' };

function init(cwd: string, ...args: string[]) {
  return runCli(['init', ...args], { cwd, env: NOW });
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}

describe('omnipress init', () => {
  it('makes a site that builds, checks clean, links its translations and shows its image under a sub-path', async () => {
    const parent = tempDir('omnipress-init-');
    const result = await init(parent, 'blog', '--base-url', 'https://user.github.io/blog/');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('cd blog');
    const root = path.join(parent, 'blog');
    for (const file of ['package.json', 'omnipress.yml', '.gitignore', 'README.md', 'public/images/logo.svg', '.github/workflows/pages.yml', '.github/workflows/check.yml']) {
      expect(fs.existsSync(path.join(root, file)), file).toBe(true);
    }
    for (const lang of ['ko', 'zh', 'en']) expect(fs.existsSync(path.join(root, `posts/${lang}/2026-12-03-welcome.md`)), lang).toBe(true);

    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(manifest.name).toBe('blog');
    expect(Object.keys(manifest.scripts)).toEqual(['build', 'serve', 'check', 'new']);
    // Run from this checkout, the site depends on this checkout (npm install then gets it).
    expect(manifest.dependencies.omnipress).toMatch(/^file:/);
    expect(path.resolve(root, manifest.dependencies.omnipress!.slice('file:'.length))).toBe(path.resolve(REPO));
    expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['_site/', '.omnipress-cache/', 'node_modules/']));
    // Every key of the config says what it is.
    const config = fs.readFileSync(path.join(root, 'omnipress.yml'), 'utf8');
    for (const key of ['title', 'languages', 'defaultLanguage', 'timeZone', 'baseUrl']) {
      const line = config.split('\n').findIndex((text) => text.startsWith(`${key}:`));
      expect(line, key).toBeGreaterThan(0);
      expect(config.split('\n')[line - 1], key).toMatch(/^#/);
    }

    const check = await runCli(['check'], { cwd: root });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout + check.stderr).toMatch(/0 errors, 0 warnings/);
    const build = await runCli(['build'], { cwd: root });
    expect(build.status, build.stderr).toBe(0);
    const site = path.join(root, '_site');
    expect(brokenLinks(site, '/blog/')).toEqual([]);
    expect(await validationErrors(site)).toEqual([]);

    const $ = page(root, 'ko/posts/welcome/index.html');
    expect($('h1').first().text()).toBe('블로그를 시작합니다');
    expect($('img[src="/blog/images/logo.svg"]')).toHaveLength(1);
    expect(fs.existsSync(path.join(site, 'images/logo.svg'))).toBe(true);
    expect($('pre.mermaid')).toHaveLength(1);
    expect($('pre code').text()).toContain('npm run build');
    // The welcome posts are translations of each other: the switcher lands on them.
    const alternates = $('link[rel="alternate"][hreflang]').map((_, el) => $(el).attr('href')).get();
    expect(alternates).toEqual(expect.arrayContaining(['https://user.github.io/blog/zh/posts/welcome/', 'https://user.github.io/blog/en/posts/welcome/']));
  });

  it('writes workflows that check, keep the build cache, pass the Pages URL and deploy', async () => {
    const root = tempDir('omnipress-init-');
    expect((await init(root)).status).toBe(0);
    const pages = parseYaml(fs.readFileSync(path.join(root, '.github/workflows/pages.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> };
    expect(Object.keys(pages.on)).toContain('push');
    const steps = pages.jobs.build!.steps;
    const at = (match: (step: Step) => boolean) => steps.findIndex(match);
    const cache = at((step) => step.uses?.startsWith('actions/cache@') ?? false);
    const check = at((step) => step.run === 'npx omnipress check');
    const build = at((step) => step.run?.startsWith('npx omnipress build') ?? false);
    expect(cache).toBeGreaterThan(-1);
    expect(steps[cache]!.with?.path).toBe('.omnipress-cache');
    expect(check).toBeGreaterThan(cache);
    expect(build).toBeGreaterThan(check);
    expect(steps[build]!.run).toContain('--base-url "${{ steps.pages.outputs.base_url }}/"');
    expect(steps[at((step) => step.uses?.startsWith('actions/upload-pages-artifact') ?? false)]!.with?.path).toBe('_site');
    expect(pages.jobs.deploy!.steps.some((step) => step.uses?.startsWith('actions/deploy-pages'))).toBe(true);

    const prs = parseYaml(fs.readFileSync(path.join(root, '.github/workflows/check.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> };
    expect(Object.keys(prs.on)).toEqual(['pull_request']);
    expect(Object.values(prs.jobs)[0]!.steps.map((step) => step.run)).toContain('npx omnipress check');
  });

  it('takes the languages, default language, title and time zone it is given', async () => {
    const root = tempDir('omnipress-init-');
    const result = await init(root, '--languages', 'en,ko', '--default', 'ko', '--title', 'Field notes', '--time-zone', 'Europe/Berlin');
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readdirSync(path.join(root, 'posts')).sort()).toEqual(['en', 'ko']);
    const config = parseYaml(fs.readFileSync(path.join(root, 'omnipress.yml'), 'utf8')) as Record<string, unknown>;
    expect(config.defaultLanguage).toBe('ko');
    expect(config.timeZone).toBe('Europe/Berlin');
    expect(config.title).toEqual({ en: 'Field notes', ko: 'Field notes' });
    // 10:15 in Seoul is 02:15 in Berlin, the same day.
    expect(fs.readFileSync(path.join(root, 'posts/en/2026-12-03-welcome.md'), 'utf8')).toContain('date: 2026-12-03 02:15:00 +0100');
    expect((await runCli(['build'], { cwd: root })).status).toBe(0);
    expect(page(root, 'index.html')('html').attr('lang')).toBe('ko');
  });

  it('refuses a folder that is not empty, and with --force adds only the missing files, replacing none', async () => {
    const root = siteFromFiles({ 'README.md': '# my notes\n', 'omnipress.yml': 'title: Mine\n' });
    const refused = await init(root);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/is not empty \(.*README\.md.*\); init a new folder, or pass --force/);
    expect(fs.readdirSync(root).sort()).toEqual(['README.md', 'omnipress.yml']);

    const forced = await init(root, '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toBe('# my notes\n');
    expect(fs.readFileSync(path.join(root, 'omnipress.yml'), 'utf8')).toBe('title: Mine\n');
    expect(forced.stdout).toContain('kept 2 existing files: omnipress.yml, README.md');
    expect(fs.existsSync(path.join(root, 'package.json'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'posts/ko/2026-12-03-welcome.md'))).toBe(true);
  });

  it.each([
    [['--languages', 'ko,,en!'], /--languages must be language codes/],
    [['--default', 'ja'], /--default ja is not one of --languages \(ko, zh, en\)/],
    [['--time-zone', 'Mars/Olympus'], /--time-zone must be an IANA time zone/],
    [['--base-url', 'not a url'], /--base-url must be an http\(s\) URL/],
    [['a', 'b'], /init takes one folder, got 2/],
  ])('a usage error exits 2 and writes nothing: %j', async (args, message) => {
    const root = tempDir('omnipress-init-');
    const result = await init(root, ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(fs.readdirSync(root)).toEqual([]);
  });
});
